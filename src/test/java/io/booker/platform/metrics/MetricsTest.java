package io.booker.platform.metrics;

import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class MetricsTest {

  @Test
  void aClientsCloseCodeIsALabelOnlyWhenItIsAStandardOne() {
    assertEquals("1000", Metrics.clientCloseCode((short) 1000));
    assertEquals("1001", Metrics.clientCloseCode((short) 1001));
    assertEquals("1015", Metrics.clientCloseCode((short) 1015));
    assertEquals("other", Metrics.clientCloseCode((short) 4123));
    assertEquals("other", Metrics.clientCloseCode((short) 3000));
    assertEquals("none", Metrics.clientCloseCode(null));
  }

  @Test
  void aGrpcCallsDurationCarriesItsStatusLikeItsCount() {
    Metrics.grpcServerCall("metrics-test", "Ping", "OK", TimeUnit.MILLISECONDS.toNanos(3));
    Metrics.grpcServerCall("metrics-test", "Ping", "NOT_FOUND", TimeUnit.MILLISECONDS.toNanos(5));

    for (String status : new String[] {"OK", "NOT_FOUND"}) {
      Timer duration = Metrics.registry().find("grpc_server_request_duration_seconds")
        .tags("service", "metrics-test", "method", "Ping", "status", status).timer();
      assertNotNull(duration, "grpc_server_request_duration_seconds{status=" + status + "}");
      assertEquals(1, duration.count());
      assertEquals(1.0, Metrics.registry().find("grpc_server_requests")
        .tags("service", "metrics-test", "method", "Ping", "status", status).counter().count());
    }
  }
}
