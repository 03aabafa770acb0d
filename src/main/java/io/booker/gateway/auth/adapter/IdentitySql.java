package io.booker.gateway.auth.adapter;

/** SQL of the gateway's identity database (users, refresh tokens). */
final class IdentitySql {

  private IdentitySql() {
  }

  static final String USER_COLUMNS =
    "u.id, u.login, u.display_name, u.password_hash, u.role, u.venue_ids, u.disabled, u.access_version, u.created_at, u.updated_at";

  /** $1: the folded login. Served by the unique index on lower(login). */
  static final String USER_BY_LOGIN = "SELECT " + USER_COLUMNS + " FROM users u WHERE lower(u.login) = $1";

  static final String USER_BY_ID = "SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = $1";

  static final String USER_BY_ID_FOR_UPDATE = USER_BY_ID + " FOR UPDATE";

  static final String INSERT_USER =
    "INSERT INTO users AS u (id, login, display_name, password_hash, role, venue_ids, disabled, access_version, created_at, updated_at) "
      + "VALUES ($1, $2, $3, $4, $5, $6, false, 1, now(), now()) RETURNING " + USER_COLUMNS;

  /**
   * Taken before looking for any user, so two gateways creating the first admin at once take turns;
   * the second then sees the first's row (its statement starts after the first committed).
   */
  static final String LOCK_FIRST_USER = "SELECT pg_advisory_xact_lock(hashtextextended('booker.identity.first_user', 0))";

  static final String INSERT_FIRST_USER =
    "INSERT INTO users AS u (id, login, display_name, password_hash, role, venue_ids, disabled, access_version, created_at, updated_at) "
      + "SELECT $1, $2, $3, $4, $5, $6, false, 1, now(), now() WHERE NOT EXISTS (SELECT 1 FROM users) RETURNING u.id";

  static final String HAS_USERS = "SELECT EXISTS (SELECT 1 FROM users) AS any";

  /** A page in login order and the total, in one round trip (the total even past the last page). */
  static final String LIST_USERS =
    "SELECT t.total, " + USER_COLUMNS + " FROM (SELECT count(*) AS total FROM users) t "
      + "LEFT JOIN LATERAL (SELECT * FROM users ORDER BY lower(login) LIMIT $1 OFFSET $2) u ON true ORDER BY lower(u.login)";

  static final String UPDATE_USER =
    "UPDATE users u SET display_name = $2, role = $3, venue_ids = $4, disabled = $5, access_version = $6, updated_at = now() "
      + "WHERE u.id = $1 RETURNING " + USER_COLUMNS;

  static final String SET_PASSWORD =
    "UPDATE users u SET password_hash = $2, access_version = u.access_version + 1, updated_at = now() "
      + "WHERE u.id = $1 RETURNING " + USER_COLUMNS;

  /** Revokes every live session of user $1 but session $2 (null: all). */
  static final String END_SESSIONS_OF_USER =
    "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2";

  /**
   * A session's first token: $1 hash, $2 session, $3 user, lives $4 seconds, but never past the
   * session's maximum age $5 seconds.
   */
  static final String START_SESSION =
    "INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at) "
      + "VALUES ($1, $2, $3, now(), now() + LEAST($4::bigint, $5::bigint) * interval '1 second')";

  /**
   * Spends token $1 (unused, unrevoked, unexpired) and adds token $2 to its session, living $3
   * seconds but not past the session's start plus $4 seconds; answers the session and the user as
   * they are now. No row: the token was not spendable. Every token of a session expires by the
   * session's maximum age, so an unexpired token is one of a session still young enough.
   */
  static final String ROTATE =
    "WITH spent AS (UPDATE refresh_tokens SET used_at = now() "
      + "    WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() "
      + "    RETURNING family_id, user_id), "
      + "  next AS (INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at) "
      + "    SELECT $2, s.family_id, s.user_id, now(), LEAST(now() + $3::bigint * interval '1 second', "
      + "      (SELECT min(f.created_at) FROM refresh_tokens f WHERE f.family_id = s.family_id) + $4::bigint * interval '1 second') "
      + "    FROM spent s RETURNING family_id, user_id) "
      + "SELECT n.family_id, " + USER_COLUMNS + " FROM next n JOIN users u ON u.id = n.user_id";

  /**
   * After a token could not be spent: if it was spent before (reuse, a sign of theft), revokes
   * its whole session and answers it; no row otherwise (unknown, expired or revoked already).
   */
  static final String REVOKE_IF_REUSED =
    "WITH t AS (SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1 AND used_at IS NOT NULL AND revoked_at IS NULL), "
      + "  r AS (UPDATE refresh_tokens x SET revoked_at = now() FROM t WHERE x.family_id = t.family_id AND x.revoked_at IS NULL) "
      + "SELECT family_id, user_id FROM t";

  /** Revokes the session of token $1 (logout); answers the session, revoked now or before. */
  static final String END_SESSION_OF_TOKEN =
    "WITH t AS (SELECT family_id FROM refresh_tokens WHERE token_hash = $1), "
      + "  r AS (UPDATE refresh_tokens x SET revoked_at = now() FROM t WHERE x.family_id = t.family_id AND x.revoked_at IS NULL) "
      + "SELECT family_id FROM t";

  static final String END_SESSION = "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL";

  static final String DELETE_EXPIRED = "DELETE FROM refresh_tokens WHERE expires_at < now() - $1::bigint * interval '1 second'";
}
