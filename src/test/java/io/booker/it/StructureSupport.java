package io.booker.it;

import io.booker.platform.kafka.KafkaClients;
import io.booker.testinfra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/** What the structure tests share: a small REST client, Kafka event waits and booking rows. */
final class StructureSupport {

  private StructureSupport() {
  }

  /** Blocking REST calls to one gateway, for tests (never on an event loop). */
  record Api(WebClient web, int port) {

    HttpResponse<Buffer> get(String path) {
      return req("GET", path).send().await();
    }

    HttpResponse<Buffer> delete(String path) {
      return req("DELETE", path).send().await();
    }

    HttpResponse<Buffer> post(String path, JsonObject body) {
      return req("POST", path).sendJsonObject(body).await();
    }

    HttpResponse<Buffer> put(String path, JsonObject body) {
      return req("PUT", path).sendJsonObject(body).await();
    }

    /** A body sent as is, labelled JSON (to send malformed JSON). */
    HttpResponse<Buffer> send(String method, String path, String body) {
      return req(method, path).putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body)).await();
    }

    JsonObject created(String path, JsonObject body) {
      HttpResponse<Buffer> r = post(path, body);
      assertEquals(201, r.statusCode(), () -> "POST " + path + ": " + r.bodyAsString());
      assertEquals("application/json", r.getHeader("content-type"));
      return r.bodyAsJsonObject();
    }

    JsonObject ok(HttpResponse<Buffer> r) {
      assertEquals(200, r.statusCode(), r::bodyAsString);
      return r.bodyAsJsonObject();
    }

    JsonObject venue(String name) {
      return created("/api/v1/venues", new JsonObject().put("name", name).put("timezone", "Europe/Paris"));
    }

    JsonObject room(String venueId, String name) {
      return created("/api/v1/venues/" + venueId + "/rooms", new JsonObject().put("name", name));
    }

    JsonObject table(String roomId, String name, int capacity) {
      return created("/api/v1/rooms/" + roomId + "/tables", new JsonObject().put("name", name).put("capacity", capacity));
    }

    private HttpRequest<Buffer> req(String method, String path) {
      return web.request(io.vertx.core.http.HttpMethod.valueOf(method), port, "127.0.0.1", path);
    }
  }

  /** Asserts a problem response: status, stable code, and (for field errors) the field named first in detail. */
  static JsonObject assertProblem(HttpResponse<Buffer> r, int status, String code, String field) {
    assertEquals(status, r.statusCode(), r::bodyAsString);
    assertEquals("application/problem+json", r.getHeader("content-type"));
    JsonObject p = r.bodyAsJsonObject();
    assertEquals(code, p.getString("code"), p::encode);
    assertEquals(status, p.getInteger("status"));
    assertEquals(p.getString("detail"), p.getString("error"));
    if (field != null) {
      assertTrue(p.getString("detail").startsWith(field + ":"), () -> "detail should name " + field + ": " + p.encode());
    }
    return p;
  }

  /** The first event on {@code topic} with this key (venue id) whose payload matches, within 30 s. */
  static JsonObject awaitEvent(String topic, String key, Predicate<JsonObject> match) {
    var cfg = new HashMap<String, Object>(KafkaClients.consumerConfig(TestInfra.endpoints().kafkaBootstrap(), "structure-" + UUID.randomUUID()));
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cfg)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
          if (key.equals(r.key())) {
            JsonObject payload = new JsonObject(r.value());
            seen.add(r.value());
            if (match.test(payload)) {
              return payload;
            }
          }
        }
      }
    }
    return fail("no matching " + topic + " event with key " + key + " within 30 s; seen: " + seen);
  }

  /** The first {@code n} events on {@code topic} with this key (venue id), waiting up to 30 s for them. */
  static List<JsonObject> awaitEvents(String topic, String key, int n) {
    var cfg = new HashMap<String, Object>(KafkaClients.consumerConfig(TestInfra.endpoints().kafkaBootstrap(), "structure-" + UUID.randomUUID()));
    List<JsonObject> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cfg)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline && seen.size() < n) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
          if (key.equals(r.key())) {
            seen.add(new JsonObject(r.value()));
          }
        }
      }
    }
    assertEquals(n, seen.size(), () -> "events on " + topic + " with key " + key + ": " + seen);
    return seen;
  }

  /**
   * Writes a booking straight into the booking database, as the booking service would: a row in
   * {@code bookings} and its {@code booking_tables} row, starting {@code startInHours} from now.
   */
  static String insertBooking(String venueId, String roomId, String tableId, long startInHours, String status) {
    InfraEndpoints infra = TestInfra.endpoints();
    UUID id = UUID.randomUUID();
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(startInHours).truncatedTo(ChronoUnit.MINUTES);
    OffsetDateTime end = start.plusMinutes(120);
    boolean active = status.equals("held") || status.equals("confirmed") || status.equals("seated");
    try (Connection c = DriverManager.getConnection(infra.jdbcUrl("booking"), infra.pgUser(), infra.pgPassword())) {
      try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO bookings (id, venue_id, room_id, table_id, slot_date, start_time, duration_minutes, during, party_size, "
          + "customer_name, status) VALUES (?, ?, ?, ?, ?, ?, 120, tstzrange(?, ?, '[)'), 2, 'Structure Test', ?)")) {
        s.setObject(1, id);
        s.setObject(2, UUID.fromString(venueId));
        s.setObject(3, UUID.fromString(roomId));
        s.setObject(4, UUID.fromString(tableId));
        s.setObject(5, start.toLocalDate());
        s.setObject(6, start.toLocalTime());
        s.setObject(7, start);
        s.setObject(8, end);
        s.setString(9, status);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO booking_tables (booking_id, table_id, venue_id, during, active) VALUES (?, ?, ?, tstzrange(?, ?, '[)'), ?)")) {
        s.setObject(1, id);
        s.setObject(2, UUID.fromString(tableId));
        s.setObject(3, UUID.fromString(venueId));
        s.setObject(4, start);
        s.setObject(5, end);
        s.setBoolean(6, active);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not insert a booking: " + e.getMessage(), e);
    }
    return id.toString();
  }

  /** Ends (cancels) a booking inserted by {@link #insertBooking}. */
  static void cancelBooking(String bookingId) {
    InfraEndpoints infra = TestInfra.endpoints();
    try (Connection c = DriverManager.getConnection(infra.jdbcUrl("booking"), infra.pgUser(), infra.pgPassword());
         PreparedStatement b = c.prepareStatement("UPDATE bookings SET status = 'cancelled' WHERE id = ?");
         PreparedStatement t = c.prepareStatement("UPDATE booking_tables SET active = false WHERE booking_id = ?")) {
      b.setObject(1, UUID.fromString(bookingId));
      b.executeUpdate();
      t.setObject(1, UUID.fromString(bookingId));
      t.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not cancel a booking: " + e.getMessage(), e);
    }
  }

  static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }
}
