package io.booker.platform.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
