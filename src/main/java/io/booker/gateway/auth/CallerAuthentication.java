package io.booker.gateway.auth;

import io.booker.common.ServiceException;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.rpc.CallContext;
import io.booker.platform.web.Problems;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates every API request by its {@code Authorization: Bearer <access token>} header and
 * attaches the verified caller to the request's context ({@link CallContext}), from where every
 * service call made for the request forwards it. A request without a valid token is a 401 with
 * {@code WWW-Authenticate: Bearer}; the answer never says which check failed.
 */
public final class CallerAuthentication implements Handler<RoutingContext> {

  private static final String CALLER = "booker.caller";

  private final AccessTokens tokens;

  public CallerAuthentication(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    tokens.verifyHeader(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"booker\"");
        Problems.send(ctx, (ServiceException) ar.cause());
        return;
      }
      ctx.put(CALLER, ar.result());
      CallContext.attachCaller(ar.result());
      ctx.next();
    });
  }

  /** The verified caller of an authenticated request. */
  public static AccessTokens.Verified verified(RoutingContext ctx) {
    AccessTokens.Verified v = ctx.get(CALLER);
    if (v == null) {
      throw new IllegalStateException("route is not behind CallerAuthentication");
    }
    return v;
  }
}
