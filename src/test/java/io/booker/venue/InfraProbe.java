package io.booker.venue;

import io.booker.proto.booking.BookingServiceClient;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Venue dependencies that do nothing but note that they were reached: the database pool, Redis
 * and the booking service each throw {@link Reached} on their first use. A use case that refuses a
 * caller must refuse before it reaches any of them; one that lets a caller through reaches one.
 */
final class InfraProbe {

  /** Thrown by every dependency on use; the use case under test gives up there. */
  static final class Reached extends RuntimeException {
    Reached(String what) {
      super(what + " reached", null, false, false);
    }
  }

  private final List<String> reached = new ArrayList<>();
  final VenueDeps deps;

  InfraProbe() {
    Clock clock = Clock.systemUTC();
    deps = new VenueDeps(probe(Pool.class, "database"), probe(Redis.class, "redis"), probe(BookingServiceClient.class, "booking service"),
      new VenueEvents(clock), () -> reached.add("outbox relay"), clock);
  }

  /** What the use cases reached so far ("database", "redis", "booking service", "outbox relay"). */
  List<String> reached() {
    return List.copyOf(reached);
  }

  private <T> T probe(Class<T> type, String what) {
    return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "toString" -> what + " probe";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        };
      }
      reached.add(what);
      throw new Reached(what);
    }));
  }
}
