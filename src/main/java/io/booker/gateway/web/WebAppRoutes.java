package io.booker.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.Set;

/**
 * The staff web app: {@code GET /} is its page, {@code GET /app/*} its modules, styles and icons, all
 * read from the classpath folder {@code webapp} (inside the jar). It is a client of the public REST and
 * WebSocket API like any other, so these routes are not API operations: {@link #PATHS} names them for
 * the API descriptor, which leaves them out. Answers are revalidated on every load ({@code no-cache}) so
 * a new deployment is picked up at once; the files are small and the app is used on the venue's network.
 */
public final class WebAppRoutes {

  /** The path templates of the app's routes, as {@link io.booker.platform.web.RouteTable} spells them. */
  public static final Set<String> PATHS = Set.of("/", "/app");

  private WebAppRoutes() {
  }

  public static void mount(Router router) {
    router.get("/").handler(WebAppRoutes::revalidate).handler(files("webapp").setIndexPage("index.html"));
    // A prefix route's handler sees the path below the prefix: /app/main.js is webapp/app/main.js.
    router.get("/app/*").handler(WebAppRoutes::revalidate).handler(files("webapp/app"));
  }

  private static StaticHandler files(String root) {
    return StaticHandler.create(root)
      .setCachingEnabled(false)
      .setDirectoryListing(false)
      .setIncludeHidden(false)
      .setDefaultContentEncoding("UTF-8");
  }

  private static void revalidate(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    ctx.next();
  }
}
