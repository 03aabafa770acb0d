package io.booker.it.gateway;

import io.booker.gateway.docs.ApiDocument;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The OpenAPI document ({@code src/main/resources/openapi/booker.yaml}) and the gateway in step.
 * The gateway's routes are read from its live router: {@code GET /api} lists every route of the
 * router and its sub-routers (walked by {@code RouteTable}), so a route mounted anywhere without a
 * description, or a description of a route that is not mounted, fails the build. Also: the served
 * YAML and JSON are the same document, the docs page loads nothing from elsewhere, every operation
 * has an id, a success and a problem answer, every example fits its schema (validated by
 * vertx-openapi / vertx-json-schema, which also checks the document itself), requests the gateway
 * accepts fit the request schemas and its answers fit the answer schemas, and the document's
 * security requirements are the gateway's.
 */
class OpenApiContractTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  static final String PROBLEM = "#/components/schemas/Problem";

  static ApiClient anonymous;
  static JsonObject doc;
  static Vertx vertx;
  static OpenAPIContract contract;

  @BeforeAll
  static void setUp() {
    anonymous = harness.api().as(null);
    HttpResponse<Buffer> json = anonymous.get("/api/openapi.json");
    assertEquals(200, json.statusCode(), json::bodyAsString);
    doc = json.bodyAsJsonObject();
    vertx = Vertx.vertx();
    // Loading it as a contract also checks the document against the OpenAPI 3.1 schema. As
    // vertx-openapi can load it (see forVertxOpenApi: some response media types renamed, the
    // schemas and examples unchanged); a copy, since the contract annotates the object it is given.
    contract = OpenAPIContract.from(vertx, new ApiDocument("", doc).forVertxOpenApi()).await();
  }

  @AfterAll
  static void tearDown() {
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void everyRouteOfTheGatewayIsDescribedAndEveryDescribedRouteExists() {
    HttpResponse<Buffer> r = anonymous.get("/api");
    assertEquals(200, r.statusCode(), r::bodyAsString);
    JsonObject descriptor = r.bodyAsJsonObject();
    assertEquals("/api/openapi.yaml", descriptor.getString("openapi"));
    assertEquals("/api/docs", descriptor.getString("docs"));

    Set<String> served = new TreeSet<>();
    for (Object o : descriptor.getJsonArray("routes")) {
      JsonObject route = (JsonObject) o;
      served.add(route.getString("method") + " " + route.getString("path"));
    }
    Set<String> described = new TreeSet<>();
    doc.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).fieldNames().stream()
      .filter(METHODS::contains).forEach(m -> described.add(m.toUpperCase() + " " + path.getKey())));

    Set<String> undescribed = new TreeSet<>(served);
    undescribed.removeAll(described);
    Set<String> missing = new TreeSet<>(described);
    missing.removeAll(served);
    assertTrue(undescribed.isEmpty(), () -> "routes the gateway serves that booker.yaml does not describe: " + undescribed);
    assertTrue(missing.isEmpty(), () -> "routes booker.yaml describes that the gateway does not serve: " + missing);
    // A sanity floor: the walk really went into the /api/v1 sub-router.
    assertTrue(served.contains("GET /api/v1/venues/{id}") && served.contains("POST /api/v1/bookings/{id}/no-show"), served::toString);
    assertEquals(64, served.size(), served::toString);
  }

  @Test
  void theServedYamlAndJsonAreTheSameDocumentAndRevalidate() throws Exception {
    HttpResponse<Buffer> yaml = anonymous.get("/api/openapi.yaml");
    assertEquals(200, yaml.statusCode());
    assertTrue(yaml.getHeader("content-type").startsWith("application/yaml"), yaml.getHeader("content-type"));
    assertEquals("no-cache", yaml.getHeader("cache-control"));
    assertEquals("nosniff", yaml.getHeader("x-content-type-options"));
    try (var in = getClass().getClassLoader().getResourceAsStream("openapi/booker.yaml")) {
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), yaml.bodyAsString(), "served as written");
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Map<?, ?> parsed = new Yaml(new SafeConstructor(options)).load(yaml.bodyAsString());
    assertEquals(new JsonObject(Json.encode(parsed)), doc, "the YAML and the JSON are one document");
    assertEquals("3.1.0", doc.getString("openapi"));

    HttpResponse<Buffer> json = anonymous.get("/api/openapi.json");
    assertEquals("application/json", json.getHeader("content-type"));
    String etag = json.getHeader("etag");
    assertNotNull(etag);
    HttpResponse<Buffer> again = anonymous.request("GET", "/api/openapi.json").putHeader("if-none-match", etag).send().await();
    assertEquals(304, again.statusCode());
    assertEquals(0, again.bodyAsBuffer() == null ? 0 : again.bodyAsBuffer().length());
  }

  @Test
  void theDocsPageIsSelfContainedAndItsPolicyAllowsOnlyItself() throws Exception {
    HttpResponse<Buffer> r = anonymous.get("/api/docs");
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("content-type").startsWith("text/html"), r.getHeader("content-type"));
    String html = r.bodyAsString();
    assertTrue(html.contains("fetch(\"openapi.json\""), "the page renders the served document");
    Matcher external = Pattern.compile("(?i)(https?:|ftp:|(src|href|action)\\s*=\\s*[\"']?//|@import|url\\()").matcher(html);
    assertFalse(external.find(), () -> "the page must not load anything from elsewhere: " + external.group());

    String csp = r.getHeader("content-security-policy");
    assertNotNull(csp, "the page has a Content-Security-Policy");
    assertTrue(csp.contains("default-src 'none'") && csp.contains("connect-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("'sha256-" + sha256(between(html, "<script>", "</script>")) + "'"), "the policy allows the page's own script: " + csp);
    assertTrue(csp.contains("'sha256-" + sha256(between(html, "<style>", "</style>")) + "'"), "the policy allows the page's own style: " + csp);
    assertEquals("nosniff", r.getHeader("x-content-type-options"));
  }

  @Test
  void everyOperationHasAnIdASuccessAndAProblemAnswer() {
    Set<String> ids = new HashSet<>();
    int operations = 0;
    for (var path : doc.getJsonObject("paths")) {
      JsonObject item = (JsonObject) path.getValue();
      for (String method : item.fieldNames()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        operations++;
        String name = method.toUpperCase() + " " + path.getKey();
        JsonObject op = item.getJsonObject(method);
        String id = op.getString("operationId");
        assertTrue(id != null && !id.isBlank(), name + " has an operationId");
        assertTrue(ids.add(id), name + ": operationId " + id + " is used twice");
        assertNotNull(op.getString("summary"), name + " has a summary");
        JsonObject responses = op.getJsonObject("responses");
        // The WebSocket's success is its upgrade (101 Switching Protocols).
        assertTrue(responses.fieldNames().stream().anyMatch(c -> c.startsWith("2") || c.equals("101")), name + " has a 2xx (or 101) answer");
        List<String> problems = new ArrayList<>();
        for (String code : responses.fieldNames()) {
          JsonObject response = (JsonObject) resolve(responses.getJsonObject(code));
          JsonObject problem = response.getJsonObject("content", new JsonObject()).getJsonObject("application/problem+json");
          if (code.startsWith("4") && problem != null && PROBLEM.equals(problem.getJsonObject("schema").getString("$ref"))) {
            problems.add(code);
          }
        }
        assertFalse(problems.isEmpty(), name + " has a 4xx problem+json answer");
        boolean secured = secured(op);
        if (path.getKey().startsWith("/api/v1/") && secured) {
          assertTrue(responses.containsKey("401"), name + " needs a token, so it documents 401");
        }
      }
    }
    assertEquals(64, operations);
  }

  @Test
  void everyExampleFitsItsSchema() {
    int checked = 0;
    List<String> failures = new ArrayList<>();
    for (Operation op : contract.operations()) {
      String where = op.getOperationId();
      for (Parameter p : op.getParameters()) {
        Object example = p.getOpenAPIModel().getValue("example");
        if (example != null) {
          checked++;
          check(contract, p.getSchema(), example, where + " parameter " + p.getName(), failures);
        }
      }
      if (op.getRequestBody() != null) {
        for (var media : op.getRequestBody().getContent().entrySet()) {
          checked += checkMedia(contract, media.getValue(), where + " request " + media.getKey(), failures);
        }
      }
      JsonObject responses = doc.getJsonObject("paths").getJsonObject(op.getOpenAPIPath()).getJsonObject(op.getHttpMethod().name().toLowerCase())
        .getJsonObject("responses");
      for (String code : responses.fieldNames()) {
        Response response = op.getResponse(Integer.parseInt(code));
        for (var media : response.getContent().entrySet()) {
          checked += checkMedia(contract, media.getValue(), where + " " + code + " " + media.getKey(), failures);
        }
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " examples do not fit their schemas:\n" + String.join("\n", failures));
    assertTrue(checked > 300, "examples checked: " + checked);
  }

  /**
   * Every schema object uses JSON Schema 2020-12 and OpenAPI keywords only, and no value of the
   * document is null: a YAML slip (an unquoted comma in a flow mapping) once made a description's
   * second half a key with no value, which validators ignore and generated clients choke on.
   */
  @Test
  void schemasUseKnownKeywordsOnlyAndNoValueIsNull() {
    List<String> found = new ArrayList<>();
    nulls(doc, "#", found);
    JsonObject components = doc.getJsonObject("components");
    components.getJsonObject("schemas").forEach(e -> schemaKeywords(e.getValue(), "#/components/schemas/" + e.getKey(), found));
    components.getJsonObject("parameters").forEach(e -> schemaKeywords(((JsonObject) e.getValue()).getValue("schema"),
      "#/components/parameters/" + e.getKey() + "/schema", found));
    for (var path : doc.getJsonObject("paths")) {
      for (var method : (JsonObject) path.getValue()) {
        if (!METHODS.contains(method.getKey())) {
          continue;
        }
        JsonObject op = (JsonObject) method.getValue();
        String where = method.getKey().toUpperCase() + " " + path.getKey();
        for (Object p : op.getJsonArray("parameters", new JsonArray())) {
          schemaKeywords(((JsonObject) p).getValue("schema"), where + " parameter", found);
        }
        JsonObject body = op.getJsonObject("requestBody", new JsonObject()).getJsonObject("content", new JsonObject());
        body.forEach(m -> schemaKeywords(((JsonObject) m.getValue()).getValue("schema"), where + " request " + m.getKey(), found));
        op.getJsonObject("responses").forEach(r -> ((JsonObject) r.getValue()).getJsonObject("content", new JsonObject())
          .forEach(m -> schemaKeywords(((JsonObject) m.getValue()).getValue("schema"), where + " " + r.getKey() + " " + m.getKey(), found)));
      }
    }
    assertTrue(found.isEmpty(), () -> String.join("\n", found));
  }

  static final Set<String> SCHEMA_KEYWORDS = Set.of(
    "$ref", "$id", "$schema", "$anchor", "$defs", "$comment", "$dynamicRef", "$dynamicAnchor",
    "type", "enum", "const", "format", "title", "description", "default", "examples", "example", "deprecated", "readOnly", "writeOnly",
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "dependentRequired",
    "properties", "patternProperties", "additionalProperties", "propertyNames", "required", "minProperties", "maxProperties",
    "unevaluatedProperties", "items", "prefixItems", "contains", "minContains", "maxContains", "minItems", "maxItems", "uniqueItems",
    "unevaluatedItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minLength", "maxLength", "pattern", "contentMediaType", "contentEncoding", "discriminator", "xml", "externalDocs");

  private static void schemaKeywords(Object schema, String where, List<String> found) {
    if (!(schema instanceof JsonObject s)) {
      return;
    }
    for (String key : s.fieldNames()) {
      if (!SCHEMA_KEYWORDS.contains(key) && !key.startsWith("x-")) {
        found.add(where + ": unknown schema keyword '" + key + "'");
      }
    }
    JsonObject properties = s.getJsonObject("properties", new JsonObject());
    properties.forEach(p -> schemaKeywords(p.getValue(), where + "/properties/" + p.getKey(), found));
    s.getJsonObject("dependentSchemas", new JsonObject()).forEach(p -> schemaKeywords(p.getValue(), where + "/dependentSchemas/" + p.getKey(), found));
    for (String single : List.of("items", "not", "if", "then", "else", "contains", "additionalProperties", "propertyNames")) {
      schemaKeywords(s.getValue(single), where + "/" + single, found);
    }
    for (String many : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
      JsonArray list = s.getJsonArray(many, new JsonArray());
      for (int i = 0; i < list.size(); i++) {
        schemaKeywords(list.getValue(i), where + "/" + many + "/" + i, found);
      }
    }
  }

  private static void nulls(Object value, String where, List<String> found) {
    if (value instanceof JsonObject o) {
      o.forEach(e -> {
        String at = where + "/" + e.getKey();
        if (e.getValue() == null && !at.contains("/example")) { // an example may show a null value
          found.add(at + " is null (a YAML slip?)");
        }
        nulls(e.getValue(), at, found);
      });
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        nulls(a.getValue(i), where + "/" + i, found);
      }
    }
  }

  @Test
  void theDocumentsSecurityIsTheGateways() {
    // Secured operations answer 401 without a token; public ones never do.
    for (var path : doc.getJsonObject("paths")) {
      JsonObject item = (JsonObject) path.getValue();
      for (String method : item.fieldNames()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        JsonObject op = item.getJsonObject(method);
        boolean secured = secured(op);
        String url = withExamples(path.getKey(), item, op);
        HttpResponse<Buffer> r = anonymous.send(method.toUpperCase(), url, "");
        String name = method.toUpperCase() + " " + url;
        if (secured) {
          assertEquals(401, r.statusCode(), () -> name + " without a token: " + r.bodyAsString());
          assertEquals("application/problem+json", r.getHeader("content-type"), name);
        } else {
          assertNotEquals(401, r.statusCode(), () -> name + " is public: " + r.bodyAsString());
        }
      }
    }
  }

  @Test
  void realAnswersFitTheirDocumentedSchemas() {
    ApiClient admin = harness.api();
    LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(9);
    JsonObject venue = fits("createVenue", 201, admin.post("/api/v1/venues",
      request("createVenue", new JsonObject().put("name", "Contract Bistro " + UUID.randomUUID()).put("timezone", "Europe/Paris"))));
    String v = venue.getString("id");
    fits("listVenues", 200, admin.get("/api/v1/venues?limit=5"));
    fits("getVenue", 200, admin.get("/api/v1/venues/" + v));
    fits("updateVenue", 200, admin.put("/api/v1/venues/" + v, request("updateVenue", new JsonObject().put("name", "Contract Bistro").put("phone", "+33 1 23 45 67 89"))));
    String room = fits("createRoom", 201, admin.post("/api/v1/venues/" + v + "/rooms", request("createRoom", new JsonObject().put("name", "Hall")))).getString("id");
    fits("listRooms", 200, admin.get("/api/v1/venues/" + v + "/rooms"));
    fits("getRoom", 200, admin.get("/api/v1/rooms/" + room));
    String t1 = fits("createTable", 201, admin.post("/api/v1/rooms/" + room + "/tables",
      request("createTable", new JsonObject().put("name", "T1").put("capacity", 2).put("can_merge", true)))).getString("id");
    fits("createTable", 201, admin.post("/api/v1/rooms/" + room + "/tables", request("createTable", new JsonObject().put("name", "T2").put("capacity", 2).put("canMerge", true))));
    fits("getTable", 200, admin.get("/api/v1/tables/" + t1));
    fits("listRoomTables", 200, admin.get("/api/v1/rooms/" + room + "/tables"));
    fits("listVenueTables", 200, admin.get("/api/v1/venues/" + v + "/tables"));
    fits("getTableLayout", 200, admin.get("/api/v1/rooms/" + room + "/layout?venue_id=" + v));
    String t3 = fits("createTable", 201, admin.post("/api/v1/rooms/" + room + "/tables",
      request("createTable", new JsonObject().put("name", "T3").put("capacity", 4)))).getString("id");
    String t2 = admin.get("/api/v1/rooms/" + room + "/tables").bodyAsJsonObject().getJsonArray("tables").getJsonObject(1).getString("id");
    String combination = fits("createCombination", 201, admin.post("/api/v1/rooms/" + room + "/combinations", request("createCombination",
      new JsonObject().put("table_ids", new JsonArray().add(t1).add(t2).add(t3)).put("min_party_size", 5).put("max_party_size", 8)))).getString("id");
    fits("updateCombination", 200, admin.put("/api/v1/combinations/" + combination, request("updateCombination",
      new JsonObject().put("table_ids", new JsonArray().add(t2).add(t3)).put("min_party_size", 5).put("max_party_size", 6))));
    fits("listCombinations", 200, admin.get("/api/v1/rooms/" + room + "/combinations"));

    JsonArray week = new JsonArray();
    for (int weekday = 0; weekday < 7; weekday++) {
      week.add(new JsonObject().put("weekday", weekday).put("open_time", "10:00").put("close_time", "23:00"));
    }
    fits("setOpeningHours", 200, admin.post("/api/v1/venues/" + v + "/schedule", request("setOpeningHours", new JsonObject().put("days", week))));
    fits("getOpeningHours", 200, admin.get("/api/v1/venues/" + v + "/schedule"));
    fits("setSpecialHours", 200, admin.post("/api/v1/venues/" + v + "/special-hours",
      request("setSpecialHours", new JsonObject().put("date", day.plusDays(1).toString()).put("is_closed", true))));
    fits("setSpecialHours", 200, admin.post("/api/v1/venues/" + v + "/special-hours",
      request("setSpecialHours", new JsonObject().put("date", day.plusDays(2).toString()).put("open_time", "12:00").put("close_time", "15:00"))));
    fits("listSpecialHours", 200, admin.get("/api/v1/venues/" + v + "/special-hours"));

    JsonObject slot = new JsonObject().put("date", day.toString()).put("start_time", "19:00");
    fits("checkAvailability", 200, admin.post("/api/v1/availability/check",
      request("checkAvailability", new JsonObject().put("venue_id", v).put("slot", slot).put("party_size", 4).put("include_unavailable", true))));
    JsonObject offered = fits("checkAvailability", 200, admin.post("/api/v1/availability/check",
      request("checkAvailability", new JsonObject().put("venue_id", v).put("slot", slot).put("party_size", 6))));
    assertTrue(offered.getJsonArray("tables").stream().anyMatch(o -> combination.equals(((JsonObject) o).getString("combination_id"))),
      offered::encodePrettily);
    String onCombination = fits("createBooking", 201, admin.post("/api/v1/bookings", request("createBooking", new JsonObject().put("venue_id", v)
      .put("combination_id", combination).put("slot", slot.copy().put("start_time", "21:00")).put("party_size", 6).put("customer_name", "Ada"))))
      .getString("id");
    fits("rescheduleBooking", 200, admin.post("/api/v1/bookings/" + onCombination + "/reschedule", request("rescheduleBooking",
      new JsonObject().put("slot", slot.copy().put("start_time", "20:30")))));
    assertEquals(204, admin.delete("/api/v1/combinations/" + combination).statusCode());
    fits("checkTableAvailability", 200, admin.post("/api/v1/availability/tables",
      request("checkTableAvailability", new JsonObject().put("venue_id", v).put("table_ids", new JsonArray().add(t1)).put("slot", slot))));
    String booking = fits("createBooking", 201, admin.post("/api/v1/bookings", request("createBooking", new JsonObject().put("venue_id", v)
      .put("table", new JsonObject().put("table_id", t1)).put("slot", slot).put("party_size", 2).put("customer_name", "Ada")))).getString("id");
    fits("listBookings", 200, admin.get("/api/v1/bookings?venue_id=" + v + "&status=held,confirmed"));
    fits("getBooking", 200, admin.get("/api/v1/bookings/" + booking));
    fits("confirmBooking", 200, admin.post("/api/v1/bookings/" + booking + "/confirm", request("confirmBooking", new JsonObject())));
    fits("getBookingHistory", 200, admin.get("/api/v1/bookings/" + booking + "/history"));
    fits("listBookingNotifications", 200, admin.get("/api/v1/bookings/" + booking + "/notifications"));
    fits("cancelBooking", 200, admin.post("/api/v1/bookings/" + booking + "/cancel", request("cancelBooking", new JsonObject().put("reason", "contract test"))));

    String blockDay = day.plusDays(3).toString();
    String block = fits("createBlock", 201, admin.post("/api/v1/venues/" + v + "/blocks", request("createBlock", new JsonObject()
      .put("table_ids", new JsonArray().add(t1)).put("date", blockDay).put("start_time", "18:00").put("end_time", "02:00")
      .put("reason", "private event")))).getString("id");
    fits("listBlocks", 200, admin.get("/api/v1/venues/" + v + "/blocks?date=" + blockDay));
    fits("listBlocks", 200, admin.get("/api/v1/venues/" + v + "/blocks"));
    fits("createBooking", 409, admin.post("/api/v1/bookings", new JsonObject().put("venue_id", v)
      .put("table", new JsonObject().put("table_id", t1)).put("slot", new JsonObject().put("date", blockDay).put("start_time", "19:00"))
      .put("party_size", 2).put("customer_name", "Ada")));
    String held = fits("createBooking", 201, admin.post("/api/v1/bookings", new JsonObject().put("venue_id", v)
      .put("table", new JsonObject().put("table_id", t1)).put("slot", new JsonObject().put("date", day.plusDays(4).toString()).put("start_time", "19:00"))
      .put("party_size", 2).put("customer_name", "Ada"))).getString("id");
    JsonObject overBooking = request("createBlock", new JsonObject().put("table_ids", new JsonArray().add(t1))
      .put("date", day.plusDays(4).toString()).put("start_time", "12:00").put("end_time", "23:00").put("reason", "broken chair"));
    fits("createBlock", 409, admin.post("/api/v1/venues/" + v + "/blocks", overBooking));
    JsonObject over = fits("createBlock", 201, admin.post("/api/v1/venues/" + v + "/blocks", overBooking.copy().put("allow_overlap", true)));
    assertEquals(new JsonArray().add(held), over.getJsonArray("overlapping_booking_ids"));
    assertEquals(204, admin.delete("/api/v1/blocks/" + block).statusCode());
    fits("deleteBlock", 404, admin.delete("/api/v1/blocks/" + block));

    ApiClient signedIn = Logins.asAdmin(admin);
    fits("getMe", 200, signedIn.get("/api/v1/auth/me"));
    fits("listUsers", 200, signedIn.get("/api/v1/users"));
    fits("getVenue", 404, admin.get("/api/v1/venues/" + UUID.randomUUID()));
    fits("createBooking", 400, admin.post("/api/v1/bookings", new JsonObject().put("venue_id", v)));
    fits("listVenues", 401, anonymous.get("/api/v1/venues"));
    fits("healthLive", 200, anonymous.get("/health/live"));
    fits("healthReady", 200, anonymous.get("/health/ready"));
    fits("serviceDescriptor", 200, anonymous.get("/api"));
  }

  /**
   * Whether an operation requires a token: it has a security requirement, and none of them is the
   * empty one ({@code {}}, "no token needed here", as on the WebSocket, which also takes its token
   * in its first message).
   */
  private static boolean secured(JsonObject op) {
    JsonArray security = op.getJsonArray("security", doc.getJsonArray("security"));
    return !security.isEmpty() && security.stream().noneMatch(s -> ((JsonObject) s).isEmpty());
  }

  /** Asserts {@code body} fits the operation's documented request schema (a valid request passes the contract); returns it. */
  private static JsonObject request(String operationId, JsonObject body) {
    MediaType media = contract.operation(operationId).getRequestBody().getContent().get("application/json");
    List<String> failures = new ArrayList<>();
    check(contract, media.getSchema(), body, operationId + " request", failures);
    assertTrue(failures.isEmpty(), () -> failures + "\n" + body.encodePrettily());
    return body;
  }

  /** Asserts the answer has the documented status, content type and schema; returns its JSON. */
  private static JsonObject fits(String operationId, int status, HttpResponse<Buffer> r) {
    String where = operationId + " " + status;
    assertEquals(status, r.statusCode(), () -> where + ": " + r.bodyAsString());
    Operation op = contract.operation(operationId);
    assertNotNull(op, operationId);
    JsonObject response = (JsonObject) resolve(doc.getJsonObject("paths").getJsonObject(op.getOpenAPIPath())
      .getJsonObject(op.getHttpMethod().name().toLowerCase()).getJsonObject("responses").getJsonObject(Integer.toString(status)));
    assertNotNull(response, where + " is documented");
    String documentedType = response.getJsonObject("content").fieldNames().iterator().next();
    assertTrue(r.getHeader("content-type").startsWith(documentedType), () -> where + ": content type " + r.getHeader("content-type") + ", documented " + documentedType);
    JsonObject body = r.bodyAsJsonObject();
    MediaType media = op.getResponse(status).getContent().values().iterator().next();
    List<String> failures = new ArrayList<>();
    check(contract, media.getSchema(), body, where, failures);
    assertTrue(failures.isEmpty(), () -> failures + "\n" + body.encodePrettily());
    return body;
  }

  /** The path with each path parameter replaced by its example. */
  private static String withExamples(String path, JsonObject item, JsonObject op) {
    JsonArray params = new JsonArray().addAll(item.getJsonArray("parameters", new JsonArray())).addAll(op.getJsonArray("parameters", new JsonArray()));
    String url = path;
    for (Object o : params) {
      JsonObject p = (JsonObject) resolve((JsonObject) o);
      if ("path".equals(p.getString("in"))) {
        url = url.replace("{" + p.getString("name") + "}", String.valueOf(p.getValue("example")));
      }
    }
    assertFalse(url.contains("{"), () -> path + " has a path parameter without an example");
    return url;
  }

  private static int checkMedia(OpenAPIContract contract, MediaType media, String where, List<String> failures) {
    JsonObject model = media.getOpenAPIModel();
    List<Object> examples = new ArrayList<>();
    if (model.containsKey("example")) {
      examples.add(model.getValue("example"));
    }
    JsonObject named = model.getJsonObject("examples", new JsonObject());
    for (String key : named.fieldNames()) {
      if (key.startsWith("__")) {
        continue; // the contract's own annotations (__absolute_uri__)
      }
      JsonObject example = (JsonObject) resolve(named.getJsonObject(key));
      assertTrue(example.containsKey("value"), where + " example " + key + " has a value");
      examples.add(example.getValue("value"));
    }
    if (examples.isEmpty()) {
      failures.add(where + ": no example");
    }
    for (Object example : examples) {
      check(contract, media.getSchema(), example, where, failures);
    }
    return examples.size();
  }

  private static void check(OpenAPIContract contract, io.vertx.json.schema.JsonSchema schema, Object example, String where, List<String> failures) {
    OutputUnit result = contract.getSchemaRepository().validator(schema).validate(withoutAnnotations(example));
    if (!Boolean.TRUE.equals(result.getValid())) {
      failures.add(where + ": " + result.getErrors());
    }
  }

  /** The example as written: the contract marks every object it read with {@code __absolute_uri__} (and {@code __absolute_ref__}). */
  private static Object withoutAnnotations(Object value) {
    if (value instanceof JsonObject o) {
      JsonObject out = new JsonObject();
      o.forEach(e -> {
        if (!e.getKey().startsWith("__absolute_")) {
          out.put(e.getKey(), withoutAnnotations(e.getValue()));
        }
      });
      return out;
    }
    if (value instanceof JsonArray a) {
      JsonArray out = new JsonArray();
      a.forEach(v -> out.add(withoutAnnotations(v)));
      return out;
    }
    return value;
  }

  /** A {@code $ref} to this document, followed (to the end of a chain); anything else as it is. */
  private static Object resolve(JsonObject maybeRef) {
    Object at = maybeRef;
    for (int hops = 0; at instanceof JsonObject o && o.containsKey("$ref"); hops++) {
      assertTrue(hops < 10, "a $ref chain too long at " + maybeRef);
      String ref = o.getString("$ref");
      assertTrue(ref.startsWith("#/"), ref);
      Object next = doc;
      for (String key : ref.substring(2).split("/")) {
        next = ((JsonObject) next).getValue(key.replace("~1", "/").replace("~0", "~"));
        assertNotNull(next, "unresolved " + ref);
      }
      at = next;
    }
    return at;
  }

  private static String between(String text, String open, String close) {
    int start = text.indexOf(open) + open.length();
    return text.substring(start, text.indexOf(close, start));
  }

  private static String sha256(String s) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
