package io.booker.platform.outbox;

import io.booker.platform.metrics.Metrics;
import io.booker.platform.pg.Sql;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gauges of a service's outbox: events waiting to be published ({@code outbox_pending_events}),
 * how long the oldest of them has waited ({@code outbox_oldest_pending_seconds}) and events given up
 * as {@code dlq} ({@code outbox_dead_letter_events}). One query on a timer of its own
 * ({@code outbox.backlog_refresh_ms}, 15 s): nothing is added to the write path or the relay's
 * batches. Both counts are answered from partial indexes on {@code status}, so the query stays cheap
 * however many sent rows the table keeps.
 *
 * <p>Every relay of a service (verticle instances, nodes) reports the same database: the gauges of a
 * process are shared by service, and a dashboard takes the {@code max} over nodes, never the sum.
 */
public final class OutboxBacklog {

  private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

  static final String QUERY =
    "SELECT p.pending, p.oldest_seconds, d.dead FROM "
      + "(SELECT count(*) AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest_seconds "
      + "FROM outbox WHERE status = 'pending') p, "
      + "(SELECT count(*) AS dead FROM outbox WHERE status = 'dlq') d";

  /** Last values read, by service: shared by every relay of the process. */
  private static final Map<String, Snapshot> SNAPSHOTS = new ConcurrentHashMap<>();

  private final Vertx vertx;
  private final Pool pool;
  private final String service;
  private final long refreshMs;
  private long timerId = -1;
  private boolean failing;
  /** A read under way: the timer skips its turn rather than queue reads on a slow database. */
  private Future<Void> reading;

  public OutboxBacklog(Vertx vertx, Pool pool, String service, JsonObject outboxConfig) {
    this.vertx = vertx;
    this.pool = pool;
    this.service = service;
    this.refreshMs = outboxConfig.getLong("backlog_refresh_ms", 15_000L);
    if (refreshMs < 100) {
      throw new IllegalArgumentException("outbox.backlog_refresh_ms must be at least 100, not " + refreshMs);
    }
  }

  /** Registers the gauges and refreshes them now and then every {@code backlog_refresh_ms}. */
  public void start() {
    Snapshot s = snapshot(service);
    Metrics.gauge("outbox_pending_events", "Outbox events not yet published (pending, including those waiting out a back-off)",
      s, Snapshot::pending, "service", service);
    Metrics.gauge("outbox_oldest_pending_seconds", "Age of the oldest pending outbox event (0 when none is pending)",
      s, Snapshot::oldestSeconds, "service", service);
    Metrics.gauge("outbox_dead_letter_events", "Outbox events given up after their last attempt (status dlq)",
      s, Snapshot::dead, "service", service);
    refresh();
    timerId = vertx.setPeriodic(refreshMs, id -> refresh());
  }

  public void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  /** Reads the backlog once into the gauges (or joins the read under way); on failure they keep their last values. */
  public Future<Void> refresh() {
    if (reading != null) {
      return reading;
    }
    Future<Void> read = read();
    reading = read;
    return read.andThen(ar -> reading = null);
  }

  private Future<Void> read() {
    return Sql.timed(service, "outbox_backlog", () -> pool.query(QUERY).execute())
      .onSuccess(rows -> {
        Row r = rows.iterator().next();
        snapshot(service).set(r.getLong("pending"), r.getDouble("oldest_seconds"), r.getLong("dead"));
        if (failing) {
          failing = false;
          log.info("event=outbox_backlog_read service={}", service);
        }
      })
      .onFailure(t -> {
        if (!failing) {
          failing = true;
          log.warn("event=outbox_backlog_unread service={} error={}", service, t.toString());
        }
      })
      .mapEmpty();
  }

  static Snapshot snapshot(String service) {
    return SNAPSHOTS.computeIfAbsent(service, k -> new Snapshot());
  }

  /** The last values read for one service. */
  static final class Snapshot {
    private volatile double pending;
    private volatile double oldestSeconds;
    private volatile double dead;

    void set(long pending, double oldestSeconds, long dead) {
      this.pending = pending;
      this.oldestSeconds = oldestSeconds;
      this.dead = dead;
    }

    double pending() {
      return pending;
    }

    double oldestSeconds() {
      return oldestSeconds;
    }

    double dead() {
      return dead;
    }
  }
}
