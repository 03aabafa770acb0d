package io.booker.it.booking;

import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the booking database directly, for assertions on what was stored (never to make bookings). */
final class BookingDb {

  private BookingDb() {
  }

  /** Rows of a query on the booking database, as column → value maps. */
  static List<Map<String, Object>> rows(String sql, Object... args) {
    InfraEndpoints infra = TestInfra.endpoints();
    try (Connection c = DriverManager.getConnection(infra.jdbcUrl("booking"), infra.pgUser(), infra.pgPassword());
         PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The single number a query answers (count(*) and the like). */
  static long number(String sql, Object... args) {
    return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
  }

  /** How many bookings occupy {@code tableId} now (rows of booking_tables that are active). */
  static long activeOn(String tableId) {
    return number("SELECT count(*) FROM booking_tables WHERE active AND table_id = ?::uuid", tableId);
  }

  /** The event types of a booking's outbox events, in the order written. */
  static List<String> outboxTypes(String bookingId) {
    List<String> out = new ArrayList<>();
    rows("SELECT event_type FROM outbox WHERE aggregate_id = ? ORDER BY id", bookingId).forEach(r -> out.add((String) r.get("event_type")));
    return out;
  }
}
