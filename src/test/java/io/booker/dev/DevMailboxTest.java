package io.booker.dev;

import io.booker.dev.infra.LocalPorts;
import io.booker.notify.channel.EmailChannel;
import io.booker.notify.channel.OutgoingMessage;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The dev system's SMTP server and mail page: what the node sends there can be read in a browser. */
class DevMailboxTest {

  static Vertx vertx;
  static DevMailbox mailbox;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    mailbox = DevMailbox.start(LocalPorts.free(), LocalPorts.free());
  }

  @AfterAll
  static void stop() {
    mailbox.close();
    vertx.close().await();
  }

  static void send(String to, String subject, String text) {
    JsonObject email = mailbox.toConfig().getJsonObject("notify").getJsonObject("email");
    EmailChannel.create(vertx, email).send(new OutgoingMessage(UUID.randomUUID().toString(), "email", to, subject, text,
        UUID.randomUUID().toString(), "confirmed")).await();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(mailbox.pageUrl() + path.substring(1))).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void mailSentWithTheNodesSettingsIsListedNewestFirstAndEscaped() throws Exception {
    String first = "first-" + UUID.randomUUID() + "@example.com";
    String second = "second-" + UUID.randomUUID() + "@example.com";
    send(first, "Booking confirmed <script>alert(1)</script>", "Hello & welcome,\n<b>not bold</b>\n");
    send(second, "Booking moved", "Zum Löwen, Freitag 19:30 Uhr\n");

    JsonArray json = new JsonArray(get("/messages.json").body());
    int firstAt = indexOf(json, first);
    int secondAt = indexOf(json, second);
    assertTrue(secondAt >= 0 && firstAt > secondAt, "newest first: " + json.encode());
    JsonObject moved = json.getJsonObject(secondAt);
    assertEquals("Booking moved", moved.getString("subject"));
    assertEquals("Zum Löwen, Freitag 19:30 Uhr", moved.getString("text").strip());
    assertTrue(moved.getString("from").contains("no-reply@booker.local"));
    assertTrue(moved.getLong("received_at") > 1_700_000_000L);

    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    String html = page.body();
    assertTrue(html.contains("Booking confirmed &lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertFalse(html.contains("<script>"), "nothing from a mail is markup");
    assertTrue(html.contains("Hello &amp; welcome,\n&lt;b&gt;not bold&lt;/b&gt;"), html);
    assertTrue(html.indexOf(second) < html.indexOf(first), "newest first on the page too");
    assertTrue(html.contains("lost") || html.contains("gone"), "the page says the mail is kept in memory only");

    assertEquals(404, get("/nothing-here").statusCode());
  }

  @Test
  void takenPortsMoveToTheNextFreeOnes() {
    try (DevMailbox second = DevMailbox.start(mailbox.smtpPort(), mailbox.pagePort())) {
      assertNotEquals(mailbox.smtpPort(), second.smtpPort());
      assertNotEquals(mailbox.pagePort(), second.pagePort());
      assertTrue(second.smtpPort() > mailbox.smtpPort() && second.pagePort() > mailbox.pagePort());
    }
  }

  private static int indexOf(JsonArray json, String to) {
    for (int i = 0; i < json.size(); i++) {
      if (json.getJsonObject(i).getJsonArray("to").contains(to)) {
        return i;
      }
    }
    return -1;
  }
}
