package io.booker.it.gateway;

import io.booker.it.support.NodeHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The gateway serves the staff web app over plain HTTP: the page at {@code /} and every file under
 * {@code /app/} with its content type, revalidated on each load and under the strict
 * Content-Security-Policy; unknown files are 404; no path, however encoded, reaches a file outside
 * the app (classpath resources, the working directory, the file system); and the API descriptor
 * still lists API routes only.
 */
class WebAppServedTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final Path WEBAPP = Path.of("src/main/resources/webapp");
  static final Map<String, String> TYPES = Map.of(
    ".js", "text/javascript|application/javascript", ".css", "text/css", ".svg", "image/svg\\+xml",
    ".html", "text/html", ".png", "image/png", ".json", "application/json");

  static RawHttp.Response get(String target) {
    return RawHttp.exchange(harness.httpPort(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1", "");
  }

  @Test
  void thePageIsServedRevalidatedUnderTheStrictPolicy() {
    RawHttp.Response page = get("/");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
    assertEquals("no-cache", page.header("cache-control"));
    String csp = page.header("content-security-policy");
    assertNotNull(csp, "a Content-Security-Policy");
    for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'")) {
      assertTrue(csp.contains(directive), directive + " in " + csp);
    }
    assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
    assertEquals("nosniff", page.header("x-content-type-options"));
    assertTrue(page.body().contains("<title>Booker"), page.body());
    assertTrue(page.body().contains("src=\"/app/main.js\""), "the page loads the app's main module");
  }

  @Test
  void everyFileOfTheAppIsServedWithItsType() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(WEBAPP.resolve("app"))) {
      files = all.filter(Files::isRegularFile).sorted().toList();
    }
    assertTrue(files.stream().anyMatch(f -> f.endsWith("main.js")), "the app has a main module: " + files);
    for (Path file : files) {
      String target = "/" + WEBAPP.relativize(file).toString().replace('\\', '/');
      RawHttp.Response r = get(target);
      assertEquals(200, r.status(), target);
      String name = file.getFileName().toString();
      String expected = TYPES.get(name.substring(name.lastIndexOf('.')));
      assertNotNull(expected, "a content type is expected for " + target);
      assertTrue(r.header("content-type") != null && r.header("content-type").matches("(" + expected + ")(;.*)?"),
        target + " is served as " + r.header("content-type"));
      assertEquals("no-cache", r.header("cache-control"), target);
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.body(), target + " is the file itself");
    }
  }

  @Test
  void unknownFilesAndFoldersAreNotFound() {
    for (String target : List.of("/app/does-not-exist.js", "/app/", "/app/views", "/app/views/", "/app/.hidden",
      "/index.html", "/app/index.html", "/main.js")) {
      RawHttp.Response r = get(target);
      if (r.status() == 301) {
        // A folder named without its slash is redirected to the slash form (Vert.x's StaticHandler), which is 404.
        assertEquals(target + "/", r.header("location"), target);
        r = get(target + "/");
      }
      assertEquals(404, r.status(), target + ": " + r.body());
      assertFalse(r.body().contains("<a href"), target + " lists no folder");
    }
  }

  /** Whatever the spelling, a path that leaves the app's folder gets no file from outside it. */
  @Test
  void noPathLeavesTheAppsFolder() throws IOException {
    // Marker lines of files a traversal would aim at: classpath resources, the working directory, the system.
    String yaml = firstLine(Path.of("src/main/resources/openapi/booker.yaml"));
    String logback = "<configuration";
    String conf = Files.readString(Path.of("conf/all-in-one.json")).strip().lines().skip(1).findFirst().orElseThrow().strip();
    String passwd = "root:";
    Map<String, String> targets = Map.ofEntries(
      Map.entry("/app/../openapi/booker.yaml", yaml),
      Map.entry("/app/%2e%2e/openapi/booker.yaml", yaml),
      Map.entry("/app/%2E%2E/openapi/booker.yaml", yaml),
      Map.entry("/app/..%2fopenapi%2fbooker.yaml", yaml),
      Map.entry("/app/%2e%2e%2fopenapi%2fbooker.yaml", yaml),
      Map.entry("/app/%252e%252e/openapi/booker.yaml", yaml),
      Map.entry("/app/..%5copenapi%5cbooker.yaml", yaml),
      Map.entry("/app/views/../../logback.xml", logback),
      Map.entry("/app/views/%2e%2e/%2e%2e/logback.xml", logback),
      Map.entry("/app/....//....//logback.xml", logback),
      Map.entry("/app/%00/../logback.xml", logback),
      Map.entry("/../logback.xml", logback),
      Map.entry("/app/../../conf/all-in-one.json", conf),
      Map.entry("/app/%2e%2e/%2e%2e/%2e%2e/conf/all-in-one.json", conf),
      Map.entry("/app/../../../../../../../../etc/passwd", passwd),
      Map.entry("/app/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", passwd),
      Map.entry("/app//etc/passwd", passwd),
      Map.entry("/app/%2fetc%2fpasswd", passwd));
    List<String> leaks = new ArrayList<>();
    for (Map.Entry<String, String> t : targets.entrySet()) {
      RawHttp.Response r = get(t.getKey());
      if (r.body().contains(t.getValue()) || (r.status() != 400 && r.status() != 404)) {
        leaks.add(t.getKey() + " -> " + r.status() + " " + r.body().lines().findFirst().orElse(""));
      }
    }
    assertEquals(List.of(), leaks, "paths outside the app must be 400 or 404 and show nothing of the file");
  }

  @Test
  void theApiDescriptorListsApiRoutesOnly() {
    RawHttp.Response r = get("/api");
    assertEquals(200, r.status());
    JsonArray routes = new JsonObject(r.body()).getJsonArray("routes");
    assertFalse(routes.isEmpty());
    List<String> notApi = new ArrayList<>();
    for (Object o : routes) {
      String path = ((JsonObject) o).getString("path");
      if (path.equals("/") || path.equals("/app") || path.startsWith("/app/") || path.equals("/app/*")) {
        notApi.add(((JsonObject) o).getString("method") + " " + path);
      }
    }
    assertEquals(List.of(), notApi, "the web app's routes are not API operations");
    assertTrue(routes.stream().anyMatch(o -> ((JsonObject) o).getString("path").startsWith("/api/v1/")), routes::encode);
  }

  static String firstLine(Path file) throws IOException {
    return Files.readString(file).lines().filter(l -> !l.isBlank()).findFirst().orElseThrow().strip();
  }
}
