package io.booker.it.booking;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.TestTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.hold;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A keyed write that waits too long for a lock says which lock: another request holding the
 * same idempotency key is a duplicate in flight (409 DUPLICATE_IN_FLIGHT); another request holding
 * the table or the booking is not (503 UNAVAILABLE, as for a write without a key). The locks are
 * held from a second connection, as a slow request would hold them, on a node that waits 300 ms.
 */
class BookingLockWaitTest {

  static final String BOOKINGS = "/api/v1/bookings";

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus", new JsonObject().put("booking", new JsonObject()
    .put("lock_timeout_ms", 300)));
  static final ApiClient api = harness.api();

  @Test
  void aKeyedCreateWaitingForTheTableIsBusyNotADuplicate() throws SQLException {
    String venue = Bookings.venueOpenAllDay(api);
    String[] t = Bookings.table(api, Bookings.room(api, venue, "R"), "T", 4, false);
    String key = "table-" + UUID.randomUUID();
    try (Connection other = transaction()) {
      // What a create or reschedule of that table holds until it commits (BookingSql.EXPIRE_IN_THE_WAY).
      run(other, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", t[1]);

      JsonObject p = assertProblem(keyed("POST", BOOKINGS, key, request(venue, t, day(14), "19:00", 0, 2)), 503, "UNAVAILABLE", null);
      assertTrue(p.getString("detail").contains("being changed by another request"), p.encode());
      other.rollback();
    }
    assertEquals(201, keyed("POST", BOOKINGS, key, request(venue, t, day(14), "19:00", 0, 2)).statusCode(),
      "the same key goes through once the table is free: nothing was stored for it");
  }

  @Test
  void aKeyedConfirmWaitingForTheBookingIsBusyNotADuplicate() throws SQLException {
    String venue = Bookings.venueOpenAllDay(api);
    String[] t = Bookings.table(api, Bookings.room(api, venue, "R"), "T", 4, false);
    String id = hold(api, request(venue, t, day(15), "19:00", 0, 2)).getString("id");
    String key = "row-" + UUID.randomUUID();
    try (Connection other = transaction()) {
      run(other, "SELECT 1 FROM bookings WHERE id = ?::uuid FOR UPDATE", id);

      JsonObject p = assertProblem(keyed("POST", BOOKINGS + "/" + id + "/confirm", key, new JsonObject()), 503, "UNAVAILABLE", null);
      assertTrue(p.getString("detail").contains("being changed by another request"), p.encode());
      other.rollback();
    }
    assertEquals("confirmed", api.ok(keyed("POST", BOOKINGS + "/" + id + "/confirm", key, new JsonObject())).getString("status"));
  }

  @Test
  void aKeyedWriteWaitingForTheSameKeyIsADuplicateInFlight() throws SQLException {
    String venue = Bookings.venueOpenAllDay(api);
    String[] t = Bookings.table(api, Bookings.room(api, venue, "R"), "T", 4, false);
    String id = hold(api, request(venue, t, day(16), "19:00", 0, 2)).getString("id");
    String createKey = "create-" + UUID.randomUUID();
    String confirmKey = "confirm-" + UUID.randomUUID();
    try (Connection other = transaction()) {
      // Another request with these keys is writing (its answer not committed yet).
      pendingKey(other, createKey);
      pendingKey(other, confirmKey);

      JsonObject create = assertProblem(keyed("POST", BOOKINGS, createKey, request(venue, t, day(16), "21:30", 0, 2)),
        409, "DUPLICATE_IN_FLIGHT", null);
      assertEquals("a request with this idempotency key is being processed", create.getString("detail"));
      assertProblem(keyed("POST", BOOKINGS + "/" + id + "/confirm", confirmKey, new JsonObject()), 409, "DUPLICATE_IN_FLIGHT", null);
      other.rollback();
    }
    assertEquals("held", api.ok(api.get(BOOKINGS + "/" + id)).getString("status"), "the refused confirm wrote nothing");
  }

  private static HttpResponse<Buffer> keyed(String method, String path, String key, JsonObject body) {
    return api.request(method, path).putHeader("Idempotency-Key", key).sendJsonObject(body).await();
  }

  /**
   * A connection to the booking database in a transaction; closing it ends the session, and
   * PostgreSQL rolls back what it left uncommitted (its locks go with it).
   */
  private static Connection transaction() throws SQLException {
    InfraEndpoints infra = TestInfra.endpoints();
    Connection c = DriverManager.getConnection(infra.jdbcUrl("booking"), infra.pgUser(), infra.pgPassword());
    c.setAutoCommit(false);
    return c;
  }

  private static void run(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      ps.execute();
    }
  }

  /** An uncommitted idempotency key of the admin the test calls as (the scope the service gives it). */
  private static void pendingKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_keys (scope, idem_key, operation, request_hash, "
      + "response, booking_id) VALUES (?, ?, 'pending', '\\x01'::bytea, '\\x00'::bytea, ?::uuid)")) {
      ps.setString(1, "user:" + TestTokens.ADMIN_ID);
      ps.setString(2, key);
      ps.setString(3, UUID.randomUUID().toString());
      ps.executeUpdate();
    }
  }
}
