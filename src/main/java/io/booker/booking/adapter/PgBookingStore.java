package io.booker.booking.adapter;

import io.booker.booking.domain.TableOccupancy;
import io.booker.common.ServiceException;
import io.booker.common.ErrorCode;
import io.booker.booking.domain.PacingLimit;
import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import com.google.protobuf.InvalidProtocolBufferException;
import io.booker.booking.BookingStore;
import io.booker.booking.domain.BookedTable;
import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingChange;
import io.booker.booking.domain.BookingFilter;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.HistoryEntry;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.NewBooking;
import io.booker.booking.domain.Period;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.TableBlocked;
import io.booker.common.Paging;
import io.booker.platform.pg.Sql;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The booking database on PostgreSQL. Round trips per write: a new hold is one transaction of two
 * statements (expire lapsed holds in the way, then insert the booking, its tables, audit row,
 * event and idempotency answer in one statement); a status change is one statement; a reschedule
 * one transaction of three.
 */
public final class PgBookingStore implements BookingStore {

  static final String SERVICE = "booking";
  static final int DEADLOCK_ATTEMPTS = 3;
  private static final AttributeKey<Long> EXPIRED = AttributeKey.longKey("booker.expired_holds");

  private final Pool pool;

  public PgBookingStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Optional<Loaded>> load(UUID id) {
    return Sql.timed(SERVICE, "select_booking", () -> pool.preparedQuery(BookingSql.LOAD).execute(Tuple.of(id))
      .map(rows -> first(rows).map(r -> new Loaded(Rows.booking(r), Rows.instant(r, "db_now")))));
  }

  @Override
  public Future<Created> insertHold(UUID id, Placement placement, NewBooking request, Duration ttl, IdempotencyKey key) {
    return Sql.timed(SERVICE, "insert_hold", () -> retryingDeadlocks(() -> pool.withTransaction(conn ->
        expireInTheWay(conn, id, placement.tableIds(), placement.period()).compose(inTheWay ->
          pace(conn, placement.venueId(), placement.pacing(), request.partySize(), id, request.overridePacing()).compose(note -> {
          Instant now = inTheWay.now();
          Booking booking = new Booking(id, placement.venueId(), placement.tables(), placement.slot(), placement.period(),
            request.partySize(), request.guest(), request.comment(), BookingStatus.HELD, 1, request.adminId(),
            now.plus(ttl), now, now, "", placement.combinationId());
          List<BookingChange> changes = new ArrayList<>();
          changes.add(BookingChange.created(booking, note));
          changes.addAll(inTheWay.changes());
          BookedTable first = booking.tables().get(0);
          BookedTable merged = booking.tables().size() > 1 ? booking.tables().get(1) : null;
          Tuple t = Tuple.tuple()
            .addValue(id).addValue(booking.venueId()).addValue(first.roomId()).addValue(first.tableId())
            .addValue(merged == null ? null : merged.roomId()).addValue(merged == null ? null : merged.tableId())
            .addValue(booking.slot().date()).addValue(booking.slot().start()).addValue(booking.slot().durationMinutes())
            .addValue(Rows.utc(booking.period().start())).addValue(Rows.utc(booking.period().end()))
            .addValue(booking.partySize()).addValue(booking.guest().name()).addValue(booking.guest().phone())
            .addValue(booking.guest().email()).addValue(booking.comment()).addValue(booking.adminId())
            .addValue(Rows.utc(booking.expiresAt())).addValue(Rows.utc(now))
            .addValue(tableIds(booking.tables()));
          ChangeRecords.append(t, changes, key, booking);
          addMore(t, booking);
          return conn.preparedQuery(BookingSql.INSERT_HOLD).execute(t).compose(rows -> {
            TableBlocked blocked = blocked(rows.iterator().next());
            // Blocked: roll back (the expiries too, whose events were not written).
            return blocked != null ? Future.failedFuture(blocked) : Future.succeededFuture(new Created(booking, inTheWay.expired()));
          });
        }))), DEADLOCK_ATTEMPTS)
      .recover(t -> Future.failedFuture(PgFailures.translate(t))));
  }

