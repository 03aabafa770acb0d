package io.booker.it.notify;

import io.booker.it.support.NodeHarness;
import io.booker.platform.live.LiveEvents;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A change travels outbox → Kafka → notify → the venue's live address on the event bus, where every
 * gateway with a client subscribed to that venue picks it up, in the REST shape.
 */
class NotifyForwardingTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");

  @Test
  void aVenueChangeReachesTheVenuesLiveAddress() throws Exception {
    String venueId = harness.api().created("/api/v1/venues",
      new JsonObject().put("name", "Notify Noodles").put("timezone", "Asia/Tokyo")).getString("id");
    Promise<JsonObject> seen = Promise.promise();
    MessageConsumer<JsonObject> consumer = harness.node().vertx().eventBus().consumer(LiveEvents.address(venueId), msg -> {
      if ("venue.updated".equals(msg.body().getJsonObject(LiveEvents.EVENT).getString("type"))) {
        seen.tryComplete(msg.body());
      }
    });
    consumer.completion().await();

    String name = "Notify Ramen " + UUID.randomUUID();
    assertEquals(200, harness.api().put("/api/v1/venues/" + venueId,
      new JsonObject().put("name", name).put("timezone", "Asia/Tokyo")).statusCode());

    JsonObject body = seen.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertTrue(body.getLong(LiveEvents.SEQ) > 0, body::encode);
    JsonObject event = body.getJsonObject(LiveEvents.EVENT);
    assertEquals(venueId, event.getString("venue_id"));
    assertNotNull(event.getString("event_id"));
    assertTrue(event.getLong("time") > 0, event::encode);
    assertEquals(new JsonObject().put("id", venueId).put("name", name).put("timezone", "Asia/Tokyo"), event.getJsonObject("venue"));
    consumer.unregister().await();
  }
}
