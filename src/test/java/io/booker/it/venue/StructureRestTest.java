package io.booker.it.venue;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.Seed;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Seed.unique;
import static org.junit.jupiter.api.Assertions.*;

/** Every venue/room/table REST route, happy path and each error, against one all-in-one node. */
class StructureRestTest {

  static final String V1 = "/api/v1";
  static final Set<String> VENUE_FIELDS = Set.of("id", "name", "timezone", "address", "created_at", "updated_at", "phone", "email", "description",
    "language");
  static final Set<String> ROOM_FIELDS = Set.of("id", "venue_id", "name", "created_at", "updated_at");
  static final Set<String> TABLE_FIELDS = Set.of("id", "room_id", "name", "capacity", "can_merge", "zone", "created_at", "updated_at", "venue_id",
    "position");

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  // ---- venues

  @Test
  void venueIsCreatedReadUpdatedAndDeleted() {
    String name = unique("Bistro");
    JsonObject created = api.created(V1 + "/venues", new JsonObject().put("name", "  " + name + "  ").put("timezone", "Europe/Berlin")
      .put("address", "Hauptstr. 1").put("phone", "+49 (30) 123-45").put("email", "hallo@bistro.de").put("description", "Schnitzel"));
    assertEquals(VENUE_FIELDS, created.fieldNames());
    assertEquals(name, created.getString("name"), "name is trimmed");
    assertEquals("Europe/Berlin", created.getString("timezone"));
    assertEquals("+49 (30) 123-45", created.getString("phone"));
    assertEquals("hallo@bistro.de", created.getString("email"));
    assertEquals("Schnitzel", created.getString("description"));
    assertTimestamps(created);
    String id = created.getString("id");

    assertEquals(created, api.ok(api.get(V1 + "/venues/" + id)));

    // Full update; the path id wins over one in the body; an empty timezone keeps the zone.
    JsonObject updated = api.ok(api.put(V1 + "/venues/" + id, new JsonObject().put("id", UUID.randomUUID().toString())
      .put("name", name + " 2").put("address", "Nebenstr. 2").put("phone", "").put("email", "").put("description", "")));
    assertEquals(VENUE_FIELDS, updated.fieldNames());
    assertEquals(id, updated.getString("id"));
    assertEquals(name + " 2", updated.getString("name"));
    assertEquals("Nebenstr. 2", updated.getString("address"));
    assertEquals("", updated.getString("phone"));
    assertEquals("", updated.getString("email"));
    assertEquals("", updated.getString("description"));
    assertEquals("Europe/Berlin", updated.getString("timezone"));
    assertEquals(created.getLong("created_at"), updated.getLong("created_at"));
    assertTrue(updated.getLong("updated_at") >= created.getLong("updated_at"));

    JsonObject rezoned = api.ok(api.put(V1 + "/venues/" + id, new JsonObject().put("name", name).put("timezone", "America/New_York")));
    assertEquals("America/New_York", rezoned.getString("timezone"));
    assertEquals("", rezoned.getString("address"), "a full update clears what the body leaves out");
    assertEquals(rezoned, api.ok(api.get(V1 + "/venues/" + id)));

    HttpResponse<Buffer> deleted = api.delete(V1 + "/venues/" + id);
    assertEquals(204, deleted.statusCode(), deleted::bodyAsString);
    assertEquals(0, deleted.body() == null ? 0 : deleted.body().length());
    assertProblem(api.get(V1 + "/venues/" + id), 404, "NOT_FOUND", null);
    assertProblem(api.delete(V1 + "/venues/" + id), 404, "NOT_FOUND", null);
  }

  @Test
  void venueWithoutTimezoneIsUtc() {
    JsonObject v = api.created(V1 + "/venues", new JsonObject().put("name", unique("Plain")));
    assertEquals("UTC", v.getString("timezone"));
    assertEquals("", v.getString("address"));
  }

