package io.booker.gateway.auth.adapter;

import io.booker.common.ErrorCode;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Role;
import io.booker.gateway.auth.IdentityStore;
import io.booker.gateway.auth.domain.User;
import io.booker.platform.pg.Sql;
import io.booker.platform.pg.SqlStates;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Users and refresh tokens in the gateway's PostgreSQL database. */
public final class PgIdentityStore implements IdentityStore {

  static final String SERVICE = "gateway";

  private final Pool pool;

  public PgIdentityStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Optional<User>> findByLogin(String login) {
    return Sql.timed(SERVICE, "select_user_by_login", () -> pool.preparedQuery(IdentitySql.USER_BY_LOGIN).execute(Tuple.of(login))
      .map(PgIdentityStore::firstUser));
  }

  @Override
  public Future<Optional<User>> findById(UUID id) {
    return Sql.timed(SERVICE, "select_user", () -> pool.preparedQuery(IdentitySql.USER_BY_ID).execute(Tuple.of(id))
      .map(PgIdentityStore::firstUser));
  }

  @Override
  public Future<User> insert(User user) {
    return Sql.timed(SERVICE, "insert_user", () -> pool.preparedQuery(IdentitySql.INSERT_USER).execute(insertTuple(user))
      .map(rows -> user(rows.iterator().next()))
      .recover(t -> Future.failedFuture(loginTaken(t, user.login()))));
  }

  @Override
  public Future<Boolean> insertFirstUser(User admin) {
    return Sql.timed(SERVICE, "insert_first_user", () -> pool.withTransaction(conn ->
      conn.query(IdentitySql.LOCK_FIRST_USER).execute()
        .compose(v -> conn.preparedQuery(IdentitySql.INSERT_FIRST_USER).execute(insertTuple(admin)))
        .map(rows -> rows.rowCount() == 1)));
  }

  @Override
  public Future<Boolean> hasUsers() {
    return Sql.timed(SERVICE, "select_any_user", () -> pool.query(IdentitySql.HAS_USERS).execute()
      .map(rows -> rows.iterator().next().getBoolean("any")));
  }

  @Override
  public Future<Page> list(Paging paging) {
    return Sql.timed(SERVICE, "select_users", () -> pool.preparedQuery(IdentitySql.LIST_USERS)
      .execute(Tuple.of(paging.limit(), paging.offset()))
      .map(rows -> {
        long total = 0;
        List<User> users = new ArrayList<>();
        for (Row r : rows) {
          total = r.getLong("total");
          if (r.getUUID("id") != null) {
            users.add(user(r));
          }
        }
        return new Page(users, total);
      }));
  }

  @Override
  public Future<Optional<User>> update(UUID id, Function<User, Write> change) {
    return Sql.timed(SERVICE, "update_user", () -> pool.withTransaction(conn ->
      conn.preparedQuery(IdentitySql.USER_BY_ID_FOR_UPDATE).execute(Tuple.of(id)).compose(rows -> {
        Optional<User> current = firstUser(rows);
        if (current.isEmpty()) {
          return Future.succeededFuture(Optional.<User>empty());
        }
        Write write = change.apply(current.get());
        User u = write.user();
        Tuple t = Tuple.tuple().addValue(id).addValue(u.displayName()).addValue(u.role().wireName())
          .addValue(u.venueIds().toArray(new UUID[0])).addValue(u.disabled()).addValue(u.accessVersion());
        return conn.preparedQuery(IdentitySql.UPDATE_USER).execute(t)
          .compose(updated -> endSessions(conn, id, null, write.endSessions()).map(v -> firstUser(updated)));
      })));
  }

  @Override
  public Future<Optional<User>> setPassword(UUID id, String passwordHash, UUID keepSession) {
    return Sql.timed(SERVICE, "update_password", () -> pool.withTransaction(conn ->
      conn.preparedQuery(IdentitySql.SET_PASSWORD).execute(Tuple.of(id, passwordHash)).compose(rows -> {
        Optional<User> user = firstUser(rows);
        return endSessions(conn, id, keepSession, user.isPresent()).map(v -> user);
      })));
  }

