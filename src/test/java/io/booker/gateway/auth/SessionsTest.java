package io.booker.gateway.auth;

import io.booker.common.ErrorCode;
import io.booker.common.access.Role;
import io.booker.gateway.auth.FakeIdentityStore.StartedSession;
import io.booker.gateway.auth.domain.ThrottlePolicy;
import io.booker.gateway.auth.domain.User;
import io.booker.platform.auth.AccessTokens;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static io.booker.gateway.auth.AuthFixture.PASSWORD;
import static io.booker.gateway.auth.AuthFixture.failed;
import static io.booker.gateway.auth.AuthFixture.outcome;
import static io.booker.gateway.auth.AuthFixture.value;
import static org.junit.jupiter.api.Assertions.*;

/** Sign-in, refresh and logout against an in-memory identity store and throttle. */
class SessionsTest {

  static final String ADDRESS = "203.0.113.7";
  static Vertx vertx;
  static PasswordHasher hasher;
  static String passwordHash;

  AuthFixture auth;
  Sessions sessions;
  User ada;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    hasher = PasswordHasher.create(vertx, 2, 64);
    passwordHash = value(hasher.hash(PASSWORD));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void wire() {
    auth = new AuthFixture(vertx, hasher, passwordHash);
    sessions = new Sessions(vertx, auth.store, hasher, auth.throttle, auth.tokens, auth.settings);
    ada = auth.user("ada", Role.MANAGER);
  }

  @Test
  void aSignInStartsASessionAndHandsOutItsTokens() {
    Sessions.TokenPair pair = value(sessions.login("  Ada ", PASSWORD, ADDRESS));

    AccessTokens.Verified access = value(auth.tokens.verify(pair.accessToken()));
    assertEquals(ada.id().toString(), access.caller().userId());
    assertEquals(Role.MANAGER, access.caller().role());
    assertEquals(pair.sessionId().toString(), access.sessionId());
    assertEquals(ada.accessVersion(), access.accessVersion());
    assertEquals(auth.tokens.ttlSeconds(), pair.expiresIn());
    assertEquals(List.of(new StartedSession(pair.sessionId(), ada.id(), auth.settings.refreshTtl(), auth.settings.sessionMax())),
      auth.store.started);
    assertTrue(auth.store.tokens.containsKey(HexFormat.of().formatHex(RefreshTokens.hash(pair.refreshToken()))),
      "the store keeps the refresh token's hash");
    assertFalse(auth.store.tokens.containsKey(pair.refreshToken()), "never the token itself");
    assertEquals(List.of("ada@" + ADDRESS), auth.throttle.attempts, "counted under the folded name");
    assertEquals(List.of("ada@" + ADDRESS), auth.throttle.successes);
  }

  @Test
  void aWrongPasswordAnUnknownLoginAndADisabledAccountAnswerAlike() {
    User grace = auth.replace(auth.user("grace", Role.HOST), Role.HOST, true, 2);
    for (String[] attempt : new String[][] {{"ada", "wrong password!"}, {"nobody", PASSWORD}, {grace.login(), PASSWORD},
      {"not a login name at all", PASSWORD}}) {
      var e = failed(ErrorCode.UNAUTHENTICATED, sessions.login(attempt[0], attempt[1], ADDRESS));
      assertEquals(Sessions.BAD_CREDENTIALS, e.getMessage(), attempt[0]);
    }
    assertEquals(4, auth.throttle.attempts.size(), "every failure is counted");
    assertTrue(auth.throttle.successes.isEmpty());
    assertTrue(auth.store.started.isEmpty());
    assertEquals(3, auth.store.logins.get(), "a name that cannot be a login is not looked up");
  }

  @Test
  void aLockedAccountIsRefusedBeforeThePasswordIsChecked() {
    auth.throttle.verdict = new ThrottlePolicy.Verdict(true, 0, 42);
    LoginLocked locked = assertInstanceOf(LoginLocked.class, outcome(sessions.login("ada", PASSWORD, ADDRESS)));
    assertEquals(42, locked.retryAfterSeconds());
    assertEquals(ErrorCode.RATE_LIMITED, locked.code());
    assertEquals(0, auth.store.logins.get(), "the account is not even looked up");
    assertTrue(auth.store.started.isEmpty());
  }

