package io.booker.it.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.it.support.Eventually;
import io.booker.it.support.KafkaEvents;
import io.booker.it.support.NodeHarness;
import io.booker.proto.venue.*;
import io.booker.testinfra.TestInfra;
import io.booker.venue.VenueEvents;
import io.booker.venue.adapter.LayoutCache;
import io.booker.venue.domain.RoomLayout;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.booker.it.support.Seed.unique;
import static org.junit.jupiter.api.Assertions.*;

/**
 * GetTableLayout is served from Redis, yet every structure change is visible in the very next
 * read; and structure changes reach Kafka as table.layout.updated with the room and table ids.
 */
class StructureLayoutCacheTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final VenueServiceClient venues = harness.venueGrpc();
  static Redis redis;

  @BeforeAll
  static void start() {
    redis = Redis.createClient(harness.vertx(), TestInfra.endpoints().redisUri());
  }

  @Test
  void everyChangeIsVisibleInTheNextLayout() {
    String venue = venue();
    String room = room(venue, "Main");
    Table a = table(room, "A", 2);

    assertEquals(List.of(a), layout(venue, room).getTablesList());
    awaitCached(room);
    assertEquals(List.of(a), layout(venue, room).getTablesList(), "served from the cache");

    Table b = table(room, "B", 4);
    assertEquals(List.of(a, b), layout(venue, room).getTablesList(), "a created table shows at once");
    awaitCached(room);

    Table a2 = venues.updateTable(UpdateTableRequest.newBuilder().setId(a.getId()).setName("A2").setCapacity(6).setCanMerge(true).build()).await();
    assertEquals(List.of(a2, b), layout(venue, room).getTablesList(), "an updated table shows at once");
    awaitCached(room);

    venues.deleteTable(DeleteTableRequest.newBuilder().setId(b.getId()).build()).await();
    assertEquals(List.of(a2), layout(venue, room).getTablesList(), "a deleted table is gone at once");
    awaitCached(room);

    venues.updateRoom(UpdateRoomRequest.newBuilder().setId(room).setName("Renamed").build()).await();
    assertNull(get(valueKey(room)), "a room update invalidates its layout");
    assertEquals(List.of(a2), layout(venue, room).getTablesList());
    awaitCached(room);

    venues.deleteRoom(DeleteRoomRequest.newBuilder().setId(room).build()).await();
    assertCode(ErrorCode.NOT_FOUND, venues.getTableLayout(request(venue, room)), "a deleted room has no layout, cached or not");

    String other = room(venue, "Other");
    table(other, "C", 2);
    layout(venue, other);
    awaitCached(other);
    venues.deleteVenue(DeleteVenueRequest.newBuilder().setId(venue).build()).await();
    assertNull(get(valueKey(other)), "a venue delete invalidates the layouts of all its rooms");
    assertCode(ErrorCode.NOT_FOUND, venues.getTableLayout(request(venue, other)), "nothing of a deleted venue is served");
  }

  @Test
  void aPositionChangeIsVisibleInTheNextLayout() {
    String venue = venue();
    String room = room(venue, "Floor");
    Table a = table(room, "A", 2);
    layout(venue, room);
    awaitCached(room);

    FloorPosition first = FloorPosition.newBuilder().setX(100).setY(200).setWidth(80).setHeight(80).setShape("round").build();
    Table placed = venues.updateTable(UpdateTableRequest.newBuilder().setId(a.getId()).setName("A").setCapacity(2).setPosition(first).build()).await();
    assertEquals(List.of(placed), layout(venue, room).getTablesList(), "a placed table shows at once");
    awaitCached(room);

    FloorPosition dragged = first.toBuilder().setX(640).setRotation(30).build();
    Table moved = venues.updateTable(UpdateTableRequest.newBuilder().setId(a.getId()).setName("A").setCapacity(2).setPosition(dragged).build()).await();
    assertEquals(dragged, layout(venue, room).getTables(0).getPosition(), "a moved table shows at once");
    assertEquals(List.of(moved), layout(venue, room).getTablesList());
    awaitCached(room);

    venues.updateTable(UpdateTableRequest.newBuilder().setId(a.getId()).setName("A").setCapacity(2).build()).await();
    assertFalse(layout(venue, room).getTables(0).hasPosition(), "a cleared position shows at once");
  }

  @Test
  void theCacheAnswersAndAWrongVenueIsNotFoundEvenWhenCached() {
    String venue = venue();
    String room = room(venue, "Main");
    Table a = table(room, "A", 2);
    layout(venue, room);
    String cached = awaitCached(room);

    // Replace the cached value (same version tag) with a marker: the next read must return it.
    String[] parts = cached.split("\\|", 3);
    GetTableLayoutResponse marker = GetTableLayoutResponse.newBuilder().setRoomId(room)
      .addTables(a.toBuilder().setName("from-the-cache")).build();
    redis.send(Request.cmd(Command.SET).arg(valueKey(room))
      .arg(parts[0] + "|" + parts[1] + "|" + Base64.getEncoder().encodeToString(marker.toByteArray()))).await();
    assertEquals("from-the-cache", layout(venue, room).getTables(0).getName());

    assertCode(ErrorCode.NOT_FOUND, venues.getTableLayout(request(venue(), room)), "the cached value knows the room's venue");

    table(room, "B", 2);
    assertEquals(List.of("A", "B"), layout(venue, room).getTablesList().stream().map(Table::getName).toList());
  }

  @Test
  void aLoadFromBeforeACommitIsNeverStored() {
    LayoutCache cache = new LayoutCache(redis);
    String room = UUID.randomUUID().toString();
    String venue = UUID.randomUUID().toString();
    RoomLayout stale = new RoomLayout(venue, room, List.of());
    RoomLayout fresh = new RoomLayout(venue, room, List.of(new io.booker.venue.domain.Table(UUID.randomUUID().toString(), room, venue,
      "new", 2, false, "", null, Instant.ofEpochSecond(1_900_000_000L), Instant.ofEpochSecond(1_900_000_000L))));

    // A reader misses and loads; a writer commits and invalidates; the reader then stores what it loaded.
    LayoutCache.Lookup before = cache.lookup(room).await();
    assertNull(before.hit());
    cache.invalidate(List.of(room)).await();
    cache.store(room, before, stale).await();
    assertNull(get(valueKey(room)), "a value loaded before the invalidation is not stored");
    assertNull(cache.lookup(room).await().hit());

    LayoutCache.Lookup after = cache.lookup(room).await();
    cache.store(room, after, fresh).await();
    assertEquals(fresh, cache.lookup(room).await().hit());

    // A value tagged with an older version is never served, even if it survived somehow.
    String current = get(valueKey(room));
    cache.invalidate(List.of(room)).await();
    redis.send(Request.cmd(Command.SET).arg(valueKey(room)).arg(current)).await();
    assertNull(cache.lookup(room).await().hit());

    cache.store(room, cache.lookup(room).await(), fresh).await();
    long ttl = ttlMs(valueKey(room));
    assertTrue(ttl > 0 && ttl <= 10 * 60_000, "cached layouts expire: " + ttl);
  }

  @Test
  void structureChangesReachKafka() {
    String venue = venue();
    String room = room(venue, "Main");
    Table t1 = table(room, "T1", 2);
    Table t2 = table(room, "T2", 2);
    venues.updateTable(UpdateTableRequest.newBuilder().setId(t1.getId()).setName("T1b").setCapacity(3).build()).await();
    venues.deleteTable(DeleteTableRequest.newBuilder().setId(t2.getId()).build()).await();
    String bar = room(venue, "Bar");
    Table t3 = table(bar, "B1", 2);
    Table t4 = table(bar, "B2", 2);
    venues.deleteRoom(DeleteRoomRequest.newBuilder().setId(bar).build()).await();

    List<JsonObject> events = KafkaEvents.awaitEvents(VenueEvents.LAYOUT_UPDATED, venue, 7);
    List<String> seen = new ArrayList<>();
    for (JsonObject e : events) {
      assertEquals(venue, e.getString("venue_id"));
      assertEquals(VenueEvents.LAYOUT_UPDATED, e.getJsonObject("headers").getString("event_type"));
      JsonObject payload = e.getJsonObject("layout_updated");
      List<String> ids = new ArrayList<>();
      payload.getJsonArray("table_ids", new JsonArray()).forEach(id -> ids.add((String) id));
      ids.sort(null);
      seen.add(payload.getString("room_id") + ":" + ids);
    }
    List<String> roomOf = new ArrayList<>(List.of(t3.getId(), t4.getId()));
    roomOf.sort(null);
    List<String> expected = new ArrayList<>(List.of(
      room + ":" + List.of(t1.getId()),   // created
      room + ":" + List.of(t2.getId()),   // created
      room + ":" + List.of(t1.getId()),   // updated
      room + ":" + List.of(t2.getId()),   // deleted
      bar + ":" + List.of(t3.getId()),    // created
      bar + ":" + List.of(t4.getId()),    // created
      bar + ":" + roomOf));               // room deleted with its tables
    assertEquals(expected.stream().sorted().toList(), seen.stream().sorted().toList());

    venues.updateVenue(UpdateVenueRequest.newBuilder().setId(venue).setName("Renamed venue").build()).await();
    JsonObject updated = KafkaEvents.awaitEvent(VenueEvents.VENUE_UPDATED, venue, e -> true);
    assertEquals("Renamed venue", updated.getJsonObject("venue_updated").getString("name"));
    venues.deleteVenue(DeleteVenueRequest.newBuilder().setId(venue).build()).await();
    JsonObject deleted = KafkaEvents.awaitEvent(VenueEvents.VENUE_DELETED, venue, e -> true);
    assertEquals(venue, deleted.getString("venue_id"));
  }

  // ---- helpers

  static String venue() {
    return venues.createVenue(CreateVenueRequest.newBuilder().setName(unique("Layout venue")).build()).await().getId();
  }

  static String room(String venue, String name) {
    return venues.createRoom(CreateRoomRequest.newBuilder().setVenueId(venue).setName(name).build()).await().getId();
  }

  static Table table(String room, String name, int capacity) {
    return venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName(name).setCapacity(capacity).build()).await();
  }

  static GetTableLayoutRequest request(String venue, String room) {
    return GetTableLayoutRequest.newBuilder().setVenueId(venue).setRoomId(room).build();
  }

  static GetTableLayoutResponse layout(String venue, String room) {
    return venues.getTableLayout(request(venue, room)).await();
  }

  static String valueKey(String room) {
    return "layout:{" + room + "}";
  }

  static String get(String key) {
    Response r = redis.send(Request.cmd(Command.GET).arg(key)).await();
    return r == null ? null : r.toString();
  }

  static long ttlMs(String key) {
    return redis.send(Request.cmd(Command.PTTL).arg(key)).await().toLong();
  }

  /** The layout is stored after the read answered (not awaited by the service): wait for it. */
  static String awaitCached(String room) {
    return Eventually.await("caching the layout of room " + room, java.time.Duration.ofSeconds(5),
      () -> get(valueKey(room)), v -> true);
  }

  static void assertCode(ErrorCode code, Future<?> call, String why) {
    AsyncResult<?> ar = call.<AsyncResult<?>>transform(Future::succeededFuture).await();
    assertTrue(ar.failed(), why);
    assertEquals(code, assertInstanceOf(ServiceException.class, ar.cause()).code(), why);
  }
}
