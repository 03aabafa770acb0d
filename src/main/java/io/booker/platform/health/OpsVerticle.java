package io.booker.platform.health;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.booker.platform.web.AllowedMethods;
import io.booker.platform.web.EdgeErrors;
import io.booker.platform.web.HttpEdge;
import io.booker.platform.web.HttpEdgeSettings;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health and metrics on a node that has no gateway (a core or notify node): a small HTTP server on
 * {@code ops.host:ops.port} (127.0.0.1:9100 unless configured). Gateway nodes serve the same routes
 * on their API port.
 */
public final class OpsVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OpsVerticle.class);

  private ReadinessChecks readiness;

  @Override
  public Future<?> start() {
    JsonObject ops = config().getJsonObject("ops", new JsonObject());
    int port = ops.getInteger("port", 9100);
    // Loopback unless configured wider (ops.host, BOOKER_OPS_HOST), like the API ports.
    String host = ops.getString("host", "127.0.0.1");
    readiness = new ReadinessChecks(vertx, config());
    Router router = Router.router(vertx);
    HttpEdgeSettings edge = HttpEdgeSettings.from(ops);
    HttpEdge.front(router, edge);
    OpsRoutes.mount(vertx, router, readiness);
    EdgeErrors.install(router, new AllowedMethods().add("", router), edge.maxBodyBytes());
    return HttpEdge.server(vertx, edge, router).listen(port, host)
      .onSuccess(s -> log.info("event=ops_listening host={} port={}", host, s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    if (readiness != null) {
      readiness.close();
    }
    return Future.succeededFuture();
  }
}