  @Test
  void invalidVenueFieldsAreRefusedNamingTheField() {
    String venues = V1 + "/venues";
    assertProblem(api.post(venues, new JsonObject().put("name", "   ")), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(venues, new JsonObject()), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(venues, new JsonObject().put("name", "x".repeat(201))), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(venues, new JsonObject().put("name", "X").put("timezone", "Mars/Olympus")), 400, "INVALID_ARGUMENT", "timezone");
    assertProblem(api.post(venues, new JsonObject().put("name", "X").put("timezone", "+02:00")), 400, "INVALID_ARGUMENT", "timezone");
    assertProblem(api.post(venues, new JsonObject().put("name", "X").put("email", "not-an-email")), 400, "INVALID_ARGUMENT", "email");
    assertProblem(api.post(venues, new JsonObject().put("name", "X").put("email", "a@b")), 400, "INVALID_ARGUMENT", "email");
    assertProblem(api.post(venues, new JsonObject().put("name", "X").put("phone", "call me")), 400, "INVALID_ARGUMENT", "phone");
    assertProblem(api.post(venues, new JsonObject().put("name", "X").put("phone", "1".repeat(41))), 400, "INVALID_ARGUMENT", "phone");
    assertProblem(api.post(venues, new JsonObject().put("name", "X").put("address", "a".repeat(501))), 400, "INVALID_ARGUMENT", "address");
    assertProblem(api.post(venues, new JsonObject().put("name", "X").put("description", "d".repeat(2001))), 400, "INVALID_ARGUMENT", "description");
    assertProblem(api.post(venues, new JsonObject().put("name", "nul\u0000byte")), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(venues, new JsonObject().put("name", 42)), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.send("POST", venues, "{not json"), 400, "INVALID_ARGUMENT", null);
    assertProblem(api.send("POST", venues, "[1, 2]"), 400, "INVALID_ARGUMENT", null);

    String id = api.venue(unique("Valid")).getString("id");
    assertProblem(api.put(V1 + "/venues/" + id, new JsonObject().put("name", "")), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.put(V1 + "/venues/" + id, new JsonObject().put("name", "X").put("timezone", "Nowhere/Town")), 400, "INVALID_ARGUMENT", "timezone");
    assertProblem(api.put(V1 + "/venues/" + id, new JsonObject().put("name", "X").put("email", "@x.org")), 400, "INVALID_ARGUMENT", "email");
    assertProblem(api.send("PUT", V1 + "/venues/" + id, "nope"), 400, "INVALID_ARGUMENT", null);

    assertProblem(api.get(V1 + "/venues/not-a-uuid"), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.put(V1 + "/venues/not-a-uuid", new JsonObject().put("name", "X")), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.delete(V1 + "/venues/not-a-uuid"), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.put(V1 + "/venues/" + UUID.randomUUID(), new JsonObject().put("name", "X")), 404, "NOT_FOUND", null);
  }

  @Test
  void venuesAreListedWithTotalAndStablePages() {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      mine.add(api.venue(unique("Listed " + i)).getString("id"));
    }
    JsonObject all = api.ok(api.get(V1 + "/venues?limit=500"));
    assertEquals(Set.of("venues", "total"), all.fieldNames());
    int total = all.getInteger("total");
    assertTrue(total >= 3);

    // The three newest come last, in creation order, and pages of two tile the tail exactly.
    JsonObject tail = api.ok(api.get(V1 + "/venues?limit=2&offset=" + (total - 3)));
    JsonObject last = api.ok(api.get(V1 + "/venues?limit=2&offset=" + (total - 1)));
    assertEquals(total, tail.getInteger("total"));
    assertEquals(List.of(mine.get(0), mine.get(1)), ids(tail.getJsonArray("venues")));
    assertEquals(List.of(mine.get(2)), ids(last.getJsonArray("venues")));
    VENUE_FIELDS.forEach(f -> assertTrue(last.getJsonArray("venues").getJsonObject(0).containsKey(f), f));

    JsonObject beyond = api.ok(api.get(V1 + "/venues?offset=" + (total + 10)));
    assertEquals(0, beyond.getJsonArray("venues").size());
    assertEquals(total, beyond.getInteger("total"), "an empty page still has the total");

