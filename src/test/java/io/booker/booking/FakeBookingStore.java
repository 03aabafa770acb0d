package io.booker.booking;

import io.booker.booking.domain.TableOccupancy;
import io.booker.common.ServiceException;
import io.booker.common.ErrorCode;
import io.booker.booking.domain.PacingLimit;
import io.booker.booking.domain.Block;
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
import io.booker.booking.domain.SlotTaken;
import io.booker.booking.domain.TableBlocked;
import io.booker.booking.domain.TestBookings;
import io.booker.common.Paging;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The booking database in memory, deciding as the real one does: an overlap with a booking that
 * blocks a table fails the write with SlotTaken, lapsed holds in the way are expired, a change
 * applies only to the version it was decided on, and a keyed write stores its answer. Every call is
 * recorded; {@link #beforeWrite} stands for another request that commits just before a write.
 */
final class FakeBookingStore implements BookingStore {

  record InsertCall(UUID id, Placement placement, NewBooking request, Duration ttl, IdempotencyKey key) {
  }

  record ChangeCall(BookingChange change, IdempotencyKey key) {
  }

  /** The database's clock. */
  Instant now = TestBookings.CREATED;
  final Map<UUID, Booking> bookings = new LinkedHashMap<>();
  final Map<String, IdempotencyKey.StoredAnswer> answers = new HashMap<>();
  /** The blocks (shared with {@link FakeBlockStore}), which {@link #occupied} reads. */
  final Map<UUID, Block> blocks = new LinkedHashMap<>();

  int loads;
  /** The reads other than {@link #load}: list, history, occupied, futureByTable. */
  final List<String> reads = new ArrayList<>();
  int answerReads;
  final List<InsertCall> inserts = new ArrayList<>();
  final List<ChangeCall> changes = new ArrayList<>();
  final List<ChangeCall> reschedules = new ArrayList<>();
  final List<Collection<UUID>> holderQueries = new ArrayList<>();
  final List<Integer> sweeps = new ArrayList<>();
  final List<Duration> forgotten = new ArrayList<>();

  /** Runs at the start of every write, before it decides. */
  Runnable beforeWrite = () -> { };
  /** When set, insertHold fails with it (after {@link #beforeWrite}). */
  Throwable insertFailure;
  /** When set, applyReschedule fails with it (after {@link #beforeWrite}). */
  Throwable rescheduleFailure;

  Booking put(Booking b) {
    bookings.put(b.id(), b);
    return b;
  }

  Booking get(UUID id) {
    return bookings.get(id);
  }

  void storeAnswer(IdempotencyKey key, Booking answer) {
    answers.put(key.scope() + "|" + key.key(), new IdempotencyKey.StoredAnswer(key.operation(), key.fingerprint(), answer));
  }

  @Override
  public Future<Optional<Loaded>> load(UUID id) {
    loads++;
    return Future.succeededFuture(Optional.ofNullable(bookings.get(id)).map(b -> new Loaded(b, now)));
  }

  @Override
  public Future<Created> insertHold(UUID id, Placement placement, NewBooking request, Duration ttl, IdempotencyKey key) {
    inserts.add(new InsertCall(id, placement, request, ttl, key));
    beforeWrite.run();
    if (insertFailure != null) {
      return Future.failedFuture(insertFailure);
    }
    Optional<TableBlocked> blocked = blocked(placement.tableIds(), placement.period());
    if (blocked.isPresent()) {
      return Future.failedFuture(blocked.get());
    }
    Optional<SlotTaken> conflict = conflict(id, placement.tableIds(), placement.period());
    if (conflict.isPresent()) {
      return Future.failedFuture(conflict.get());
    }
    Future<String> paced = pace(placement.venueId(), placement.pacing(), request.partySize(), id, request.overridePacing());
    if (paced.failed()) {
      return Future.failedFuture(paced.cause());
    }
    pacingNotes.put(id, paced.result());
    List<Booking> expired = expireInTheWay(id, placement.tableIds(), placement.period());
    Booking b = put(new Booking(id, placement.venueId(), placement.tables(), placement.slot(), placement.period(),
        request.partySize(), request.guest(), request.comment(), BookingStatus.HELD, 1, request.adminId(), now.plus(ttl),
        now, now, "", placement.combinationId()));
    if (key != null) {
      storeAnswer(key, b);
    }
    return Future.succeededFuture(new Created(b, expired));
  }

  @Override
  public Future<Boolean> applyChange(BookingChange change, IdempotencyKey key) {
    changes.add(new ChangeCall(change, key));
    beforeWrite.run();
    if (!current(change.before())) {
      return Future.succeededFuture(false);
    }
    put(change.after());
    if (key != null) {
      storeAnswer(key, change.after());
    }
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Optional<List<Booking>>> applyReschedule(BookingChange change, PacingLimit pacing, boolean overridePacing,
                                                         IdempotencyKey key) {
    reschedules.add(new ChangeCall(change, key));
    beforeWrite.run();
    if (rescheduleFailure != null) {
      return Future.failedFuture(rescheduleFailure);
    }
    if (!current(change.before())) {
      return Future.succeededFuture(Optional.empty());
    }
    Booking after = change.after();
    Optional<TableBlocked> blocked = blocked(after.tableIds(), after.period());
    if (blocked.isPresent()) {
      return Future.failedFuture(blocked.get());
    }
    Optional<SlotTaken> conflict = conflict(after.id(), after.tableIds(), after.period());
    if (conflict.isPresent()) {
      return Future.failedFuture(conflict.get());
    }
    Future<String> paced = pace(after.venueId(), pacing, after.partySize(), after.id(), overridePacing);
    if (paced.failed()) {
      return Future.failedFuture(paced.cause());
    }
    pacingNotes.put(after.id(), paced.result());
    List<Booking> expired = expireInTheWay(after.id(), after.tableIds(), after.period());
    put(after);
    if (key != null) {
      storeAnswer(key, after);
    }
    return Future.succeededFuture(Optional.of(expired));
  }

  /** As BookingSql.PACING_COUNT: held in time, confirmed, seated or finished. */
  private boolean countsAgainstPacing(Booking b) {
    return switch (b.status()) {
      case HELD -> b.expiresAt().isAfter(now);
      case CONFIRMED, SEATED, FINISHED -> true;
      default -> false;
    };
  }

  /** The pacing note of each booking's last write: "" within the pacing, the override otherwise. */
  final Map<UUID, String> pacingNotes = new HashMap<>();

  /** As the database decides it: the parties and guests of the venue starting in the window that count, this booking left out. */
  private Future<String> pace(UUID venueId, PacingLimit pacing, int partySize, UUID bookingId, boolean override) {
    if (pacing == null) {
      return Future.succeededFuture("");
    }
    int parties = 0;
    int covers = 0;
    for (Booking b : bookings.values()) {
      boolean counts = countsAgainstPacing(b);
      Instant start = b.period().start();
      if (counts && !b.id().equals(bookingId) && b.venueId().equals(venueId) && !start.isBefore(pacing.from()) && start.isBefore(pacing.to())) {
        parties++;
        covers += b.partySize();
      }
    }
    Optional<String> refusal = pacing.refusal(parties, covers, partySize);
    if (refusal.isEmpty()) {
      return Future.succeededFuture("");
    }
    return override ? Future.succeededFuture("pacing overridden: " + refusal.get())
      : Future.failedFuture(new ServiceException(ErrorCode.PACING_LIMIT, refusal.get()));
  }

  @Override
  public Future<List<Booking>> expireLapsedHolds(int batch) {
    sweeps.add(batch);
    List<Booking> expired = new ArrayList<>();
    for (Booking b : List.copyOf(bookings.values())) {
      if (expired.size() < batch && b.holdLapsed(now)) {
        expired.add(put(b.moveTo(BookingStatus.EXPIRED, now, "")));
      }
    }
    return Future.succeededFuture(expired);
  }

  @Override
  public Future<Map<UUID, HolderState>> holders(Collection<UUID> holders, List<UUID> tableIds, Period period) {
    holderQueries.add(List.copyOf(holders));
    Map<UUID, HolderState> states = new HashMap<>();
    for (UUID holder : holders) {
      Booking b = bookings.get(holder);
      if (b != null) {
        states.put(holder, b.blocksTables(now) && overlaps(b, tableIds, period) ? HolderState.BLOCKING : HolderState.STALE);
      }
    }
    return Future.succeededFuture(states);
  }

  @Override
  public Future<Map<UUID, UUID>> occupants(List<UUID> tableIds, Period period) {
    Map<UUID, UUID> out = new HashMap<>();
    for (Booking b : bookings.values()) {
      if (b.blocksTables(now) && overlaps(b, tableIds, period)) {
        for (UUID t : b.tableIds()) {
          if (tableIds.contains(t)) {
            out.put(t, b.id());
          }
        }
      }
    }
    return Future.succeededFuture(out);
  }

  @Override
  public Future<Optional<IdempotencyKey.StoredAnswer>> storedAnswer(String scope, String key) {
    answerReads++;
    return Future.succeededFuture(Optional.ofNullable(answers.get(scope + "|" + key)));
  }

  @Override
  public Future<Integer> forgetIdempotencyKeys(Duration age) {
    forgotten.add(age);
    return Future.succeededFuture(0);
  }

  @Override
  public Future<Page> list(BookingFilter filter, Paging paging) {
    reads.add("list");
    List<Booking> page = bookings.values().stream().filter(b -> b.venueId().equals(filter.venueId())).toList();
    return Future.succeededFuture(new Page(page, page.size()));
  }

  /** The changes written for the booking, as audit rows (the creation is not among them). */
  @Override
  public Future<Optional<History>> history(UUID id) {
    reads.add("history");
    Booking b = bookings.get(id);
    if (b == null) {
      return Future.succeededFuture(Optional.empty());
    }
    List<HistoryEntry> entries = new ArrayList<>();
    for (ChangeCall call : changes) {
      BookingChange c = call.change();
      if (c.after().id().equals(id)) {
        entries.add(new HistoryEntry(entries.size() + 1, c.eventType(), c.actorId(),
            c.fromStatus() == null ? "" : c.fromStatus().wire(), c.after().status().wire(), c.after().version(), "{}",
            c.after().updatedAt()));
      }
    }
    return Future.succeededFuture(Optional.of(new History(b.venueId(), entries)));
  }

  @Override
  public Future<Map<UUID, Occupancy>> occupied(UUID venueId, UUID[] tableIds, Instant start, Instant end) {
    reads.add("occupied");
    List<UUID> asked = List.of(tableIds);
    Period period = new Period(start, end);
    Map<UUID, Occupancy> out = new HashMap<>();
    for (Block k : blocks.values()) {
      if (k.venueId().equals(venueId) && k.overlaps(period)) {
        k.tableIds().stream().filter(asked::contains).forEach(t -> out.put(t, Occupancy.BLOCKED));
      }
    }
    for (Booking b : bookings.values()) {
      if (b.venueId().equals(venueId) && b.blocksTables(now) && overlaps(b, asked, period)) {
        b.tableIds().stream().filter(asked::contains).forEach(t -> out.put(t, Occupancy.BOOKED));
      }
    }
    return Future.succeededFuture(out);
  }

  @Override
  public Future<TableOccupancy> occupancy(UUID venueId, Instant from, Instant to) {
    reads.add("occupancy");
    Period span = new Period(from, to);
    List<TableOccupancy.Range> ranges = new ArrayList<>();
    List<TableOccupancy.Start> starts = new ArrayList<>();
    for (Block k : blocks.values()) {
      if (k.venueId().equals(venueId) && k.overlaps(span)) {
        k.tableIds().forEach(t -> ranges.add(new TableOccupancy.Range(t, k.period().start(), k.period().end(), true)));
      }
    }
    for (Booking b : bookings.values()) {
      if (!b.venueId().equals(venueId)) {
        continue;
      }
      if (b.blocksTables(now) && b.period().start().isBefore(to) && b.period().end().isAfter(from)) {
        b.tableIds().forEach(t -> ranges.add(new TableOccupancy.Range(t, b.period().start(), b.period().end(), false)));
      }
      boolean counts = countsAgainstPacing(b);
      if (counts && !b.period().start().isBefore(from) && b.period().start().isBefore(to)) {
        starts.add(new TableOccupancy.Start(b.period().start(), b.partySize()));
      }
    }
    return Future.succeededFuture(new TableOccupancy(ranges, starts));
  }

  /** The first block of one of the tables overlapping {@code period}, as the database reports it. */
  private Optional<TableBlocked> blocked(List<UUID> tableIds, Period period) {
    for (Block k : blocks.values()) {
      for (UUID t : k.tableIds()) {
        if (tableIds.contains(t) && k.overlaps(period)) {
          return Optional.of(new TableBlocked(t, k.period(), "the table is blocked for an overlapping time"));
        }
      }
    }
    return Optional.empty();
  }

  /** The active bookings (held in time, confirmed, seated) of {@code tableIds} overlapping {@code period}, by id. */
  List<UUID> activeOverlapping(List<UUID> tableIds, Period period) {
    return bookings.values().stream().filter(b -> b.blocksTables(now) && overlaps(b, tableIds, period))
      .map(Booking::id).sorted().toList();
  }

  @Override
  public Future<Map<UUID, Integer>> futureByTable(UUID venueId, UUID[] tableIds) {
    reads.add("futureByTable");
    Map<UUID, Integer> out = new HashMap<>();
    for (Booking b : bookings.values()) {
      if (b.venueId().equals(venueId) && b.blocksTables(now)) {
        b.tableIds().stream().filter(t -> tableIds.length == 0 || List.of(tableIds).contains(t)).forEach(t -> out.merge(t, 1, Integer::sum));
      }
    }
    return Future.succeededFuture(out);
  }

  /** Whether the booking is still at the version and status a change was decided on. */
  private boolean current(Booking before) {
    Booking now = bookings.get(before.id());
    return now != null && now.version() == before.version() && now.status() == before.status();
  }

  /** The exclusion constraint: another booking blocking one of the tables over an overlapping time. */
  private Optional<SlotTaken> conflict(UUID self, List<UUID> tableIds, Period period) {
    for (Booking b : bookings.values()) {
      if (!b.id().equals(self) && b.blocksTables(now) && overlaps(b, tableIds, period)) {
        UUID table = b.tableIds().stream().filter(tableIds::contains).findFirst().orElseThrow();
        return Optional.of(new SlotTaken(table, "conflicting key value violates exclusion constraint \"booked_tables_no_overlap\""));
      }
    }
    return Optional.empty();
  }

  private List<Booking> expireInTheWay(UUID self, List<UUID> tableIds, Period period) {
    List<Booking> expired = new ArrayList<>();
    for (Booking b : List.copyOf(bookings.values())) {
      if (!b.id().equals(self) && b.holdLapsed(now) && overlaps(b, tableIds, period)) {
        expired.add(put(b.moveTo(BookingStatus.EXPIRED, now, "")));
      }
    }
    return expired;
  }

  private static boolean overlaps(Booking b, List<UUID> tableIds, Period period) {
    boolean sharesTable = b.tables().stream().map(BookedTable::tableId).anyMatch(tableIds::contains);
    return sharesTable && b.period().start().isBefore(period.end()) && period.start().isBefore(b.period().end());
  }
}