  @Override
  public Future<Void> startSession(byte[] tokenHash, UUID session, UUID userId, Duration ttl, Duration sessionMax) {
    Tuple t = Tuple.tuple().addValue(Buffer.buffer(tokenHash)).addValue(session).addValue(userId)
      .addValue(ttl.toSeconds()).addValue(sessionMax.toSeconds());
    return Sql.timed(SERVICE, "insert_refresh_token", () -> pool.preparedQuery(IdentitySql.START_SESSION).execute(t).mapEmpty());
  }

  @Override
  public Future<Rotation> rotate(byte[] tokenHash, byte[] nextHash, Duration ttl, Duration sessionMax) {
    Buffer spent = Buffer.buffer(tokenHash);
    Tuple t = Tuple.tuple().addValue(spent).addValue(Buffer.buffer(nextHash)).addValue(ttl.toSeconds()).addValue(sessionMax.toSeconds());
    return Sql.timed(SERVICE, "rotate_refresh_token", () -> pool.preparedQuery(IdentitySql.ROTATE).execute(t).compose(rows -> {
      if (rows.size() > 0) {
        Row r = rows.iterator().next();
        return Future.succeededFuture(new Rotated(r.getUUID("family_id"), user(r)));
      }
      return pool.preparedQuery(IdentitySql.REVOKE_IF_REUSED).execute(Tuple.of(spent)).map(reused -> {
        if (reused.size() == 0) {
          return new Refused();
        }
        Row r = reused.iterator().next();
        return new Reused(r.getUUID("family_id"), r.getUUID("user_id"));
      });
    }));
  }

  @Override
  public Future<Optional<UUID>> endSessionOf(byte[] tokenHash) {
    return Sql.timed(SERVICE, "revoke_refresh_family", () -> pool.preparedQuery(IdentitySql.END_SESSION_OF_TOKEN)
      .execute(Tuple.of(Buffer.buffer(tokenHash)))
      .map(rows -> rows.size() == 0 ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID("family_id"))));
  }

  @Override
  public Future<Void> endSession(UUID session) {
    return Sql.timed(SERVICE, "revoke_refresh_family", () -> pool.preparedQuery(IdentitySql.END_SESSION).execute(Tuple.of(session))
      .mapEmpty());
  }

  @Override
  public Future<Integer> deleteExpired(Duration age) {
    return Sql.timed(SERVICE, "delete_refresh_tokens", () -> pool.preparedQuery(IdentitySql.DELETE_EXPIRED)
      .execute(Tuple.of(age.toSeconds())).map(RowSet::rowCount));
  }

  private static Future<Void> endSessions(SqlConnection conn, UUID userId, UUID keep, boolean really) {
    if (!really) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(IdentitySql.END_SESSIONS_OF_USER).execute(Tuple.of(userId, keep)).mapEmpty();
  }

  private static Tuple insertTuple(User user) {
    // addValue, not Tuple.of: Tuple.of would spread the array as further values.
    return Tuple.tuple().addValue(user.id()).addValue(user.login()).addValue(user.displayName()).addValue(user.passwordHash())
      .addValue(user.role().wireName()).addValue(user.venueIds().toArray(new UUID[0]));
  }

  private static Throwable loginTaken(Throwable t, String login) {
    if (SqlStates.is(t, SqlStates.UNIQUE_VIOLATION)) {
      return new ServiceException(ErrorCode.ALREADY_EXISTS, "login '" + login + "' is taken");
    }
    return t;
  }

  private static Optional<User> firstUser(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(user(rows.iterator().next()));
  }

  private static User user(Row r) {
    UUID[] venues = r.getArrayOfUUIDs("venue_ids");
    return new User(r.getUUID("id"), r.getString("login"), r.getString("display_name"), r.getString("password_hash"),
      Role.parse("role", r.getString("role")), venues == null ? List.of() : Arrays.asList(venues), r.getBoolean("disabled"),
      r.getLong("access_version"), r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
  }
}
