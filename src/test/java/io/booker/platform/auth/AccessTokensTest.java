package io.booker.platform.auth;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.*;

/** Access tokens: what verifies, and every kind of token that must not. */
class AccessTokensTest {

  static final String SECRET = "a-secret-for-access-token-tests-0123456789";
  static final Caller HOST = new Caller("u-1", Role.HOST, Set.of("venue-a"));
  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  static AccessTokens hs(String secret) {
    return AccessTokens.create(vertx, new JsonObject().put("jwt_secret", secret));
  }

  static ServiceException refused(Future<?> f) {
    CompletionException e = assertThrows(CompletionException.class, () -> f.toCompletionStage().toCompletableFuture().join());
    ServiceException se = assertInstanceOf(ServiceException.class, e.getCause());
    assertEquals(ErrorCode.UNAUTHENTICATED, se.code());
    return se;
  }

  @Test
  void anIssuedTokenVerifiesAndSaysWhoCalls() {
    AccessTokens tokens = hs(SECRET);
    String token = tokens.issue(HOST, 7, "session-1");
    AccessTokens.Verified v = tokens.verifyHeader("Bearer " + token).await();
    assertEquals(HOST, v.caller());
    assertEquals("session-1", v.sessionId());
    assertEquals(7, v.accessVersion());
    long now = System.currentTimeMillis() / 1000;
    assertTrue(v.expiresAt() > now && v.expiresAt() <= now + tokens.ttlSeconds() + 1, () -> "exp " + v.expiresAt());
  }