    JsonObject defaults = api.ok(api.get(V1 + "/venues"));
    assertEquals(Math.min(total, 50), defaults.getJsonArray("venues").size(), "default limit is 50");
  }

  @Test
  void badPagingIsRefused() {
    for (String q : List.of("limit=0", "limit=-1", "limit=100000", "limit=abc", "limit=1.5")) {
      assertProblem(api.get(V1 + "/venues?" + q), 400, "INVALID_ARGUMENT", "limit");
    }
    for (String q : List.of("offset=-1", "offset=x", "offset=99999999999")) {
      assertProblem(api.get(V1 + "/venues?" + q), 400, "INVALID_ARGUMENT", "offset");
    }
    String venue = api.venue(unique("Paged")).getString("id");
    String room = api.room(venue, "Main").getString("id");
    assertProblem(api.get(V1 + "/venues/" + venue + "/rooms?limit=0"), 400, "INVALID_ARGUMENT", "limit");
    assertProblem(api.get(V1 + "/rooms/" + room + "/tables?offset=-1"), 400, "INVALID_ARGUMENT", "offset");
    assertProblem(api.get(V1 + "/venues/" + venue + "/tables?limit=100000"), 400, "INVALID_ARGUMENT", "limit");
  }

  // ---- rooms

  @Test
  void roomIsCreatedReadListedUpdatedAndDeleted() {
    String venue = api.venue(unique("Rooms")).getString("id");
    JsonObject terrace = api.created(V1 + "/venues/" + venue + "/rooms",
      new JsonObject().put("name", " Terrace ").put("venue_id", UUID.randomUUID().toString()));
    assertEquals(ROOM_FIELDS, terrace.fieldNames());
    assertEquals("Terrace", terrace.getString("name"));
    assertEquals(venue, terrace.getString("venue_id"), "the path venue wins over the body");
    assertTimestamps(terrace);
    String id = terrace.getString("id");
    assertEquals(terrace, api.ok(api.get(V1 + "/rooms/" + id)));

    List<String> order = new ArrayList<>(List.of(id));
    for (int i = 0; i < 4; i++) {
      order.add(api.room(venue, "Room " + i).getString("id"));
    }
    JsonObject all = api.ok(api.get(V1 + "/venues/" + venue + "/rooms"));
    assertEquals(5, all.getInteger("total"));
    assertEquals(order, ids(all.getJsonArray("rooms")));
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 5; offset += 2) {
      JsonObject page = api.ok(api.get(V1 + "/venues/" + venue + "/rooms?limit=2&offset=" + offset));
      assertEquals(5, page.getInteger("total"));
      paged.addAll(ids(page.getJsonArray("rooms")));
    }
    assertEquals(order, paged);
    JsonObject beyond = api.ok(api.get(V1 + "/venues/" + venue + "/rooms?offset=10"));
    assertEquals(0, beyond.getJsonArray("rooms").size());
    assertEquals(5, beyond.getInteger("total"));

    JsonObject renamed = api.ok(api.put(V1 + "/rooms/" + id, new JsonObject().put("name", "Garden").put("id", UUID.randomUUID().toString())));
    assertEquals(id, renamed.getString("id"));
    assertEquals("Garden", renamed.getString("name"));
    assertEquals(venue, renamed.getString("venue_id"));
    assertEquals(renamed, api.ok(api.get(V1 + "/rooms/" + id)));

    assertEquals(204, api.delete(V1 + "/rooms/" + id).statusCode());
    assertProblem(api.get(V1 + "/rooms/" + id), 404, "NOT_FOUND", null);
    assertProblem(api.delete(V1 + "/rooms/" + id), 404, "NOT_FOUND", null);
    assertEquals(4, api.ok(api.get(V1 + "/venues/" + venue + "/rooms")).getInteger("total"));
  }

  @Test
  void roomErrors() {
    String venue = api.venue(unique("Room errors")).getString("id");
    String room = api.room(venue, "Main").getString("id");
    String unknown = UUID.randomUUID().toString();
    assertProblem(api.post(V1 + "/venues/" + unknown + "/rooms", new JsonObject().put("name", "X")), 404, "NOT_FOUND", null);
    assertProblem(api.post(V1 + "/venues/nope/rooms", new JsonObject().put("name", "X")), 400, "INVALID_ARGUMENT", "venue_id");
    assertProblem(api.post(V1 + "/venues/" + venue + "/rooms", new JsonObject().put("name", "")), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(V1 + "/venues/" + venue + "/rooms", new JsonObject().put("name", "r".repeat(101))), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(V1 + "/venues/" + venue + "/rooms", new JsonObject().put("name", true)), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.send("POST", V1 + "/venues/" + venue + "/rooms", "{\"name\":"), 400, "INVALID_ARGUMENT", null);
    assertProblem(api.get(V1 + "/venues/" + unknown + "/rooms"), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/venues/bad/rooms"), 400, "INVALID_ARGUMENT", "venue_id");
    assertProblem(api.get(V1 + "/rooms/" + unknown), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/rooms/bad"), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.put(V1 + "/rooms/" + unknown, new JsonObject().put("name", "X")), 404, "NOT_FOUND", null);
    assertProblem(api.put(V1 + "/rooms/" + room, new JsonObject().put("name", " ")), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.put(V1 + "/rooms/bad", new JsonObject().put("name", "X")), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.delete(V1 + "/rooms/" + unknown), 404, "NOT_FOUND", null);
    assertProblem(api.delete(V1 + "/rooms/bad"), 400, "INVALID_ARGUMENT", "id");
  }

  // ---- tables

  @Test
  void tableIsCreatedReadListedUpdatedAndDeleted() {
    String venue = api.venue(unique("Tables")).getString("id");
    String room = api.room(venue, "Main").getString("id");
    String other = api.room(venue, "Bar").getString("id");

    JsonObject t1 = api.created(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "T1").put("capacity", 4)
      .put("canMerge", true).put("zone", "window").put("room_id", other));
    assertEquals(TABLE_FIELDS, t1.fieldNames());
    assertEquals(room, t1.getString("room_id"), "the path room wins over the body");
    assertEquals(venue, t1.getString("venue_id"));
    assertEquals(4, t1.getInteger("capacity"));
    assertEquals(true, t1.getBoolean("can_merge"), "camelCase canMerge is accepted");
    assertEquals("window", t1.getString("zone"));
    assertTrue(t1.containsKey("position") && t1.getValue("position") == null, "not placed: position is null");
    assertTimestamps(t1);
    String id = t1.getString("id");
    assertEquals(t1, api.ok(api.get(V1 + "/tables/" + id)));

    JsonObject t2 = api.created(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "T2").put("capacity", 1).put("can_merge", false));
    assertEquals(false, t2.getBoolean("can_merge"));
    assertEquals("", t2.getString("zone"));
    JsonObject t3 = api.created(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "T3").put("capacity", 100));
    JsonObject sameNameElsewhere = api.table(other, "T1", 2);
    assertEquals("T1", sameNameElsewhere.getString("name"), "the same name in another room is fine");

    JsonObject ofRoom = api.ok(api.get(V1 + "/rooms/" + room + "/tables"));
    assertEquals(Set.of("tables", "total"), ofRoom.fieldNames());
    assertEquals(3, ofRoom.getInteger("total"));
    assertEquals(List.of(id, t2.getString("id"), t3.getString("id")), ids(ofRoom.getJsonArray("tables")));
    assertEquals(TABLE_FIELDS, ofRoom.getJsonArray("tables").getJsonObject(0).fieldNames());
    JsonObject page = api.ok(api.get(V1 + "/rooms/" + room + "/tables?limit=1&offset=1"));
    assertEquals(3, page.getInteger("total"));
    assertEquals(List.of(t2.getString("id")), ids(page.getJsonArray("tables")));

    JsonObject ofVenue = api.ok(api.get(V1 + "/venues/" + venue + "/tables"));
    assertEquals(4, ofVenue.getInteger("total"));
    assertEquals(List.of(id, t2.getString("id"), t3.getString("id"), sameNameElsewhere.getString("id")), ids(ofVenue.getJsonArray("tables")));
    JsonObject venueBeyond = api.ok(api.get(V1 + "/venues/" + venue + "/tables?offset=4"));
    assertEquals(0, venueBeyond.getJsonArray("tables").size());
    assertEquals(4, venueBeyond.getInteger("total"));

    // Full update: every listed field is replaced; canMerge accepted here too.
    JsonObject updated = api.ok(api.put(V1 + "/tables/" + id, new JsonObject().put("id", UUID.randomUUID().toString())
      .put("name", "T1b").put("capacity", 6).put("canMerge", false)));
    assertEquals(id, updated.getString("id"));
    assertEquals("T1b", updated.getString("name"));
    assertEquals(6, updated.getInteger("capacity"));
    assertEquals(false, updated.getBoolean("can_merge"));
    assertEquals("", updated.getString("zone"), "zone left out of a full update is cleared");
    assertEquals(room, updated.getString("room_id"));
    assertEquals(updated, api.ok(api.get(V1 + "/tables/" + id)));

    assertEquals(204, api.delete(V1 + "/tables/" + id).statusCode());
    assertProblem(api.get(V1 + "/tables/" + id), 404, "NOT_FOUND", null);
    assertProblem(api.delete(V1 + "/tables/" + id), 404, "NOT_FOUND", null);
    assertEquals(2, api.ok(api.get(V1 + "/rooms/" + room + "/tables")).getInteger("total"));

    // Deleting a room deletes its tables; deleting the venue deletes everything under it.
    assertEquals(204, api.delete(V1 + "/rooms/" + room).statusCode());
    assertProblem(api.get(V1 + "/tables/" + t2.getString("id")), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/rooms/" + room + "/tables"), 404, "NOT_FOUND", null);
    assertEquals(204, api.delete(V1 + "/venues/" + venue).statusCode());
    assertProblem(api.get(V1 + "/rooms/" + other), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/tables/" + sameNameElsewhere.getString("id")), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/venues/" + venue + "/tables"), 404, "NOT_FOUND", null);
  }

  @Test
  void tableErrors() {
    String venue = api.venue(unique("Table errors")).getString("id");
    String room = api.room(venue, "Main").getString("id");
    String tables = V1 + "/rooms/" + room + "/tables";
    String t1 = api.table(room, "T1", 2).getString("id");
    api.table(room, "T2", 2);
    String unknown = UUID.randomUUID().toString();

    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", 0)), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(tables, new JsonObject().put("name", "X")), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", 101)), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", -3)), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", "four")), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", 2.5)), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", 1L << 40)), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", 2).put("can_merge", "yes")), 400, "INVALID_ARGUMENT", "can_merge");
    assertProblem(api.post(tables, new JsonObject().put("name", "").put("capacity", 2)), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(tables, new JsonObject().put("name", "n".repeat(51)).put("capacity", 2)), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", 2).put("zone", "z".repeat(51))), 400, "INVALID_ARGUMENT", "zone");
    assertProblem(api.send("POST", tables, "capacity=2"), 400, "INVALID_ARGUMENT", null);
    assertProblem(api.post(V1 + "/rooms/" + unknown + "/tables", new JsonObject().put("name", "X").put("capacity", 2)), 404, "NOT_FOUND", null);
    assertProblem(api.post(V1 + "/rooms/bad/tables", new JsonObject().put("name", "X").put("capacity", 2)), 400, "INVALID_ARGUMENT", "room_id");

    JsonObject dup = assertProblem(api.post(tables, new JsonObject().put("name", "T1").put("capacity", 4)), 409, "ALREADY_EXISTS", "name");
    assertTrue(dup.getString("detail").contains("T1"), dup::encode);
    assertProblem(api.put(V1 + "/tables/" + t1, new JsonObject().put("name", "T2").put("capacity", 2)), 409, "ALREADY_EXISTS", "name");
    assertEquals("T1", api.ok(api.get(V1 + "/tables/" + t1)).getString("name"), "a refused update changes nothing");

    assertProblem(api.put(V1 + "/tables/" + t1, new JsonObject().put("name", "T1").put("capacity", 0)), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.put(V1 + "/tables/" + t1, new JsonObject().put("name", "T1").put("capacity", "four")), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.put(V1 + "/tables/" + t1, new JsonObject().put("capacity", 3)), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.put(V1 + "/tables/" + unknown, new JsonObject().put("name", "X").put("capacity", 2)), 404, "NOT_FOUND", null);
    assertProblem(api.put(V1 + "/tables/bad", new JsonObject().put("name", "X").put("capacity", 2)), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.get(V1 + "/tables/" + unknown), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/tables/bad"), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.delete(V1 + "/tables/" + unknown), 404, "NOT_FOUND", null);
    assertProblem(api.delete(V1 + "/tables/bad"), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.get(V1 + "/rooms/" + unknown + "/tables"), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/rooms/bad/tables"), 400, "INVALID_ARGUMENT", "room_id");
    assertProblem(api.get(V1 + "/venues/" + unknown + "/tables"), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/venues/bad/tables"), 400, "INVALID_ARGUMENT", "venue_id");
  }

  // ---- layout

  @Test
  void layoutOfARoom() {
    String venue = api.venue(unique("Layout")).getString("id");
    String room = api.room(venue, "Main").getString("id");
    String empty = api.room(venue, "Empty").getString("id");
    String t1 = api.table(room, "T1", 2).getString("id");
    String t2 = api.table(room, "T2", 4).getString("id");

    JsonObject layout = api.ok(api.get(V1 + "/rooms/" + room + "/layout"));
    assertEquals(Set.of("room_id", "tables"), layout.fieldNames());
    assertEquals(room, layout.getString("room_id"));
    assertEquals(List.of(t1, t2), ids(layout.getJsonArray("tables")));
    assertEquals(TABLE_FIELDS, layout.getJsonArray("tables").getJsonObject(0).fieldNames());
    assertEquals(layout, api.ok(api.get(V1 + "/rooms/" + room + "/layout?venue_id=" + venue)));

    JsonObject none = api.ok(api.get(V1 + "/rooms/" + empty + "/layout"));
    assertEquals(0, none.getJsonArray("tables").size());

    String otherVenue = api.venue(unique("Other")).getString("id");
    assertProblem(api.get(V1 + "/rooms/" + room + "/layout?venue_id=" + otherVenue), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/rooms/" + room + "/layout?venue_id=bad"), 400, "INVALID_ARGUMENT", "venue_id");
    assertProblem(api.get(V1 + "/rooms/" + UUID.randomUUID() + "/layout"), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/rooms/" + UUID.randomUUID() + "/layout?venue_id=" + venue), 404, "NOT_FOUND", null);
    assertProblem(api.get(V1 + "/rooms/bad/layout"), 400, "INVALID_ARGUMENT", "room_id");
  }

  // ---- deletes with future bookings

  @Test
  void deletesAreRefusedWhileFutureBookingsExist() {
    String venue = Bookings.venueOpenAllDay(api);
    String room = api.room(venue, "Main").getString("id");
    String booked = api.table(room, "Booked", 2).getString("id");
    String free = api.table(room, "Free", 2).getString("id");
    String pastOnly = api.table(room, "Past", 2).getString("id");
    String booking = Bookings.confirmed(api, Bookings.requestInHours(venue, new String[]{room, booked}, 24, 120, 2)).getString("id");
    // The service books no past: booked for tomorrow, then moved to start 48 hours ago.
    String past = Bookings.confirmed(api, Bookings.requestInHours(venue, new String[]{room, pastOnly}, 24, 120, 2)).getString("id");
    Seed.moveIntoThePast(past, 48);
    Bookings.cancelled(api, Bookings.requestInHours(venue, new String[]{room, free}, 24, 120, 2));

    JsonObject p = assertProblem(api.delete(V1 + "/tables/" + booked), 409, "HAS_FUTURE_BOOKINGS", null);
    assertTrue(p.getString("detail").contains(booked), p::encode);
    assertProblem(api.delete(V1 + "/rooms/" + room), 409, "HAS_FUTURE_BOOKINGS", null);
    assertProblem(api.delete(V1 + "/venues/" + venue), 409, "HAS_FUTURE_BOOKINGS", null);
    api.ok(api.get(V1 + "/tables/" + booked));
    api.ok(api.get(V1 + "/rooms/" + room));
    api.ok(api.get(V1 + "/venues/" + venue));

    // Past and cancelled bookings do not hold anything back.
    assertEquals(204, api.delete(V1 + "/tables/" + pastOnly).statusCode());
    assertEquals(204, api.delete(V1 + "/tables/" + free).statusCode());

    // Another room of the same venue is not held back by this room's booking.
    String bar = api.room(venue, "Bar").getString("id");
    api.table(bar, "B1", 2);
    assertEquals(204, api.delete(V1 + "/rooms/" + bar).statusCode());

    Bookings.done(api, booking, "cancel", "cancelled");
    assertEquals(204, api.delete(V1 + "/venues/" + venue).statusCode());
    assertProblem(api.get(V1 + "/tables/" + booked), 404, "NOT_FOUND", null);
  }

  @Test
  void aVenueBookingOnATableOfAnotherRoomBlocksTheVenueOnly() {
    String venue = Bookings.venueOpenAllDay(api);
    String room = api.room(venue, "Main").getString("id");
    String table = api.table(room, "T", 2).getString("id");
    String emptyRoom = api.room(venue, "Empty").getString("id");
    Bookings.hold(api, Bookings.requestInHours(venue, new String[]{room, table}, 2, 120, 2));
    assertEquals(204, api.delete(V1 + "/rooms/" + emptyRoom).statusCode(), "an empty room has nothing booked");
    assertProblem(api.delete(V1 + "/venues/" + venue), 409, "HAS_FUTURE_BOOKINGS", null);
  }

  static List<String> ids(JsonArray items) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(items.getJsonObject(i).getString("id"));
    }
    return out;
  }

  static void assertTimestamps(JsonObject o) {
    for (String f : List.of("created_at", "updated_at")) {
      Object v = o.getValue(f);
      assertTrue(v instanceof Integer || v instanceof Long, f + " is an integer: " + v);
      long s = ((Number) v).longValue();
      long now = System.currentTimeMillis() / 1000;
      assertTrue(Math.abs(now - s) < 300, f + " is Unix seconds near now: " + s);
    }
  }
}
