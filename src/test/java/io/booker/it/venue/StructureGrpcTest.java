package io.booker.it.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.it.support.ApiClient;
import io.booker.it.support.BearerGrpcClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.platform.rpc.RpcErrors;
import io.booker.proto.venue.*;
import io.booker.testinfra.TestTokens;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static io.booker.it.support.Seed.unique;
import static org.junit.jupiter.api.Assertions.*;

/** Every structure RPC over real gRPC: answers, and the contract's error codes. */
class StructureGrpcTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");
  static final VenueServiceClient venues = harness.venueGrpc();
  /** Bookings are made over REST (the gateway reaches the booking service over gRPC here). */
  static final ApiClient api = harness.api();
  static final GrpcClient rawGrpc = new BearerGrpcClient(GrpcClient.client(harness.vertx()), TestTokens::admin);
  static final VenueServiceGrpcClient generated = VenueServiceGrpcClient.create(rawGrpc, harness.venueGrpcAddress());

  @Test
  void venues() {
    Venue v = venues.createVenue(CreateVenueRequest.newBuilder().setName(unique("Grpc")).setTimezone("Asia/Tokyo")
      .setPhone("+81 3 1234").setEmail("info@example.jp").setAddress("Ginza").setDescription("sushi").setLanguage("JA").build()).await();
    assertFalse(v.getId().isEmpty());
    assertEquals("Asia/Tokyo", v.getTimezone());
    assertEquals("ja", v.getLanguage(), "the language is stored in canonical case");
    assertTrue(v.getCreatedAt() > 0);
    assertEquals(v, venues.getVenue(GetVenueRequest.newBuilder().setId(v.getId()).build()).await());

    ListVenuesResponse list = venues.listVenues(ListVenuesRequest.newBuilder().setLimit(500).build()).await();
    assertTrue(list.getTotal() >= 1);
    assertTrue(list.getVenuesList().stream().anyMatch(x -> x.getId().equals(v.getId())));
    assertEquals(Math.min(list.getTotal(), 50), venues.listVenues(ListVenuesRequest.getDefaultInstance()).await().getVenuesCount(),
      "limit 0 over gRPC is the default 50");
    ListVenuesResponse beyond = venues.listVenues(ListVenuesRequest.newBuilder().setOffset(list.getTotal()).build()).await();
    assertEquals(0, beyond.getVenuesCount());
    assertEquals(list.getTotal(), beyond.getTotal());

    Venue updated = venues.updateVenue(UpdateVenueRequest.newBuilder().setId(v.getId()).setName("Renamed").setAddress("Shibuya").build()).await();
    assertEquals("Renamed", updated.getName());
    assertEquals("Shibuya", updated.getAddress());
    assertEquals("", updated.getPhone());
    assertEquals("Asia/Tokyo", updated.getTimezone(), "empty timezone keeps the zone");
    assertEquals("", updated.getLanguage(), "a language left out is cleared, like the description");
    Venue rezoned = venues.updateVenue(UpdateVenueRequest.newBuilder().setId(v.getId()).setName("Renamed").setTimezone("UTC")
      .setLanguage("pt-br").build()).await();
    assertEquals("UTC", rezoned.getTimezone());
    assertEquals("pt-BR", rezoned.getLanguage());

    assertTrue(venues.deleteVenue(DeleteVenueRequest.newBuilder().setId(v.getId()).build()).await().getSuccess());

    String unknown = UUID.randomUUID().toString();
    assertCode(ErrorCode.NOT_FOUND, venues.getVenue(GetVenueRequest.newBuilder().setId(v.getId()).build()));
    assertCode(ErrorCode.NOT_FOUND, venues.deleteVenue(DeleteVenueRequest.newBuilder().setId(unknown).build()));
    assertCode(ErrorCode.NOT_FOUND, venues.updateVenue(UpdateVenueRequest.newBuilder().setId(unknown).setName("X").build()));
    assertInvalid("id", venues.getVenue(GetVenueRequest.newBuilder().setId("x").build()));
    assertInvalid("id", venues.getVenue(GetVenueRequest.getDefaultInstance()));
    assertInvalid("id", venues.deleteVenue(DeleteVenueRequest.newBuilder().setId("x").build()));
    assertInvalid("id", venues.updateVenue(UpdateVenueRequest.newBuilder().setId("x").setName("X").build()));
    assertInvalid("name", venues.createVenue(CreateVenueRequest.newBuilder().setName(" ").build()));
    assertInvalid("timezone", venues.createVenue(CreateVenueRequest.newBuilder().setName("X").setTimezone("Europe/Atlantis").build()));
    assertInvalid("email", venues.createVenue(CreateVenueRequest.newBuilder().setName("X").setEmail("x@").build()));
    assertInvalid("phone", venues.createVenue(CreateVenueRequest.newBuilder().setName("X").setPhone("12#34").build()));
    assertInvalid("language", venues.createVenue(CreateVenueRequest.newBuilder().setName("X").setLanguage("ja_JP").build()));
    assertInvalid("language", venues.updateVenue(UpdateVenueRequest.newBuilder().setId(unknown).setName("X").setLanguage("und").build()));
    assertInvalid("limit", venues.listVenues(ListVenuesRequest.newBuilder().setLimit(501).build()));
    assertInvalid("limit", venues.listVenues(ListVenuesRequest.newBuilder().setLimit(-1).build()));
    assertInvalid("offset", venues.listVenues(ListVenuesRequest.newBuilder().setOffset(-1).build()));
  }

  @Test
  void rooms() {
    String venue = venue();
    Room room = venues.createRoom(CreateRoomRequest.newBuilder().setVenueId(venue).setName("Hall").build()).await();
    assertEquals(venue, room.getVenueId());
    assertEquals(room, venues.getRoom(GetRoomRequest.newBuilder().setId(room.getId()).build()).await());
    Room second = venues.createRoom(CreateRoomRequest.newBuilder().setVenueId(venue).setName("Cellar").build()).await();
    ListRoomsResponse list = venues.listRooms(ListRoomsRequest.newBuilder().setVenueId(venue).build()).await();
    assertEquals(2, list.getTotal());
    assertEquals(List.of(room, second), list.getRoomsList());
    ListRoomsResponse page = venues.listRooms(ListRoomsRequest.newBuilder().setVenueId(venue).setLimit(1).setOffset(1).build()).await();
    assertEquals(List.of(second), page.getRoomsList());
    assertEquals(2, page.getTotal());

    Room renamed = venues.updateRoom(UpdateRoomRequest.newBuilder().setId(room.getId()).setName("Great Hall").build()).await();
    assertEquals("Great Hall", renamed.getName());
    assertTrue(venues.deleteRoom(DeleteRoomRequest.newBuilder().setId(room.getId()).build()).await().getSuccess());
    assertCode(ErrorCode.NOT_FOUND, venues.getRoom(GetRoomRequest.newBuilder().setId(room.getId()).build()));

    String unknown = UUID.randomUUID().toString();
    assertCode(ErrorCode.NOT_FOUND, venues.createRoom(CreateRoomRequest.newBuilder().setVenueId(unknown).setName("X").build()));
    assertCode(ErrorCode.NOT_FOUND, venues.listRooms(ListRoomsRequest.newBuilder().setVenueId(unknown).build()));
    assertCode(ErrorCode.NOT_FOUND, venues.updateRoom(UpdateRoomRequest.newBuilder().setId(unknown).setName("X").build()));
    assertCode(ErrorCode.NOT_FOUND, venues.deleteRoom(DeleteRoomRequest.newBuilder().setId(unknown).build()));
    assertInvalid("venue_id", venues.createRoom(CreateRoomRequest.newBuilder().setName("X").build()));
    assertInvalid("name", venues.createRoom(CreateRoomRequest.newBuilder().setVenueId(venue).build()));
    assertInvalid("name", venues.updateRoom(UpdateRoomRequest.newBuilder().setId(second.getId()).setName("r".repeat(101)).build()));
    assertInvalid("venue_id", venues.listRooms(ListRoomsRequest.newBuilder().setVenueId("1").build()));
    assertInvalid("limit", venues.listRooms(ListRoomsRequest.newBuilder().setVenueId(venue).setLimit(1000).build()));
    assertInvalid("id", venues.getRoom(GetRoomRequest.newBuilder().setId("1").build()));
    assertInvalid("id", venues.deleteRoom(DeleteRoomRequest.newBuilder().setId("1").build()));
  }

  @Test
  void tables() {
    String venue = venue();
    String room = room(venue);
    String other = room(venue);
    Table t = venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("A1").setCapacity(4).setCanMerge(true).setZone("patio").build()).await();
    assertEquals(room, t.getRoomId());
    assertEquals(venue, t.getVenueId());
    assertTrue(t.getCanMerge());
    assertEquals("patio", t.getZone());
    assertEquals(t, venues.getTable(GetTableRequest.newBuilder().setId(t.getId()).build()).await());
    Table t2 = venues.createTable(CreateTableRequest.newBuilder().setRoomId(other).setName("A1").setCapacity(2).build()).await();

    ListTablesResponse ofRoom = venues.listTables(ListTablesRequest.newBuilder().setRoomId(room).build()).await();
    assertEquals(List.of(t), ofRoom.getTablesList());
    assertEquals(1, ofRoom.getTotal());
    ListTablesResponse ofVenue = venues.listTables(ListTablesRequest.newBuilder().setVenueId(venue).build()).await();
    assertEquals(List.of(t, t2), ofVenue.getTablesList());
    assertEquals(2, ofVenue.getTotal());

    Table updated = venues.updateTable(UpdateTableRequest.newBuilder().setId(t.getId()).setName("A2").setCapacity(8).build()).await();
    assertEquals("A2", updated.getName());
    assertEquals(8, updated.getCapacity());
    assertFalse(updated.getCanMerge());
    assertEquals("", updated.getZone());

    assertCode(ErrorCode.ALREADY_EXISTS, venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("A2").setCapacity(2).build()));
    assertCode(ErrorCode.ALREADY_EXISTS, venues.updateTable(UpdateTableRequest.newBuilder().setId(t2.getId()).setName("A1 ").setCapacity(2).build())
      .compose(x -> venues.createTable(CreateTableRequest.newBuilder().setRoomId(other).setName("A1").setCapacity(2).build())));

    String unknown = UUID.randomUUID().toString();
    assertCode(ErrorCode.NOT_FOUND, venues.createTable(CreateTableRequest.newBuilder().setRoomId(unknown).setName("X").setCapacity(2).build()));
    assertCode(ErrorCode.NOT_FOUND, venues.getTable(GetTableRequest.newBuilder().setId(unknown).build()));
    assertCode(ErrorCode.NOT_FOUND, venues.updateTable(UpdateTableRequest.newBuilder().setId(unknown).setName("X").setCapacity(2).build()));
    assertCode(ErrorCode.NOT_FOUND, venues.deleteTable(DeleteTableRequest.newBuilder().setId(unknown).build()));
    assertCode(ErrorCode.NOT_FOUND, venues.listTables(ListTablesRequest.newBuilder().setRoomId(unknown).build()));
    assertCode(ErrorCode.NOT_FOUND, venues.listTables(ListTablesRequest.newBuilder().setVenueId(unknown).build()));
    assertInvalid("capacity", venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("X").build()));
    assertInvalid("capacity", venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("X").setCapacity(101).build()));
    assertInvalid("capacity", venues.updateTable(UpdateTableRequest.newBuilder().setId(t.getId()).setName("X").setCapacity(0).build()));
    assertInvalid("name", venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setCapacity(2).build()));
    assertInvalid("zone", venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("X").setCapacity(2).setZone("z".repeat(51)).build()));
    assertInvalid("room_id", venues.createTable(CreateTableRequest.newBuilder().setRoomId("r").setName("X").setCapacity(2).build()));
    assertInvalid("room_id", venues.listTables(ListTablesRequest.getDefaultInstance()));
    assertInvalid("room_id", venues.listTables(ListTablesRequest.newBuilder().setRoomId(room).setVenueId(venue).build()));
    assertInvalid("venue_id", venues.listTables(ListTablesRequest.newBuilder().setVenueId("v").build()));
    assertInvalid("offset", venues.listTables(ListTablesRequest.newBuilder().setRoomId(room).setOffset(-5).build()));
    assertInvalid("id", venues.getTable(GetTableRequest.newBuilder().setId("t").build()));

    assertTrue(venues.deleteTable(DeleteTableRequest.newBuilder().setId(t.getId()).build()).await().getSuccess());
    assertCode(ErrorCode.NOT_FOUND, venues.getTable(GetTableRequest.newBuilder().setId(t.getId()).build()));
  }

  @Test
  void tablePositions() {
    String venue = venue();
    String room = room(venue);
    FloorPosition round = FloorPosition.newBuilder().setX(120).setY(340).setWidth(80).setHeight(80).setShape("round").build();
    Table placed = venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("P1").setCapacity(2).setPosition(round).build()).await();
    assertEquals(round, placed.getPosition());
    assertEquals(placed, venues.getTable(GetTableRequest.newBuilder().setId(placed.getId()).build()).await());
    assertFalse(table(room, "P2").hasPosition(), "a table is not placed unless a position is given");

    FloorPosition moved = FloorPosition.newBuilder().setX(1000).setY(0).setWidth(1000).setHeight(10).setRotation(359).setShape("rectangle").build();
    Table updated = venues.updateTable(UpdateTableRequest.newBuilder().setId(placed.getId()).setName("P1").setCapacity(2).setPosition(moved).build()).await();
    assertEquals(moved, updated.getPosition());
    assertEquals(List.of(updated), venues.getTableLayout(GetTableLayoutRequest.newBuilder().setRoomId(room).build()).await().getTablesList()
      .stream().filter(Table::hasPosition).toList(), "the layout shows the new position");
    Table cleared = venues.updateTable(UpdateTableRequest.newBuilder().setId(placed.getId()).setName("P1").setCapacity(2).build()).await();
    assertFalse(cleared.hasPosition(), "a full update without a position clears it");

    assertInvalid("position.x", venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("X").setCapacity(2)
      .setPosition(round.toBuilder().setX(1001)).build()));
    assertInvalid("position.width", venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("X").setCapacity(2)
      .setPosition(round.toBuilder().setWidth(0)).build()));
    assertInvalid("position.shape", venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("X").setCapacity(2)
      .setPosition(round.toBuilder().clearShape()).build()));
    assertInvalid("position.rotation", venues.updateTable(UpdateTableRequest.newBuilder().setId(placed.getId()).setName("P1").setCapacity(2)
      .setPosition(round.toBuilder().setRotation(360)).build()));
    assertInvalid("position.y", venues.updateTable(UpdateTableRequest.newBuilder().setId(placed.getId()).setName("P1").setCapacity(2)
      .setPosition(round.toBuilder().setY(-1)).build()));
    assertEquals(cleared, venues.getTable(GetTableRequest.newBuilder().setId(placed.getId()).build()).await(), "a refused update changes nothing");
  }

  @Test
  void layout() {
    String venue = venue();
    String room = room(venue);
    Table a = table(room, "A");
    Table b = table(room, "B");
    GetTableLayoutResponse layout = venues.getTableLayout(GetTableLayoutRequest.newBuilder().setVenueId(venue).setRoomId(room).build()).await();
    assertEquals(room, layout.getRoomId());
    assertEquals(List.of(a, b), layout.getTablesList());
    // A second read (now from the cache) answers the same.
    assertEquals(layout, venues.getTableLayout(GetTableLayoutRequest.newBuilder().setVenueId(venue).setRoomId(room).build()).await());

    assertCode(ErrorCode.NOT_FOUND, venues.getTableLayout(GetTableLayoutRequest.newBuilder().setVenueId(venue()).setRoomId(room).build()));
    assertCode(ErrorCode.NOT_FOUND, venues.getTableLayout(GetTableLayoutRequest.newBuilder().setVenueId(venue).setRoomId(UUID.randomUUID().toString()).build()));
    assertEquals(layout, venues.getTableLayout(GetTableLayoutRequest.newBuilder().setRoomId(room).build()).await(),
      "venue_id is optional");
    assertInvalid("venue_id", venues.getTableLayout(GetTableLayoutRequest.newBuilder().setVenueId("x").setRoomId(room).build()));
    assertInvalid("room_id", venues.getTableLayout(GetTableLayoutRequest.newBuilder().setVenueId(venue).setRoomId("x").build()));
  }

  @Test
  void deletesWithFutureBookingsAreRefused() {
    String venue = Bookings.venueOpenAllDay(api);
    String room = room(venue);
    Table booked = table(room, "Booked");
    Bookings.seated(api, Bookings.requestInHours(venue, new String[]{room, booked.getId()}, 3, 120, 2));
    // The generated client sees the gRPC status the error code maps to.
    InvalidStatusException e = grpcFailure(generated.deleteTable(DeleteTableRequest.newBuilder().setId(booked.getId()).build()));
    assertEquals(GrpcStatus.FAILED_PRECONDITION, e.actualStatus());
    // On the wire: the status plus the booker-error-code metadata naming the precise code.
    GrpcClientResponse<?, ?> raw = rawCall(VenueServiceGrpcClient.DeleteTable, DeleteTableRequest.newBuilder().setId(booked.getId()).build());
    assertEquals(GrpcStatus.FAILED_PRECONDITION, raw.status());
    assertEquals("HAS_FUTURE_BOOKINGS", errorCodeMetadata(raw));
    // Through the platform's client: the status is FAILED_PRECONDITION whatever the precise code.
    for (Future<?> refused : List.of(
        venues.deleteTable(DeleteTableRequest.newBuilder().setId(booked.getId()).build()),
        venues.deleteRoom(DeleteRoomRequest.newBuilder().setId(room).build()),
        venues.deleteVenue(DeleteVenueRequest.newBuilder().setId(venue).build()))) {
      ServiceException e2 = assertInstanceOf(ServiceException.class, failure(refused));
      assertEquals(ErrorCode.HAS_FUTURE_BOOKINGS.grpcCode(), e2.code().grpcCode(), e2::getMessage);
      assertTrue(e2.getMessage().contains("future booking"), e2::getMessage);
    }
    assertEquals(booked, venues.getTable(GetTableRequest.newBuilder().setId(booked.getId()).build()).await());
  }

  /**
   * The platform's gRPC client keeps the precise code (booker-error-code), also when the server
   * answers trailers-only, where the code arrives as a header rather than a trailer.
   */
  @Test
  void platformClientKeepsThePreciseErrorCode() {
    String venue = Bookings.venueOpenAllDay(api);
    String room = room(venue);
    Table booked = table(room, "Booked");
    Bookings.confirmed(api, Bookings.requestInHours(venue, new String[]{room, booked.getId()}, 3, 120, 2));
    assertCode(ErrorCode.HAS_FUTURE_BOOKINGS, venues.deleteTable(DeleteTableRequest.newBuilder().setId(booked.getId()).build()));
    assertCode(ErrorCode.HAS_FUTURE_BOOKINGS, venues.deleteRoom(DeleteRoomRequest.newBuilder().setId(room).build()));
    assertCode(ErrorCode.HAS_FUTURE_BOOKINGS, venues.deleteVenue(DeleteVenueRequest.newBuilder().setId(venue).build()));
  }

  @Test
  void generatedClientIsWireCompatible() {
    Venue v = generated.createVenue(CreateVenueRequest.newBuilder().setName(unique("Generated")).build()).await();
    assertEquals("UTC", v.getTimezone());
    assertEquals(v, generated.getVenue(GetVenueRequest.newBuilder().setId(v.getId()).build()).await());
    Room room = generated.createRoom(CreateRoomRequest.newBuilder().setVenueId(v.getId()).setName("Main").build()).await();
    Table t = generated.createTable(CreateTableRequest.newBuilder().setRoomId(room.getId()).setName("T").setCapacity(2).build()).await();
    assertEquals(List.of(t), generated.getTableLayout(GetTableLayoutRequest.newBuilder().setVenueId(v.getId()).setRoomId(room.getId()).build())
      .await().getTablesList());

    assertEquals(GrpcStatus.NOT_FOUND, grpcFailure(generated.getVenue(GetVenueRequest.newBuilder().setId(UUID.randomUUID().toString()).build())).actualStatus());
    assertEquals(GrpcStatus.INVALID_ARGUMENT, grpcFailure(generated.getVenue(GetVenueRequest.newBuilder().setId("nope").build())).actualStatus());
    assertEquals(GrpcStatus.ALREADY_EXISTS, grpcFailure(generated.createTable(CreateTableRequest.newBuilder().setRoomId(room.getId()).setName("T").setCapacity(2).build())).actualStatus());
  }

  // ---- helpers

  static String venue() {
    return venues.createVenue(CreateVenueRequest.newBuilder().setName(unique("Grpc venue")).build()).await().getId();
  }

  static String room(String venue) {
    return venues.createRoom(CreateRoomRequest.newBuilder().setVenueId(venue).setName(unique("Room")).build()).await().getId();
  }

  static Table table(String room, String name) {
    return venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName(name).setCapacity(2).build()).await();
  }

  static Throwable failure(Future<?> call) {
    AsyncResult<?> ar = call.<AsyncResult<?>>transform(Future::succeededFuture).await();
    assertTrue(ar.failed(), () -> "expected a failure, got " + ar.result());
    return ar.cause();
  }

  static ServiceException assertCode(ErrorCode code, Future<?> call) {
    Throwable t = failure(call);
    ServiceException e = assertInstanceOf(ServiceException.class, t);
    assertEquals(code, e.code(), e::getMessage);
    return e;
  }

  static void assertInvalid(String field, Future<?> call) {
    ServiceException e = assertCode(ErrorCode.INVALID_ARGUMENT, call);
    assertTrue(e.getMessage().startsWith(field + ":"), () -> "message should name " + field + ": " + e.getMessage());
  }

  /** A call through the bare gRPC client, answering the response once it ended (whatever its status). */
  static <Req, Resp> GrpcClientResponse<Req, Resp> rawCall(ServiceMethod<Resp, Req> method, Req request) {
    return rawGrpc.request(harness.venueGrpcAddress(), method)
      .compose(call -> {
        call.end(request);
        return call.response();
      })
      .compose(response -> response.end().transform(ar -> Future.succeededFuture(response)))
      .await();
  }

  /** The error code metadata: a trailer, or a header when the server answered trailers-only. */
  static String errorCodeMetadata(GrpcClientResponse<?, ?> response) {
    String code = response.trailers().get(RpcErrors.CODE_TRAILER);
    return code != null ? code : response.headers().get(RpcErrors.CODE_TRAILER);
  }

  static InvalidStatusException grpcFailure(Future<?> call) {
    return assertInstanceOf(InvalidStatusException.class, failure(call));
  }
}
