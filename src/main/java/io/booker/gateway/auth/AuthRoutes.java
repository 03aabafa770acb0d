package io.booker.gateway.auth;

import io.booker.gateway.Rest;
import io.booker.platform.auth.AccessTokens;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /auth/*}: sign-in, refresh and logout (public: mounted before {@link CallerAuthentication}),
 * then the caller's own account ({@code me}, {@code password}). Answers that carry tokens are never
 * cached ({@code Cache-Control: no-store}, RFC 6749 §5.1); a throttled sign-in says when to retry
 * ({@code Retry-After}).
 */
public final class AuthRoutes {

  private final Sessions sessions;
  private final Users users;
  private final AccessTokens tokens;

  public AuthRoutes(Sessions sessions, Users users, AccessTokens tokens) {
    this.sessions = sessions;
    this.users = users;
    this.tokens = tokens;
  }

  /** The routes a caller without an access token uses. */
  public void mountPublic(Router api, Handler<RoutingContext> validate) {
    api.post("/auth/login").handler(validate).handler(this::login);
    api.post("/auth/refresh").handler(validate).handler(this::refresh);
    api.post("/auth/logout").handler(validate).handler(this::logout);
  }

  /** The routes of an authenticated caller's own account. */
  public void mount(Router api, Handler<RoutingContext> validate) {
    api.get("/auth/me").handler(validate).handler(ctx -> Rest.reply(ctx, 200, users.me(CallerAuthentication.verified(ctx).caller()), UserJson::toJson));
    api.post("/auth/password").handler(validate).handler(this::changePassword);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Rest.body(ctx);
    String login = UserJson.required(body, "login");
    String password = UserJson.required(body, "password");
    tokenReply(ctx, sessions.login(login, password, clientAddress(ctx)));
  }

  private void refresh(RoutingContext ctx) {
    String token = UserJson.required(Rest.body(ctx), "refresh_token");
    tokenReply(ctx, sessions.refresh(token));
  }

  private void logout(RoutingContext ctx) {
    String refreshToken = UserJson.string(Rest.body(ctx), "refresh_token");
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    // A logout with an access token that no longer verifies still ends the refresh token's session.
    Future<AccessTokens.Verified> caller = authorization == null ? Future.succeededFuture()
      : tokens.verifyHeader(authorization).otherwise((AccessTokens.Verified) null);
    Rest.reply(ctx, 204, caller.compose(c -> sessions.logout(refreshToken, c)), v -> new JsonObject());
  }

  private void changePassword(RoutingContext ctx) {
    JsonObject body = Rest.body(ctx);
    String current = UserJson.string(body, "current_password");
    String next = UserJson.string(body, "new_password");
    Rest.reply(ctx, 204, users.changeOwnPassword(CallerAuthentication.verified(ctx), current, next, clientAddress(ctx)),
      v -> new JsonObject());
  }

  private static void tokenReply(RoutingContext ctx, Future<Sessions.TokenPair> pair) {
    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader("Pragma", "no-cache");
    Future<Sessions.TokenPair> answered = pair.andThen(ar -> {
      if (ar.failed() && ar.cause() instanceof LoginLocked locked) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
      }
    });
    Rest.reply(ctx, 200, answered, p -> new JsonObject()
      .put("access_token", p.accessToken())
      .put("refresh_token", p.refreshToken())
      .put("token_type", "Bearer")
      .put("expires_in", p.expiresIn()));
  }

  /** The TCP peer: what the per-address throttle counts (a proxy in front makes every client one address). */
  static String clientAddress(RoutingContext ctx) {
    var remote = ctx.request().remoteAddress();
    return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
  }
}
