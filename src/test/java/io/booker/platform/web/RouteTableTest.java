package io.booker.platform.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What {@link RouteTable} reads from a router: operations in sub-routers, and nothing that could hide. */
class RouteTableTest {

  static Vertx vertx;

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  @Test
  void listsEveryMethodOfEveryPathIncludingSubRoutersWithOpenApiParameters() {
    Router root = Router.router(vertx);
    root.route().handler(ctx -> ctx.next()); // a middleware: not an operation
    root.get("/health/live").handler(ctx -> ctx.end());
    Router api = Router.router(vertx);
    api.route().handler(ctx -> ctx.next());
    api.get("/venues/:id").handler(ctx -> ctx.end());
    api.put("/venues/:id").handler(ctx -> ctx.end());
    api.delete("/venues/:venueId/special-hours/:date").handler(ctx -> ctx.end());
    root.route("/api/v1/*").subRouter(api);

    assertEquals(List.of(
      new RouteTable.Operation("GET", "/api/v1/venues/{id}"),
      new RouteTable.Operation("PUT", "/api/v1/venues/{id}"),
      new RouteTable.Operation("DELETE", "/api/v1/venues/{venueId}/special-hours/{date}"),
      new RouteTable.Operation("GET", "/health/live")), RouteTable.of(root));
  }

  @Test
  void aRouteForAnyMethodOrOfItsOwnRegexIsListedSoThatItCannotHide() {
    Router root = Router.router(vertx);
    root.route("/anything").handler(ctx -> ctx.end());
    root.getWithRegex("/files/.*").handler(ctx -> ctx.end());

    List<String> ops = RouteTable.of(root).stream().map(RouteTable.Operation::toString).toList();
    assertTrue(ops.contains("* /anything"), ops::toString);
    assertTrue(ops.stream().anyMatch(o -> o.startsWith("[GET] regex:")), ops::toString);
  }
}
