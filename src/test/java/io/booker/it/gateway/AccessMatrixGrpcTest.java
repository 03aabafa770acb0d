package io.booker.it.gateway;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.common.access.Role;
import io.booker.it.support.ApiClient;
import io.booker.it.support.NodeHarness;
import io.booker.platform.rpc.RpcClients;
import io.booker.platform.rpc.RpcMethod;
import io.booker.platform.web.ProtoJson;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static io.booker.common.access.Permission.*;
import static io.booker.it.support.Bookings.day;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The authorisation matrix of the gRPC ports: every RPC of both services (the test fails when an RPC
 * is missing from it), called straight at the service ports with every kind of bad token and as
 * every role on its own venue and on another's. The services apply the rules themselves, whoever
 * calls them.
 */
class AccessMatrixGrpcTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");
  static final ApiClient admin = harness.api();

  record Rpc(String service, String name, JsonObject request, Permission permission, boolean venueScoped) {
    boolean reads() {
      return name.startsWith("Get") || name.startsWith("List") || name.startsWith("Check") || name.startsWith("Count")
        || name.equals("ResolveBookingSlot");
    }

    @Override
    public String toString() {
      return service + "/" + name;
    }
  }

  static String venueA;
  static String venueB;
  static String roomA;
  static String tableA;
  static String bookingA;
  static String blockA;
  static final Map<String, Rpc> rpcs = new LinkedHashMap<>();

  @BeforeAll
  static void fixture() {
    TwoVenues world = TwoVenues.create(admin);
    venueA = world.venueA();
    venueB = world.venueB();
    roomA = world.roomA();
    tableA = world.tableA();
    bookingA = world.bookingA();
    blockA = world.blockA();

    JsonObject slot = new JsonObject().put("date", day(21).toString()).put("start_time", "12:00").put("duration_minutes", 90);
    JsonObject table = new JsonObject().put("venue_id", venueA).put("room_id", roomA).put("table_id", tableA);
    JsonObject id = new JsonObject();
    venue("CreateVenue", new JsonObject().put("name", "Mine").put("timezone", "Europe/Paris"), MANAGE_VENUES, false);
    venue("GetVenue", id.copy().put("id", venueA), READ_VENUE, true);
    venue("ListVenues", new JsonObject(), READ_VENUE, false);
    venue("UpdateVenue", new JsonObject().put("id", venueA).put("name", "Taken").put("timezone", "Asia/Tokyo"), EDIT_STRUCTURE, true);
    venue("DeleteVenue", id.copy().put("id", venueA), MANAGE_VENUES, true);
    venue("CreateRoom", new JsonObject().put("venue_id", venueA).put("name", "Annex"), EDIT_STRUCTURE, true);
    venue("GetRoom", id.copy().put("id", roomA), READ_VENUE, true);
    venue("ListRooms", new JsonObject().put("venue_id", venueA), READ_VENUE, true);
    venue("UpdateRoom", new JsonObject().put("id", roomA).put("name", "Renamed"), EDIT_STRUCTURE, true);
    venue("DeleteRoom", id.copy().put("id", roomA), EDIT_STRUCTURE, true);
    venue("CreateTable", new JsonObject().put("room_id", roomA).put("name", "X9").put("capacity", 2), EDIT_STRUCTURE, true);
    venue("GetTable", id.copy().put("id", tableA), READ_VENUE, true);
    venue("ListTables", new JsonObject().put("venue_id", venueA), READ_VENUE, true);
    venue("UpdateTable", new JsonObject().put("id", tableA).put("name", "A1").put("capacity", 12), EDIT_STRUCTURE, true);
    venue("DeleteTable", id.copy().put("id", tableA), EDIT_STRUCTURE, true);
    venue("GetTableLayout", new JsonObject().put("room_id", roomA), READ_VENUE, true);
    JsonObject combination = new JsonObject().put("table_ids", new JsonArray().add(world.tableA2()).add(tableA))
      .put("min_party_size", 6).put("max_party_size", 8);
    venue("ListCombinations", new JsonObject().put("room_id", roomA), READ_VENUE, true);
    venue("CreateCombination", combination.copy().put("room_id", roomA), EDIT_STRUCTURE, true);
    venue("UpdateCombination", combination.copy().put("id", world.combinationA()), EDIT_STRUCTURE, true);
    venue("DeleteCombination", id.copy().put("id", world.combinationA()), EDIT_STRUCTURE, true);
    venue("SetOpeningHours", new JsonObject().put("venue_id", venueA).put("days", new JsonArray()
      .add(new JsonObject().put("weekday", 1).put("open_time", "09:00").put("close_time", "10:00"))), EDIT_SCHEDULE, true);
    venue("GetOpeningHours", new JsonObject().put("venue_id", venueA), READ_VENUE, true);
    venue("SetSpecialHours", new JsonObject().put("venue_id", venueA).put("date", day(40).toString()).put("is_closed", true), EDIT_SCHEDULE, true);
    venue("ListSpecialHours", new JsonObject().put("venue_id", venueA), READ_VENUE, true);
    venue("DeleteSpecialHours", new JsonObject().put("venue_id", venueA).put("date", day(40).toString()), EDIT_SCHEDULE, true);
    venue("CheckAvailability", new JsonObject().put("venue_id", venueA).put("slot", slot).put("party_size", 2), READ_VENUE, true);
    venue("CheckTables", new JsonObject().put("venue_id", venueA).put("table_ids", new JsonArray().add(tableA)).put("slot", slot),
      READ_BOOKINGS, true);
    venue("GetSeatingRules", new JsonObject().put("venue_id", venueA), READ_VENUE, true);
    venue("PutSeatingRules", new JsonObject().put("venue_id", venueA).put("rules", new JsonObject()
      .put("turn_times", new JsonArray().add(new JsonObject().put("minutes", 90)))), EDIT_SCHEDULE, true);
    venue("ResolveBookingSlot", new JsonObject().put("venue_id", venueA).put("table", table).put("slot", slot).put("party_size", 2),
      READ_VENUE, true);
    venue("GetSeatingRules", new JsonObject().put("venue_id", venueA), READ_VENUE, true);
    venue("PutSeatingRules", new JsonObject().put("venue_id", venueA).put("rules", new JsonObject().put("turn_times", new JsonArray()
      .add(new JsonObject().put("minutes", 100)))), EDIT_SCHEDULE, true);
    venue("SearchAvailability", new JsonObject().put("venue_id", venueA).put("party_size", 2).put("date", day(10).toString())
      .put("time", "19:00"), READ_BOOKINGS, true);

    booking("CreateBooking", new JsonObject().put("venue_id", venueA).put("table", table).put("slot", slot).put("party_size", 2)
      .put("customer_name", "Intruder").put("customer_phone", "+81 3 0000 0000"), WRITE_BOOKINGS);
    booking("GetBooking", id.copy().put("id", bookingA), READ_BOOKINGS);
    booking("ListBookings", new JsonObject().put("venue_id", venueA), READ_BOOKINGS);
    for (String change : List.of("ConfirmBooking", "CancelBooking", "MarkSeated", "MarkFinished", "MarkNoShow")) {
      booking(change, id.copy().put("id", bookingA), WRITE_BOOKINGS);
    }
    booking("RescheduleBooking", new JsonObject().put("id", bookingA).put("slot", slot), WRITE_BOOKINGS);
    booking("GetBookingHistory", id.copy().put("id", bookingA), READ_BOOKINGS);
    booking("CheckTableAvailability", new JsonObject().put("venue_id", venueA).put("table_ids", new JsonArray().add(tableA))
      .put("slot", slot).put("timezone", "Asia/Tokyo"), READ_BOOKINGS);
    booking("CountFutureBookings", new JsonObject().put("venue_id", venueA), READ_BOOKINGS);
    booking("CreateBlock", new JsonObject().put("venue_id", venueA).put("table_ids", new JsonArray().add(tableA))
      .put("date", day(22).toString()).put("start_time", "10:00").put("end_time", "12:00").put("reason", "intruder"), EDIT_SCHEDULE);
    booking("ListBlocks", new JsonObject().put("venue_id", venueA), READ_BOOKINGS);
    booking("DeleteBlock", id.copy().put("id", blockA), EDIT_SCHEDULE);
    long from = java.time.Instant.now().getEpochSecond();
    booking("GetOccupancy", new JsonObject().put("venue_id", venueA).put("from", from).put("to", from + 86_400), READ_BOOKINGS);
  }

  static void venue(String name, JsonObject request, Permission p, boolean venueScoped) {
    rpcs.put("venue.VenueService/" + name, new Rpc("venue.VenueService", name, request, p, venueScoped));
  }

  static void booking(String name, JsonObject request, Permission p) {
    rpcs.put("booking.BookingService/" + name, new Rpc("booking.BookingService", name, request, p, true));
  }

  @Test
  void theMatrixNamesEveryRpcOfBothServices() {
    List<String> all = new ArrayList<>();
    for (Descriptors.ServiceDescriptor d : List.of(VenueServiceGrpcService.SERVICE_DESCRIPTOR, BookingServiceGrpcService.SERVICE_DESCRIPTOR)) {
      d.getMethods().forEach(m -> all.add(d.getFullName() + "/" + m.getName()));
    }
    assertEquals(Set.copyOf(all), rpcs.keySet());
  }

  @Test
  void everyBadTokenIsUnauthenticatedOnEveryRpc() {
    Map<String, String> bad = TestTokens.refusedAuthorizations();
    bad.forEach((kind, authorization) -> {
      Clients clients = new Clients(authorization);
      for (Rpc rpc : rpcs.values()) {
        assertEquals(ErrorCode.UNAUTHENTICATED, failure(clients.call(rpc)), () -> kind + " " + rpc);
      }
    });
    // Nothing changed: the booking is still held, the venue still has its room and table.
    assertEquals("held", admin.ok(admin.get("/api/v1/bookings/" + bookingA)).getString("status"));
    assertEquals(200, admin.get("/api/v1/tables/" + tableA).statusCode());
  }

  @Test
  void eachRoleGetsWhatItMayOnItsVenueAndNothingOfAnother() {
    Map<String, Caller> callers = new LinkedHashMap<>();
    callers.put("manager of A", user(Role.MANAGER, venueA));
    callers.put("host of A", user(Role.HOST, venueA));
    callers.put("manager of B", user(Role.MANAGER, venueB));
    callers.put("host of B", user(Role.HOST, venueB));
    for (var entry : callers.entrySet()) {
      Caller caller = entry.getValue();
      Clients clients = new Clients(TestTokens.bearer(caller));
      for (Rpc rpc : rpcs.values()) {
        boolean may = caller.may(rpc.permission());
        boolean sees = !rpc.venueScoped() || caller.sees(venueA);
        String what = entry.getKey() + ": " + rpc;
        if (may && sees) {
          if (rpc.reads()) {
            Message reply = clients.call(rpc).await();
            if (rpc.name().equals("ListVenues")) {
              assertTrue(reply.toString().contains(caller.venueIds().iterator().next()), what);
              assertFalse(reply.toString().contains(caller.sees(venueA) ? venueB : venueA), () -> what + " lists another venue: " + reply);
            }
          }
          continue;
        }
        ErrorCode code = failure(clients.call(rpc));
        if (!sees && may) {
          assertEquals(ErrorCode.NOT_FOUND, code, what);
        } else if (sees) {
          assertEquals(ErrorCode.PERMISSION_DENIED, code, what);
        } else {
          assertTrue(code == ErrorCode.NOT_FOUND || code == ErrorCode.PERMISSION_DENIED, () -> what + ": " + code);
        }
      }
    }
    assertEquals("held", admin.ok(admin.get("/api/v1/bookings/" + bookingA)).getString("status"));
    assertEquals(List.of(blockA), admin.ok(admin.get("/api/v1/venues/" + venueA + "/blocks")).getJsonArray("blocks").stream()
      .map(k -> ((JsonObject) k).getString("id")).toList(), "the block is still there, and no other was made");
    assertEquals("A1", admin.ok(admin.get("/api/v1/tables/" + tableA)).getString("name"));
    assertEquals(4, admin.ok(admin.get("/api/v1/tables/" + tableA)).getInteger("capacity"));
  }

  static Caller user(Role role, String... venues) {
    return new Caller(UUID.randomUUID().toString(), role, Set.of(venues));
  }

  static ErrorCode failure(Future<?> call) {
    CompletionException e = assertThrows(CompletionException.class, () -> call.toCompletionStage().toCompletableFuture().join());
    return assertInstanceOf(ServiceException.class, e.getCause()).code();
  }

  /** Both services' clients over gRPC, straight at the service ports, calling with one authorization. */
  static final class Clients {
    private final Map<String, Object> byService = new HashMap<>();
    private final Map<String, RpcMethod> methods = new HashMap<>();

    Clients(String authorization) {
      SocketAddress venue = SocketAddress.inetSocketAddress(harness.venueGrpcPort(), "127.0.0.1");
      SocketAddress booking = SocketAddress.inetSocketAddress(harness.bookingGrpcPort(), "127.0.0.1");
      byService.put("venue.VenueService", RpcClients.grpc(harness.vertx(), VenueServiceClient.class,
        VenueServiceGrpcService.SERVICE_DESCRIPTOR, venue, 5000, () -> authorization));
      byService.put("booking.BookingService", RpcClients.grpc(harness.vertx(), BookingServiceClient.class,
        BookingServiceGrpcService.SERVICE_DESCRIPTOR, booking, 5000, () -> authorization));
      RpcMethod.of(VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR).forEach(m -> methods.put(m.fullName(), m));
      RpcMethod.of(BookingServiceClient.class, BookingServiceGrpcService.SERVICE_DESCRIPTOR).forEach(m -> methods.put(m.fullName(), m));
    }

    @SuppressWarnings("unchecked")
    Future<Message> call(Rpc rpc) {
      RpcMethod m = methods.get(rpc.service() + "/" + rpc.name());
      Message request = ProtoJson.merge(rpc.request(), m.requestPrototype().newBuilderForType()).build();
      try {
        return (Future<Message>) m.javaMethod().invoke(byService.get(rpc.service()), request);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