  @Override
  public Future<Boolean> applyChange(BookingChange change, IdempotencyKey key) {
    Booking before = change.before();
    Booking after = change.after();
    Tuple t = Tuple.tuple()
      .addValue(after.id()).addValue(after.status().wire()).addValue(before.status().wire()).addValue(before.version())
      .addValue(Rows.utc(after.updatedAt())).addValue(Rows.utc(after.expiresAt())).addValue(after.cancelReason())
      .addValue(after.status().occupiesTables());
    ChangeRecords.append(t, List.of(change), key, after);
    return Sql.timed(SERVICE, "change_status", () -> pool.preparedQuery(BookingSql.CHANGE_STATUS).execute(t)
      .map(rows -> rows.iterator().next().getLong("n") > 0)
      .recover(e -> Future.failedFuture(PgFailures.translate(e))));
  }

  @Override
  public Future<Optional<List<Booking>>> applyReschedule(BookingChange change, PacingLimit pacing, boolean overridePacing,
                                                         IdempotencyKey key) {
    Booking after = change.after();
    return Sql.timed(SERVICE, "reschedule", () -> retryingDeadlocks(() -> pool.withTransaction(conn ->
        expireInTheWay(conn, after.id(), after.tableIds(), after.period()).compose(inTheWay ->
          pace(conn, after.venueId(), pacing, after.partySize(), after.id(), overridePacing).compose(note -> {
          List<BookingChange> changes = new ArrayList<>();
          changes.add(change.noted(note));
          changes.addAll(inTheWay.changes());
          BookedTable first = after.tables().get(0);
          BookedTable merged = after.tables().size() > 1 ? after.tables().get(1) : null;
          Tuple move = Tuple.tuple()
            .addValue(after.id()).addValue(first.roomId()).addValue(first.tableId())
            .addValue(merged == null ? null : merged.roomId()).addValue(merged == null ? null : merged.tableId())
            .addValue(after.slot().date()).addValue(after.slot().start()).addValue(after.slot().durationMinutes())
            .addValue(Rows.utc(after.period().start())).addValue(Rows.utc(after.period().end()))
            .addValue(Rows.utc(after.updatedAt())).addValue(change.before().version());
          ChangeRecords.append(move, changes, key, after);
          move.addValue(tableIds(after.tables()));
          addMore(move, after);
          return conn.preparedQuery(BookingSql.MOVE).execute(move).compose(rows -> {
            TableBlocked blocked = blocked(rows.iterator().next());
            if (blocked != null) {
              return Future.failedFuture(blocked);
            }
            if (rows.iterator().next().getLong("n") == 0) {
              // Changed meanwhile: roll back (the expiries too, whose events were not written).
              return Future.failedFuture(new ChangedMeanwhile());
            }
            return conn.preparedQuery(BookingSql.OCCUPY).execute(Tuple.of(after.id(), after.venueId(),
              Rows.utc(after.period().start()), Rows.utc(after.period().end()), tableIds(after.tables())))
              .map(v -> Optional.of(inTheWay.expired()));
          });
        }))), DEADLOCK_ATTEMPTS)
      .recover(t -> t instanceof ChangedMeanwhile ? Future.succeededFuture(Optional.empty())
        : Future.failedFuture(PgFailures.translate(t))));
  }

  /**
   * The pacing of a new start, decided inside the transaction that writes it: a lock per venue and
   * pacing window (taken after the tables' locks, as every writer takes them, so no deadlock), then
   * one count of the parties and guests already starting in the window (this booking left out).
   * Two writers into one window queue on the lock, and the second counts the first once it has
   * committed: the cap holds under any concurrency, on any number of nodes. Answers "" within the
   * pacing (or without any), the override note when staff went past it, PACING_LIMIT otherwise.
   */
  private static Future<String> pace(SqlConnection conn, UUID venueId, PacingLimit pacing, int partySize, UUID bookingId,
                                     boolean override) {
    if (pacing == null) {
      return Future.succeededFuture("");
    }
    String window = "pacing:" + venueId + ":" + pacing.from().getEpochSecond();
    return conn.preparedQuery(BookingSql.PACING_LOCK).execute(Tuple.of(window))
      .compose(locked -> conn.preparedQuery(BookingSql.PACING_COUNT)
        .execute(Tuple.of(venueId, Rows.utc(pacing.from()), Rows.utc(pacing.to()), bookingId)))
      .compose(rows -> {
        Row r = rows.iterator().next();
        Optional<String> refusal = pacing.refusal(r.getLong("parties").intValue(), r.getLong("covers").intValue(), partySize);
        if (refusal.isEmpty()) {
          return Future.succeededFuture("");
        }
        if (override) {
          return Future.succeededFuture("pacing overridden: " + refusal.get());
        }
        return Future.failedFuture(new ServiceException(ErrorCode.PACING_LIMIT, refusal.get()));
      });
  }

