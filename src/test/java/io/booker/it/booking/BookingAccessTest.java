package io.booker.it.booking;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.it.support.ApiClient;
import io.booker.it.support.BearerGrpcClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.platform.rpc.RpcClients;
import io.booker.proto.booking.Booking;
import io.booker.proto.booking.BookingHistory;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.BookingServiceGrpcClient;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.proto.booking.CancelBookingRequest;
import io.booker.proto.booking.CheckTableAvailabilityRequest;
import io.booker.proto.booking.ConfirmBookingRequest;
import io.booker.proto.booking.CreateBookingRequest;
import io.booker.proto.booking.GetBookingHistoryRequest;
import io.booker.proto.booking.GetBookingRequest;
import io.booker.proto.booking.ListBookingsRequest;
import io.booker.proto.booking.MarkFinishedRequest;
import io.booker.proto.booking.MarkNoShowRequest;
import io.booker.proto.booking.MarkSeatedRequest;
import io.booker.proto.booking.RescheduleBookingRequest;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Bookings.act;
import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The booking service's own access rules, over REST (through the gateway) and over its gRPC port:
 * a host acts on the bookings of their venue; to a host of another venue, that venue and its
 * bookings do not exist (404 / NOT_FOUND, word for word as a missing one) and nothing changes;
 * every change is recorded as its caller's, whatever admin_id the request names; a call without a
 * token is UNAUTHENTICATED; idempotency keys belong to their user.
 */
class BookingAccessTest {

  static final String BOOKINGS = "/api/v1/bookings";

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");
  static final ApiClient admin = harness.api();
  static final SocketAddress BOOKING_GRPC = SocketAddress.inetSocketAddress(harness.bookingGrpcPort(), "127.0.0.1");

  /** A venue open around the clock with one table for four ({room id, table id}). */
  record Venue(String id, String[] table) {
    static Venue create() {
      String id = Bookings.venueOpenAllDay(admin);
      return new Venue(id, Bookings.table(admin, Bookings.room(admin, id, "R"), "T4", 4, false));
    }
  }

  /** A host of {@code venue}: their user id and their REST client. */
  record Host(String userId, ApiClient api, String authorization) {
    static Host of(Venue venue) {
      String userId = UUID.randomUUID().toString();
      String authorization = TestTokens.bearer(new Caller(userId, Role.HOST, Set.of(venue.id())));
      return new Host(userId, admin.as(authorization), authorization);
    }

    BookingServiceClient grpc() {
      return RpcClients.grpc(harness.vertx(), BookingServiceClient.class, BookingServiceGrpcService.SERVICE_DESCRIPTOR,
        BOOKING_GRPC, 5000, () -> authorization);
    }
  }

  @Test
  void aHostActsOnTheBookingsOfTheirVenueAndIsTheAuthorOfEveryChange() {
    Venue a = Venue.create();
    Host host = Host.of(a);

    JsonObject held = host.api().created(BOOKINGS, request(a.id(), a.table(), day(3), "19:00", 0, 2).put("admin_id", "someone-else"));
    String id = held.getString("id");
    assertEquals(host.userId(), held.getString("admin_id"), "the caller made it, not whom the body names");
    assertEquals(held, host.api().ok(host.api().get(BOOKINGS + "/" + id)));
    assertEquals(List.of(id), ids(host.api().ok(host.api().get(BOOKINGS + "?venue_id=" + a.id()))));
    assertEquals("confirmed", host.api().ok(act(host.api(), id, "confirm", new JsonObject().put("admin_id", "someone-else")))
      .getString("status"));
    assertEquals("cancelled", host.api().ok(act(host.api(), id, "cancel", new JsonObject().put("admin_id", TestTokens.ADMIN_ID)))
      .getString("status"));

    JsonObject history = host.api().ok(host.api().get(BOOKINGS + "/" + id + "/history"));
    assertEquals(3, history.getJsonArray("entries").size());
    for (int i = 0; i < 3; i++) {
      assertEquals(host.userId(), history.getJsonArray("entries").getJsonObject(i).getString("actor_id"), history::encode);
    }
    assertEquals(host.userId(), eventPayload(id, "booking.confirmed").getJsonObject("confirmed").getString("admin_id"));
    assertEquals(host.userId(), eventPayload(id, "booking.confirmed").getJsonObject("headers").getString("actor_id"));
    assertEquals(host.userId(), eventPayload(id, "booking.cancelled").getJsonObject("cancelled").getString("admin_id"));
    assertEquals(host.userId(), BookingDb.rows("SELECT admin_id FROM bookings WHERE id = ?::uuid", UUID.fromString(id))
      .get(0).get("admin_id"));
  }

