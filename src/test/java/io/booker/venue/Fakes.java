package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.adapter.KafkaVenueEvents;
import io.booker.venue.domain.AvailabilitySnapshot;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.TableCandidate;
import io.booker.venue.domain.WeeklyHours;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The venue use cases wired to in-memory fakes of their ports, a seeded venue A (room {@link #ROOM}
 * with tables {@link #TABLE} and {@link #TABLE_2}, open 12:00–23:00 every day in {@link #ZONE}),
 * an empty venue B, the callers of the tests, and helpers to read their (already complete) futures.
 */
final class Fakes {

  static final String A = "a0000000-0000-4000-8000-00000000000a";
  static final String B = "b0000000-0000-4000-8000-00000000000b";
  static final String ROOM = "c0000000-0000-4000-8000-000000000001";
  static final String TABLE = "d0000000-0000-4000-8000-000000000001";
  static final String TABLE_2 = "d0000000-0000-4000-8000-000000000002";
  /** Not a venue, room or table of the fakes. */
  static final String MISSING = "e0000000-0000-4000-8000-00000000000e";
  static final String ZONE = "Europe/Paris";
  /** The use cases' clock: a Thursday morning, a month before {@link #DATE}. */
  static final Instant NOW = Instant.parse("2031-05-01T10:00:00Z");
  /** A Sunday. */
  static final String DATE = "2031-06-01";

  static final Caller ADMIN = new Caller("admin-1", Role.ADMIN, Set.of());
  static final Caller MANAGER_A = new Caller("manager-a", Role.MANAGER, Set.of(A));
  static final Caller HOST_A = new Caller("host-a", Role.HOST, Set.of(A));
  static final Caller HOST_B = new Caller("host-b", Role.HOST, Set.of(B));
  static final Caller MANAGER_B = new Caller("manager-b", Role.MANAGER, Set.of(B));

  final FakeStructure structure = new FakeStructure();
  final FakeScheduleStore schedule = new FakeScheduleStore();
  final FakeSeatingStore seating = new FakeSeatingStore(Clock.fixed(NOW, ZoneOffset.UTC));
  final FakeAvailabilityReads availability = new FakeAvailabilityReads();
  final FakeLayoutCache layouts = new FakeLayoutCache();
  final FakeBookingOccupancy bookings = new FakeBookingOccupancy();
  /** How often the use cases said that outbox events were written. */
  final AtomicInteger eventsWritten = new AtomicInteger();
  final VenueDeps deps = new VenueDeps(structure, structure, structure, structure, schedule, seating, availability, layouts, bookings,
    new KafkaVenueEvents(Clock.fixed(NOW, ZoneOffset.UTC)), eventsWritten::incrementAndGet, Clock.fixed(NOW, ZoneOffset.UTC));

  final VenueUseCases venues = new VenueUseCases(deps);
  final RoomUseCases rooms = new RoomUseCases(deps);
  final TableUseCases tables = new TableUseCases(deps);
  final LayoutUseCases layout = new LayoutUseCases(deps);
  final ScheduleUseCases hours = new ScheduleUseCases(deps);
  final AvailabilityUseCases free = new AvailabilityUseCases(deps);
  final SeatingUseCases seatingRules = new SeatingUseCases(deps);
  final CombinationUseCases combinations = new CombinationUseCases(deps);

  Fakes() {
    structure.putVenue(A, "Chez A", ZONE);
    structure.putVenue(B, "Chez B", "UTC");
    structure.putRoom(A, ROOM, "Main");
    structure.putTable(ROOM, TABLE, "T1", 4);
    structure.putTable(ROOM, TABLE_2, "T2", 2);
    schedule.putVenue(UUID.fromString(A), ZONE);
    schedule.putVenue(UUID.fromString(B), "UTC");
    seating.putVenue(UUID.fromString(A));
    seating.putVenue(UUID.fromString(B));
    List<DayRange> week = new ArrayList<>();
    for (int day = 0; day <= 6; day++) {
      week.add(new DayRange(day, new OpeningRange(LocalTime.of(12, 0), LocalTime.of(23, 0))));
    }
    availability.venues.put(UUID.fromString(A), new AvailabilitySnapshot(ZoneId.of(ZONE), WeeklyHours.of(week), List.of(),
      List.of(new TableCandidate(TABLE, ROOM, "T1", 4, true), new TableCandidate(TABLE_2, ROOM, "T2", 2, true))));
    availability.venues.put(UUID.fromString(B), new AvailabilitySnapshot(ZoneId.of("UTC"), WeeklyHours.closed(), List.of(), List.of()));
  }

  /** Every event committed so far, structure's and schedule's, in order of each. */
  List<OutboxEvent> outbox() {
    List<OutboxEvent> all = new ArrayList<>(structure.outbox);
    all.addAll(schedule.outbox);
    all.addAll(seating.outbox);
    return all;
  }

  /** What the use cases reached: store calls, cache use, booking service calls, relay kicks. */
  List<String> reached() {
    List<String> out = new ArrayList<>(structure.calls);
    out.addAll(schedule.calls);
    availability.reads.forEach(r -> out.add("availability"));
    layouts.lookups.forEach(r -> out.add("layout lookup"));
    layouts.invalidations.forEach(r -> out.add("layout invalidation"));
    bookings.counts.forEach(c -> out.add("booking count"));
    bookings.frees.forEach(c -> out.add("booking free tables"));
    for (int i = 0; i < eventsWritten.get(); i++) {
      out.add("outbox relay");
    }
    return out;
  }

  /** The event's JSON payload. */
  static JsonObject payload(OutboxEvent e) {
    return new JsonObject(e.payload());
  }

  /** Asserts the event's type, key and actor, and answers its payload. */
  static JsonObject assertEvent(String type, String venueId, Caller actor, OutboxEvent e) {
    assertEquals(type, e.topic());
    assertEquals(type, e.eventType());
    assertEquals(venueId, e.aggregateId(), "keyed by venue");
    JsonObject p = payload(e);
    assertEquals(venueId, p.getString("venue_id"));
    JsonObject h = p.getJsonObject("headers");
    assertEquals(type, h.getString("event_type"));
    assertEquals("venue", h.getString("source"));
    assertEquals(e.eventId().toString(), h.getString("event_id"));
    assertEquals(String.valueOf(NOW.getEpochSecond()), String.valueOf(h.getValue("timestamp")));
    assertEquals(actor.userId(), h.getString("actor_id"), "the caller is the actor");
    return p;
  }

  /** A use case's future; what it threw (some validate by throwing) as a failed one. */
  static <T> Future<T> call(Supplier<Future<T>> useCase) {
    try {
      return useCase.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The value of a future that must have succeeded by now. */
  static <T> T succeeded(Future<T> f) {
    assertTrue(f.isComplete(), "the future should be complete: every fake answers at once");
    if (f.failed()) {
      fail("expected success, got " + f.cause(), f.cause());
    }
    return f.result();
  }

  /** The failure of a future that must have failed by now with {@code code}. */
  static ServiceException failed(ErrorCode code, Future<?> f) {
    assertTrue(f.isComplete(), "the future should be complete: every fake answers at once");
    assertTrue(f.failed(), () -> "expected " + code + ", got " + f.result());
    ServiceException e = assertInstanceOf(ServiceException.class, f.cause());
    assertEquals(code, e.code(), e::getMessage);
    return e;
  }

  /** The failure of a use case (thrown or failed future) that must be {@code code}. */
  static ServiceException failed(ErrorCode code, Supplier<Future<?>> useCase) {
    Future<?> f;
    try {
      f = useCase.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return failed(code, f);
  }
}
