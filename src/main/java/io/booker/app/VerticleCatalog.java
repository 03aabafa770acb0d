package io.booker.app;

import io.booker.booking.BookingVerticle;
import io.booker.gateway.GatewayVerticle;
import io.booker.notify.NotifyVerticle;
import io.booker.platform.health.OpsVerticle;
import io.booker.venue.VenueVerticle;
import io.vertx.core.Deployable;

import java.util.Map;
import java.util.function.Supplier;

/** The verticles a node can deploy, by the names used in {@code conf/*.json}. */
final class VerticleCatalog {

  private static final Map<String, Supplier<Deployable>> VERTICLES = Map.of(
    "venue", VenueVerticle::new,
    "booking", BookingVerticle::new,
    "notify", NotifyVerticle::new,
    "gateway", GatewayVerticle::new,
    "ops", OpsVerticle::new);

  private VerticleCatalog() {
  }

  static Supplier<Deployable> get(String name) {
    Supplier<Deployable> s = VERTICLES.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown verticle '" + name + "' (known: " + VERTICLES.keySet() + ")");
    }
    return s;
  }
}
