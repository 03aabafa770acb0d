package io.booker.platform.web;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.common.Slot;
import io.booker.proto.venue.CheckAvailabilityRequest;
import io.booker.proto.venue.CreateTableRequest;
import io.booker.proto.venue.SetOpeningHoursRequest;
import io.booker.proto.venue.TableAvailability;
import io.booker.proto.venue.Venue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The REST edge's JSON: every field present, snake_case, numbers for timestamps, camelCase aliases in. */
class ProtoJsonTest {

  @Test
  void everyFieldIsPresentWithProtoNamesAndIntegerTimestamps() {
    JsonObject json = ProtoJson.toJson(Venue.newBuilder().setId("v1").setName("Roma").setCreatedAt(1_700_000_000L).build());
    assertEquals(Venue.getDescriptor().getFields().size(), json.size());
    assertEquals("", json.getString("phone"), "unset strings are present and empty");
    assertEquals(1_700_000_000L, json.getValue("created_at"), "int64 stays a JSON number");
    assertEquals(0L, json.getValue("updated_at"));
  }

  @Test
  void aStructIsWrittenAsTheJsonItHolds() throws Exception {
    com.google.protobuf.Struct.Builder payload = com.google.protobuf.Struct.newBuilder();
    com.google.protobuf.util.JsonFormat.parser().merge(
      "{\"reason\":\"rain\",\"party_size\":4,\"ratio\":0.5,\"ok\":true,\"none\":null,\"tables\":[\"t1\",\"t2\"],\"slot\":{\"start_time\":\"19:00\"}}",
      payload);
    JsonObject json = ProtoJson.toJson(io.booker.proto.booking.BookingHistoryEntry.newBuilder().setEventType("booking.cancelled")
      .setPayload(payload).build());
    assertEquals(new JsonObject().put("reason", "rain").put("party_size", 4L).put("ratio", 0.5).put("ok", true).putNull("none")
      .put("tables", new io.vertx.core.json.JsonArray().add("t1").add("t2")).put("slot", new JsonObject().put("start_time", "19:00")),
      json.getJsonObject("payload"));
  }

  @Test
  void anUnsetMessageFieldIsNullNotMissing() {
    JsonObject json = ProtoJson.toJson(TableAvailability.newBuilder().setAvailable(true).build());
    assertTrue(json.containsKey("merged_with_table"));
    assertNull(json.getValue("merged_with_table"));
  }

  @Test
  void requestsAcceptSnakeCaseAndTheOriginalsCamelCaseAliases() {
    CreateTableRequest snake = ProtoJson.merge(new JsonObject().put("name", "T1").put("can_merge", true), CreateTableRequest.newBuilder()).build();
    CreateTableRequest camel = ProtoJson.merge(new JsonObject().put("name", "T1").put("canMerge", true), CreateTableRequest.newBuilder()).build();
    assertTrue(snake.getCanMerge());
    assertEquals(snake, camel);
    SetOpeningHoursRequest hours = ProtoJson.merge(new JsonObject().put("days", new JsonArray()
      .add(new JsonObject().put("weekday", 5).put("openTime", "18:00").put("closeTime", "02:00"))), SetOpeningHoursRequest.newBuilder()).build();
    assertEquals("02:00", hours.getDays(0).getCloseTime());
  }

  @Test
  void nestedMessagesAndUnknownKeys() {
    CheckAvailabilityRequest r = ProtoJson.merge(new JsonObject().put("venue_id", "v").put("party_size", 4)
      .put("slot", new JsonObject().put("date", "2026-12-01").put("start_time", "19:00"))
      .put("something_new", 1), CheckAvailabilityRequest.newBuilder()).build();
    assertEquals(Slot.newBuilder().setDate("2026-12-01").setStartTime("19:00").build(), r.getSlot());
    assertEquals(4, r.getPartySize());
  }

  @Test
  void wrongTypesNameTheFieldIncludingNestedPaths() {
    assertInvalid("capacity", new JsonObject().put("capacity", "four"), CreateTableRequest.newBuilder());
    assertInvalid("capacity", new JsonObject().put("capacity", 2.5), CreateTableRequest.newBuilder());
    assertInvalid("capacity", new JsonObject().put("capacity", 3_000_000_000L), CreateTableRequest.newBuilder());
    assertInvalid("can_merge", new JsonObject().put("can_merge", "yes"), CreateTableRequest.newBuilder());
    assertInvalid("name", new JsonObject().put("name", new JsonObject()), CreateTableRequest.newBuilder());
    assertInvalid("slot.date", new JsonObject().put("slot", new JsonObject().put("date", 20261201)), CheckAvailabilityRequest.newBuilder());
    assertInvalid("slot", new JsonObject().put("slot", "tomorrow"), CheckAvailabilityRequest.newBuilder());
    assertInvalid("days[1].weekday", new JsonObject().put("days", new JsonArray()
      .add(new JsonObject().put("weekday", 1)).add(new JsonObject().put("weekday", "monday"))), SetOpeningHoursRequest.newBuilder());
    assertInvalid("days", new JsonObject().put("days", new JsonObject()), SetOpeningHoursRequest.newBuilder());
  }

  @Test
  void loneSurrogatesAreRefusedBeforeProtobufWouldTurnThemIntoQuestionMarks() {
    assertInvalid("name", new JsonObject().put("name", "Caf\uD800"), CreateTableRequest.newBuilder());
    assertInvalid("slot.date", new JsonObject().put("slot", new JsonObject().put("date", "\uDC00")), CheckAvailabilityRequest.newBuilder());
    assertEquals("Caf\u00e9 🍝", ProtoJson.merge(new JsonObject().put("name", "Caf\u00e9 🍝"), CreateTableRequest.newBuilder()).getName());
  }

  @Test
  void aWholeNumberWrittenAsDecimalIsAccepted() {
    assertEquals(4, ProtoJson.merge(new JsonObject().put("capacity", 4.0), CreateTableRequest.newBuilder()).getCapacity());
  }

  private static void assertInvalid(String path, JsonObject json, com.google.protobuf.Message.Builder builder) {
    ServiceException e = assertThrows(ServiceException.class, () -> ProtoJson.merge(json, builder));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().startsWith(path + ":"), e.getMessage());
  }
}
