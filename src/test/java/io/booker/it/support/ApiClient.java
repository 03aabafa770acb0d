package io.booker.it.support;

import io.booker.testinfra.TestTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Blocking REST calls to one gateway, for tests (never on an event loop), and problem assertions.
 * Calls carry {@code authorization} (an admin's token unless told otherwise; null sends none).
 */
public record ApiClient(WebClient web, int port, String authorization) {

  /** A client calling as an admin. */
  public ApiClient(WebClient web, int port) {
    this(web, port, TestTokens.admin());
  }

  /** The same client, calling the gateway of another node. */
  public ApiClient on(int otherPort) {
    return new ApiClient(web, otherPort, authorization);
  }

  /** The same client, calling with {@code authorization} ({@code Bearer <token>}; null for none). */
  public ApiClient as(String otherAuthorization) {
    return new ApiClient(web, port, otherAuthorization);
  }

  public HttpResponse<Buffer> get(String path) {
    return req(HttpMethod.GET, path).send().await();
  }

  public HttpResponse<Buffer> delete(String path) {
    return req(HttpMethod.DELETE, path).send().await();
  }

  public HttpResponse<Buffer> post(String path, JsonObject body) {
    return req(HttpMethod.POST, path).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> put(String path, JsonObject body) {
    return req(HttpMethod.PUT, path).sendJsonObject(body).await();
  }

  /** A body sent as is, labelled JSON (to send malformed JSON). */
  public HttpResponse<Buffer> send(String method, String path, String body) {
    return req(HttpMethod.valueOf(method), path).putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body)).await();
  }

  /** POSTs {@code body}, asserts a 201 JSON answer and returns it. */
  public JsonObject created(String path, JsonObject body) {
    HttpResponse<Buffer> r = post(path, body);
    assertEquals(201, r.statusCode(), () -> "POST " + path + ": " + r.bodyAsString());
    assertEquals("application/json", r.getHeader("content-type"));
    return r.bodyAsJsonObject();
  }

  public JsonObject ok(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }

  public JsonObject venue(String name) {
    return created("/api/v1/venues", new JsonObject().put("name", name).put("timezone", "Europe/Paris"));
  }

  public JsonObject room(String venueId, String name) {
    return created("/api/v1/venues/" + venueId + "/rooms", new JsonObject().put("name", name));
  }

  public JsonObject table(String roomId, String name, int capacity) {
    return created("/api/v1/rooms/" + roomId + "/tables", new JsonObject().put("name", name).put("capacity", capacity));
  }

  /** Asserts a problem response: status, stable code, and (for field errors) the field named first in detail. */
  public static JsonObject assertProblem(HttpResponse<Buffer> r, int status, String code, String field) {
    assertEquals(status, r.statusCode(), r::bodyAsString);
    assertEquals("application/problem+json", r.getHeader("content-type"));
    JsonObject p = r.bodyAsJsonObject();
    assertEquals(code, p.getString("code"), p::encode);
    assertEquals(status, p.getInteger("status"));
    assertEquals(p.getString("detail"), p.getString("error"));
    if (field != null) {
      assertTrue(p.getString("detail").startsWith(field + ":"), () -> "detail should name " + field + ": " + p.encode());
    }
    return p;
  }

  /** A request to build further (headers, body), with this client's authorization. */
  public HttpRequest<Buffer> request(String method, String path) {
    return req(HttpMethod.valueOf(method), path);
  }

  private HttpRequest<Buffer> req(HttpMethod method, String path) {
    // A request the node never answers fails the test instead of hanging the build.
    HttpRequest<Buffer> request = web.request(method, port, "127.0.0.1", path).idleTimeout(60_000);
    if (authorization != null) {
      request.putHeader("authorization", authorization);
    }
    return request;
  }
}
