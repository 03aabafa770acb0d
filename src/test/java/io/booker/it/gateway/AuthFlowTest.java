package io.booker.it.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.TestTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Logins.bearer;
import static io.booker.it.support.Logins.login;
import static io.booker.it.support.Logins.refresh;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Signing in, refreshing and signing out against a real node: the token pair, rotation and reuse
 * detection, logout, {@code /auth/me}, the one answer for every failed sign-in, changes of access
 * taking effect on the very next request, a user's own password change, and no password or token
 * in the node's log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthFlowTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final String PASSWORD = "a fine password for tests";
  static final String VENUE = UUID.randomUUID().toString();

  /** Every secret a test sent or received, to look for in the log. */
  static final Set<String> secrets = ConcurrentHashMap.newKeySet();
  static final List<String> logLines = new CopyOnWriteArrayList<>();
  static final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent e) {
      logLines.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
    }
  };

  static ApiClient api;
  static ApiClient admin;

  @BeforeAll
  static void setUp() {
    capture.start();
    root().addAppender(capture);
    api = harness.api();
    admin = Logins.asAdmin(api);
    secrets.add(TestTokens.ADMIN_PASSWORD);
    secrets.add(PASSWORD);
  }

  @AfterAll
  static void tearDown() {
    root().detachAppender(capture);
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** A new user with {@link #PASSWORD}; answers its JSON. */
  static JsonObject user(String role) {
    return Logins.createUser(admin, Logins.uniqueLogin(role), PASSWORD, role, VENUE);
  }

  static JsonObject signIn(JsonObject user) {
    return keep(login(api, user.getString("login"), PASSWORD));
  }

  static JsonObject keep(JsonObject tokens) {
    secrets.add(tokens.getString("access_token"));
    secrets.add(tokens.getString("refresh_token"));
    return tokens;
  }

  static HttpResponse<Buffer> me(JsonObject tokens) {
    return api.as(bearer(tokens)).get("/api/v1/auth/me");
  }

  @Test
  void theBootstrapAdminSignsInAndGetsATokenPair() {
    HttpResponse<Buffer> r = Logins.attempt(api, TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertEquals("no-store", r.getHeader("cache-control"));
    JsonObject tokens = keep(r.bodyAsJsonObject());
    assertEquals(Set.of("access_token", "refresh_token", "token_type", "expires_in"), tokens.fieldNames());
    assertEquals("Bearer", tokens.getString("token_type"));
    assertEquals(300, tokens.getLong("expires_in"));
    assertEquals(43, tokens.getString("refresh_token").length(), "256 random bits");

    JsonObject claims = Logins.claims(tokens.getString("access_token"));
    assertEquals("admin", claims.getString("role"));
    assertEquals("access", claims.getString("typ"));
    assertNotNull(claims.getString("sid"));

    JsonObject me = api.ok(me(tokens));
    assertEquals(claims.getString("sub"), me.getString("id"));
    assertEquals("admin", me.getString("login"));
    assertEquals("admin", me.getString("role"));
    assertEquals("Test Admin", me.getString("display_name"));
    assertEquals(Set.of("id", "login", "display_name", "role", "venue_ids", "disabled", "created_at", "updated_at"), me.fieldNames());
    assertEquals(200, api.as(bearer(tokens)).get("/api/v1/venues").statusCode(), "the token opens the API");
  }

  @Test
  void loginNamesAreCaseInsensitive() {
    JsonObject u = user("host");
    keep(login(api, u.getString("login").toUpperCase(), PASSWORD));
  }

  @Test
  void aWrongPasswordAnUnknownLoginAndADisabledAccountGetTheSameAnswer() {
    JsonObject disabled = user("host");
    admin.ok(admin.put("/api/v1/users/" + disabled.getString("id"), new JsonObject().put("disabled", true)));
    JsonObject existing = user("manager");

    HttpResponse<Buffer> wrong = Logins.attempt(api, existing.getString("login"), "not the password at all");
    HttpResponse<Buffer> unknown = Logins.attempt(api, Logins.uniqueLogin("nobody"), PASSWORD);
    HttpResponse<Buffer> off = Logins.attempt(api, disabled.getString("login"), PASSWORD);
    HttpResponse<Buffer> nonsense = Logins.attempt(api, "not a login name!", PASSWORD);
    JsonObject expected = assertProblem(wrong, 401, "UNAUTHENTICATED", null);
    assertEquals("invalid login or password", expected.getString("detail"));
    for (HttpResponse<Buffer> r : List.of(unknown, off, nonsense)) {
      assertEquals(401, r.statusCode());
      assertEquals(expected, r.bodyAsJsonObject(), "the same answer, word for word");
    }
  }

  @Test
  void aSignInWithoutItsFieldsIsAnInvalidRequest() {
    assertProblem(api.as(null).post("/api/v1/auth/login", new JsonObject().put("password", PASSWORD)), 400, "INVALID_ARGUMENT", "login");
    assertProblem(api.as(null).post("/api/v1/auth/login", new JsonObject().put("login", "admin")), 400, "INVALID_ARGUMENT", "password");
    assertProblem(api.as(null).post("/api/v1/auth/login", new JsonObject().put("login", 7).put("password", PASSWORD)), 400,
      "INVALID_ARGUMENT", "login");
    assertProblem(api.as(null).post("/api/v1/auth/refresh", new JsonObject()), 400, "INVALID_ARGUMENT", "refresh_token");
  }

  @Test
  void refreshRotatesThePairWithinTheSession() {
    JsonObject first = signIn(user("host"));
    JsonObject second = keep(api.ok(refresh(api, first.getString("refresh_token"))));
    assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
    assertNotEquals(first.getString("access_token"), second.getString("access_token"));
    assertEquals("Bearer", second.getString("token_type"));
    assertEquals(Logins.claims(first.getString("access_token")).getString("sid"),
      Logins.claims(second.getString("access_token")).getString("sid"), "one session");
    assertEquals(200, me(second).statusCode());

    JsonObject third = keep(api.ok(refresh(api, second.getString("refresh_token"))));
    assertEquals(200, me(third).statusCode());
  }

  @Test
  void aRefreshTokenUsedTwiceEndsTheWholeSession() {
    JsonObject u = user("host");
    JsonObject first = signIn(u);
    JsonObject other = signIn(u);
    JsonObject second = keep(api.ok(refresh(api, first.getString("refresh_token"))));
    assertEquals(200, me(second).statusCode());

    // The first refresh token again: stolen, or replayed.
    assertProblem(refresh(api, first.getString("refresh_token")), 401, "UNAUTHENTICATED", null);

    assertProblem(refresh(api, second.getString("refresh_token")), 401, "UNAUTHENTICATED", null);
    assertProblem(me(second), 401, "UNAUTHENTICATED", null);
    assertProblem(me(first), 401, "UNAUTHENTICATED", null);
    assertEquals(200, me(other).statusCode(), "another session of the same user goes on");
    keep(api.ok(refresh(api, other.getString("refresh_token"))));
  }

  @Test
  void unknownAndMalformedRefreshTokensAreRefused() {
    assertProblem(refresh(api, "x".repeat(43)), 401, "UNAUTHENTICATED", null);
    assertProblem(refresh(api, "x".repeat(5000)), 401, "UNAUTHENTICATED", null);
  }

  @Test
  void aRefreshTokenIsNoAccessTokenNorTheReverse() {
    JsonObject tokens = signIn(user("host"));
    assertProblem(api.as("Bearer " + tokens.getString("refresh_token")).get("/api/v1/auth/me"), 401, "UNAUTHENTICATED", null);
    assertProblem(refresh(api, tokens.getString("access_token")), 401, "UNAUTHENTICATED", null);
  }

  @Test
  void logoutEndsTheSessionOfBothTokens() {
    JsonObject u = user("manager");
    JsonObject tokens = signIn(u);
    JsonObject other = signIn(u);
    HttpResponse<Buffer> out = api.as(bearer(tokens)).post("/api/v1/auth/logout",
      new JsonObject().put("refresh_token", tokens.getString("refresh_token")));
    assertEquals(204, out.statusCode(), out::bodyAsString);

    assertProblem(me(tokens), 401, "UNAUTHENTICATED", null);
    assertProblem(refresh(api, tokens.getString("refresh_token")), 401, "UNAUTHENTICATED", null);
    assertEquals(200, me(other).statusCode(), "only that session ends");

    // Again, with tokens that no longer work: still a logout.
    assertEquals(204, api.as(bearer(tokens)).post("/api/v1/auth/logout",
      new JsonObject().put("refresh_token", tokens.getString("refresh_token"))).statusCode());
  }

  @Test
  void logoutWithTheAccessTokenAloneAlsoEndsItsRefreshToken() {
    JsonObject tokens = signIn(user("host"));
    assertEquals(204, api.as(bearer(tokens)).post("/api/v1/auth/logout", new JsonObject()).statusCode());
    assertProblem(me(tokens), 401, "UNAUTHENTICATED", null);
    assertProblem(refresh(api, tokens.getString("refresh_token")), 401, "UNAUTHENTICATED", null);
  }

  @Test
  void logoutWithTheRefreshTokenAloneAlsoEndsItsAccessToken() {
    JsonObject tokens = signIn(user("host"));
    assertEquals(204, api.as(null).post("/api/v1/auth/logout",
      new JsonObject().put("refresh_token", tokens.getString("refresh_token"))).statusCode());
    assertProblem(me(tokens), 401, "UNAUTHENTICATED", null);
  }

  @Test
  void meNeedsAToken() {
    HttpResponse<Buffer> r = api.as(null).get("/api/v1/auth/me");
    assertProblem(r, 401, "UNAUTHENTICATED", null);
    assertNotNull(r.getHeader("WWW-Authenticate"));
  }

  @Test
  void aRoleChangeTakesEffectOnTheNextRequestAndRefreshCarriesTheNewRole() {
    JsonObject u = user("manager");
    JsonObject tokens = signIn(u);
    assertEquals("manager", api.ok(me(tokens)).getString("role"));

    String otherVenue = UUID.randomUUID().toString();
    JsonObject changed = admin.ok(admin.put("/api/v1/users/" + u.getString("id"),
      new JsonObject().put("role", "host").put("venue_ids", new JsonArray().add(otherVenue))));
    assertEquals("host", changed.getString("role"));

    assertProblem(me(tokens), 401, "UNAUTHENTICATED", null);
    JsonObject renewed = keep(api.ok(refresh(api, tokens.getString("refresh_token"))));
    JsonObject claims = Logins.claims(renewed.getString("access_token"));
    assertEquals("host", claims.getString("role"));
    assertEquals(new JsonArray().add(otherVenue), claims.getJsonArray("venues"));
    assertEquals("host", api.ok(me(renewed)).getString("role"));
  }

  @Test
  void aNewDisplayNameEndsNoToken() {
    JsonObject u = user("host");
    JsonObject tokens = signIn(u);
    admin.ok(admin.put("/api/v1/users/" + u.getString("id"), new JsonObject().put("display_name", "Ada L.")));
    assertEquals("Ada L.", api.ok(me(tokens)).getString("display_name"));
  }

  @Test
  void disablingTakesEffectOnTheNextRequestAndRefusesRefreshAndSignIn() {
    JsonObject u = user("host");
    JsonObject tokens = signIn(u);
    assertEquals(200, me(tokens).statusCode());

    admin.ok(admin.put("/api/v1/users/" + u.getString("id"), new JsonObject().put("disabled", true)));
    assertProblem(me(tokens), 401, "UNAUTHENTICATED", null);
    assertProblem(refresh(api, tokens.getString("refresh_token")), 401, "UNAUTHENTICATED", null);
    assertProblem(Logins.attempt(api, u.getString("login"), PASSWORD), 401, "UNAUTHENTICATED", null);

    admin.ok(admin.put("/api/v1/users/" + u.getString("id"), new JsonObject().put("disabled", false)));
    // Sessions ended by disabling stay ended.
    assertProblem(refresh(api, tokens.getString("refresh_token")), 401, "UNAUTHENTICATED", null);
    assertEquals(200, me(signIn(u)).statusCode(), "enabled again, the user signs in");
  }

  @Test
  void aUserChangesTheirOwnPasswordAndTheirOtherSessionsEnd() {
    JsonObject u = user("host");
    JsonObject here = signIn(u);
    JsonObject elsewhere = signIn(u);
    String newPassword = "another fine password";
    secrets.add(newPassword);
    ApiClient self = api.as(bearer(here));

    assertProblem(self.post("/api/v1/auth/password", new JsonObject().put("current_password", "not my password")
      .put("new_password", newPassword)), 400, "INVALID_ARGUMENT", "current_password");
    assertProblem(self.post("/api/v1/auth/password", new JsonObject().put("current_password", PASSWORD)
      .put("new_password", "short")), 400, "INVALID_ARGUMENT", "new_password");
    assertProblem(self.post("/api/v1/auth/password", new JsonObject().put("current_password", PASSWORD)
      .put("new_password", u.getString("login"))), 400, "INVALID_ARGUMENT", "new_password");
    assertProblem(self.post("/api/v1/auth/password", new JsonObject().put("new_password", newPassword)), 400, "INVALID_ARGUMENT",
      "current_password");
    assertEquals(200, me(elsewhere).statusCode(), "refused changes change nothing");

    HttpResponse<Buffer> changed = self.post("/api/v1/auth/password", new JsonObject().put("current_password", PASSWORD)
      .put("new_password", newPassword));
    assertEquals(204, changed.statusCode(), changed::bodyAsString);

    assertProblem(me(elsewhere), 401, "UNAUTHENTICATED", null);
    assertProblem(refresh(api, elsewhere.getString("refresh_token")), 401, "UNAUTHENTICATED", null);
    // This session goes on: its access token is of the old version, its refresh token still works.
    assertProblem(me(here), 401, "UNAUTHENTICATED", null);
    JsonObject renewed = keep(api.ok(refresh(api, here.getString("refresh_token"))));
    assertEquals(200, me(renewed).statusCode());

    assertProblem(Logins.attempt(api, u.getString("login"), PASSWORD), 401, "UNAUTHENTICATED", null);
    keep(login(api, u.getString("login"), newPassword));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void noPasswordOrTokenReachedTheLog() {
    assertFalse(secrets.isEmpty());
    assertTrue(logLines.stream().anyMatch(l -> l.contains("event=login_succeeded")), "the log was captured");
    for (String line : logLines) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), () -> "a secret in the log: " + line);
      }
    }
  }
}