  @Override
  public Future<List<Booking>> expireLapsedHolds(int batch) {
    return Sql.timed(SERVICE, "expire_holds", () -> pool.withTransaction(conn ->
      conn.preparedQuery(BookingSql.CLAIM_LAPSED).execute(Tuple.of(batch)).compose(rows -> {
        if (rows.size() == 0) {
          return Future.succeededFuture(List.<Booking>of());
        }
        List<BookingChange> changes = new ArrayList<>();
        List<Booking> expired = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        // The expiry is a span of its own (no request made it), linked to the request of each hold.
        SpanBuilder span = Tracing.tracer(Vertx.currentContext().owner()).spanBuilder("booking.expire_holds").setNoParent()
          .setAttribute(EXPIRED, (long) rows.size());
        for (Row r : rows) {
          Booking held = Rows.booking(r);
          BookingChange change = BookingChange.expiry(held, Rows.instant(r, "db_now"));
          changes.add(change);
          expired.add(change.after());
          ids.add(held.id());
          SpanContext hold = Span.fromContext(Tracing.fromTraceparent(r.getString("hold_traceparent"))).getSpanContext();
          if (hold.isValid()) {
            span.addLink(hold, Attributes.of(TraceAttributes.BOOKING_ID, held.id().toString()));
          }
        }
        // In the span, so the expired events carry its trace on to Kafka and notify.
        return Tracing.inSpan(Vertx.currentContext().owner(), span, () -> {
          Tuple t = ChangeRecords.append(Tuple.of(ids.toArray(new UUID[0])), changes, null, null);
          return conn.preparedQuery(BookingSql.EXPIRE).execute(t).map(v -> expired);
        });
      })));
  }

  @Override
  public Future<Map<UUID, HolderState>> holders(Collection<UUID> holders, List<UUID> tableIds, Period period) {
    return Sql.timed(SERVICE, "select_holders", () -> pool.preparedQuery(BookingSql.HOLDERS)
      .execute(Tuple.of(holders.toArray(new UUID[0]), tableIds.toArray(new UUID[0]), Rows.utc(period.start()), Rows.utc(period.end())))
      .map(rows -> {
        Map<UUID, HolderState> out = new HashMap<>();
        for (Row r : rows) {
          BookingStatus status = BookingStatus.parse("status", r.getString("status"));
          boolean blocking = status.occupiesTables() && !r.getBoolean("lapsed") && r.getBoolean("overlaps");
          out.put(r.getUUID("id"), blocking ? HolderState.BLOCKING : HolderState.STALE);
        }
        return out;
      }));
  }

  @Override
  public Future<Map<UUID, UUID>> occupants(List<UUID> tableIds, Period period) {
    return Sql.timed(SERVICE, "select_occupants", () -> pool.preparedQuery(BookingSql.OCCUPANTS)
      .execute(Tuple.of(tableIds.toArray(new UUID[0]), Rows.utc(period.start()), Rows.utc(period.end())))
      .map(rows -> {
        Map<UUID, UUID> out = new HashMap<>();
        rows.forEach(r -> out.put(r.getUUID("table_id"), r.getUUID("booking_id")));
        return out;
      }));
  }

  @Override
  public Future<Optional<IdempotencyKey.StoredAnswer>> storedAnswer(String scope, String key) {
    return Sql.timed(SERVICE, "select_idempotency_key", () -> pool.preparedQuery(BookingSql.STORED_ANSWER)
      .execute(Tuple.of(scope, key))
      .map(rows -> first(rows).map(r -> new IdempotencyKey.StoredAnswer(r.getString("operation"),
        r.getBuffer("request_hash").getBytes(), answer(r.getBuffer("response").getBytes())))));
  }

