package io.booker.testinfra;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.platform.auth.AccessTokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.UUID;

/**
 * Access tokens for tests, signed with the secret every test node is configured with, for callers
 * that talk to services directly (gRPC, event bus) without going through a login.
 */
public final class TestTokens {

  /** The HS256 secret of every node started by the tests. */
  public static final String SECRET = "test-secret-of-booker-nodes-0123456789abcdef";
  /** The user id of {@link #admin()}. */
  public static final String ADMIN_ID = "00000000-0000-4000-8000-00000000a001";
  /** The first admin every test node creates ({@link #bootstrapAdmin()}), for tests that sign in for real. */
  public static final String ADMIN_LOGIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-password-0123";

  private static AccessTokens tokens;

  private TestTokens() {
  }

  /** The {@code auth} config section of test nodes. */
  public static JsonObject authConfig() {
    return new JsonObject().put("jwt_secret", SECRET);
  }

  /** The {@code auth.bootstrap_admin} section of test nodes: {@link #ADMIN_LOGIN} / {@link #ADMIN_PASSWORD}. */
  public static JsonObject bootstrapAdmin() {
    return new JsonObject().put("login", ADMIN_LOGIN).put("password", ADMIN_PASSWORD).put("display_name", "Test Admin");
  }

  /** {@code Bearer <token>} of an admin. */
  public static String admin() {
    return bearer(new Caller(ADMIN_ID, Role.ADMIN, Set.of()));
  }

  /** {@code Bearer <token>} of {@code caller}, in a session of its own. */
  public static String bearer(Caller caller) {
    return "Bearer " + tokens().issue(caller, 0, UUID.randomUUID().toString());
  }

  private static synchronized AccessTokens tokens() {
    if (tokens == null) {
      tokens = AccessTokens.create(Vertx.vertx(), authConfig());
    }
    return tokens;
  }
}