  @Test
  void toAHostOfAnotherVenueItsBookingsDoNotExistOverRestAndNothingChanges() {
    Venue a = Venue.create();
    Venue b = Venue.create();
    Host hostA = Host.of(a);
    Host hostB = Host.of(b);
    LocalDate d = day(4);
    String id = hostA.api().created(BOOKINGS, request(a.id(), a.table(), d, "19:00", 0, 2)).getString("id");
    JsonObject before = admin.ok(admin.get(BOOKINGS + "/" + id));
    JsonObject historyBefore = admin.ok(admin.get(BOOKINGS + "/" + id + "/history"));
    List<String> eventsBefore = BookingDb.outboxTypes(id);
    ApiClient stranger = hostB.api();

    assertAnswersLikeMissing("booking", id, x -> stranger.get(BOOKINGS + "/" + x));
    assertAnswersLikeMissing("booking", id, x -> stranger.get(BOOKINGS + "/" + x + "/history"));
    for (String action : List.of("confirm", "cancel", "seat", "finish", "no-show")) {
      // A reason only where the action takes one: any other field is refused (400) before the service is asked.
      JsonObject body = action.equals("cancel") ? new JsonObject().put("reason", "r") : new JsonObject();
      assertAnswersLikeMissing("booking", id, x -> act(stranger, x, action, body));
    }
    assertAnswersLikeMissing("booking", id, x -> act(stranger, x, "reschedule",
      new JsonObject().put("slot", new JsonObject().put("date", d.toString()).put("start_time", "12:00"))));
    assertAnswersLikeMissing("venue", a.id(), x -> stranger.get(BOOKINGS + "?venue_id=" + x));
    assertAnswersLikeMissing("venue", a.id(), x -> stranger.post(BOOKINGS, request(x, a.table(), d, "21:00", 0, 2)));
    assertProblem(stranger.post("/api/v1/availability/tables", new JsonObject().put("venue_id", a.id())
      .put("table_ids", List.of(a.table()[1])).put("slot", new JsonObject().put("date", d.toString()).put("start_time", "19:00"))),
      404, "NOT_FOUND", null);

    assertEquals(before, admin.ok(admin.get(BOOKINGS + "/" + id)), "the booking is as it was");
    assertEquals(historyBefore, admin.ok(admin.get(BOOKINGS + "/" + id + "/history")), "no audit row");
    assertEquals(eventsBefore, BookingDb.outboxTypes(id), "no event");
    assertEquals(1, BookingDb.number("SELECT count(*) FROM bookings WHERE venue_id = ?::uuid", UUID.fromString(a.id())),
      "no booking made at venue A");
    assertEquals(1, admin.ok(admin.get(BOOKINGS + "?venue_id=" + a.id())).getInteger("total"));
  }

