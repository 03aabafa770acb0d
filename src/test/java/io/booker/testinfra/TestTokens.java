package io.booker.testinfra;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.platform.auth.AccessTokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private static Vertx vertx;
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

  /**
   * Authorization values that must all be refused, by name: none, not a Bearer value, garbage,
   * expired, signed with another key, {@code alg: none}, a payload edited after signing.
   */
  public static Map<String, String> refusedAuthorizations() {
    String good = tokens().issue(new Caller(ADMIN_ID, Role.ADMIN, Set.of()), 0, UUID.randomUUID().toString());
    String[] parts = good.split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    long now = System.currentTimeMillis() / 1000;
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("no token", null);
    bad.put("not bearer", "Basic YWRtaW46YWRtaW4=");
    bad.put("malformed", "Bearer not.a.jwt");
    bad.put("expired", "Bearer " + hs256(SECRET).generateToken(claims.copy().put("iat", now - 900).put("exp", now - 600),
      new JWTOptions().setNoTimestamp(true)));
    bad.put("wrong signature", "Bearer " + hs256("not-the-secret-of-booker-test-nodes-0123456789")
      .generateToken(claims.copy(), new JWTOptions().setNoTimestamp(true)));
    bad.put("alg none", "Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    bad.put("tampered", "Bearer " + parts[0] + "." + b64(claims.copy().put("sub", "someone-else").encode()) + "." + parts[2]);
    return bad;
  }

  /** {@code Bearer <token>} of {@code caller} that expires {@code seconds} from now (shorter than any configurable TTL). */
  public static String bearerExpiringIn(Caller caller, long seconds) {
    String good = tokens().issue(caller, 0, UUID.randomUUID().toString());
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(good.split("\\.")[1]), StandardCharsets.UTF_8));
    long now = System.currentTimeMillis() / 1000;
    return "Bearer " + hs256(SECRET).generateToken(claims.put("iat", now).put("exp", now + seconds), new JWTOptions().setNoTimestamp(true));
  }

  private static JWTAuth hs256(String secret) {
    tokens();
    return JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static synchronized AccessTokens tokens() {
    if (tokens == null) {
      vertx = Vertx.vertx();
      tokens = AccessTokens.create(vertx, authConfig());
    }
    return tokens;
  }
}
