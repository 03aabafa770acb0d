package io.booker.gateway.auth;

import io.booker.common.ServiceException;
import io.booker.gateway.auth.domain.NewUser;
import io.booker.gateway.auth.domain.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.UUID;

/**
 * The first admin, from {@code auth.bootstrap_admin} ({@code login} (default {@code admin}),
 * {@code password}, {@code display_name}; or {@code BOOKER_ADMIN_LOGIN} / {@code BOOKER_ADMIN_PASSWORD}),
 * created at start only while there is no user at all. Later starts leave users alone, so the
 * configured password is a first password, not a standing one: change it after the first sign-in.
 */
public final class BootstrapAdmin {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

  private BootstrapAdmin() {
  }

  /** Creates the configured first admin if there is no user; warns if there is neither. Fails on an unusable configuration. */
  public static Future<Void> ensure(IdentityStore store, PasswordHasher hasher, JsonObject auth) {
    JsonObject cfg = auth.getJsonObject("bootstrap_admin", new JsonObject());
    String password = cfg.getString("password");
    if (password == null || password.isEmpty()) {
      return store.hasUsers().map(any -> {
        if (!any) {
          log.warn("event=no_users (nobody can sign in: set BOOKER_ADMIN_LOGIN and BOOKER_ADMIN_PASSWORD, or "
            + "auth.bootstrap_admin {login, password}, to create the first admin at the next start)");
        }
        return null;
      });
    }
    NewUser admin;
    try {
      admin = NewUser.firstAdmin(cfg.getString("login", "admin"), cfg.getString("display_name", "Administrator"), password);
    } catch (ServiceException e) {
      // The message names the field and the rule, never the value.
      return Future.failedFuture(new IllegalArgumentException("auth.bootstrap_admin is not usable: " + e.getMessage()));
    }
    return store.hasUsers().compose(any -> {
      if (any) {
        return Future.succeededFuture();
      }
      return hasher.hash(admin.password()).compose(hash -> {
        Instant now = Instant.now();
        User user = new User(UUID.randomUUID(), admin.login(), admin.displayName(), hash, admin.role(), admin.venueIds(), false, 1, now, now);
        return store.insertFirstUser(user).map(created -> {
          if (created) {
            log.info("event=bootstrap_admin_created user_id={} login={}", user.id(), user.login());
          }
          return null;
        });
      });
    });
  }
}
