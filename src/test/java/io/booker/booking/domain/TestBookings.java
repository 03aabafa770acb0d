package io.booker.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for the booking domain and use cases: one venue in Berlin with one room holding tables
 * A1, B2 and C3 (D4 stands in another room), a slot on Tuesday 3 June 2025 at 19:00 for two hours,
 * and a builder for bookings with sensible defaults (a fresh hold of table A1 for that slot).
 */
public final class TestBookings {

  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  public static final UUID VENUE = UUID.fromString("10000000-0000-4000-8000-000000000001");
  public static final UUID ROOM = UUID.fromString("20000000-0000-4000-8000-000000000001");
  public static final UUID OTHER_ROOM = UUID.fromString("20000000-0000-4000-8000-000000000002");
  public static final UUID TABLE_A = UUID.fromString("30000000-0000-4000-8000-00000000000a");
  public static final UUID TABLE_B = UUID.fromString("30000000-0000-4000-8000-00000000000b");
  public static final UUID TABLE_C = UUID.fromString("30000000-0000-4000-8000-00000000000c");
  public static final UUID TABLE_D = UUID.fromString("30000000-0000-4000-8000-00000000000d");
  public static final BookedTable A = new BookedTable(ROOM, TABLE_A);
  public static final BookedTable B = new BookedTable(ROOM, TABLE_B);
  public static final BookedTable C = new BookedTable(ROOM, TABLE_C);
  public static final BookedTable D = new BookedTable(OTHER_ROOM, TABLE_D);
  /** The name of each table, as the venue calls it. */
  public static final Map<UUID, String> NAMES = Map.of(TABLE_A, "A1", TABLE_B, "B2", TABLE_C, "C3", TABLE_D, "D4");

  /** Tuesday 3 June 2025, 19:00 in Berlin (17:00Z), two hours. */
  public static final BookingSlot SLOT = new BookingSlot(LocalDate.of(2025, 6, 3), LocalTime.of(19, 0), 120);
  /** When the default booking was created, and the default clock of the fakes: the morning of that day. */
  public static final Instant CREATED = Instant.parse("2025-06-03T10:00:00Z");
  public static final Duration HOLD_TTL = Duration.ofMinutes(10);

  private TestBookings() {
  }

  public static BookingSlot slot(String date, String start, int minutes) {
    return new BookingSlot(LocalDate.parse(date), LocalTime.parse(start), minutes);
  }

  /** The real time a slot takes in the venue's zone. */
  public static Period periodOf(BookingSlot slot) {
    ZonedDateTime start = ZonedDateTime.of(slot.date(), slot.start(), ZONE);
    return new Period(start.toInstant(), start.plusMinutes(slot.durationMinutes()).toInstant());
  }

  /** The placement the venue confirms for these tables and slot, with the tables' names. */
  public static Placement placement(BookingSlot slot, BookedTable... tables) {
    List<BookedTable> list = List.of(tables);
    return new Placement(VENUE, list, list.stream().map(t -> NAMES.get(t.tableId())).toList(), slot, periodOf(slot));
  }

  public static Builder booking() {
    return new Builder();
  }

  /** A booking, by default a hold of table A1 for {@link #SLOT}, version 1, expiring {@link #HOLD_TTL} after creation. */
  public static final class Builder {
    private UUID id = UUID.randomUUID();
    private UUID venueId = VENUE;
    private List<BookedTable> tables = List.of(A);
    private BookingSlot slot = SLOT;
    private Period period;
    private int partySize = 4;
    private Guest guest = new Guest("Ada Lovelace", "+44 20 7946 0000", "ada@example.com");
    private String comment = "window seat";
    private BookingStatus status = BookingStatus.HELD;
    private long version = 1;
    private String adminId = "admin-1";
    private Instant expiresAt = CREATED.plus(HOLD_TTL);
    private Instant createdAt = CREATED;
    private Instant updatedAt = CREATED;
    private String cancelReason = "";

    public Builder id(UUID v) {
      id = v;
      return this;
    }

    public Builder venue(UUID v) {
      venueId = v;
      return this;
    }

    public Builder tables(BookedTable... v) {
      tables = List.of(v);
      return this;
    }

    public Builder slot(BookingSlot v) {
      slot = v;
      return this;
    }

    public Builder period(Period v) {
      period = v;
      return this;
    }

    public Builder partySize(int v) {
      partySize = v;
      return this;
    }

    public Builder comment(String v) {
      comment = v;
      return this;
    }

    /** The status; a status other than held drops the default expiry (set one after this if wanted). */
    public Builder status(BookingStatus v) {
      status = v;
      if (v != BookingStatus.HELD) {
        expiresAt = null;
      }
      return this;
    }

    public Builder version(long v) {
      version = v;
      return this;
    }

    public Builder expiresAt(Instant v) {
      expiresAt = v;
      return this;
    }

    public Builder cancelReason(String v) {
      cancelReason = v;
      return this;
    }

    public Booking build() {
      return new Booking(id, venueId, tables, slot, period != null ? period : periodOf(slot), partySize, guest, comment,
          status, version, adminId, expiresAt, createdAt, updatedAt, cancelReason);
    }
  }
}
