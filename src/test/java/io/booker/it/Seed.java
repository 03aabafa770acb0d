package io.booker.it;

import io.booker.testinfra.InfraEndpoints;
import io.booker.testinfra.TestInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Test data written straight into the services' databases, bypassing their APIs: rooms and tables
 * in the venue database, bookings in the booking database (as the booking service would write them).
 */
final class Seed {

  /** The booking statuses that occupy their table. */
  private static final Set<String> ACTIVE = Set.of("held", "confirmed", "seated");

  private Seed() {
  }

  /** A name no other test run uses: {@code prefix} and a random suffix. */
  static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Room A: A2 (2), A4 (4), A8 (8), not mergeable; room B: B6a and B6b (6 each, mergeable);
   * room C: C5 (5, mergeable). Name → {room id, table id}.
   */
  static Map<String, String[]> standardLayout(String venueId) {
    Map<String, String[]> out = new LinkedHashMap<>();
    String a = room(venueId, "A");
    String b = room(venueId, "B");
    String c = room(venueId, "C");
    out.put("A8", new String[]{a, table(venueId, a, "A8", 8, false)});
    out.put("A2", new String[]{a, table(venueId, a, "A2", 2, false)});
    out.put("A4", new String[]{a, table(venueId, a, "A4", 4, false)});
    out.put("B6a", new String[]{b, table(venueId, b, "B6a", 6, true)});
    out.put("B6b", new String[]{b, table(venueId, b, "B6b", 6, true)});
    out.put("C5", new String[]{c, table(venueId, c, "C5", 5, true)});
    return out;
  }

  static String room(String venueId, String name) {
    String id = UUID.randomUUID().toString();
    update("venue", "INSERT INTO rooms (id, venue_id, name) VALUES (?::uuid, ?::uuid, ?)", id, venueId, name);
    return id;
  }

  static String table(String venueId, String roomId, String name, int capacity, boolean canMerge) {
    String id = UUID.randomUUID().toString();
    update("venue", "INSERT INTO dining_tables (id, room_id, venue_id, name, capacity, can_merge) VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?)",
      id, roomId, venueId, name, capacity, canMerge);
    return id;
  }

  /** A booking of one table of {@link #standardLayout} ({room id, table id}). */
  static String booking(String venueId, String[] table, ZonedDateTime start, int minutes, String status) {
    return booking(venueId, table[0], table[1], start, minutes, status);
  }

  /** A two-hour booking of one table starting {@code hours} from now (in whole minutes, in UTC). */
  static String bookingInHours(String venueId, String roomId, String tableId, long hours, String status) {
    ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).plusHours(hours).truncatedTo(ChronoUnit.MINUTES);
    return booking(venueId, roomId, tableId, start, 120, status);
  }

  /**
   * A booking of one table: a row in {@code bookings} and its {@code booking_tables} row, which
   * occupies the table while the status is held, confirmed or seated. Answers the booking id.
   */
  static String booking(String venueId, String roomId, String tableId, ZonedDateTime start, int minutes, String status) {
    String id = UUID.randomUUID().toString();
    OffsetDateTime from = start.toOffsetDateTime();
    OffsetDateTime to = from.plusMinutes(minutes);
    update("booking", "INSERT INTO bookings (id, venue_id, room_id, table_id, slot_date, start_time, duration_minutes, during, party_size, "
        + "customer_name, status) VALUES (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, tstzrange(?, ?, '[)'), 2, 'Test', ?)",
      id, venueId, roomId, tableId, start.toLocalDate(), start.toLocalTime().withSecond(0), minutes, from, to, status);
    update("booking", "INSERT INTO booking_tables (booking_id, table_id, venue_id, during, active) VALUES (?::uuid, ?::uuid, ?::uuid, tstzrange(?, ?, '[)'), ?)",
      id, tableId, venueId, from, to, ACTIVE.contains(status));
    return id;
  }

  /** Ends (cancels) a booking written by {@link #booking}: it no longer occupies its table. */
  static void cancelBooking(String bookingId) {
    update("booking", "UPDATE bookings SET status = 'cancelled' WHERE id = ?::uuid", bookingId);
    update("booking", "UPDATE booking_tables SET active = false WHERE booking_id = ?::uuid", bookingId);
  }

  /**
   * Test-only time travel: makes a booking that the service made start {@code hours} ago (its
   * slot, its real range and the range its tables are occupied), which the service rightly refuses
   * to book. Everything else stays as the service wrote it. Venue-local slot fields move by the
   * same amount, which is right for the tests' zones without daylight saving.
   */
  static void moveIntoThePast(String bookingId, int hours) {
    update("booking", "WITH s AS (SELECT lower(during) - now() + make_interval(hours => ?) AS shift FROM bookings WHERE id = ?::uuid), "
        + "t AS (UPDATE booking_tables bt SET during = tstzrange(lower(bt.during) - s.shift, upper(bt.during) - s.shift, '[)') "
        + "  FROM s WHERE bt.booking_id = ?::uuid) "
        + "UPDATE bookings b SET during = tstzrange(lower(b.during) - s.shift, upper(b.during) - s.shift, '[)'), "
        + "  slot_date = ((b.slot_date + b.start_time) - s.shift)::date, start_time = ((b.slot_date + b.start_time) - s.shift)::time "
        + "FROM s WHERE b.id = ?::uuid",
      hours, bookingId, bookingId, bookingId);
  }

  /** Runs one statement with {@code args} on {@code database} ("venue" or "booking"). */
  private static void update(String database, String sql, Object... args) {
    InfraEndpoints infra = TestInfra.endpoints();
    try (Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.pgUser(), infra.pgPassword());
         PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