  @Test
  void everyBadTokenGetsTheSameAnswer() {
    AccessTokens tokens = hs(SECRET);
    String good = tokens.issue(HOST, 0, "s");
    String[] parts = good.split("\\.");
    JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));

    String otherSecret = hs("another-secret-for-access-token-tests-987654").issue(HOST, 0, "s");
    String tampered = parts[0] + "." + b64(payload.copy().put("role", "admin").encode()) + "." + parts[2];
    String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    String expired = sign(SECRET, payload.copy().put("exp", System.currentTimeMillis() / 1000 - 120).put("iat", 0), new JWTOptions());
    String wrongAudience = sign(SECRET, payload.copy().remove("aud") == null ? payload : payload.copy().put("aud", "someone-else"), new JWTOptions());
    String notAccess = sign(SECRET, payload.copy().put("typ", "refresh"), new JWTOptions());
    String noSubject = sign(SECRET, payload.copy().put("sub", ""), new JWTOptions());
    String badRole = sign(SECRET, payload.copy().put("role", "root"), new JWTOptions());
    String opaqueRefresh = "kT3q0cA1rN6mVb8y2Zx5Wd7Ee9Fg0Hh1Ij2Kk3Ll4Mm";

    String message = null;
    for (String bad : List.of(otherSecret, tampered, algNone, expired, wrongAudience, notAccess, noSubject, badRole, opaqueRefresh, "x")) {
      ServiceException e = refused(tokens.verify(bad));
      if (message != null) {
        assertEquals(message, e.getMessage(), "one answer for every bad token");
      }
      message = e.getMessage();
    }
  }

  @Test
  void theHeaderMustBeABearerToken() {
    AccessTokens tokens = hs(SECRET);
    String token = tokens.issue(HOST, 0, "s");
    refused(tokens.verifyHeader(null));
    refused(tokens.verifyHeader("Basic " + token));
    refused(tokens.verifyHeader("Bearer"));
    refused(tokens.verifyHeader("Bearer   "));
    assertEquals(HOST, tokens.verifyHeader("bearer " + token).await().caller());
  }

  @Test
  void revocationsRefuseOlderVersionsAndRevokedSessionsAtOnce() {
    AccessTokens tokens = hs(SECRET);
    // Revocations are shared by the whole Vert.x instance: users of their own.
    Caller revoked = new Caller("u-revoked", Role.HOST, Set.of("venue-a"));
    Caller other = new Caller("u-2", Role.MANAGER, Set.of("venue-a"));
    String v1 = tokens.issue(revoked, 1, "s-1");
    String v2 = tokens.issue(revoked, 2, "s-2");
    String someoneElse = tokens.issue(other, 1, "s-3");
    tokens.revocations().raiseUserVersion(revoked.userId(), 2).await();
    refused(tokens.verify(v1));
    assertEquals(revoked, tokens.verify(v2).await().caller());
    assertEquals(other, tokens.verify(someoneElse).await().caller());

    tokens.revocations().revokeSession("s-2").await();
    refused(tokens.verify(v2));
    assertEquals(other, tokens.verify(someoneElse).await().caller());
  }

  @Test
  void asymmetricKeysVerifyWithThePublicKeyOnlyAndRotateByKid() throws Exception {
    KeyPair k1 = ec();
    KeyPair k2 = ec();
    JsonObject signer1 = new JsonObject().put("signing_kid", "k1").put("jwt_keys", new JsonArray()
      .add(key("k1", k1, true)));
    JsonObject signer2 = new JsonObject().put("signing_kid", "k2").put("jwt_keys", new JsonArray()
      .add(key("k1", k1, false)).add(key("k2", k2, true)));
    JsonObject verifierOnly = new JsonObject().put("jwt_keys", new JsonArray().add(key("k1", k1, false)).add(key("k2", k2, false)));

    AccessTokens before = AccessTokens.create(vertx, signer1);
    AccessTokens after = AccessTokens.create(vertx, signer2);
    AccessTokens verifier = AccessTokens.create(vertx, verifierOnly);
    assertFalse(verifier.canIssue());

    String old = before.issue(HOST, 0, "s");
    String fresh = after.issue(HOST, 0, "s");
    JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(fresh.split("\\.")[0]), StandardCharsets.UTF_8));
    assertEquals("ES256", header.getString("alg"));
    assertEquals(HOST, verifier.verify(old).await().caller(), "a token of the previous key still verifies");
    assertEquals(HOST, verifier.verify(fresh).await().caller());

    // A stranger's key under a known kid, and an HS256 token signed with nothing the verifier holds.
    AccessTokens stranger = AccessTokens.create(vertx, new JsonObject().put("signing_kid", "k2")
      .put("jwt_keys", new JsonArray().add(key("k2", ec(), true))));
    refused(verifier.verify(stranger.issue(HOST, 0, "s")));
    refused(verifier.verify(hs(SECRET).issue(HOST, 0, "s")));
  }

  @Test
  void keysAreReadFromPemFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    KeyPair pair = ec();
    java.nio.file.Path pub = java.nio.file.Files.writeString(dir.resolve("k1.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    java.nio.file.Path key = java.nio.file.Files.writeString(dir.resolve("k1.key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    AccessTokens gateway = AccessTokens.create(vertx, new JsonObject().put("signing_kid", "k1").put("jwt_keys", new JsonArray()
      .add(new JsonObject().put("kid", "k1").put("algorithm", "ES256").put("public_key_file", pub.toString()).put("private_key_file", key.toString()))));
    AccessTokens service = AccessTokens.create(vertx, new JsonObject().put("jwt_keys", new JsonArray()
      .add(new JsonObject().put("kid", "k1").put("algorithm", "ES256").put("public_key_file", pub.toString()))));
    assertEquals(HOST, service.verify(gateway.issue(HOST, 0, "s")).await().caller());
    assertThrows(IllegalArgumentException.class, () -> AccessTokens.create(vertx, new JsonObject().put("jwt_keys", new JsonArray()
      .add(new JsonObject().put("kid", "k1").put("algorithm", "ES256").put("public_key_file", dir.resolve("missing.pub").toString())))));
  }

  @Test
  void unusableConfigurationsStopTheNode() {
    assertThrows(IllegalArgumentException.class, () -> AccessTokens.create(vertx, new JsonObject()));
    assertThrows(IllegalArgumentException.class, () -> hs("short"));
    assertThrows(IllegalArgumentException.class, () -> AccessTokens.create(vertx,
      new JsonObject().put("jwt_secret", SECRET).put("signing_kid", "nope")));
    assertThrows(IllegalArgumentException.class, () -> AccessTokens.create(vertx,
      new JsonObject().put("jwt_secret", SECRET).put("access_ttl_seconds", 86_400)));
    assertThrows(IllegalArgumentException.class, () -> AccessTokens.create(vertx,
      new JsonObject().put("jwt_secret", SECRET).put("access_ttl_seconds", 14)));
    assertEquals(15, AccessTokens.create(vertx, new JsonObject().put("jwt_secret", SECRET).put("access_ttl_seconds", 15)).ttlSeconds());
    assertThrows(IllegalArgumentException.class, () -> AccessTokens.create(vertx, new JsonObject()
      .put("jwt_keys", new JsonArray().add(new JsonObject().put("kid", "k").put("algorithm", "HS256").put("public_key", "x")))));
  }

  private static String sign(String secret, JsonObject claims, JWTOptions options) {
    JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    return auth.generateToken(claims, options.setNoTimestamp(true));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static JsonObject key(String kid, KeyPair pair, boolean withPrivate) {
    JsonObject k = new JsonObject().put("kid", kid).put("algorithm", "ES256")
      .put("public_key", pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    if (withPrivate) {
      k.put("private_key", pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }
    return k;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
      + "\n-----END " + type + "-----\n";
  }
}
