package io.booker.gateway.auth;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Role;
import io.booker.gateway.auth.domain.User;
import io.booker.platform.auth.AccessTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The identity use cases' surroundings for unit tests: in-memory store and throttle, the real
 * password hasher (Argon2id on its worker pool) and real access tokens with their revocations on
 * one Vert.x instance.
 */
final class AuthFixture {

  static final String PASSWORD = "correct horse battery";
  static final UUID VENUE = UUID.fromString("40000000-0000-4000-8000-000000000001");

  final Vertx vertx;
  final PasswordHasher hasher;
  final AccessTokens tokens;
  final IdentitySettings settings = IdentitySettings.from(new JsonObject());
  final FakeIdentityStore store = new FakeIdentityStore();
  final FakeLoginThrottle throttle = new FakeLoginThrottle();
  private final String passwordHash;

  AuthFixture(Vertx vertx, PasswordHasher hasher, String passwordHash) {
    this.vertx = vertx;
    this.hasher = hasher;
    this.passwordHash = passwordHash;
    this.tokens = AccessTokens.create(vertx, new JsonObject().put("jwt_secret", "a-secret-for-the-identity-use-case-tests-0123456789"));
  }

  /** A user of {@code role} whose password is {@link #PASSWORD}, in the store. */
  User user(String login, Role role) {
    Instant now = Instant.now();
    return store.add(new User(UUID.randomUUID(), login, login, passwordHash, role, role == Role.ADMIN ? List.of() : List.of(VENUE), false, 1,
      now, now));
  }

  /** The same user with {@code change} applied in the store (an admin's change made elsewhere). */
  User replace(User u, Role role, boolean disabled, long accessVersion) {
    return store.add(new User(u.id(), u.login(), u.displayName(), u.passwordHash(), role, role == Role.ADMIN ? List.of() : u.venueIds(),
      disabled, accessVersion, u.createdAt(), Instant.now()));
  }

  /** An access token of {@code user} in session {@code sid}, verified. */
  AccessTokens.Verified verified(User user, UUID sid) {
    return value(tokens.verify(tokens.issue(user.caller(), user.accessVersion(), sid.toString())));
  }

  /** Whether the access token is still accepted. */
  boolean accepted(String accessToken) {
    return outcome(tokens.verify(accessToken)) == null;
  }

  static <T> T value(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return fail("expected success, got " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      return fail(e);
    }
  }

  /** The failure of {@code f}, or null when it succeeded. */
  static Throwable outcome(Future<?> f) {
    try {
      f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      return fail(e);
    }
  }

  /** The ServiceException {@code f} failed with, checked to be of {@code code}. */
  static ServiceException failed(ErrorCode code, Future<?> f) {
    Throwable t = outcome(f);
    ServiceException e = assertInstanceOf(ServiceException.class, t, "expected a failure with " + code);
    assertEquals(code, e.code(), e::getMessage);
    return e;
  }
}
