package io.booker.it.support;

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
 * Test data. Structure (rooms, tables) is made through the gateway's REST API, as an admin, so every
 * rule of the venue service, its outbox events and its layout cache apply to it. Bookings are made
 * through the service too ({@link Bookings}); the only writes straight into a database are the test's
 * own time travel ({@link #moveIntoThePast}) and the pokes of {@link #update}.
 */
public final class Seed {

  private Seed() {
  }

  /** A name no other test run uses: {@code prefix} and a random suffix. */
  public static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Room A: A2 (2), A4 (4), A8 (8), not mergeable; room B: B6a and B6b (6 each, mergeable);
   * room C: C5 (5, mergeable), made in {@code venueId} through {@code api}. Name → {room id, table id}.
   */
  public static Map<String, String[]> standardLayout(ApiClient api, String venueId) {
    Map<String, String[]> out = new LinkedHashMap<>();
    String a = room(api, venueId, "A");
    String b = room(api, venueId, "B");
    String c = room(api, venueId, "C");
    out.put("A8", new String[]{a, table(api, a, "A8", 8, false)});
    out.put("A2", new String[]{a, table(api, a, "A2", 2, false)});
    out.put("A4", new String[]{a, table(api, a, "A4", 4, false)});
    out.put("B6a", new String[]{b, table(api, b, "B6a", 6, true)});
    out.put("B6b", new String[]{b, table(api, b, "B6b", 6, true)});
    out.put("C5", new String[]{c, table(api, c, "C5", 5, true)});
    return out;
  }

  /** A room of {@code venueId} made through {@code api}; its id. */
  public static String room(ApiClient api, String venueId, String name) {
    return Bookings.room(api, venueId, name);
  }

  /** A table of {@code roomId} made through {@code api}; its id. */
  public static String table(ApiClient api, String roomId, String name, int capacity, boolean canMerge) {
    return Bookings.table(api, roomId, name, capacity, canMerge)[1];
  }

  /**
   * Test-only time travel: makes a booking that the service made start {@code hoursAgo} hours ago
   * (its real range, the range its tables are occupied, and its local date and start time). The one
   * booking write that bypasses the service: the service rightly refuses to book the past, yet a
   * test needs bookings that are over or under way. The local slot moves by the same amount, which
   * is exact for a zone without daylight saving, such as the Tokyo venues of {@link Bookings}.
   */
  public static void moveIntoThePast(String bookingId, int hoursAgo) {
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
  public static int update(String database, String sql, Object... args) {
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
