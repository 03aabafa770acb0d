package io.booker.notify.adapter;

import io.booker.platform.tracing.Tracing;
import io.booker.notify.DueNotification;
import io.booker.notify.domain.LoggedEvent;
import io.booker.notify.domain.Notification;
import io.booker.notify.NotifyStore;
import io.booker.notify.ParsedEvent;
import io.booker.notify.VenueDirectory;
import io.booker.notify.domain.BookingFacts;
import io.booker.notify.domain.NotificationPlan;
import io.booker.notify.domain.PlannedMessage;
import io.booker.notify.domain.Versions;
import io.booker.notify.domain.VenueFacts;
import io.booker.notify.template.BookingMessage;
import io.booker.platform.pg.Sql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The notify database on PostgreSQL: one transaction per handled event (see {@link NotifyStore#handle}). */
public final class PgNotifyStore implements NotifyStore {

  static final String SERVICE = "notify";
  /** How much of a poisoned record is kept for a person to look at. */
  static final int POISON_PAYLOAD_CHARS = 4000;

  private final Pool pool;

  public PgNotifyStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Handled> handle(ParsedEvent event, RecordPosition position, NotificationPlan plan) {
    return Sql.timed(SERVICE, "handle_event", () -> pool.withTransaction(conn -> conn.preparedQuery(NotifySql.INSERT_PROCESSED)
      .execute(Tuple.of(event.eventId(), event.eventType(), position.topic(), position.partition(), position.offset()))
      .compose(claimed -> {
        if (claimed.size() == 0) {
          return Future.succeededFuture(new Handled(Outcome.DUPLICATE, 0, 0));
        }
        if (event.booking() != null) {
          return applyBooking(conn, event, position, plan);
        }
        return applyVenue(conn, event.venue()).compose(v -> append(conn, event, position, 0));
      })));
  }

  private Future<Handled> applyBooking(SqlConnection conn, ParsedEvent event, RecordPosition position, NotificationPlan plan) {
    BookingFacts b = event.booking();
    return conn.preparedQuery(NotifySql.LOCK_BOOKING_VERSION).execute(Tuple.of(b.bookingId())).compose(rows -> {
      Long known = rows.size() == 0 ? null : rows.iterator().next().getLong("version");
      if (Versions.isStale(known, b.version())) {
        return stale(conn, b);
      }
      return conn.preparedQuery(NotifySql.UPSERT_BOOKING).execute(bookingState(b)).compose(upserted -> upserted.size() == 0
        ? stale(conn, b)
        : applyPlan(conn, b, plan).compose(n -> append(conn, event, position, n)));
    });
  }

  private static Future<Handled> stale(SqlConnection conn, BookingFacts b) {
    return conn.preparedQuery(NotifySql.MARK_STALE).execute(Tuple.of(b.eventId()))
      .map(v -> new Handled(Outcome.STALE, 0, 0));
  }

  private static Tuple bookingState(BookingFacts b) {
    return Tuple.tuple().addValue(b.bookingId()).addValue(b.venueId()).addValue(b.version()).addValue(b.status())
      .addValue(b.date()).addValue(b.startTime()).addValue(b.durationMinutes()).addValue(utc(b.startsAt()))
      .addValue(utc(b.endsAt())).addValue(b.partySize()).addValue(b.customerName()).addValue(b.customerEmail())
      .addValue(b.customerPhone()).addValue(utc(b.expiresAt())).addValue(b.reason()).addValue(utc(b.time()));
  }

  /** Supersedes, cancels and creates the booking's notifications; answers how many it created. */
  private static Future<Integer> applyPlan(SqlConnection conn, BookingFacts b, NotificationPlan plan) {
    Future<?> superseded = plan.supersedes().isEmpty() ? Future.succeededFuture()
      : conn.preparedQuery(NotifySql.SUPERSEDE).execute(Tuple.of(b.bookingId(), plan.supersedes().toArray(String[]::new),
        b.eventType(), b.version()));
    String why = plan.remindersStartAt() == null ? "booking is " + b.status() : "booking was moved";
    return superseded
      .compose(v -> conn.preparedQuery(NotifySql.CANCEL_REMINDERS).execute(Tuple.of(b.bookingId(), utc(plan.remindersStartAt()), why)))
      .compose(v -> {
        List<Tuple> rows = new ArrayList<>();
        for (PlannedMessage m : plan.messages()) {
          rows.add(notification(b, m));
        }
        for (PlannedMessage m : plan.reminders()) {
          rows.add(notification(b, m));
        }
        if (rows.isEmpty()) {
          return Future.succeededFuture(0);
        }
        return conn.preparedQuery(NotifySql.INSERT_NOTIFICATION).executeBatch(rows).map(PgNotifyStore::batchCount);
      });
  }

  private static int batchCount(RowSet<Row> rows) {
    int n = 0;
    for (RowSet<Row> r = rows; r != null; r = r.next()) {
      n += r.rowCount();
    }
    return n;
  }

  private static Tuple notification(BookingFacts b, PlannedMessage m) {
    return Tuple.tuple().addValue(UUID.randomUUID()).addValue(b.eventId()).addValue(b.eventType()).addValue(b.bookingId())
      .addValue(b.venueId()).addValue(b.version()).addValue(m.channel()).addValue(m.recipient()).addValue(m.template())
      .addValue(utc(m.dueAt())).addValue(utc(m.bookingStartsAt())).addValue(Tracing.traceparent());
  }

  private static Future<Void> applyVenue(SqlConnection conn, VenueFacts v) {
    if (v.describesVenue()) {
      return conn.preparedQuery(NotifySql.UPSERT_VENUE).execute(Tuple.of(v.venueId(), v.name(), v.timezone(), v.language())).mapEmpty();
    }
    if (v.deletesVenue()) {
      return conn.preparedQuery(NotifySql.DELETE_VENUE).execute(Tuple.of(v.venueId())).mapEmpty();
    }
    return Future.succeededFuture();
  }

  private static Future<Handled> append(SqlConnection conn, ParsedEvent event, RecordPosition position, int notifications) {
    return conn.preparedQuery(NotifySql.APPEND_EVENT).execute(Tuple.of(event.eventId(), event.venueId(), position.topic(), event.message()))
      .map(rows -> new Handled(Outcome.APPLIED, rows.iterator().next().getLong("seq"), notifications));
  }

  @Override
  public Future<Void> poison(RecordPosition position, String key, String error, String payload) {
    String kept = payload == null ? null : payload.length() > POISON_PAYLOAD_CHARS ? payload.substring(0, POISON_PAYLOAD_CHARS) : payload;
    return Sql.timed(SERVICE, "insert_poisoned", () -> pool.preparedQuery(NotifySql.INSERT_POISONED)
      .execute(Tuple.of(position.topic(), position.partition(), position.offset(), key, error, kept)).mapEmpty());
  }

  @Override
  public Future<List<DueNotification>> claimDue(int limit, Duration lease) {
    return Sql.timed(SERVICE, "claim_notifications", () -> pool.preparedQuery(NotifySql.CLAIM_DUE)
      .execute(Tuple.of(limit, lease.toMillis() / 1000.0)).map(rows -> {
        List<DueNotification> out = new ArrayList<>();
        rows.forEach(r -> out.add(due(r)));
        return out;
      }));
  }

  private static DueNotification due(Row r) {
    UUID bookingId = r.getUUID("booking_id");
    BookingMessage message = new BookingMessage(bookingId.toString(), orEmpty(r.getString("venue_name")),
      orEmpty(r.getString("venue_timezone")), r.getLocalDate("slot_date"), r.getLocalTime("start_time"),
      r.getInteger("duration_minutes"), r.getInteger("party_size"), r.getString("customer_name"),
      instant(r, "expires_at"), instant(r, "event_time"), r.getString("reason"));
    return new DueNotification(r.getUUID("id"), bookingId, r.getUUID("venue_id"), r.getString("channel"), r.getString("recipient"),
      r.getString("template"), r.getInteger("attempts"), instant(r, "booking_starts_at"), r.getString("status"),
      instant(r, "starts_at"), orEmpty(r.getString("venue_language")), message, r.getBoolean("venue_known"), r.getString("traceparent"));
  }

  @Override
  public Future<Void> rememberVenue(UUID venueId, VenueDirectory.KnownVenue venue) {
    return update("remember_venue", NotifySql.REMEMBER_VENUE, Tuple.of(venueId, venue.name(), venue.timezone(), venue.language()));
  }

  @Override
  public Future<Void> markSent(UUID id, String language, String subject) {
    return update("mark_sent", NotifySql.MARK_SENT, Tuple.of(id, language, subject));
  }

  @Override
  public Future<Void> markRetry(UUID id, String error, Duration delay) {
    return update("mark_retry", NotifySql.MARK_RETRY, Tuple.of(id, error, delay.toMillis() / 1000.0));
  }

  @Override
  public Future<Void> markFailed(UUID id, String error) {
    return update("mark_failed", NotifySql.MARK_FAILED, Tuple.of(id, error));
  }

  @Override
  public Future<Void> markCancelled(UUID id, String reason) {
    return update("mark_cancelled", NotifySql.MARK_CANCELLED, Tuple.of(id, reason));
  }

  private Future<Void> update(String operation, String sql, Tuple args) {
    return Sql.timed(SERVICE, operation, () -> pool.preparedQuery(sql).execute(args).mapEmpty());
  }

  @Override
  public Future<List<Notification>> notificationsOf(UUID bookingId) {
    return Sql.timed(SERVICE, "list_notifications", () -> pool.preparedQuery(NotifySql.LIST_FOR_BOOKING).execute(Tuple.of(bookingId))
      .map(rows -> {
        List<Notification> out = new ArrayList<>();
        rows.forEach(r -> out.add(new Notification(r.getUUID("id").toString(), r.getUUID("booking_id").toString(),
          r.getUUID("venue_id").toString(), r.getUUID("event_id").toString(), r.getString("event_type"), r.getString("channel"),
          r.getString("recipient"), r.getString("template"), r.getString("language"), r.getString("status"),
          r.getInteger("attempts"), r.getString("last_error"), seconds(r, "due_at"), seconds(r, "sent_at"),
          seconds(r, "created_at"), seconds(r, "updated_at"), r.getString("subject"))));
        return out;
      }));
  }

  @Override
  public Future<Optional<Long>> eventSeq(UUID eventId) {
    return Sql.timed(SERVICE, "event_seq", () -> pool.preparedQuery(NotifySql.EVENT_SEQ).execute(Tuple.of(eventId))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("seq"))));
  }

  @Override
  public Future<List<LoggedEvent>> eventsAfter(List<UUID> venueIds, long seq, int limit) {
    return events("events_after", NotifySql.EVENTS_AFTER, Tuple.of(venueIds.toArray(UUID[]::new), seq, limit));
  }

  @Override
  public Future<List<LoggedEvent>> eventsSince(List<UUID> venueIds, Instant since, int limit) {
    return events("events_since", NotifySql.EVENTS_SINCE, Tuple.of(venueIds.toArray(UUID[]::new), utc(since), limit));
  }

  private Future<List<LoggedEvent>> events(String operation, String sql, Tuple args) {
    return Sql.timed(SERVICE, operation, () -> pool.preparedQuery(sql).execute(args).map(rows -> {
      List<LoggedEvent> out = new ArrayList<>();
      rows.forEach(r -> out.add(new LoggedEvent(r.getLong("seq"), r.getUUID("event_id").toString(), r.getUUID("venue_id").toString(),
        r.getString("message"))));
      return out;
    }));
  }

  @Override
  public Future<Integer> deleteProcessedOlderThan(Duration retention) {
    return Sql.timed(SERVICE, "delete_old_processed", () -> pool.preparedQuery(NotifySql.DELETE_OLD_PROCESSED)
      .execute(Tuple.of((int) Math.max(1, retention.toHours()))).map(RowSet::rowCount));
  }

  @Override
  public Future<Integer> deleteEventsOlderThan(Duration retention) {
    return Sql.timed(SERVICE, "delete_old_events", () -> pool.preparedQuery(NotifySql.DELETE_OLD_EVENTS)
      .execute(Tuple.of((int) Math.max(1, retention.toHours()))).map(RowSet::rowCount));
  }

  private static OffsetDateTime utc(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  /** The column's time to the whole second, as the contract carries it; null when not set. */
  private static Instant seconds(Row r, String column) {
    Instant i = instant(r, column);
    return i == null ? null : Instant.ofEpochSecond(i.getEpochSecond());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
