package io.booker.platform.pg;

import io.booker.platform.config.PgSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Each service owns one database on the PostgreSQL server. At start-up a service creates its
 * database if missing, migrates it with Flyway ({@code classpath:db/<service>}, and beside it the
 * locations of what the service shares with others, such as {@code OutboxSchema}'s) and opens a pool.
 */
public final class PgDatabases {

  private static final Logger log = LoggerFactory.getLogger(PgDatabases.class);
  private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private PgDatabases() {
  }

  /** Creates (if needed) and migrates {@code database}, then opens a pool on it. */
  public static Future<Pool> prepare(Vertx vertx, PgSettings pg, String database, String migrations) {
    return prepare(vertx, pg, database, migrations, Map.of());
  }

  /**
   * As {@link #prepare(Vertx, PgSettings, String, String)}; every connection of the pool starts with
   * {@code settings} (PostgreSQL run-time parameters such as {@code lock_timeout}).
   */
  public static Future<Pool> prepare(Vertx vertx, PgSettings pg, String database, String migrations, Map<String, String> settings) {
    return prepare(vertx, pg, database, location(migrations), settings);
  }

  /** As {@link #prepare(Vertx, PgSettings, String, String, Map)}, the schema brought up to date by {@code migrations}. */
  public static Future<Pool> prepare(Vertx vertx, PgSettings pg, String database, Migrations migrations, Map<String, String> settings) {
    return ensureDatabase(vertx, pg, database)
      .compose(v -> migrate(vertx, pg, database, migrations))
      .map(v -> pool(vertx, pg, database, pg.poolSize(), settings));
  }

  /** The Flyway migrations at {@code classpath:<location>}, recorded in Flyway's default history table. */
  public static Migrations location(String location) {
    return (pg, database) -> migrate(flyway(pg, database, location).load(), database);
  }

  /** Flyway on {@code database}, with the migrations at {@code classpath:<location>}. */
  public static FluentConfiguration flyway(PgSettings pg, String database, String location) {
    return Flyway.configure()
      .dataSource(pg.jdbcUrl(database), pg.user(), pg.password())
      .locations("classpath:" + location);
  }

  /** Runs {@code flyway}'s pending migrations and logs what it did ({@code event=database_migrated}). Blocking. */
  public static MigrateResult migrate(Flyway flyway, String database) {
    MigrateResult result = flyway.migrate();
    log.info("event=database_migrated database={} applied={} version={}", database, result.migrationsExecuted, result.targetSchemaVersion);
    return result;
  }

  public static Pool pool(Vertx vertx, PgSettings pg, String database, int maxSize) {
    return pool(vertx, pg, database, maxSize, Map.of());
  }

  /** A pool whose connections start with {@code settings} (sent with the start-up message, no extra round trip). */
  public static Pool pool(Vertx vertx, PgSettings pg, String database, int maxSize, Map<String, String> settings) {
    PgConnectOptions options = connectOptions(pg, database);
    settings.forEach(options::addProperty);
    return PgBuilder.pool()
      .with(new PoolOptions().setMaxSize(maxSize).setName("pg-" + database + "-" + maxSize + "-" + settings.hashCode()).setShared(false))
      .connectingTo(options)
      .using(vertx)
      .build();
  }

  static PgConnectOptions connectOptions(PgSettings pg, String database) {
    return new PgConnectOptions()
      .setHost(pg.host()).setPort(pg.port())
      .setUser(pg.user()).setPassword(pg.password())
      .setDatabase(database)
      .setCachePreparedStatements(true);
  }

  static Future<Void> ensureDatabase(Vertx vertx, PgSettings pg, String database) {
    if (!SAFE_NAME.matcher(database).matches()) {
      return Future.failedFuture(new IllegalArgumentException("invalid database name: " + database));
    }
    return PgConnection.connect(vertx, connectOptions(pg, pg.bootstrapDatabase()))
      .recover(t -> Future.failedFuture(new IllegalStateException(
        "PostgreSQL is not reachable at " + pg.host() + ":" + pg.port() + " (" + t.getMessage() + ")", t)))
      .compose(conn -> conn.preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1").execute(Tuple.of(database))
        .compose(rows -> rows.size() > 0
          ? Future.<Void>succeededFuture()
          : conn.query("CREATE DATABASE " + database).execute().<Void>mapEmpty()
            // Two nodes starting at once may race here; the loser sees duplicate_database.
            .recover(t -> SqlStates.is(t, SqlStates.DUPLICATE_DATABASE) || SqlStates.is(t, SqlStates.UNIQUE_VIOLATION)
              ? Future.succeededFuture() : Future.failedFuture(t))
            .onSuccess(v -> log.info("event=database_created database={}", database)))
        .eventually(conn::close));
  }

  static Future<Void> migrate(Vertx vertx, PgSettings pg, String database, Migrations migrations) {
    // Flyway speaks JDBC: run it once, at start-up, on a worker thread.
    return vertx.executeBlocking(() -> {
      migrations.migrate(pg, database);
      return null;
    }, false);
  }
}
