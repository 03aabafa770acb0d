package io.booker.platform.web;

import io.booker.common.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of a router: refuses request targets the router would normalise onto another
 * route or could not decode (see {@link RequestTarget}) with a 400, and serves {@code HEAD} as the
 * {@code GET} of the same target (Vert.x sends the headers of a HEAD answer without its body).
 */
public final class RequestTargetCheck implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    String problem = RequestTarget.problem(ctx.request().path(), ctx.request().query());
    if (problem != null) {
      Problems.send(ctx, ErrorCode.INVALID_ARGUMENT, problem);
      return;
    }
    if (ctx.request().method() == HttpMethod.HEAD) {
      ctx.reroute(HttpMethod.GET, ctx.request().uri());
      return;
    }
    ctx.next();
  }
}
