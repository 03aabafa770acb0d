package io.booker.gateway.auth;

import io.booker.common.Paging;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.gateway.Rest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /users} (admins only) and the original's {@code POST /auth/register}, which is the same
 * as {@code POST /users}: there is no open self-registration. The caller's role is checked before
 * the request is read, so a caller who may not manage users learns nothing from validation errors.
 */
public final class UserRoutes {

  private final Users users;

  public UserRoutes(Users users) {
    this.users = users;
  }

  public void mount(Router api, Handler<RoutingContext> validate) {
    // Every route here is an admin's: the role is checked before the request's shape is.
    Handler<RoutingContext> manageUsers = RouteAccess.requires(Permission.MANAGE_USERS);
    api.post("/users").handler(manageUsers).handler(validate).handler(this::create);
    api.post("/auth/register").handler(manageUsers).handler(validate).handler(this::create);
    api.get("/users").handler(manageUsers).handler(validate).handler(ctx -> {
      Caller by = admin(ctx);
      Paging paging = Paging.of(Rest.limit(ctx), Rest.queryInt(ctx, "offset"));
      Rest.reply(ctx, 200, users.list(by, paging), page -> {
        JsonArray items = new JsonArray();
        page.users().forEach(u -> items.add(UserJson.toJson(u)));
        return new JsonObject().put("users", items).put("total", page.total());
      });
    });
    api.get("/users/:id").handler(manageUsers).handler(validate).handler(ctx -> {
      Caller by = admin(ctx);
      Rest.reply(ctx, 200, users.get(by, UserJson.id(ctx.pathParam("id"))), UserJson::toJson);
    });
    api.put("/users/:id").handler(manageUsers).handler(validate).handler(ctx -> {
      Caller by = admin(ctx);
      Rest.reply(ctx, 200, users.update(by, UserJson.id(ctx.pathParam("id")), UserJson.change(Rest.body(ctx))), UserJson::toJson);
    });
    api.post("/users/:id/password").handler(manageUsers).handler(validate).handler(ctx -> {
      Caller by = admin(ctx);
      String password = UserJson.string(Rest.body(ctx), "password");
      Rest.reply(ctx, 204, users.resetPassword(by, UserJson.id(ctx.pathParam("id")), password), v -> new JsonObject());
    });
  }

  private void create(RoutingContext ctx) {
    Caller by = admin(ctx);
    Rest.reply(ctx, 201, users.create(by, UserJson.newUser(Rest.body(ctx))), UserJson::toJson);
  }

  private static Caller admin(RoutingContext ctx) {
    Caller by = CallerAuthentication.verified(ctx).caller();
    by.require(Permission.MANAGE_USERS);
    return by;
  }
}