  @Test
  void overGrpcTheSameRulesHold() {
    Venue a = Venue.create();
    Venue b = Venue.create();
    Host hostA = Host.of(a);
    BookingServiceClient own = hostA.grpc();
    BookingServiceClient stranger = Host.of(b).grpc();
    LocalDate d = day(5);

    Booking held = own.createBooking(create(a, d, "19:00").toBuilder().setAdminId("someone-else").build()).await();
    String id = held.getId();
    assertEquals(hostA.userId(), held.getAdminId());
    assertEquals(held, own.getBooking(GetBookingRequest.newBuilder().setId(id).build()).await());
    assertEquals(1, own.listBookings(ListBookingsRequest.newBuilder().setVenueId(a.id()).build()).await().getTotal());
    BookingHistory history = own.getBookingHistory(GetBookingHistoryRequest.newBuilder().setId(id).build()).await();
    List<String> eventsBefore = BookingDb.outboxTypes(id);

    Map<String, Function<String, Future<?>>> byId = Map.of(
      "GetBooking", x -> stranger.getBooking(GetBookingRequest.newBuilder().setId(x).build()),
      "GetBookingHistory", x -> stranger.getBookingHistory(GetBookingHistoryRequest.newBuilder().setId(x).build()),
      "ConfirmBooking", x -> stranger.confirmBooking(ConfirmBookingRequest.newBuilder().setId(x).build()),
      "CancelBooking", x -> stranger.cancelBooking(CancelBookingRequest.newBuilder().setId(x).setReason("r").build()),
      "MarkSeated", x -> stranger.markSeated(MarkSeatedRequest.newBuilder().setId(x).build()),
      "MarkFinished", x -> stranger.markFinished(MarkFinishedRequest.newBuilder().setId(x).build()),
      "MarkNoShow", x -> stranger.markNoShow(MarkNoShowRequest.newBuilder().setId(x).build()),
      "RescheduleBooking", x -> stranger.rescheduleBooking(RescheduleBookingRequest.newBuilder().setId(x)
        .setSlot(Slot.newBuilder().setDate(d.toString()).setStartTime("12:00")).build()));
    byId.forEach((rpc, call) -> assertNotFoundLikeMissing(rpc, "booking", id, call));
    assertNotFoundLikeMissing("ListBookings", "venue", a.id(),
      x -> stranger.listBookings(ListBookingsRequest.newBuilder().setVenueId(x).build()));
    assertNotFoundLikeMissing("CreateBooking", "venue", a.id(),
      x -> stranger.createBooking(CreateBookingRequest.newBuilder(create(a, d, "21:00")).setVenueId(x).build()));
    assertNotFoundLikeMissing("CheckTableAvailability", "venue", a.id(),
      x -> stranger.checkTableAvailability(tableAvailability(x, a.table()[1], d)));

    assertEquals(held, own.getBooking(GetBookingRequest.newBuilder().setId(id).build()).await(), "the booking is as it was");
    assertEquals(history, own.getBookingHistory(GetBookingHistoryRequest.newBuilder().setId(id).build()).await(), "no audit row");
    assertEquals(eventsBefore, BookingDb.outboxTypes(id), "no event");
    assertEquals(1, own.listBookings(ListBookingsRequest.newBuilder().setVenueId(a.id()).build()).await().getTotal());

    Booking confirmed = own.confirmBooking(ConfirmBookingRequest.newBuilder().setId(id).setAdminId(TestTokens.ADMIN_ID).build()).await();
    assertEquals("confirmed", confirmed.getStatus());
    history = own.getBookingHistory(GetBookingHistoryRequest.newBuilder().setId(id).build()).await();
    assertEquals(hostA.userId(), history.getEntries(1).getActorId(), "the caller, not the admin_id the request named");
  }

  @Test
  void anotherVenuesTableTellsNothingOfItsBookings() {
    Venue a = Venue.create();
    Venue b = Venue.create();
    Host hostA = Host.of(a);
    LocalDate d = day(6);
    hostA.api().created(BOOKINGS, request(a.id(), a.table(), d, "19:00", 0, 2));

    assertFalse(hostA.grpc().checkTableAvailability(tableAvailability(a.id(), a.table()[1], d)).await().getTables(0).getAvailable(),
      "booked, to whom sees the venue");
    assertTrue(Host.of(b).grpc().checkTableAvailability(tableAvailability(b.id(), a.table()[1], d)).await().getTables(0).getAvailable(),
      "asked under one's own venue, another venue's table is never occupied");
  }

  @Test
  void aGrpcCallWithoutATokenIsUnauthenticated() {
    Venue a = Venue.create();
    LocalDate d = day(7);
    BookingServiceGrpcClient anonymous = BookingServiceGrpcClient.create(new BearerGrpcClient(GrpcClient.client(harness.vertx()), () -> null),
      BOOKING_GRPC);

    InvalidStatusException read = assertInstanceOf(InvalidStatusException.class, assertThrows(Exception.class,
      () -> anonymous.getBooking(GetBookingRequest.newBuilder().setId(UUID.randomUUID().toString()).build()).await()));
    assertEquals(GrpcStatus.UNAUTHENTICATED, read.actualStatus());
    InvalidStatusException write = assertInstanceOf(InvalidStatusException.class, assertThrows(Exception.class,
      () -> anonymous.createBooking(create(a, d, "19:00")).await()));
    assertEquals(GrpcStatus.UNAUTHENTICATED, write.actualStatus());

    BookingServiceClient platform = RpcClients.grpc(harness.vertx(), BookingServiceClient.class,
      BookingServiceGrpcService.SERVICE_DESCRIPTOR, BOOKING_GRPC, 5000, () -> null);
    assertEquals(ErrorCode.UNAUTHENTICATED, assertThrows(ServiceException.class,
      () -> platform.listBookings(ListBookingsRequest.newBuilder().setVenueId(a.id()).build()).await()).code());
    assertEquals(0, BookingDb.number("SELECT count(*) FROM bookings WHERE venue_id = ?::uuid", UUID.fromString(a.id())),
      "nothing was booked");
  }

