package io.booker.it;

import io.booker.notify.NotifyVerticle;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A change travels outbox → Kafka → notify → event bus, where every gateway can pick it up. */
class NotifyForwardingTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");

  @Test
  void aVenueChangeReachesTheEventBusThroughKafka() throws Exception {
    Promise<JsonObject> seen = Promise.promise();
    String[] venueId = new String[1];
    MessageConsumer<JsonObject> consumer = harness.node().vertx().eventBus().consumer(NotifyVerticle.EVENTS_ADDRESS, msg -> {
      JsonObject body = msg.body();
      if (venueId[0] != null && venueId[0].equals(body.getString("key")) && "venue.created".equals(body.getString("topic"))) {
        seen.tryComplete(body);
      }
    });
    consumer.completion().await();

    venueId[0] = harness.api().created("/api/v1/venues",
      new JsonObject().put("name", "Notify Noodles").put("timezone", "Asia/Tokyo")).getString("id");

    JsonObject event = seen.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(venueId[0], event.getJsonObject("event").getString("venue_id"));
    assertEquals("Notify Noodles", event.getJsonObject("event").getJsonObject("venue_created").getString("name"));
    consumer.unregister().await();
  }
}
