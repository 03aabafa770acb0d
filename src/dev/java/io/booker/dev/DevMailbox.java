package io.booker.dev;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.booker.dev.infra.LocalPorts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * The dev system's mail: an SMTP server (GreenMail) that accepts every message for every address
 * and keeps it, and a page listing what it caught, newest first ({@code GET /}, and
 * {@code GET /messages.json}). Everything is in memory: the mail is gone when the dev stack stops.
 * Test scope, started by {@link DevStack}.
 */
public final class DevMailbox implements AutoCloseable {

  static final int SMTP_PORT = 3025;
  static final int PAGE_PORT = 8025;
  static final String FROM = "Booker (dev) <no-reply@booker.local>";
  /** How many ports after the preferred one are tried when it is taken. */
  private static final int PORT_TRIES = 20;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final GreenMail greenMail;
  private final Vertx vertx;
  private HttpServer page;

  private DevMailbox(GreenMail greenMail, Vertx vertx) {
    this.greenMail = greenMail;
    this.vertx = vertx;
  }

  /** One message as caught. */
  public record CapturedMail(Instant receivedAt, String from, List<String> to, String subject, String text) {

    JsonObject toJson() {
      return new JsonObject().put("received_at", receivedAt.getEpochSecond()).put("from", from)
          .put("to", new JsonArray(to)).put("subject", subject).put("text", text);
    }
  }

  /** Starts SMTP on 127.0.0.1 at {@code smtpPort} or the next free port, then the page likewise. */
  public static DevMailbox start(int smtpPort, int pagePort) {
    GreenMail greenMail = startSmtp(smtpPort);
    Vertx vertx = Vertx.vertx();
    try {
      DevMailbox box = new DevMailbox(greenMail, vertx);
      box.page = listen(vertx, box, pagePort);
      return box;
    } catch (RuntimeException e) {
      vertx.close();
      greenMail.stop();
      throw e;
    }
  }

  private static GreenMail startSmtp(int preferred) {
    RuntimeException last = null;
    for (int port = preferred; port < preferred + PORT_TRIES; port++) {
      if (LocalPorts.accepting(port)) {
        continue;
      }
      GreenMail greenMail = new GreenMail(new ServerSetup(port, LocalPorts.LOOPBACK, ServerSetup.PROTOCOL_SMTP));
      try {
        greenMail.start();
        return greenMail;
      } catch (RuntimeException e) {
        // Taken between the probe and the bind: try the next one.
        greenMail.stop();
        last = e;
      }
    }
    throw new IllegalStateException("no free port for the dev SMTP server in " + preferred + ".." + (preferred + PORT_TRIES - 1), last);
  }

  private static HttpServer listen(Vertx vertx, DevMailbox box, int preferred) {
    Exception last = null;
    for (int port = preferred; port < preferred + PORT_TRIES; port++) {
      try {
        return vertx.createHttpServer().requestHandler(box::handle).listen(port, LocalPorts.LOOPBACK).await();
      } catch (Exception e) { // await() rethrows the bind failure as it is (a BindException)
        last = e;
      }
    }
    throw new IllegalStateException("no free port for the dev mail page in " + preferred + ".." + (preferred + PORT_TRIES - 1), last);
  }

  public String smtpHost() {
    return LocalPorts.LOOPBACK;
  }

  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  public int pagePort() {
    return page.actualPort();
  }

  public String pageUrl() {
    return "http://localhost:" + pagePort() + "/";
  }

  /** The node configuration that sends the dev system's mail here. */
  public JsonObject toConfig() {
    return toConfig(smtpHost(), smtpPort());
  }

  static JsonObject toConfig(String host, int port) {
    return new JsonObject().put("notify", new JsonObject().put("email", new JsonObject()
        .put("host", host).put("port", port).put("from", FROM).put("starttls", "DISABLED")));
  }

  /** Every message caught so far, newest first. */
  public List<CapturedMail> messages() {
    List<StoredMessage> stored = new ArrayList<>(greenMail.getManagers().getImapHostManager().getAllMessages());
    stored.sort(Comparator.comparing(StoredMessage::getReceivedDate).reversed());
    List<CapturedMail> mails = new ArrayList<>(stored.size());
    for (StoredMessage message : stored) {
      mails.add(captured(message.getMimeMessage(), message.getReceivedDate()));
    }
    return mails;
  }

  private static CapturedMail captured(MimeMessage mime, Date received) {
    try {
      Address[] to = mime.getAllRecipients();
      Address[] from = mime.getFrom();
      return new CapturedMail(received.toInstant(),
          from == null ? "" : String.join(", ", Arrays.stream(from).map(Address::toString).toList()),
          to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
          mime.getSubject() == null ? "" : mime.getSubject(),
          text(mime));
    } catch (Exception e) {
      return new CapturedMail(received.toInstant(), "", List.of(), "(unreadable message)", String.valueOf(e.getMessage()));
    }
  }

  /** The first text/plain part (the whole text for a single-part mail). */
  private static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent()).replace("\r\n", "\n");
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String text = text(child);
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }

  private void handle(HttpServerRequest request) {
    String path = request.path();
    if (!"GET".equals(request.method().name()) || !("/".equals(path) || "/messages.json".equals(path))) {
      request.response().setStatusCode(404).putHeader("content-type", "text/plain; charset=utf-8").end("not found\n");
      return;
    }
    vertx.executeBlocking(this::messages).onComplete(result -> {
      if (result.failed()) {
        request.response().setStatusCode(500).putHeader("content-type", "text/plain; charset=utf-8")
            .end("cannot read the captured mail: " + result.cause() + "\n");
      } else if ("/messages.json".equals(path)) {
        JsonArray array = new JsonArray();
        result.result().forEach(m -> array.add(m.toJson()));
        request.response().putHeader("content-type", "application/json").end(array.encodePrettily());
      } else {
        request.response().putHeader("content-type", "text/html; charset=utf-8").putHeader("cache-control", "no-store")
            .end(html(result.result()));
      }
    });
  }

  private String html(List<CapturedMail> mails) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Booker dev mail</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:60em}")
        .append("summary{cursor:pointer;padding:.4em 0;border-bottom:1px solid #ddd}")
        .append(".time{color:#666;font-variant-numeric:tabular-nums}.to{color:#035;margin:0 1em}")
        .append("pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body>")
        .append("<h1>Booker dev mail</h1><p>").append(mails.size()).append(mails.size() == 1 ? " message" : " messages")
        .append(" caught by the dev SMTP server at ").append(esc(smtpHost() + ":" + smtpPort()))
        .append(", newest first. Kept in memory only: gone when <code>scripts/run</code> stops.")
        .append(" <a href=\"/\">Refresh</a> · <a href=\"/messages.json\">JSON</a></p>");
    for (CapturedMail mail : mails) {
      out.append("<details><summary><span class=\"time\">").append(esc(TIME.format(mail.receivedAt()))).append("</span>")
          .append("<span class=\"to\">").append(esc(String.join(", ", mail.to()))).append("</span>")
          .append("<strong>").append(esc(mail.subject())).append("</strong></summary>")
          .append("<p>From: ").append(esc(mail.from())).append("</p><pre>").append(esc(mail.text())).append("</pre></details>");
    }
    return out.append("</body></html>").toString();
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Page first, then SMTP. */
  @Override
  public void close() {
    try {
      vertx.close().await();
    } finally {
      greenMail.stop();
    }
  }
}