  @Override
  public Future<Integer> forgetIdempotencyKeys(Duration age) {
    return Sql.timed(SERVICE, "delete_idempotency_keys", () -> pool.preparedQuery(BookingSql.FORGET_KEYS)
      .execute(Tuple.of((double) age.toSeconds())).map(RowSet::rowCount));
  }

  @Override
  public Future<Page> list(BookingFilter filter, Paging paging) {
    boolean byDate = filter.date() != null;
    boolean byStatus = !filter.statuses().isEmpty();
    boolean byTable = filter.tableId() != null;
    Tuple t = Tuple.of(filter.venueId());
    if (byDate) {
      t.addValue(filter.date());
    }
    if (byStatus) {
      t.addValue(filter.statuses().stream().map(BookingStatus::wire).sorted().toArray(String[]::new));
    }
    if (byTable) {
      t.addValue(filter.tableId());
    }
    t.addValue(paging.limit()).addValue(paging.offset());
    return Sql.timed(SERVICE, "list_bookings", () -> pool.preparedQuery(BookingSql.list(byDate, byStatus, byTable)).execute(t)
      .map(rows -> {
        List<Booking> page = new ArrayList<>();
        long total = 0;
        for (Row r : rows) {
          total = r.getLong("total");
          if (r.getUUID("id") != null) {
            page.add(Rows.booking(r));
          }
        }
        return new Page(page, (int) Math.min(Integer.MAX_VALUE, total));
      }));
  }

