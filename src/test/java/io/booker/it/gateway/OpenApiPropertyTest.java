package io.booker.it.gateway;

import io.booker.gateway.docs.ApiDocument;
import io.booker.it.support.ApiClient;
import io.booker.it.support.LogCapture;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.json.schema.JsonSchema;
import io.vertx.openapi.contract.OpenAPIContract;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Requests generated from the OpenAPI document (jqwik properties), sent to a real node as an admin.
 * For every {@code /api/v1} operation but the WebSocket: path, query and header parameters and a JSON
 * body built from the operation's schemas by {@link SchemaValues}, each body checked against the
 * document before it is sent.
 *
 * <ul>
 *   <li>What the document allows is never refused as invalid input: the answer is a success, or a
 *       refusal due to state ({@link #STATE_ANSWERS}), or a 400 for one of the rules the document
 *       describes in words because JSON Schema cannot say them ({@link #RULES_IN_WORDS}).</li>
 *   <li>What the document refuses (one constraint broken at a time: wrong type, out of range or off
 *       the step, missing required field, unknown field, too long or short, bad pattern, unknown enum
 *       value, too many items; malformed path, query and header parameters) is a 400 problem
 *       {@code INVALID_ARGUMENT}.</li>
 *   <li>Nothing is ever a 5xx.</li>
 * </ul>
 *
 * Path ids are the fixture's (made in {@link #start}) most of the time and random otherwise (a 404);
 * deletes always name random ids, so the fixture stays. Each try sends one request per operation.
 */
class OpenApiPropertyTest {

  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final String V1 = "/api/v1/";

  /**
   * Answers to a valid request that are about state, not input: 404 (a random id, or a booking of
   * the fixture gone by), 409 (a name taken, a slot taken, a transition the booking's status does
   * not allow, a delete refused), 422 (an idempotency key met again with another body).
   */
  static final Set<Integer> STATE_ANSWERS = Set.of(404, 409, 422);
  /** Sign-in and refresh with generated credentials are 401 (and, after a few, 429: the throttle). */
  static final Set<String> CREDENTIAL_OPERATIONS = Set.of("login", "refreshTokens", "changeOwnPassword");

  /**
   * 400s a valid request may get: rules the document states in its descriptions because they
   * depend on data, the clock or another field, which a schema cannot express. Each is a
   * field-named INVALID_ARGUMENT, matched on the detail.
   */
  static final Map<String, Pattern> RULES_IN_WORDS = Map.ofEntries(
    // A slot in the past, outside the venue's hours, or in a daylight-saving gap (the clock, the schedule, the zone).
    Map.entry("slot", Pattern.compile("^slot(\\.[a-z_]+)?: .*")),
    // Seats per table, mergeable pairs, a table of another room: the tables' data.
    Map.entry("seats", Pattern.compile("^party_size: (table|tables|combination) .*")),
    Map.entry("merge", Pattern.compile("^merged_with_table(\\.table_id)?: .*")),
    Map.entry("room", Pattern.compile("^(table|merged_with_table)\\.room_id: table .* is not in room .*")),
    // The table's venue_id, when given, must be the booking's (two fields).
    Map.entry("venue", Pattern.compile("^(table|merged_with_table)\\.venue_id: must be the booking's venue_id$")),
    // Opening ranges must not overlap (across items of one list).
    Map.entry("overlap", Pattern.compile("^(days\\[\\d+]|ranges): .*overlaps .*")),
    // from/to of special hours: ordered, at most three years apart (two parameters).
    Map.entry("range", Pattern.compile("^to_date: must (not be before|be at most) .*")),
    // Blocks: from/to ordered and at most 31 (a block) or 93 (a list) days apart, given together, not
    // beside a date; a local range in a daylight-saving gap; a table named twice; a room without tables.
    Map.entry("blockRange", Pattern.compile("^(to: must be (after from|at most (31|93) days after from)|(from|to): is required"
      + "|date: give date.*, not both|end_time: must be after start_time in the venue's time zone)$")),
    Map.entry("blockTables", Pattern.compile("^(table_ids: must not name a table twice|room_id: the room has no tables to block)$")),
    // Table combinations: each table once and of the combination's room, min_party_size not above
    // max_party_size (the tables' data, two fields).
    Map.entry("combination", Pattern.compile("^(table_ids\\[\\d+]: (repeats table .*|table .* is not a table of the combination's room)"
      + "|min_party_size: must not be greater than max_party_size .*)$")),
    // The seating document, validated as a whole: a turn time names an existing period, rows of one
    // scope ascend by party size, periods of a weekday do not overlap, names and weekdays are not
    // repeated, the last seating lies within its period (docs/seating.md).
    Map.entry("seating", Pattern.compile("^(turn_times\\[\\d+](\\.(period|max_party_size|weekdays(\\[\\d+])?))?"
      + "|periods\\[\\d+](\\.(name|weekdays(\\[\\d+])?|end_time|last_seating))?): .*")),
    // The body's idempotency_key and the Idempotency-Key header, both given, must agree.
    Map.entry("key", Pattern.compile("^idempotency_key: differs from the Idempotency-Key header$")),
    // The caller's own password must be the current one; a new password is not the login.
    // A role change to manager or host keeps the user's venues: without any, it needs some (the user's data).
    Map.entry("venues", Pattern.compile("^venue_ids: a (manager|host) needs at least one venue$")),
    Map.entry("password", Pattern.compile("^(current_password: does not match|(new_)?password: must (differ from the current password|not be the login name))$")));

  static ApiClient admin;
  static ApiClient anonymous;
  static Vertx vertx;
  static OpenAPIContract contract;
  static List<OpenApiOperations.Operation> operations;
  static SchemaValues values;
  static final Map<String, List<String>> fixture = new ConcurrentHashMap<>();
  /** How the answers came out ("valid 201", "valid 400 slot", "invalid 400"...), printed at the end. */
  static final Map<String, Integer> tally = new java.util.concurrent.ConcurrentSkipListMap<>();
  static final java.util.concurrent.atomic.AtomicInteger picks = new java.util.concurrent.atomic.AtomicInteger();

  /** Nothing a client sends is an error of the server: no ERROR line while the properties run. */
  static final LogCapture logs = new LogCapture();

  @BeforeContainer
  static void start() {
    logs.start();
    harness.start();
    admin = harness.api();
    anonymous = admin.as(null);
    String venue = admin.venue("Property " + UUID.randomUUID()).getString("id");
    String room = admin.room(venue, "Main").getString("id");
    String t1 = admin.created(V1 + "rooms/" + room + "/tables", new JsonObject().put("name", "P1").put("capacity", 4).put("can_merge", true)).getString("id");
    String t2 = admin.created(V1 + "rooms/" + room + "/tables", new JsonObject().put("name", "P2").put("capacity", 6).put("can_merge", true)).getString("id");
    JsonArray week = new JsonArray();
    for (int weekday = 0; weekday < 7; weekday++) {
      // 00:00-00:00: open 24 hours, so a generated slot is refused for its input only.
      week.add(new JsonObject().put("weekday", weekday).put("open_time", "00:00").put("close_time", "00:00"));
    }
    assertEquals(200, admin.post(V1 + "venues/" + venue + "/schedule", new JsonObject().put("days", week)).statusCode());
    String day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3).toString();
    String booking = admin.created(V1 + "bookings", new JsonObject().put("venue_id", venue).put("table", new JsonObject().put("table_id", t1))
      .put("slot", new JsonObject().put("date", day).put("start_time", "12:00")).put("party_size", 2).put("customer_name", "Ada")).getString("id");
    String user = admin.created(V1 + "users", new JsonObject().put("login", Logins.uniqueLogin("prop")).put("password", "a long enough passphrase")
      .put("role", "host").put("venue_ids", new JsonArray().add(venue))).getString("id");
    fixture.put("venue", List.of(venue));
    fixture.put("room", List.of(room));
    fixture.put("table", List.of(t1, t2));
    fixture.put("booking", List.of(booking));
    fixture.put("user", List.of(user));

    vertx = Vertx.vertx();
    ApiDocument document = ApiDocument.load();
    contract = OpenAPIContract.from(vertx, document.forVertxOpenApi()).await();
    operations = OpenApiOperations.load().operations().stream()
      .filter(op -> op.path().startsWith(V1) && !op.id().equals("openLiveSocket"))
      .toList();
    values = new SchemaValues(document.json(), OpenApiPropertyTest::knownId);
  }

  @AfterContainer
  static void stop() {
    System.out.println("OpenApiPropertyTest answers: " + tally);
    logs.stop();
    try {
      if (vertx != null) {
        vertx.close().await();
      }
    } finally {
      harness.close();
    }
  }

  // Shrinking a seed would only replay whole rounds of requests: off.
  @Property(tries = 6, shrinking = ShrinkingMode.OFF)
  void whatTheDocumentAllowsIsNotRefused(@ForAll long seed) {
    Random r = new Random(seed);
    List<String> failures = new ArrayList<>();
    for (OpenApiOperations.Operation op : operations) {
      Call call = validCall(op, r);
      HttpResponse<Buffer> answer = send(call);
      tally.merge("valid " + answer.statusCode() + rule(answer), 1, Integer::sum);
      String problem = judgeValid(op, answer);
      if (problem != null) {
        failures.add(call + " -> " + answer.statusCode() + " " + answer.bodyAsString() + ": " + problem);
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " valid requests refused:\n" + String.join("\n", failures));
    assertEquals(List.of(), logs.errors(), "nothing a client sends is logged at ERROR");
  }

  @Property(tries = 5, shrinking = ShrinkingMode.OFF)
  void whatTheDocumentRefusesIsABadRequest(@ForAll long seed) {
    Random r = new Random(seed);
    List<String> failures = new ArrayList<>();
    for (OpenApiOperations.Operation op : operations) {
      Call call = invalidCall(op, validCall(op, r), r);
      if (call == null) {
        continue; // nothing of this operation can be broken (no input)
      }
      HttpResponse<Buffer> answer = send(call);
      tally.merge("invalid " + answer.statusCode(), 1, Integer::sum);
      String problem = judgeInvalid(answer);
      if (problem != null) {
        failures.add(call + " -> " + answer.statusCode() + " " + answer.bodyAsString() + ": " + problem);
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " invalid requests not refused as such:\n" + String.join("\n", failures));
    assertEquals(List.of(), logs.errors(), "nothing a client sends is logged at ERROR");
  }

  // ------------------------------------------------------------------ judging answers

  private static String judgeValid(OpenApiOperations.Operation op, HttpResponse<Buffer> answer) {
    int status = answer.statusCode();
    if (status >= 500) {
      return "a server error";
    }
    if (status < 300 || STATE_ANSWERS.contains(status)) {
      return null;
    }
    if ((status == 401 || status == 429) && CREDENTIAL_OPERATIONS.contains(op.id())) {
      return null;
    }
    if (status == 400) {
      JsonObject p = problem(answer);
      if (p == null) {
        return "a 400 that is not a problem";
      }
      String detail = p.getString("detail", "");
      boolean inWords = RULES_IN_WORDS.values().stream().anyMatch(rule -> rule.matcher(detail).matches());
      return inWords ? null : "refused as invalid, though the document allows it";
    }
    return "unexpected status";
  }

  /** The rule in words a 400 matched (" slot"...), or "". */
  private static String rule(HttpResponse<Buffer> answer) {
    JsonObject p = answer.statusCode() == 400 ? problem(answer) : null;
    if (p == null) {
      return "";
    }
    String detail = p.getString("detail", "");
    return RULES_IN_WORDS.entrySet().stream().filter(e -> e.getValue().matcher(detail).matches()).map(e -> " " + e.getKey()).findFirst().orElse("");
  }

  private static String judgeInvalid(HttpResponse<Buffer> answer) {
    if (answer.statusCode() != 400) {
      return "expected 400";
    }
    JsonObject p = problem(answer);
    if (p == null || !"INVALID_ARGUMENT".equals(p.getString("code"))) {
      return "expected a problem with code INVALID_ARGUMENT";
    }
    return null;
  }

  private static JsonObject problem(HttpResponse<Buffer> answer) {
    String type = answer.getHeader("content-type");
    if (type == null || !type.startsWith("application/problem+json")) {
      return null;
    }
    return answer.bodyAsJsonObject();
  }

  // ------------------------------------------------------------------ building requests

  /** A request as sent: path with values, query, header and body (null: none). */
  record Call(OpenApiOperations.Operation op, Map<String, String> path, List<String[]> query, String idempotencyKey, JsonObject body,
              String broken) {

    String url() {
      String url = op.path();
      for (var e : path.entrySet()) {
        url = url.replace("{" + e.getKey() + "}", encode(e.getValue()));
      }
      StringBuilder b = new StringBuilder(url);
      for (int i = 0; i < query.size(); i++) {
        b.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(encode(query.get(i)[1]));
      }
      return b.toString();
    }

    Call with(Map<String, String> path, List<String[]> query, String key, JsonObject body, String broken) {
      return new Call(op, path, query, key, body, broken);
    }

    @Override
    public String toString() {
      return op.id() + " " + op.method() + " " + url() + (idempotencyKey == null ? "" : " [Idempotency-Key: " + idempotencyKey + "]")
        + (body == null ? "" : " " + body.encode()) + (broken == null ? "" : " {broken: " + broken + "}");
    }
  }

  private static Call validCall(OpenApiOperations.Operation op, Random r) {
    Map<String, String> path = new java.util.LinkedHashMap<>();
    List<String[]> query = new ArrayList<>();
    String key = null;
    for (JsonObject p : op.parameters()) {
      String name = p.getString("name");
      switch (p.getString("in")) {
        case "path" -> path.put(name, pathValue(op, name, p, r));
        case "query" -> {
          if (p.getBoolean("required", false) || r.nextBoolean()) {
            Object v = values.valid(p.getJsonObject("schema"), name, r);
            if (v instanceof JsonArray items) {
              items.forEach(item -> query.add(new String[]{name, String.valueOf(item)}));
            } else {
              query.add(new String[]{name, String.valueOf(v)});
            }
          }
        }
        case "header" -> {
          if (r.nextBoolean()) {
            key = (String) values.valid(p.getJsonObject("schema"), name, r);
          }
        }
        default -> throw new IllegalStateException(p.encode());
      }
    }
    JsonObject body = null;
    if (op.hasBody() && (op.bodyRequired() || r.nextInt(4) > 0)) {
      body = validBody(op, r);
    }
    return new Call(op, path, query, key, body, null);
  }

  private static JsonObject validBody(OpenApiOperations.Operation op, Random r) {
    for (int attempt = 0; attempt < 50; attempt++) {
      Object candidate = values.valid(op.body(), "body", r);
      if (candidate instanceof JsonObject body && bodyIsValid(op, body)) {
        return body;
      }
    }
    throw new AssertionError("SchemaValues made no valid body for " + op.id() + " in 50 attempts");
  }

  private static boolean bodyIsValid(OpenApiOperations.Operation op, JsonObject body) {
    JsonSchema schema = contract.operation(op.id()).getRequestBody().getContent().get("application/json").getSchema();
    return Boolean.TRUE.equals(contract.getSchemaRepository().validator(schema).validate(body).getValid());
  }

  private static String pathValue(OpenApiOperations.Operation op, String name, JsonObject param, Random r) {
    if (name.equals("date")) {
      return (String) values.valid(param.getJsonObject("schema"), name, r);
    }
    // Deletes name random ids: the fixture stays for the other operations.
    if (op.method().equals("DELETE") && !op.path().contains("special-hours")) {
      return UUID.randomUUID().toString();
    }
    String kind = switch (name) {
      case "venueId" -> "venue";
      case "roomId" -> "room";
      default -> op.path().substring(V1.length()).split("/")[0].replaceAll("s$", "");
    };
    List<String> known = fixture.get(kind);
    return known != null && r.nextInt(5) > 0 ? known.get(r.nextInt(known.size())) : UUID.randomUUID().toString();
  }

  /** The fixture's id for a body field or item named so (venue_id, table_id...), or null. */
  private static String knownId(String name) {
    List<String> known = switch (name) {
      case "venue_id" -> fixture.get("venue");
      case "room_id" -> fixture.get("room");
      case "table_id" -> fixture.get("table");
      default -> null;
    };
    return known == null ? null : known.get(Math.floorMod(picks.getAndIncrement(), known.size()));
  }

  // ------------------------------------------------------------------ breaking one constraint

  /** {@code valid} with one constraint of the document broken, or null when the operation takes no input. */
  private static Call invalidCall(OpenApiOperations.Operation op, Call valid, Random r) {
    List<String> kinds = new ArrayList<>();
    if (op.hasBody()) {
      kinds.add("body");
    }
    if (!valid.path().isEmpty()) {
      kinds.add("path");
    }
    if (!op.parameters("query").isEmpty()) {
      kinds.add("query");
    }
    if (!op.parameters("header").isEmpty()) {
      kinds.add("header");
    }
    if (kinds.isEmpty()) {
      return null;
    }
    String kind = kinds.get(r.nextInt(kinds.size()));
    switch (kind) {
      case "path" -> {
        Map<String, String> path = new java.util.LinkedHashMap<>(valid.path());
        List<String> names = new ArrayList<>(path.keySet());
        String name = names.get(r.nextInt(names.size()));
        String bad = name.equals("date") ? pick(r, "24.12.2030", "2030-1-1", "tomorrow") : pick(r, "not-a-uuid", valid.path().get(name) + "0", "123");
        path.put(name, bad);
        return valid.with(path, valid.query(), valid.idempotencyKey(), valid.body(), "path " + name + "=" + bad);
      }
      case "query" -> {
        List<JsonObject> params = op.parameters("query");
        JsonObject p = params.get(r.nextInt(params.size()));
        String name = p.getString("name");
        JsonObject schema = values.flat(p.getJsonObject("schema"));
        String bad = switch (SchemaValues.type(schema)) {
          case "integer" -> pick(r, String.valueOf(schema.getLong("maximum", 0L) + 1), String.valueOf(schema.getLong("minimum", 0L) - 1), "ten", "1.5");
          case "array" -> pick(r, "bogus", "held;confirmed", "HELD");
          default -> "uuid".equals(schema.getString("format")) ? pick(r, "not-a-uuid", "venue-1") : pick(r, "24.12.2030", "2030/01/01", "soon");
        };
        List<String[]> query = new ArrayList<>(valid.query().stream().filter(q -> !q[0].equals(name)).toList());
        query.add(new String[]{name, bad});
        return valid.with(valid.path(), query, valid.idempotencyKey(), valid.body(), "query " + name + "=" + bad);
      }
      case "header" -> {
        String bad = pick(r, "has space", "k".repeat(256), "tab\there", "");
        return valid.with(valid.path(), valid.query(), bad, valid.body(), "header Idempotency-Key=" + bad);
      }
      default -> {
        for (int attempt = 0; attempt < 50; attempt++) {
          JsonObject base = valid.body() != null ? valid.body() : validBody(op, r);
          Broken broken = breakOne(base, op.body(), r);
          if (broken != null && !bodyIsValid(op, broken.body())) {
            return valid.with(valid.path(), valid.query(), valid.idempotencyKey(), broken.body(), broken.what());
          }
        }
        throw new AssertionError("no constraint of " + op.id() + "'s body could be broken in 50 attempts");
      }
    }
  }

  record Broken(JsonObject body, String what) {
  }

  /** A copy of {@code body} with one constraint of {@code schema} broken somewhere in it (or null when the pick found none). */
  private static Broken breakOne(JsonObject body, JsonObject schema, Random r) {
    JsonObject copy = body.copy();
    JsonObject s = values.flat(schema);
    // A third of the time one level down, in a nested object (slot, table, position...).
    JsonObject props = s.getJsonObject("properties", new JsonObject());
    List<String> nested = copy.fieldNames().stream().filter(f -> copy.getValue(f) instanceof JsonObject && props.containsKey(f)).toList();
    if (!nested.isEmpty() && r.nextInt(3) == 0) {
      String f = nested.get(r.nextInt(nested.size()));
      JsonObject ps = values.flat(props.getJsonObject(f));
      if (ps.containsKey("anyOf")) {
        ps = values.flat(ps.getJsonArray("anyOf").getJsonObject(0)); // a nullable object (position): its object branch
      }
      return breakAt(copy, copy.getJsonObject(f), ps, f + ".", r);
    }
    return breakAt(copy, copy, s, "", r);
  }

  private static Broken breakAt(JsonObject root, JsonObject at, JsonObject s, String where, Random r) {
    JsonObject props = s.getJsonObject("properties", new JsonObject());
    List<String> required = s.getJsonArray("required", new JsonArray()).stream().map(String::valueOf).filter(at::containsKey).toList();
    switch (r.nextInt(4)) {
      case 0 -> {
        if (!required.isEmpty()) {
          String f = required.get(r.nextInt(required.size()));
          at.remove(f);
          return new Broken(root, "missing required " + where + f);
        }
        return null;
      }
      case 1 -> {
        at.put("x_unknown", 1);
        return new Broken(root, "unknown field " + where + "x_unknown");
      }
      default -> {
        List<String> present = at.fieldNames().stream().filter(props::containsKey).toList();
        if (present.isEmpty()) {
          return null;
        }
        String f = present.get(r.nextInt(present.size()));
        JsonObject ps = values.flat(props.getJsonObject(f));
        Object bad = badValue(at.getValue(f), ps, r);
        if (bad == NONE) {
          return null;
        }
        at.put(f, bad);
        return new Broken(root, where + f + " = " + (bad instanceof String str && str.length() > 40 ? str.substring(0, 40) + "...(" + str.length() + ")" : bad));
      }
    }
  }

  private static final Object NONE = new Object();

  /** A value breaking one of {@code s}'s constraints, or {@link #NONE}. */
  private static Object badValue(Object value, JsonObject s, Random r) {
    List<Object> options = new ArrayList<>();
    // Wrong type.
    options.add(value instanceof String ? (Object) 12345 : value instanceof Number ? "12" : value instanceof Boolean ? "true" : (Object) "x");
    if (s.containsKey("enum")) {
      options.add("not_in_the_list");
    }
    if (s.containsKey("maximum")) {
      options.add(s.getLong("maximum") + 1);
    }
    if (s.containsKey("minimum")) {
      options.add(s.getLong("minimum") - 1);
    }
    if (s.containsKey("multipleOf") && value instanceof Number n && n.longValue() + 1 <= s.getLong("maximum", Long.MAX_VALUE)) {
      options.add(n.longValue() + 1);
    }
    if (s.containsKey("maxLength")) {
      options.add("a".repeat(s.getInteger("maxLength") + 1));
    }
    if (s.getInteger("minLength", 0) > 0) {
      options.add("");
    }
    JsonArray patterns = s.getJsonArray("x-patterns");
    if (patterns != null || "uuid".equals(s.getString("format"))) {
      // A control character inside text, a character no pattern of an id, time or code allows.
      options.add(value instanceof String str && str.length() > 1 ? str.charAt(0) + "\u0001" + str.substring(1) : "a\u0001b");
      options.add("~" + value + "~");
    }
    if ("array".equals(SchemaValues.type(s)) && value instanceof JsonArray a) {
      if (s.containsKey("maxItems") && !a.isEmpty()) {
        JsonArray more = new JsonArray();
        for (int i = 0; i <= s.getInteger("maxItems"); i++) {
          more.add(a.getValue(i % a.size()));
        }
        options.add(more);
      }
      options.add(new JsonArray().add(new JsonObject().put("not", "an item")));
    }
    return options.isEmpty() ? NONE : options.get(r.nextInt(options.size()));
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }

  // ------------------------------------------------------------------ sending

  private static HttpResponse<Buffer> send(Call call) {
    boolean anonymousCall = Set.of("login", "refreshTokens", "logout").contains(call.op().id());
    HttpRequest<Buffer> request = (anonymousCall ? anonymous : admin).request(call.op().method(), call.url());
    if (call.idempotencyKey() != null) {
      request.putHeader("Idempotency-Key", call.idempotencyKey());
    }
    if (call.body() == null) {
      return request.send().await();
    }
    return request.putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(call.body().encode())).await();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
