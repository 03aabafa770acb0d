package io.booker.platform.outbox;

import io.booker.platform.config.PgSettings;
import io.booker.platform.pg.Migrations;
import io.booker.platform.pg.PgDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code outbox} table's schema, owned here for every service that has an outbox: the Flyway
 * location {@value #LOCATION}, run beside the service's own location with a history table of its
 * own ({@value #HISTORY_TABLE}), so that its versions are the outbox's and the same in every
 * database.
 *
 * <p>Order, in a new database: the service's migrations (Flyway refuses to start a history in a
 * schema that has tables, so the service, whose history is the default table, goes first), then
 * a baseline of the outbox's history at version 0 and the outbox's migrations from V1.
 *
 * <p>Databases made before this location existed carry the outbox in the service's own migrations
 * ({@link #CARRIED_BY}). Those files now hold only the service's tables, so the service's history
 * no longer matches them: Flyway's validation would refuse the changed checksums and the versions
 * that moved out. Such a database is adopted once, when it has an {@code outbox} table and no
 * {@value #HISTORY_TABLE}: the service's history is checked to differ from its files at those
 * versions only (anything else fails the start, as Flyway would have), then {@link Flyway#repair()}
 * realigns it (the checksums and descriptions of the edited versions; the moved ones are marked
 * deleted), and the outbox's history is baselined at the outbox version the service's migrations
 * had reached, so that later outbox versions apply on top. Every step is idempotent and the whole
 * runs under a PostgreSQL advisory lock, so nodes starting together, or a start that stopped half
 * way, end in the same state.
 */
public final class OutboxSchema {

  private static final Logger log = LoggerFactory.getLogger(OutboxSchema.class);

  /** The outbox's migrations: {@code classpath:db/outbox}. */
  public static final String LOCATION = "db/outbox";
  /** The outbox's Flyway history, beside the service's {@code flyway_schema_history}. */
  public static final String HISTORY_TABLE = "outbox_schema_history";

  /**
   * Where the outbox lived before {@value #LOCATION}: for each service location that carried it,
   * the versions that created or changed the outbox and the outbox version each one reached
   * (venue's V6 added the traceparent column, which is the outbox's V4). These versions of the
   * service's files were edited or moved to {@value #LOCATION}; no other version may differ.
   */
  static final Map<String, Map<String, String>> CARRIED_BY = Map.of(
    "db/venue", Map.of("1", "1", "2", "2", "3", "3", "6", "4", "7", "5"),
    "db/booking", Map.of("1", "1", "2", "2", "3", "3", "4", "4", "5", "5"));

  /** Keeps two nodes from adopting or baselining the same database at once ("booker_outbox_schema"). */
  private static final long LOCK_KEY = 0x626f6f6b65724fL;

  private OutboxSchema() {
  }

  /** The service's own migrations at {@code serviceLocation}, then the outbox's. */
  public static Migrations beside(String serviceLocation) {
    return (pg, database) -> migrate(pg, database, serviceLocation);
  }

  static void migrate(PgSettings pg, String database, String serviceLocation) {
    Flyway service = PgDatabases.flyway(pg, database, serviceLocation).load();
    try (Connection conn = DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password())) {
      lock(conn);
      try {
        boolean outboxHistory = exists(conn, HISTORY_TABLE);
        Optional<String> carried = outboxHistory || !exists(conn, "outbox") ? Optional.empty()
          : Optional.of(adopt(conn, service, serviceLocation, database));
        PgDatabases.migrate(service, database);
        Flyway outbox = PgDatabases.flyway(pg, database, LOCATION).table(HISTORY_TABLE)
          .baselineVersion(carried.orElse("0"))
          .baselineDescription(carried.isPresent() ? "outbox made by " + serviceLocation : "no outbox yet")
          .load();
        if (!outboxHistory) {
          outbox.baseline();
        }
        MigrateResult result = outbox.migrate();
        log.info("event=outbox_schema_migrated database={} applied={} version={}", database, result.migrationsExecuted,
          result.targetSchemaVersion);
      } finally {
        unlock(conn);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not migrate the outbox of database " + database + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes the service's history match its files again after the outbox moved out of them, and
   * answers the outbox version the service's migrations had reached.
   */
  private static String adopt(Connection conn, Flyway service, String serviceLocation, String database) throws SQLException {
    Map<String, String> carriedBy = CARRIED_BY.get(serviceLocation);
    if (carriedBy == null) {
      throw new IllegalStateException("database " + database + " has an outbox table but no " + HISTORY_TABLE
        + ", and " + serviceLocation + " never carried the outbox");
    }
    String history = service.getConfiguration().getTable();
    if (!exists(conn, history)) {
      throw new IllegalStateException("database " + database + " has an outbox table but no " + history);
    }
    String reached = null;
    for (String version : appliedVersions(conn, history)) {
      String outboxVersion = carriedBy.get(version);
      if (outboxVersion != null
        && (reached == null || MigrationVersion.fromVersion(outboxVersion).compareTo(MigrationVersion.fromVersion(reached)) > 0)) {
        reached = outboxVersion;
      }
    }
    if (reached == null) {
      throw new IllegalStateException("database " + database + " has an outbox table that none of " + serviceLocation
        + "'s applied migrations made");
    }
    // Pending versions are not a difference (they run next). Versions above the service's newest file
    // (venue's V6 and V7, booking's V5 moved out) are "future" to Flyway, which by default neither
    // reports nor repairs them; they must be marked deleted too, or the service's next V6 would be
    // out of order. So this Flyway ignores pending versions only, for the check and the repair.
    Flyway adopter = Flyway.configure().configuration(service.getConfiguration()).ignoreMigrationPatterns("*:pending").load();
    ValidateResult validation = adopter.validateWithResult();
    List<ValidateOutput> unexpected = validation.invalidMigrations.stream()
      .filter(invalid -> invalid.version == null || invalid.version.isEmpty() || !carriedBy.containsKey(invalid.version))
      .toList();
    if (!unexpected.isEmpty()) {
      throw new IllegalStateException("database " + database + ": the applied migrations of " + serviceLocation
        + " differ from its files beyond the outbox's move: " + unexpected.stream()
        .map(invalid -> invalid.version + " " + invalid.errorDetails.errorMessage).toList());
    }
    if (!validation.validationSuccessful) {
      adopter.repair();
    }
    log.info("event=outbox_schema_adopted database={} location={} outbox_version={} realigned={}", database, serviceLocation, reached,
      validation.invalidMigrations.stream().map(invalid -> invalid.version).toList());
    return reached;
  }

  /** The versions with a successful row in a Flyway history (a version that repair marked deleted keeps its row). */
  private static List<String> appliedVersions(Connection conn, String historyTable) throws SQLException {
    try (PreparedStatement st = conn.prepareStatement(
      "SELECT version FROM \"" + historyTable + "\" WHERE success AND version IS NOT NULL AND type <> 'BASELINE'");
         ResultSet rs = st.executeQuery()) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
      return versions;
    }
  }

  private static boolean exists(Connection conn, String table) throws SQLException {
    try (PreparedStatement st = conn.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void lock(Connection conn) throws SQLException {
    try (PreparedStatement st = conn.prepareStatement("SELECT pg_advisory_lock(?)")) {
      st.setLong(1, LOCK_KEY);
      st.execute();
    }
  }

  private static void unlock(Connection conn) throws SQLException {
    try (PreparedStatement st = conn.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      st.setLong(1, LOCK_KEY);
      st.execute();
    }
  }
}
