package io.booker.it.ops;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The PromQL reading DashboardMetricsTest relies on (pure; no node). */
class PromQlNamesTest {

  @Test
  void aHistogramQuantileReadsTheBucketsOnly() {
    assertEquals(Set.of("http_request_duration_seconds_bucket"), PromQlNames.referenced(
      "histogram_quantile(0.95, sum by (le, method, path) (rate(http_request_duration_seconds_bucket[$__rate_interval])))"));
  }

  @Test
  void labelMatchersStringsAndGroupingAreNotNames() {
    assertEquals(Set.of("http_requests_total"), PromQlNames.referenced(
      "sum(rate(http_requests_total{status=~\"5..\", path!=\"/health\"}[5m])) / sum without (instance) (rate(http_requests_total[5m])) > 0.05"));
    assertEquals(Set.of("up"), PromQlNames.referenced("up{job=\"booker\"} == 0"));
  }

  @Test
  void bothSidesOfABinaryOperationAndKeywordsLeftOut() {
    assertEquals(Set.of("outbox_pending_events"), PromQlNames.referenced(
      "max by (service) (outbox_pending_events) > 100\n  and max by (service) (deriv(outbox_pending_events[10m])) > 0"));
    assertEquals(Set.of("a_total", "b_total"), PromQlNames.referenced("a_total / on (x) group_left (y) b_total offset 5m unless a_total > bool 1e-9"));
  }

  @Test
  void aNameNextToAParenthesisIsAFunctionButAMetricInsideOneIsAName() {
    assertEquals(Set.of("jvm_gc_pause_seconds_sum"), PromQlNames.referenced("sum by (instance) (rate(jvm_gc_pause_seconds_sum[1m]))"));
    assertEquals(Set.of("cluster_members"), PromQlNames.referenced("max(cluster_members) != min(cluster_members)"));
  }

  @Test
  void aScrapeExposesItsSampleNames() {
    String scrape = """
      # HELP x_seconds a timer
      # TYPE x_seconds histogram
      x_seconds_bucket{le="0.1",path="/a"} 1
      x_seconds_count{path="/a"} 1
      x_seconds_sum{path="/a"} 0.01
      cluster_members 3.0
      """;
    assertEquals(Set.of("x_seconds_bucket", "x_seconds_count", "x_seconds_sum", "cluster_members"), PromQlNames.exposed(scrape));
  }
}
