package io.booker.gateway.auth;

import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.gateway.auth.domain.NewUser;
import io.booker.gateway.auth.domain.PasswordPolicy;
import io.booker.gateway.auth.domain.User;
import io.booker.gateway.auth.domain.UserChange;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.auth.Revocations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * User accounts: admins create, list, change and reset them; every user reads their own and
 * changes their own password. A change of access (role, venues, password, disabled) raises the
 * user's access version and tells every node, so their older access tokens are refused from the
 * next request on. Every change is logged with who made it, never with a password.
 */
public final class Users {

  private static final Logger log = LoggerFactory.getLogger(Users.class);

  private final Vertx vertx;
  private final IdentityStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Revocations revocations;

  public Users(Vertx vertx, IdentityStore store, PasswordHasher hasher, LoginThrottle throttle, Revocations revocations) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = hasher;
    this.throttle = throttle;
    this.revocations = revocations;
  }

  public Future<User> create(Caller by, NewUser request) {
    by.require(Permission.MANAGE_USERS);
    return hasher.hash(request.password())
      .compose(hash -> {
        Instant now = Instant.now();
        return store.insert(new User(UUID.randomUUID(), request.login(), request.displayName(), hash, request.role(),
          request.venueIds(), false, 1, now, now));
      })
      .onSuccess(u -> log.info("event=user_created user_id={} login={} role={} venues={} by={}", u.id(), u.login(),
        u.role().wireName(), venues(u), by.userId()));
  }

  public Future<IdentityStore.Page> list(Caller by, Paging paging) {
    by.require(Permission.MANAGE_USERS);
    return store.list(paging);
  }

  public Future<User> get(Caller by, UUID id) {
    by.require(Permission.MANAGE_USERS);
    return found(store.findById(id), id);
  }

  /** The caller's own account. */
  public Future<User> me(Caller caller) {
    UUID id = userId(caller);
    return found(store.findById(id), id);
  }

  public Future<User> update(Caller by, UUID id, UserChange change) {
    by.require(Permission.MANAGE_USERS);
    AtomicReference<UserChange.Applied> applied = new AtomicReference<>();
    return found(store.update(id, current -> {
      UserChange.Applied a = change.applyTo(current, by.userId(), Instant.now());
      applied.set(a);
      return new IdentityStore.Write(a.after(), a.disabledNow());
    }), id).compose(user -> {
      UserChange.Applied a = applied.get();
      if (!a.changedFields().isEmpty()) {
        log.info("event=user_updated user_id={} changed={} role={} venues={} disabled={} access_version={} by={}", user.id(),
          String.join(",", a.changedFields()), user.role().wireName(), venues(user), user.disabled(), user.accessVersion(),
          by.userId());
      }
      return a.accessChanged() ? revocations.raiseUserVersion(user.id().toString(), user.accessVersion()).map(user)
        : Future.succeededFuture(user);
    });
  }

  /** An admin sets another password for {@code id}; every session of that user ends. */
  public Future<Void> resetPassword(Caller by, UUID id, String password) {
    by.require(Permission.MANAGE_USERS);
    return found(store.findById(id), id).compose(user -> {
      PasswordPolicy.check("password", password, user.login());
      return hasher.hash(password);
    }).compose(hash -> found(store.setPassword(id, hash, null), id)).compose(user -> {
      log.info("event=password_reset user_id={} access_version={} by={} sessions=ended", user.id(), user.accessVersion(), by.userId());
      return revocations.raiseUserVersion(user.id().toString(), user.accessVersion());
    });
  }

  /**
   * The caller changes their own password, proving they know the current one (checked like a
   * sign-in, throttled like one). Their other sessions end; this one goes on, and its next refresh
   * gives an access token of the new version (the current access token ends with the others).
   */
  public Future<Void> changeOwnPassword(AccessTokens.Verified caller, String currentPassword, String newPassword, String address) {
    if (currentPassword == null || currentPassword.isEmpty()) {
      return Future.failedFuture(ServiceException.invalid("current_password", "is required"));
    }
    UUID id = userId(caller.caller());
    return found(store.findById(id), id).compose(user -> {
      PasswordPolicy.check("new_password", newPassword, user.login());
      return throttle.attempt(user.login(), address).compose(verdict -> {
        if (verdict.refused()) {
          return Future.failedFuture(new LoginLocked(verdict.retryAfterSeconds()));
        }
        Future<Void> waited = verdict.delayMs() > 0 ? vertx.timer(verdict.delayMs()).mapEmpty() : Future.succeededFuture();
        return waited.compose(v -> hasher.verify(currentPassword, user.passwordHash()));
      }).compose(ok -> {
        if (!ok) {
          log.info("event=password_change_refused user_id={} reason=wrong_current_password", user.id());
          return Future.failedFuture(ServiceException.invalid("current_password", "does not match"));
        }
        if (currentPassword.equals(newPassword)) {
          return Future.failedFuture(ServiceException.invalid("new_password", "must differ from the current password"));
        }
        return throttle.succeeded(user.login(), address).compose(v -> hasher.hash(newPassword));
      });
    }).compose(hash -> found(store.setPassword(id, hash, session(caller.sessionId())), id)).compose(user -> {
      log.info("event=password_changed user_id={} access_version={} kept_sid={} other_sessions=ended", user.id(),
        user.accessVersion(), caller.sessionId());
      return revocations.raiseUserVersion(user.id().toString(), user.accessVersion());
    });
  }

  /** A user's venues as one log value: comma-separated, no spaces; "-" for none. */
  private static String venues(User user) {
    return user.venueIds().isEmpty() ? "-" : user.venueIds().stream().map(UUID::toString).collect(Collectors.joining(","));
  }

  private static Future<User> found(Future<Optional<User>> user, UUID id) {
    return user.compose(u -> u.isPresent() ? Future.succeededFuture(u.get())
      : Future.failedFuture(ServiceException.notFound("user", id.toString())));
  }

  private static UUID userId(Caller caller) {
    try {
      return UUID.fromString(caller.userId());
    } catch (IllegalArgumentException e) {
      throw ServiceException.notFound("user", caller.userId());
    }
  }

  private static UUID session(String sid) {
    try {
      return UUID.fromString(sid);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
