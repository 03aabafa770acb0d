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
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens: short-lived JWTs (vertx-auth-jwt) that say who the caller is. Claims: {@code sub}
 * (user id), {@code role}, {@code venues}, {@code ver} (the user's access version: changing a user's
 * role, venues, password or disabling them raises it), {@code sid} (the login session, i.e. the
 * refresh-token family) and {@code typ=access}; signed with the configured key ({@link TokenKeys}),
 * checked for signature, algorithm ({@code none} never passes), issuer, audience and expiry, then
 * against the {@link Revocations} every node keeps.
 *
 * <p>Every node verifies; only nodes holding a signing key (the gateway's) issue.
 */
public final class AccessTokens {

  public static final long DEFAULT_TTL_SECONDS = 300;
  static final String TYPE = "access";

  private final JWTAuth verifier;
  private final JWTAuth signer;
  private final JWTOptions signOptions;
  private final long ttlSeconds;
  private final Revocations revocations;

  private AccessTokens(JWTAuth verifier, JWTAuth signer, JWTOptions signOptions, long ttlSeconds, Revocations revocations) {
    this.verifier = verifier;
    this.signer = signer;
    this.signOptions = signOptions;
    this.ttlSeconds = ttlSeconds;
    this.revocations = revocations;
  }

  /**
   * Builds the tokens of a node from its {@code auth} configuration section.
   *
   * @throws IllegalArgumentException when no key is configured, or a key is unusable
   */
  public static AccessTokens create(Vertx vertx, JsonObject auth) {
    TokenKeys keys = TokenKeys.from(auth);
    String issuer = auth.getString("issuer", "booker");
    String audience = auth.getString("audience", "booker");
    long ttl = auth.getLong("access_ttl_seconds", DEFAULT_TTL_SECONDS);
    if (ttl < 15 || ttl > 3600) {
      throw new IllegalArgumentException("auth.access_ttl_seconds must be between 15 and 3600");
    }
    JWTOptions verifyOptions = new JWTOptions().setIssuer(issuer).setAudience(List.of(audience))
      .setLeeway(auth.getInteger("clock_skew_seconds", 5));
    JWTAuth verifier = JWTAuth.create(vertx, new JWTAuthOptions().setPubSecKeys(keys.verifying()).setJWTOptions(verifyOptions));
    JWTAuth signer = null;
    JWTOptions signOptions = null;
    if (keys.signing() != null) {
      // A signer of its own holding one key: with several keys of one algorithm, vertx-auth-jwt
      // would pick any of them to sign.
      signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(keys.signing()));
      signOptions = new JWTOptions().setAlgorithm(keys.signingAlgorithm()).setIssuer(issuer)
        .setAudience(List.of(audience)).setExpiresInSeconds((int) ttl);
    }
    return new AccessTokens(verifier, signer, signOptions, ttl, Revocations.of(vertx, ttl));
  }

  public long ttlSeconds() {
    return ttlSeconds;
  }

  public Revocations revocations() {
    return revocations;
  }

  public boolean canIssue() {
    return signer != null;
  }

  /** A signed access token for {@code caller} in login session {@code sessionId}. */
  public String issue(Caller caller, long accessVersion, String sessionId) {
    if (signer == null) {
      throw new IllegalStateException("this node holds no signing key (auth.jwt_secret or auth.signing_kid)");
    }
    JsonObject claims = new JsonObject()
      .put("sub", caller.userId())
      .put("role", caller.role().wireName())
      .put("venues", new JsonArray(List.copyOf(caller.venueIds())))
      .put("ver", accessVersion)
      .put("sid", sessionId)
      .put("typ", TYPE)
      .put("jti", UUID.randomUUID().toString());
    return signer.generateToken(claims, new JWTOptions(signOptions.toJson()));
  }

  /** Verifies an {@code Authorization} header value ({@code Bearer <token>}). */
  public Future<Verified> verifyHeader(String authorization) {
    String token = bearer(authorization);
    if (token == null) {
      return Future.failedFuture(new ServiceException(ErrorCode.UNAUTHENTICATED,
        authorization == null ? "an access token is required (Authorization: Bearer <token>)" : "the Authorization header must be 'Bearer <token>'"));
    }
    return verify(token);
  }

  /** Verifies a token: signature, issuer, audience, expiry, type and revocation. */
  public Future<Verified> verify(String token) {
    Future<io.vertx.ext.auth.User> user;
    try {
      user = verifier.authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      user = Future.failedFuture(e);
    }
    return user.transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(invalid());
      }
      try {
        Verified v = verified(token, ar.result().principal(), ar.result().attributes());
        if (revocations.revoked(v)) {
          return Future.failedFuture(new ServiceException(ErrorCode.UNAUTHENTICATED,
            "the access token was revoked or the account changed; sign in or refresh"));
        }
        return Future.succeededFuture(v);
      } catch (RuntimeException e) {
        return Future.failedFuture(invalid());
      }
    });
  }

  private static Verified verified(String token, JsonObject claims, JsonObject attributes) {
    if (!TYPE.equals(claims.getString("typ"))) {
      throw new IllegalArgumentException("not an access token");
    }
    String sub = claims.getString("sub");
    String sid = claims.getString("sid");
    if (sub == null || sub.isBlank() || sid == null) {
      throw new IllegalArgumentException("missing sub or sid");
    }
    Role role = Role.parse("role", claims.getString("role"));
    Set<String> venues = new HashSet<>();
    for (Object v : claims.getJsonArray("venues", new JsonArray())) {
      venues.add((String) v);
    }
    return new Verified(token, new Caller(sub, role, venues), sid, claims.getLong("ver", 0L),
      // vertx-auth-jwt moves the time claims into the user's attributes.
      claims.getLong("exp", attributes.getLong("exp", 0L)));
  }

  private static ServiceException invalid() {
    // One answer for every way a token can be bad: a client learns nothing about which check failed.
    return new ServiceException(ErrorCode.UNAUTHENTICATED, "invalid or expired access token");
  }

  /** The token of a {@code Bearer} header value; null when the value is not one. */
  public static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String v = authorization.strip();
    if (v.length() < 8 || !v.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = v.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  /** A verified token and what it says. */
  public record Verified(String token, Caller caller, String sessionId, long accessVersion, long expiresAt) {
  }
}
