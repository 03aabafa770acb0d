package io.booker.it.booking;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.StallingProxy;
import io.booker.it.support.TestNodes;
import io.booker.platform.metrics.Metrics;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A Redis that stops answering (connections open, nothing comes back) never stops a booking: the
 * hold commands give up after {@code booking.hold_timeout_ms} and the database alone decides.
 */
class SlowRedisTest {

  @Test
  void aStalledRedisSlowsHoldsDownToTheirTimeoutButNeverRefusesABooking() {
    InfraEndpoints infra = TestInfra.endpoints();
    Vertx vertx = Vertx.vertx();
    try (StallingProxy redis = StallingProxy.to(vertx, infra.redisHost(), infra.redisPort());
         TestNodes.Started node = TestNodes.allInOne("eventbus", new JsonObject()
           .put("infra", new JsonObject().put("redis", new JsonObject().put("host", "127.0.0.1").put("port", redis.port())))
           .put("booking", new JsonObject().put("hold_timeout_ms", 200)))) {
      ApiClient api = new ApiClient(WebClient.create(vertx), node.httpPort());
      String venue = Bookings.venueOpenAllDay(api);
      String room = Bookings.room(api, venue, "R");
      String[] t1 = Bookings.table(api, room, "T1", 4, false);
      String[] t2 = Bookings.table(api, room, "T2", 4, false);

      redis.stall();
      double before = bypassed();
      String id = Bookings.hold(api, request(venue, t1, day(70), "19:00", 0, 2)).getString("id");
      assertEquals("confirmed", Bookings.done(api, id, "confirm").getString("status"));
      ApiClient.assertProblem(api.post("/api/v1/bookings", request(venue, t1, day(70), "20:00", 0, 2)), 409, "SLOT_TAKEN", null);
      assertTrue(bypassed() > before, "holds that timed out are counted");

      redis.resume();
      Bookings.hold(api, request(venue, t2, day(70), "19:00", 0, 2));
    } finally {
      vertx.close().await();
    }
  }

  static double bypassed() {
    return Metrics.registry().find("booking_holds_bypassed").counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