  @Test
  void aSlowedAttemptWaitsItsDelayBeforeItIsChecked() {
    auth.throttle.verdict = new ThrottlePolicy.Verdict(false, 300, 0);
    long start = System.nanoTime();
    value(sessions.login("ada", PASSWORD, ADDRESS));
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 300, "waited the throttle's delay");
  }

  @Test
  void aRefreshSpendsTheTokenForTheNextOneOfTheSameSession() {
    Sessions.TokenPair first = value(sessions.login("ada", PASSWORD, ADDRESS));
    Sessions.TokenPair next = value(sessions.refresh(first.refreshToken()));

    assertEquals(first.sessionId(), next.sessionId());
    assertNotEquals(first.refreshToken(), next.refreshToken());
    assertEquals(first.sessionId().toString(), value(auth.tokens.verify(next.accessToken())).sessionId());
    assertTrue(auth.store.live(first.sessionId()));
  }

  @Test
  void aRefreshCarriesTheUsersAccessAsItIsNow() {
    Sessions.TokenPair first = value(sessions.login("ada", PASSWORD, ADDRESS));
    auth.replace(ada, Role.HOST, false, ada.accessVersion() + 1);
    AccessTokens.Verified access = value(auth.tokens.verify(value(sessions.refresh(first.refreshToken())).accessToken()));
    assertEquals(Role.HOST, access.caller().role());
    assertEquals(ada.accessVersion() + 1, access.accessVersion());
  }

  @Test
  void aRefreshTokenSpentTwiceEndsItsSessionAndItsAccessTokens() {
    Sessions.TokenPair first = value(sessions.login("ada", PASSWORD, ADDRESS));
    Sessions.TokenPair next = value(sessions.refresh(first.refreshToken()));
    assertTrue(auth.accepted(next.accessToken()));

    var e = failed(ErrorCode.UNAUTHENTICATED, sessions.refresh(first.refreshToken()));
    assertEquals(Sessions.BAD_REFRESH_TOKEN, e.getMessage());
    assertFalse(auth.store.live(first.sessionId()), "the whole family ends");
    assertFalse(auth.accepted(next.accessToken()), "and every access token of it, at once");
    failed(ErrorCode.UNAUTHENTICATED, sessions.refresh(next.refreshToken()));
  }

  @Test
  void aDisabledUsersRefreshIsRefusedAndEndsTheSession() {
    Sessions.TokenPair pair = value(sessions.login("ada", PASSWORD, ADDRESS));
    auth.replace(ada, ada.role(), true, ada.accessVersion() + 1);
    var e = failed(ErrorCode.UNAUTHENTICATED, sessions.refresh(pair.refreshToken()));
    assertEquals(Sessions.BAD_REFRESH_TOKEN, e.getMessage());
    assertTrue(auth.store.endedSessions.contains(pair.sessionId()));
    assertFalse(auth.accepted(pair.accessToken()));
  }

  @Test
  void unknownAndOverlongRefreshTokensAreRefused() {
    assertEquals(Sessions.BAD_REFRESH_TOKEN, failed(ErrorCode.UNAUTHENTICATED, sessions.refresh(RefreshTokens.generate())).getMessage());
    assertEquals(1, auth.store.rotations.get());
    assertEquals(Sessions.BAD_REFRESH_TOKEN, failed(ErrorCode.UNAUTHENTICATED,
      sessions.refresh("x".repeat(RefreshTokens.MAX_LENGTH + 1))).getMessage());
    assertEquals(1, auth.store.rotations.get(), "an overlong token is not even looked up");
  }

  @Test
  void logoutEndsTheSessionOfTheRefreshTokenAndOfTheAccessToken() {
    Sessions.TokenPair phone = value(sessions.login("ada", PASSWORD, ADDRESS));
    Sessions.TokenPair laptop = value(sessions.login("ada", PASSWORD, ADDRESS));
    AccessTokens.Verified laptopCaller = value(auth.tokens.verify(laptop.accessToken()));

    value(sessions.logout(phone.refreshToken(), laptopCaller));
    assertFalse(auth.store.live(phone.sessionId()));
    assertFalse(auth.store.live(laptop.sessionId()));
    assertFalse(auth.accepted(phone.accessToken()));
    assertFalse(auth.accepted(laptop.accessToken()));

    value(sessions.logout(phone.refreshToken(), laptopCaller));
    value(sessions.logout(RefreshTokens.generate(), null));
    value(sessions.logout(null, null));
  }
}
