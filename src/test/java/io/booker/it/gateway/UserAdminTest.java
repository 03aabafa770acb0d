package io.booker.it.gateway;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.TestTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Logins.bearer;
import static io.booker.it.support.Logins.login;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code /users} and {@code /auth/register}: admins only; the user JSON, validation of every
 * field, unique logins, resets, and the rules that keep an admin from locking themselves out.
 */
class UserAdminTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final String PASSWORD = "a fine password for tests";
  static final String VENUE_A = "6f1c1a5e-0000-4000-8000-00000000000a";
  static final String VENUE_B = "6f1c1a5e-0000-4000-8000-00000000000b";

  static ApiClient api;
  static ApiClient admin;

  @BeforeAll
  static void setUp() {
    api = harness.api();
    admin = Logins.asAdmin(api);
  }

  static JsonObject request(String login, String role, String... venues) {
    return new JsonObject().put("login", login).put("password", PASSWORD).put("role", role)
      .put("venue_ids", new JsonArray(List.of((Object[]) venues)));
  }

  @Test
  void anAdminCreatesAUserAndGetsItsJson() {
    String login = Logins.uniqueLogin("Ada");
    HttpResponse<Buffer> r = admin.post("/api/v1/users", request(login, "manager", VENUE_B, VENUE_A, VENUE_B)
      .put("display_name", "  Ada Lovelace "));
    assertEquals(201, r.statusCode(), r::bodyAsString);
    JsonObject u = r.bodyAsJsonObject();
    assertEquals(Set.of("id", "login", "display_name", "role", "venue_ids", "disabled", "created_at", "updated_at"), u.fieldNames(),
      "every field, and never the password or its hash");
    assertEquals(login.toLowerCase(), u.getString("login"));
    assertEquals("Ada Lovelace", u.getString("display_name"));
    assertEquals("manager", u.getString("role"));
    assertEquals(new JsonArray().add(VENUE_A).add(VENUE_B), u.getJsonArray("venue_ids"), "sorted, without duplicates");
    assertFalse(u.getBoolean("disabled"));
    long now = System.currentTimeMillis() / 1000;
    assertTrue(Math.abs(u.getLong("created_at") - now) < 60, "Unix seconds");
    assertEquals(u.getLong("created_at"), u.getLong("updated_at"));

    assertEquals(u, admin.ok(admin.get("/api/v1/users/" + u.getString("id"))));
    JsonObject tokens = login(api, login, PASSWORD);
    JsonObject claims = Logins.claims(tokens.getString("access_token"));
    assertEquals(u.getString("id"), claims.getString("sub"));
    assertEquals(Set.of(VENUE_A, VENUE_B), Set.copyOf(claims.getJsonArray("venues").getList()));
  }

  @Test
  void registerIsTheSameAsCreatingAUserAndAdminOnly() {
    JsonObject u = admin.created("/api/v1/auth/register", request(Logins.uniqueLogin("reg"), "host", VENUE_A));
    assertEquals("host", u.getString("role"));
    login(api, u.getString("login"), PASSWORD);

    assertProblem(api.as(null).post("/api/v1/auth/register", request(Logins.uniqueLogin("self"), "admin")), 401, "UNAUTHENTICATED", null);
    ApiClient manager = Logins.as(api, login(api, Logins.createUser(admin, Logins.uniqueLogin("m"), PASSWORD, "manager", VENUE_A)
      .getString("login"), PASSWORD));
    assertProblem(manager.post("/api/v1/auth/register", request(Logins.uniqueLogin("self"), "admin")), 403, "PERMISSION_DENIED", null);
  }

  @Test
  void managersAndHostsMayNotManageUsers() {
    JsonObject victim = Logins.createUser(admin, Logins.uniqueLogin("v"), PASSWORD, "host", VENUE_A);
    String id = victim.getString("id");
    for (String role : List.of("manager", "host")) {
      JsonObject user = Logins.createUser(admin, Logins.uniqueLogin(role), PASSWORD, role, VENUE_A);
      ApiClient caller = Logins.as(api, login(api, user.getString("login"), PASSWORD));
      assertProblem(caller.post("/api/v1/users", request(Logins.uniqueLogin("x"), "admin")), 403, "PERMISSION_DENIED", null);
      assertProblem(caller.post("/api/v1/users", new JsonObject()), 403, "PERMISSION_DENIED", null);
      assertProblem(caller.get("/api/v1/users"), 403, "PERMISSION_DENIED", null);
      assertProblem(caller.get("/api/v1/users/" + id), 403, "PERMISSION_DENIED", null);
      assertProblem(caller.put("/api/v1/users/" + id, new JsonObject().put("role", "admin")), 403, "PERMISSION_DENIED", null);
      assertProblem(caller.put("/api/v1/users/" + user.getString("id"), new JsonObject().put("role", "admin")), 403,
        "PERMISSION_DENIED", null);
      assertProblem(caller.post("/api/v1/users/" + id + "/password", new JsonObject().put("password", "taken over, surely")), 403,
        "PERMISSION_DENIED", null);
    }
    assertEquals("host", admin.ok(admin.get("/api/v1/users/" + id)).getString("role"), "nothing changed");
    login(api, victim.getString("login"), PASSWORD);
  }

  @Test
  void everyUsersRouteNeedsAToken() {
    ApiClient nobody = api.as(null);
    assertProblem(nobody.get("/api/v1/users"), 401, "UNAUTHENTICATED", null);
    assertProblem(nobody.post("/api/v1/users", request(Logins.uniqueLogin("x"), "admin")), 401, "UNAUTHENTICATED", null);
    assertProblem(nobody.get("/api/v1/users/" + UUID.randomUUID()), 401, "UNAUTHENTICATED", null);
  }

  @Test
  void everyFieldIsValidatedAndNamed() {
    assertProblem(admin.post("/api/v1/users", request("ab", "admin")), 400, "INVALID_ARGUMENT", "login");
    assertProblem(admin.post("/api/v1/users", request("ada lovelace", "admin")), 400, "INVALID_ARGUMENT", "login");
    assertProblem(admin.post("/api/v1/users", request(Logins.uniqueLogin("a"), "owner")), 400, "INVALID_ARGUMENT", "role");
    assertProblem(admin.post("/api/v1/users", request(Logins.uniqueLogin("a"), "manager")), 400, "INVALID_ARGUMENT", "venue_ids");
    assertProblem(admin.post("/api/v1/users", request(Logins.uniqueLogin("a"), "host", "venue-1")), 400, "INVALID_ARGUMENT", "venue_ids[0]");
    assertProblem(admin.post("/api/v1/users", request(Logins.uniqueLogin("a"), "host").put("venue_ids", VENUE_A)), 400,
      "INVALID_ARGUMENT", "venue_ids");
    assertProblem(admin.post("/api/v1/users", request(Logins.uniqueLogin("a"), "admin").put("password", "short")), 400,
      "INVALID_ARGUMENT", "password");
    String login = Logins.uniqueLogin("same");
    assertProblem(admin.post("/api/v1/users", request(login, "admin").put("password", login.toUpperCase())), 400,
      "INVALID_ARGUMENT", "password");
    assertProblem(admin.post("/api/v1/users", request(Logins.uniqueLogin("a"), "admin").put("display_name", 5)), 400,
      "INVALID_ARGUMENT", "display_name");
    assertProblem(admin.send("POST", "/api/v1/users", "{\"login\":"), 400, "INVALID_ARGUMENT", null);

    assertProblem(admin.get("/api/v1/users/not-a-uuid"), 400, "INVALID_ARGUMENT", "id");
    assertProblem(admin.get("/api/v1/users/" + UUID.randomUUID()), 404, "NOT_FOUND", null);
    assertProblem(admin.put("/api/v1/users/" + UUID.randomUUID(), new JsonObject().put("display_name", "x")), 404, "NOT_FOUND", null);
    JsonObject u = Logins.createUser(admin, Logins.uniqueLogin("h"), PASSWORD, "host", VENUE_A);
    assertProblem(admin.put("/api/v1/users/" + u.getString("id"), new JsonObject().put("disabled", "yes")), 400, "INVALID_ARGUMENT",
      "disabled");
    assertProblem(admin.put("/api/v1/users/" + u.getString("id"), new JsonObject().put("venue_ids", new JsonArray())), 400,
      "INVALID_ARGUMENT", "venue_ids");
    assertProblem(admin.post("/api/v1/users/" + u.getString("id") + "/password", new JsonObject().put("password", "short")), 400,
      "INVALID_ARGUMENT", "password");
  }

  @Test
  void aLoginIsTakenWhateverItsCase() {
    String login = Logins.uniqueLogin("dup");
    admin.created("/api/v1/users", request(login, "host", VENUE_A));
    assertProblem(admin.post("/api/v1/users", request(login.toUpperCase(), "admin")), 409, "ALREADY_EXISTS", null);
  }

  @Test
  void theListPagesInLoginOrderWithTheTotal() {
    String prefix = "list-" + UUID.randomUUID().toString().substring(0, 6);
    for (String s : List.of("c", "a", "b")) {
      admin.created("/api/v1/users", request(prefix + "-" + s, "host", VENUE_A));
    }
    JsonObject all = admin.ok(admin.get("/api/v1/users?limit=500"));
    long total = all.getLong("total");
    assertTrue(total >= 4, "the three and the bootstrap admin");
    assertEquals(total, all.getJsonArray("users").size());
    List<String> logins = all.getJsonArray("users").stream().map(o -> ((JsonObject) o).getString("login")).toList();
    assertEquals(logins.stream().sorted().toList(), logins, "login order");
    assertTrue(logins.containsAll(List.of(prefix + "-a", prefix + "-b", prefix + "-c", "admin")));

    JsonObject page = admin.ok(admin.get("/api/v1/users?limit=1&offset=1"));
    assertEquals(total, page.getLong("total"));
    assertEquals(List.of(logins.get(1)), page.getJsonArray("users").stream().map(o -> ((JsonObject) o).getString("login")).toList());
    JsonObject beyond = admin.ok(admin.get("/api/v1/users?offset=100000"));
    assertEquals(total, beyond.getLong("total"), "the total even past the last page");
    assertTrue(beyond.getJsonArray("users").isEmpty());
    assertProblem(admin.get("/api/v1/users?limit=0"), 400, "INVALID_ARGUMENT", "limit");
    assertProblem(admin.get("/api/v1/users?offset=-1"), 400, "INVALID_ARGUMENT", "offset");
  }

  @Test
  void anAdminUpdatesNameRoleVenuesAndTheDisabledFlag() {
    JsonObject u = Logins.createUser(admin, Logins.uniqueLogin("u"), PASSWORD, "host", VENUE_A);
    String path = "/api/v1/users/" + u.getString("id");
    JsonObject named = admin.ok(admin.put(path, new JsonObject().put("display_name", "Grace")));
    assertEquals("Grace", named.getString("display_name"));
    assertEquals("host", named.getString("role"), "absent fields stay");
    assertTrue(named.getLong("updated_at") >= u.getLong("updated_at"));

    JsonObject promoted = admin.ok(admin.put(path, new JsonObject().put("role", "admin").put("venue_ids", new JsonArray())));
    assertEquals("admin", promoted.getString("role"));
    assertEquals(new JsonArray(), promoted.getJsonArray("venue_ids"));
    JsonObject off = admin.ok(admin.put(path, new JsonObject().put("disabled", true)));
    assertTrue(off.getBoolean("disabled"));
    assertEquals(off, admin.ok(admin.get(path)));
  }

  @Test
  void anAdminCannotDemoteOrDisableThemselves() {
    JsonObject me = admin.ok(admin.get("/api/v1/auth/me"));
    String path = "/api/v1/users/" + me.getString("id");
    assertProblem(admin.put(path, new JsonObject().put("role", "manager").put("venue_ids", new JsonArray().add(VENUE_A))), 400,
      "INVALID_ARGUMENT", "role");
    assertProblem(admin.put(path, new JsonObject().put("disabled", true)), 400, "INVALID_ARGUMENT", "disabled");
    JsonObject still = admin.ok(admin.get(path));
    assertEquals("admin", still.getString("role"));
    assertFalse(still.getBoolean("disabled"));
    assertEquals(200, admin.get("/api/v1/auth/me").statusCode(), "and their token still works");
  }

  @Test
  void aPasswordResetEndsEverySessionOfTheUser() {
    JsonObject u = Logins.createUser(admin, Logins.uniqueLogin("r"), PASSWORD, "host", VENUE_A);
    JsonObject tokens = login(api, u.getString("login"), PASSWORD);
    assertEquals(200, api.as(bearer(tokens)).get("/api/v1/auth/me").statusCode());

    String reset = "a password set by the admin";
    HttpResponse<Buffer> r = admin.post("/api/v1/users/" + u.getString("id") + "/password", new JsonObject().put("password", reset));
    assertEquals(204, r.statusCode(), r::bodyAsString);

    assertProblem(api.as(bearer(tokens)).get("/api/v1/auth/me"), 401, "UNAUTHENTICATED", null);
    assertProblem(Logins.refresh(api, tokens.getString("refresh_token")), 401, "UNAUTHENTICATED", null);
    assertProblem(Logins.attempt(api, u.getString("login"), PASSWORD), 401, "UNAUTHENTICATED", null);
    login(api, u.getString("login"), reset);
  }

  @Test
  void aTokenOfAUserThatDoesNotExistFindsNoAccount() {
    String ghost = UUID.randomUUID().toString();
    assertProblem(api.as(TestTokens.bearer(new Caller(ghost, Role.ADMIN, Set.of()))).get("/api/v1/auth/me"), 404, "NOT_FOUND", null);
  }
}
