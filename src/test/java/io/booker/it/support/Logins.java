package io.booker.it.support;

import io.booker.testinfra.TestTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Signing in for real, through the REST API, for tests. */
public final class Logins {

  private Logins() {
  }

  /** Signs in (no authorization header), asserts a 200 and answers {access_token, refresh_token, ...}. */
  public static JsonObject login(ApiClient api, String login, String password) {
    HttpResponse<Buffer> r = attempt(api, login, password);
    assertEquals(200, r.statusCode(), () -> "login " + login + ": " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** A sign-in attempt, whatever it answers. */
  public static HttpResponse<Buffer> attempt(ApiClient api, String login, String password) {
    return api.as(null).post("/api/v1/auth/login", new JsonObject().put("login", login).put("password", password));
  }

  public static HttpResponse<Buffer> refresh(ApiClient api, String refreshToken) {
    return api.as(null).post("/api/v1/auth/refresh", new JsonObject().put("refresh_token", refreshToken));
  }

  /** {@code Bearer <access token>} of a token pair. */
  public static String bearer(JsonObject tokens) {
    return "Bearer " + tokens.getString("access_token");
  }

  /** The client, calling as whoever signed in with {@code tokens}. */
  public static ApiClient as(ApiClient api, JsonObject tokens) {
    return api.as(bearer(tokens));
  }

  /** The client, calling as the bootstrap admin every test node creates, signed in for real. */
  public static ApiClient asAdmin(ApiClient api) {
    return as(api, login(api, TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD));
  }

  /** Creates a user through {@code admin} and answers its JSON. */
  public static JsonObject createUser(ApiClient admin, String login, String password, String role, String... venueIds) {
    return admin.created("/api/v1/users", new JsonObject().put("login", login).put("password", password).put("role", role)
      .put("venue_ids", new JsonArray(java.util.List.of((Object[]) venueIds))));
  }

  /** A login name no other test uses. */
  public static String uniqueLogin(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The claims of a JWT (not verified: the node did that). */
  public static JsonObject claims(String accessToken) {
    String payload = accessToken.split("\\.")[1];
    return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }
}
