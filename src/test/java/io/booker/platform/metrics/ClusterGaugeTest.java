package io.booker.platform.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClusterGaugeTest {

  @Test
  void aNodeThatIsNotClusteredIsAClusterOfOne() {
    assertEquals(1.0, ClusterGauge.members(null));
  }
}
