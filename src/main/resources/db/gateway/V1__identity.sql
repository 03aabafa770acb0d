-- Identity: users and their refresh tokens. Owned by the gateway.

CREATE TABLE users (
  id             uuid PRIMARY KEY,
  -- Stored lower case; unique whatever the case (users_login_key).
  login          text NOT NULL CHECK (login = lower(login) AND length(login) BETWEEN 3 AND 64),
  display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  -- A PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash): the parameters travel with the hash.
  password_hash  text NOT NULL CHECK (password_hash LIKE '$%'),
  role           text NOT NULL CHECK (role IN ('admin', 'manager', 'host')),
  venue_ids      uuid[] NOT NULL DEFAULT '{}',
  disabled       boolean NOT NULL DEFAULT false,
  -- Raised by every change of role, venues, password or disabled flag; access tokens carry it.
  access_version bigint NOT NULL DEFAULT 1 CHECK (access_version >= 1),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_venues_of_role CHECK (role = 'admin' OR cardinality(venue_ids) > 0)
);

-- Look-ups by login and the list order.
CREATE UNIQUE INDEX users_login_key ON users (lower(login));

-- Refresh tokens are opaque; only their SHA-256 is kept. A family is one login session: every
-- rotation adds a token to it, and presenting a used token revokes the whole family.
CREATE TABLE refresh_tokens (
  token_hash  bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  family_id   uuid NOT NULL,
  user_id     uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz
);

-- Revoking a family (reuse, logout) and finding its start (the session's age).
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
-- Revoking every live family of a user (disabled, password changed or reset).
CREATE INDEX refresh_tokens_live_by_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL;
-- The sweep of long-dead rows.
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);
