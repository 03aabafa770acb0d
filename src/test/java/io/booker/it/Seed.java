package io.booker.it;

import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test data written straight into the services' databases, bypassing their APIs: rooms and tables
 * in the venue database. Bookings are made through the service ({@link Bookings}); the only write
 * here to the booking database moves such a booking into the past ({@link #moveIntoThePast}).
 */
final class Seed {

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

  /**
   * Test-only time travel: makes a booking that the service made start {@code hoursAgo} hours ago
   * (its real range, the range its tables are occupied, and its local date and start time). The one
   * booking write that bypasses the service: the service rightly refuses to book the past, yet a
   * test needs bookings that are over or under way. The local slot moves by the same amount, which
   * is exact for a zone without daylight saving, such as the Tokyo venues of {@link Bookings}.
   */
  static void moveIntoThePast(String bookingId, int hoursAgo) {
    int moved = update("booking",
      "WITH s AS (SELECT lower(during) - now() + make_interval(hours => ?) AS back FROM bookings WHERE id = ?::uuid), "
        + "b AS (UPDATE bookings SET during = tstzrange(lower(during) - s.back, upper(during) - s.back, '[)'), "
        + "    slot_date = (slot_date + start_time - s.back)::date, start_time = (slot_date + start_time - s.back)::time "
        + "  FROM s WHERE bookings.id = ?::uuid RETURNING bookings.id, bookings.during) "
        + "UPDATE booking_tables bt SET during = b.during FROM b WHERE bt.booking_id = b.id",
      hoursAgo, bookingId, bookingId);
    if (moved == 0) {
      throw new IllegalStateException("no tables of booking " + bookingId + " moved");
    }
  }

  /** Runs one statement with {@code args} on {@code database} ("venue", "booking", "notify"); the rows it changed. */
  static int update(String database, String sql, Object... args) {
    InfraEndpoints infra = TestInfra.endpoints();
    try (Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.pgUser(), infra.pgPassword());
         PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
