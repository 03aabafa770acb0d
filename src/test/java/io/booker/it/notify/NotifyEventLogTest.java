package io.booker.it.notify;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.it.support.Eventually;
import io.booker.proto.common.EventHeaders;
import io.booker.proto.common.VenueEvent;
import io.booker.proto.common.VenueUpdated;
import io.booker.proto.notify.ListEventsRequest;
import io.booker.proto.notify.ListEventsResponse;
import io.booker.proto.notify.LiveEvent;
import io.booker.proto.notify.NotifyServiceClient;
import io.booker.testinfra.TestTokens;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The event log a reconnecting WebSocket client catches up from: after a given event id, exactly
 * the events of the asked venues that came later, in order; only for venues the caller sees.
 */
class NotifyEventLogTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static NotifyRig rig;

  @BeforeAll
  static void start() {
    rig = new NotifyRig(List.of(), new JsonObject());
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void resumingAfterAnEventReturnsExactlyWhatCameLaterForTheVenue() {
    String venue = NotifyRig.id();
    String other = NotifyRig.id();
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ours.add(venueUpdated(venue, "Ours " + i));
      venueUpdated(other, "Theirs " + i);
    }
    ListEventsResponse all = Eventually.await("the venue's events logged", WAIT,
      () -> rig.client().listEvents(ListEventsRequest.newBuilder().addVenueIds(venue).build()).await(),
      r -> r.getEventsCount() == 4);
    assertEquals(ours, all.getEventsList().stream().map(LiveEvent::getEventId).toList(), "in the order they were produced");

    ListEventsResponse missed = rig.client().listEvents(ListEventsRequest.newBuilder().addVenueIds(venue)
      .setAfterEventId(ours.get(1)).build()).await();
    assertEquals(ours.subList(2, 4), missed.getEventsList().stream().map(LiveEvent::getEventId).toList());
    assertFalse(missed.getTruncated());
    JsonObject message = new JsonObject(missed.getEvents(0).getMessage());
    assertEquals("venue.updated", message.getString("type"));
    assertEquals(venue, message.getString("venue_id"));
    assertEquals("Ours 2", message.getJsonObject("venue").getString("name"));
    assertTrue(missed.getEvents(0).getSeq() < missed.getEvents(1).getSeq());

    ListEventsResponse limited = rig.client().listEvents(ListEventsRequest.newBuilder().addVenueIds(venue)
      .setAfterEventId(ours.get(0)).setLimit(2).build()).await();
    assertEquals(ours.subList(1, 3), limited.getEventsList().stream().map(LiveEvent::getEventId).toList());
    assertTrue(limited.getTruncated());

    // The other venue's events may sit on another partition and be consumed later than ours.
    long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();
    ListEventsResponse since = Eventually.await("both venues' events logged", WAIT,
      () -> rig.client().listEvents(ListEventsRequest.newBuilder().addVenueIds(venue).addVenueIds(other)
        .setSince(tenMinutesAgo).build()).await(),
      r -> r.getEventsCount() >= 8);
    assertEquals(8, since.getEventsCount());
  }

  @Test
  void anUnknownEventIdIsNotFoundAndAnotherVenuesLogIsRefused() {
    String venue = NotifyRig.id();
    String event = venueUpdated(venue, "Seen");
    Eventually.await("the event logged", WAIT,
      () -> rig.client().listEvents(ListEventsRequest.newBuilder().addVenueIds(venue).build()).await(), r -> r.getEventsCount() == 1);

    Throwable unknown = assertThrows(Exception.class, () -> rig.client().listEvents(ListEventsRequest.newBuilder().addVenueIds(venue)
      .setAfterEventId(UUID.randomUUID().toString()).build()).await());
    assertTrue(unknown.toString().contains("NOT_FOUND") || unknown.toString().contains("not found"), unknown.toString());

    NotifyServiceClient host = rig.client(() -> TestTokens.bearer(new Caller(UUID.randomUUID().toString(), Role.HOST, Set.of(NotifyRig.id()))));
    Throwable refused = assertThrows(Exception.class, () -> host.listEvents(ListEventsRequest.newBuilder().addVenueIds(venue)
      .setAfterEventId(event).build()).await());
    assertTrue(refused.toString().contains("venue " + venue + " not found"), refused.toString());

    NotifyServiceClient own = rig.client(() -> TestTokens.bearer(new Caller(UUID.randomUUID().toString(), Role.HOST, Set.of(venue))));
    assertEquals(0, own.listEvents(ListEventsRequest.newBuilder().addVenueIds(venue).setAfterEventId(event).build()).await()
      .getEventsCount());
  }

  private static String venueUpdated(String venueId, String name) {
    String eventId = UUID.randomUUID().toString();
    rig.produce("venue.updated", venueId, VenueEvent.newBuilder()
      .setHeaders(EventHeaders.newBuilder().setEventId(eventId).setEventType("venue.updated").setSource("venue")
        .setTimestamp(Instant.now().getEpochSecond()))
      .setVenueId(venueId)
      .setVenueUpdated(VenueUpdated.newBuilder().setName(name).setTimezone("Asia/Tokyo"))
      .build());
    return eventId;
  }
}
