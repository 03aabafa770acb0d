package io.booker.platform.health;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health and metrics on a node that has no gateway (a core or notify node): a small HTTP server on
 * {@code ops.port}. Gateway nodes serve the same routes on their API port.
 */
public final class OpsVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OpsVerticle.class);

  private ReadinessChecks readiness;

  @Override
  public Future<?> start() {
    int port = config().getJsonObject("ops", new io.vertx.core.json.JsonObject()).getInteger("port", 9100);
    String host = config().getJsonObject("ops", new io.vertx.core.json.JsonObject()).getString("host", "0.0.0.0");
    readiness = new ReadinessChecks(vertx, config());
    Router router = Router.router(vertx);
    OpsRoutes.mount(router, readiness);
    return vertx.createHttpServer().requestHandler(router).listen(port, host)
      .onSuccess(s -> log.info("event=ops_listening port={}", s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    if (readiness != null) {
      readiness.close();
    }
    return Future.succeededFuture();
  }
}
