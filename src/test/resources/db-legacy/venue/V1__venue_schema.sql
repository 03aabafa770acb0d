-- Venue service: venues, rooms, tables, opening hours, special days, and its outbox.

CREATE TABLE venues (
  id          UUID PRIMARY KEY,
  name        TEXT NOT NULL,
  timezone    TEXT NOT NULL,
  address     TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX venues_listing ON venues (created_at, id);

CREATE TABLE rooms (
  id         UUID PRIMARY KEY,
  venue_id   UUID NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX rooms_listing ON rooms (venue_id, created_at, id);

CREATE TABLE dining_tables (
  id         UUID PRIMARY KEY,
  room_id    UUID NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  venue_id   UUID NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  capacity   INT NOT NULL CHECK (capacity >= 1),
  can_merge  BOOLEAN NOT NULL DEFAULT false,
  zone       TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT dining_tables_name_per_room UNIQUE (room_id, name)
);
CREATE INDEX dining_tables_by_room ON dining_tables (room_id, created_at, id);
CREATE INDEX dining_tables_by_venue ON dining_tables (venue_id, created_at, id);

-- Several ranges per weekday (lunch, dinner); close_time <= open_time closes after midnight.
CREATE TABLE opening_hours (
  venue_id   UUID NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  weekday    SMALLINT NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  open_time  TIME NOT NULL,
  close_time TIME NOT NULL,
  PRIMARY KEY (venue_id, weekday, open_time)
);

-- A date whose hours differ from its weekday's: closed all day, or its own ranges.
CREATE TABLE special_days (
  venue_id   UUID NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  day        DATE NOT NULL,
  is_closed  BOOLEAN NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, day)
);

CREATE TABLE special_ranges (
  venue_id   UUID NOT NULL,
  day        DATE NOT NULL,
  open_time  TIME NOT NULL,
  close_time TIME NOT NULL,
  PRIMARY KEY (venue_id, day, open_time),
  FOREIGN KEY (venue_id, day) REFERENCES special_days (venue_id, day) ON DELETE CASCADE
);

CREATE TABLE outbox (
  id              BIGSERIAL PRIMARY KEY,
  event_id        UUID NOT NULL UNIQUE,
  topic           TEXT NOT NULL,
  aggregate_id    TEXT NOT NULL,
  event_type      TEXT NOT NULL,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dlq')),
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error      TEXT,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  sent_at         TIMESTAMPTZ
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE status = 'pending';