  @Test
  void theIdempotencyKeysOfTwoUsersNeverMeet() {
    Venue a = Venue.create();
    Host first = Host.of(a);
    Host second = Host.of(a);
    LocalDate d = day(8);
    String key = "same-key-" + UUID.randomUUID();
    JsonObject early = request(a.id(), a.table(), d, "12:00", 0, 2);
    JsonObject late = request(a.id(), a.table(), d, "20:00", 0, 2);

    JsonObject mine = keyed(first, key, early);
    JsonObject theirs = keyed(second, key, late);

    assertNotEquals(mine.getString("id"), theirs.getString("id"), "another user's key is another key, not a reuse");
    assertEquals(first.userId(), mine.getString("admin_id"));
    assertEquals(second.userId(), theirs.getString("admin_id"));
    assertEquals(mine, keyed(first, key, early), "each retry gets its own user's first answer");
    assertEquals(theirs, keyed(second, key, late));
    assertEquals(2, BookingDb.number("SELECT count(*) FROM bookings WHERE venue_id = ?::uuid", UUID.fromString(a.id())));
    assertEquals(Set.of("user:" + first.userId(), "user:" + second.userId()), Set.copyOf(BookingDb.rows(
      "SELECT scope FROM idempotency_keys WHERE idem_key = ?", key).stream().map(r -> (String) r.get("scope")).toList()));
  }

  /** POSTs a create with an Idempotency-Key as {@code host}; asserts 201 and answers the booking. */
  static JsonObject keyed(Host host, String key, JsonObject body) {
    HttpResponse<Buffer> r = host.api().request("POST", BOOKINGS).putHeader("Idempotency-Key", key).sendJsonObject(body).await();
    assertEquals(201, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }

  /**
   * {@code call} on {@code id} answers 404 "what id not found", exactly what it answers for an id
   * that does not exist.
   */
  static void assertAnswersLikeMissing(String what, String id, Function<String, HttpResponse<Buffer>> call) {
    String missing = UUID.randomUUID().toString();
    HttpResponse<Buffer> unseen = call.apply(id);
    HttpResponse<Buffer> absent = call.apply(missing);
    JsonObject problem = assertProblem(unseen, 404, "NOT_FOUND", null);
    assertEquals(what + " " + id + " not found", problem.getString("detail"));
    assertEquals(absent.statusCode(), unseen.statusCode());
    assertEquals(absent.bodyAsString().replace(missing, id), unseen.bodyAsString());
  }

  /** The gRPC twin of {@link #assertAnswersLikeMissing}: NOT_FOUND, with the words of a missing one. */
  static void assertNotFoundLikeMissing(String rpc, String what, String id, Function<String, Future<?>> call) {
    String missing = UUID.randomUUID().toString();
    ServiceException unseen = assertThrows(ServiceException.class, () -> call.apply(id).await(), rpc);
    ServiceException absent = assertThrows(ServiceException.class, () -> call.apply(missing).await(), rpc);
    assertEquals(ErrorCode.NOT_FOUND, unseen.code(), rpc);
    assertEquals(what + " " + id + " not found", unseen.getMessage(), rpc);
    assertEquals(absent.code(), unseen.code(), rpc);
    assertEquals(absent.getMessage().replace(missing, id), unseen.getMessage(), rpc);
  }

  static CreateBookingRequest create(Venue venue, LocalDate date, String start) {
    return CreateBookingRequest.newBuilder().setVenueId(venue.id())
      .setTable(TableRef.newBuilder().setTableId(venue.table()[1]))
      .setSlot(Slot.newBuilder().setDate(date.toString()).setStartTime(start))
      .setPartySize(2).setCustomerName("Grace Hopper").build();
  }

  static CheckTableAvailabilityRequest tableAvailability(String venueId, String tableId, LocalDate date) {
    return CheckTableAvailabilityRequest.newBuilder().setVenueId(venueId).addTableIds(tableId)
      .setSlot(Slot.newBuilder().setDate(date.toString()).setStartTime("19:30").setDurationMinutes(60))
      .setTimezone(Bookings.TOKYO.getId()).build();
  }

  /** The payload of a booking's outbox event of {@code type}, as the relay publishes it. */
  static JsonObject eventPayload(String bookingId, String type) {
    List<Map<String, Object>> rows = BookingDb.rows("SELECT payload FROM outbox WHERE aggregate_id = ? AND event_type = ?", bookingId, type);
    assertEquals(1, rows.size(), type);
    return new JsonObject(rows.get(0).get("payload").toString());
  }

  static List<String> ids(JsonObject page) {
    return page.getJsonArray("bookings").stream().map(b -> ((JsonObject) b).getString("id")).toList();
  }
}
