package io.booker.it.gateway;

import io.booker.it.support.TestNodes;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Whatever a client sends, the gateway answers with a problem and the right status, never a 500 or a hang. */
class GatewayBadInputTest {

  static Vertx vertx;
  static WebClient web;
  static TestNodes.Started node;

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    // Every call as an admin; the authorisation matrix is AccessMatrixTest's.
    web = WebClientSession.create(WebClient.create(vertx)).addHeader("authorization", TestTokens.admin());
    node = TestNodes.allInOne("eventbus");
  }

  @AfterAll
  static void tearDown() {
    node.close();
    vertx.close().await();
  }

  @Test
  void unknownRouteIs404Problem() {
    assertProblem(web.get(node.httpPort(), "127.0.0.1", "/api/v1/nothing-here").send().await(), 404, "NOT_FOUND");
  }

  @Test
  void wrongMethodIs405Problem() {
    assertProblem(web.patch(node.httpPort(), "127.0.0.1", "/api/v1/venues").send().await(), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void malformedJsonIs400() {
    HttpResponse<Buffer> r = web.post(node.httpPort(), "127.0.0.1", "/api/v1/venues")
      .putHeader("content-type", "application/json").sendBuffer(Buffer.buffer("{\"name\": ")).await();
    assertProblem(r, 400, "INVALID_ARGUMENT");
  }

  @Test
  void aJsonArrayInsteadOfAnObjectIs400() {
    HttpResponse<Buffer> r = web.post(node.httpPort(), "127.0.0.1", "/api/v1/venues")
      .putHeader("content-type", "application/json").sendBuffer(Buffer.buffer("[1,2,3]")).await();
    assertProblem(r, 400, "INVALID_ARGUMENT");
  }

  @Test
  void aWrongTypeNamesTheField() {
    HttpResponse<Buffer> r = web.post(node.httpPort(), "127.0.0.1", "/api/v1/venues")
      .sendJsonObject(new JsonObject().put("name", 42)).await();
    assertProblem(r, 400, "INVALID_ARGUMENT");
    assertTrue(r.bodyAsJsonObject().getString("detail").startsWith("name"));
  }

  @Test
  void anOversizedBodyIs413() {
    String big = "x".repeat(70 * 1024);
    HttpResponse<Buffer> r = web.post(node.httpPort(), "127.0.0.1", "/api/v1/venues")
      .sendJsonObject(new JsonObject().put("name", big)).await();
    assertProblem(r, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void aMalformedIdIs400NamingIt() {
    HttpResponse<Buffer> r = web.get(node.httpPort(), "127.0.0.1", "/api/v1/venues/not-a-uuid").send().await();
    assertProblem(r, 400, "INVALID_ARGUMENT");
    assertTrue(r.bodyAsJsonObject().getString("detail").startsWith("id"));
  }

  private static void assertProblem(HttpResponse<Buffer> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    assertEquals("application/problem+json", r.getHeader("content-type"));
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(code, body.getString("code"));
    assertEquals(status, body.getInteger("status"));
    assertEquals(body.getString("detail"), body.getString("error"));
    assertNotNull(body.getString("title"));
    assertNotNull(body.getString("type"));
  }
}