  @Override
  public Future<Optional<History>> history(UUID id) {
    return Sql.timed(SERVICE, "select_history", () -> pool.preparedQuery(BookingSql.HISTORY).execute(Tuple.of(id))
      .map(rows -> {
        if (rows.size() == 0) {
          return Optional.empty();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        UUID venueId = null;
        for (Row r : rows) {
          venueId = r.getUUID("venue_id");
          if (r.getLong("id") != null) {
            String from = r.getString("from_status");
            entries.add(new HistoryEntry(r.getLong("id"), r.getString("event_type"), r.getString("actor_id"),
              from == null ? "" : from, r.getString("to_status"), r.getLong("version"), r.getString("payload"),
              Rows.instant(r, "created_at")));
          }
        }
        return Optional.of(new History(venueId, entries));
      }));
  }

  @Override
  public Future<Map<UUID, Occupancy>> occupied(UUID venueId, UUID[] tableIds, Instant start, Instant end) {
    return Sql.timed(SERVICE, "select_occupied", () -> pool.preparedQuery(BookingSql.OCCUPIED_TABLES)
      .execute(Tuple.tuple().addValue(tableIds).addValue(Rows.utc(start)).addValue(Rows.utc(end)).addValue(venueId))
      .map(rows -> {
        Map<UUID, Occupancy> out = new HashMap<>();
        rows.forEach(r -> out.put(r.getUUID("table_id"), r.getBoolean("blocked") ? Occupancy.BLOCKED : Occupancy.BOOKED));
        return out;
      }));
  }

  /** The block in the way of a write guarded by {@link BookingSql#blockedBy}, or null. */
  private static TableBlocked blocked(Row r) {
    UUID table = r.getUUID("blocked_table");
    if (table == null) {
      return null;
    }
    return new TableBlocked(table, new Period(Rows.instant(r, "blocked_from"), Rows.instant(r, "blocked_to")),
      "the table is blocked for an overlapping time");
  }

  @Override
  public Future<TableOccupancy> occupancy(UUID venueId, Instant from, Instant to) {
    return Sql.timed(SERVICE, "select_occupancy", () -> pool.preparedQuery(BookingSql.OCCUPANCY)
      .execute(Tuple.of(venueId, Rows.utc(from), Rows.utc(to)))
      .map(rows -> {
        List<TableOccupancy.Range> ranges = new ArrayList<>();
        List<TableOccupancy.Start> starts = new ArrayList<>();
        for (Row r : rows) {
          UUID table = r.getUUID("table_id");
          if (table == null) {
            starts.add(new TableOccupancy.Start(Rows.instant(r, "range_from"), r.getInteger("party_size")));
          } else {
            ranges.add(new TableOccupancy.Range(table, Rows.instant(r, "range_from"), Rows.instant(r, "range_to"), r.getBoolean("blocked")));
          }
        }
        return new TableOccupancy(ranges, starts);
      }));
  }

  @Override
  public Future<Map<UUID, Integer>> futureByTable(UUID venueId, UUID[] tableIds) {
    boolean wholeVenue = tableIds.length == 0;
    return Sql.timed(SERVICE, "count_future", () -> pool.preparedQuery(wholeVenue ? BookingSql.FUTURE_BY_VENUE : BookingSql.FUTURE_BY_TABLE)
      .execute(wholeVenue ? Tuple.of(venueId) : Tuple.tuple().addValue(venueId).addValue(tableIds))
      .map(rows -> {
        Map<UUID, Integer> counts = new HashMap<>();
        for (Row r : rows) {
          counts.put(r.getUUID("table_id"), r.getLong("n").intValue());
        }
        return counts;
      }));
  }

  /** The lapsed holds expired on the way to a write, and the database's clock of that transaction. */
  private record InTheWay(Instant now, List<Booking> expired, List<BookingChange> changes) {
  }

  /**
   * The columns of a booking's tables past the first two (a combination's third on: rooms, then
   * tables, both empty otherwise), then its combination (null for none).
   */
  private static void addMore(Tuple t, Booking booking) {
    List<BookedTable> more = booking.tables().size() > 2 ? booking.tables().subList(2, booking.tables().size()) : List.of();
    t.addValue(more.stream().map(BookedTable::roomId).toArray(UUID[]::new))
      .addValue(more.stream().map(BookedTable::tableId).toArray(UUID[]::new))
      .addValue(booking.combinationId());
  }

  private static Future<InTheWay> expireInTheWay(SqlConnection conn, UUID self, List<UUID> tableIds, Period period) {
    return conn.preparedQuery(BookingSql.EXPIRE_IN_THE_WAY)
      .execute(Tuple.of(tableIds.toArray(new UUID[0]), Rows.utc(period.start()), Rows.utc(period.end()), self))
      .map(rows -> {
        Instant now = null;
        List<Booking> expired = new ArrayList<>();
        List<BookingChange> changes = new ArrayList<>();
        for (Row r : rows) {
          now = Rows.instant(r, "db_now");
          if (r.getUUID("id") != null) {
            // The update answers the row as it became; the hold it was is that row one version earlier.
            Booking after = Rows.booking(r);
            Booking held = new Booking(after.id(), after.venueId(), after.tables(), after.slot(), after.period(),
              after.partySize(), after.guest(), after.comment(), BookingStatus.HELD, after.version() - 1, after.adminId(),
              after.expiresAt(), after.createdAt(), after.updatedAt(), after.cancelReason(), after.combinationId());
            BookingChange change = BookingChange.expiry(held, after.updatedAt());
            expired.add(change.after());
            changes.add(change);
          }
        }
        return new InTheWay(now, expired, changes);
      });
  }

  /** The SQL takes them in id order (see {@link BookingSql#INSERT_HOLD}). */
  /**
   * Runs a transaction again when PostgreSQL broke a deadlock by aborting it. Two transactions
   * inserting conflicting rows under an exclusion constraint can each find the other's row and
   * wait for it; the deadlock detector then aborts one (after {@code deadlock_timeout}). Run again,
   * it finds the other committed (SLOT_TAKEN) or rolled back (and goes through).
   */
  private static <T> Future<T> retryingDeadlocks(java.util.function.Supplier<Future<T>> tx, int attemptsLeft) {
    return tx.get().recover(t -> attemptsLeft > 1 && PgFailures.isDeadlock(t)
      ? retryingDeadlocks(tx, attemptsLeft - 1) : Future.failedFuture(t));
  }

  private static UUID[] tableIds(List<BookedTable> tables) {
    return tables.stream().map(BookedTable::tableId).toArray(UUID[]::new);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }

  private static Booking answer(byte[] bytes) {
    try {
      return BookingProtos.fromProto(io.booker.proto.booking.Booking.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored idempotency answer is not a booking", e);
    }
  }

  /** A guarded write found the booking at another version: nothing was written. */
  private static final class ChangedMeanwhile extends RuntimeException {
    ChangedMeanwhile() {
      super("changed meanwhile", null, false, false);
    }
  }
}
