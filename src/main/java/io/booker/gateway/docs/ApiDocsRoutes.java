package io.booker.gateway.docs;

import io.booker.gateway.web.WebAppRoutes;
import io.booker.platform.web.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public description of the API, without authentication: {@code GET /api} (the original's
 * service descriptor, listing the routes the router really serves), {@code /api/openapi.yaml},
 * {@code /api/openapi.json} and the offline docs page {@code /api/docs}. The documents are read once,
 * on a worker thread, when the routes are mounted. They change only with a deployment, so answers
 * carry an ETag and {@code Cache-Control: no-cache} (revalidate, then 304).
 */
public final class ApiDocsRoutes {

  private static final Logger log = LoggerFactory.getLogger(ApiDocsRoutes.class);

  private final Router router;
  private final Future<ApiPages> pages;
  private volatile Buffer descriptor;

  private ApiDocsRoutes(Router router, Future<ApiPages> pages) {
    this.router = router;
    this.pages = pages;
  }

  /** Mounts the routes on {@code router}; its other routes may be added later (the descriptor reads them on first use). */
  public static void mount(Vertx vertx, Router router) {
    Future<ApiPages> pages = vertx.executeBlocking(ApiPages::load, false)
      .onFailure(t -> log.error("event=api_docs_unreadable error={}", t.toString()));
    ApiDocsRoutes routes = new ApiDocsRoutes(router, pages);
    router.get("/api").handler(routes::descriptor);
    router.get("/api/openapi.yaml").handler(ctx -> routes.send(ctx, p -> p.yaml()));
    router.get("/api/openapi.json").handler(ctx -> routes.send(ctx, p -> p.json()));
    router.get("/api/docs").handler(ctx -> routes.send(ctx, p -> p.docs()));
  }

  private void send(RoutingContext ctx, java.util.function.Function<ApiPages, ApiPages.Page> which) {
    pages.onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ApiPages.Page page = which.apply(ar.result());
      page.headers().forEach(ctx.response()::putHeader);
      ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").putHeader(HttpHeaders.ETAG, page.etag());
      if (page.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
        ctx.response().setStatusCode(304).end();
      } else {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, page.contentType()).end(page.body());
      }
    });
  }

  private void descriptor(RoutingContext ctx) {
    if (descriptor == null) {
      JsonArray routes = new JsonArray();
      RouteTable.of(router).stream().filter(op -> !WebAppRoutes.PATHS.contains(op.path()))
        .forEach(op -> routes.add(new JsonObject().put("method", op.method()).put("path", op.path())));
      descriptor = new JsonObject()
        .put("name", "booker")
        .put("description", "Restaurant table booking")
        .put("api_version", "v1")
        .put("base_path", "/api/v1")
        .put("openapi", "/api/openapi.yaml")
        .put("docs", "/api/docs")
        .put("routes", routes)
        .toBuffer();
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
      .end(descriptor);
  }
}
