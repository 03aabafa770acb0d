package io.booker.platform.health;

import io.booker.platform.metrics.ClusterGauge;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** {@code /health/live}, {@code /health/ready} and {@code /metrics}, mounted on any router. */
public final class OpsRoutes {

  private OpsRoutes() {
  }

  /** Also registers the node-wide gauges {@code /metrics} shows ({@link ClusterGauge}). */
  public static void mount(Vertx vertx, Router router, ReadinessChecks readiness) {
    ClusterGauge.register(vertx);
    router.get("/health/live").handler(ctx -> ctx.response()
      .putHeader("content-type", "application/json")
      .end("{\"status\":\"UP\"}"));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness.checks()));
    router.get("/metrics").handler(PrometheusScrapingHandler.create());
  }
}
