package io.booker.notify.channel;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** The email channel against a real SMTP server (GreenMail in this JVM) and against SMTP servers that refuse. */
class EmailChannelTest {

  static Vertx vertx;
  static GreenMail greenMail;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
  }

  @AfterAll
  static void stop() {
    greenMail.stop();
    vertx.close().await();
  }

  static JsonObject config(int port) {
    return new JsonObject().put("host", "127.0.0.1").put("port", port).put("from", "Booker <no-reply@booker.test>")
        .put("starttls", "DISABLED").put("timeout_ms", 5000);
  }

  static OutgoingMessage message(String to) {
    return new OutgoingMessage(UUID.randomUUID().toString(), "email", to, "Your booking is confirmed (3F2A9C1E)",
        "Hello Anna,\n\nYour booking at Zum Löwen is confirmed: Freitag, 4. Dezember 2026 um 19:30 Uhr.\n",
        UUID.randomUUID().toString(), "confirmed");
  }

  @Test
  void aMailArrivesWithItsSubjectTextRecipientAndNotificationId() throws Exception {
    String to = "guest-" + UUID.randomUUID() + "@example.com";
    OutgoingMessage sent = message(to);
    Channel channel = EmailChannel.create(vertx, config(greenMail.getSmtp().getPort()));
    assertEquals("email", channel.name());

    channel.send(sent).await();

    MimeMessage received = greenMail.findReceivedMessages(u -> u.getEmail().equals(to), m -> true).findFirst().orElseThrow();
    assertEquals(sent.subject(), received.getSubject());
    assertEquals(to, received.getAllRecipients()[0].toString());
    assertTrue(received.getFrom()[0].toString().contains("no-reply@booker.test"));
    assertEquals(sent.text().replace("\n", "\r\n").strip(), String.valueOf(received.getContent()).strip(), "the text arrives unchanged, umlauts too");
    assertEquals(sent.notificationId(), received.getHeader("X-Booker-Notification-Id")[0]);
  }

  @Test
  void aRecipientRefusedWith550IsPermanentAndTheErrorMasksTheAddress() {
    NetServer smtp = refusingSmtp(rcpt -> "550 5.1.1 <" + rcpt + ">: mailbox unavailable");
    try {
      Channel channel = EmailChannel.create(vertx, config(smtp.actualPort()));
      SendFailure failure = assertThrows(SendFailure.class, () -> channel.send(message("john.smith@example.com")).await());
      assertTrue(failure.permanent(), failure.getMessage());
      assertTrue(failure.getMessage().contains("550"), failure.getMessage());
      assertTrue(failure.getMessage().contains("j***@example.com"), failure.getMessage());
      assertFalse(failure.getMessage().contains("john.smith"), failure.getMessage());
    } finally {
      smtp.close().await();
    }
  }

  @Test
  void aTemporaryRefusalIsTransient() {
    NetServer smtp = refusingSmtp(rcpt -> "451 4.3.0 please try again later");
    try {
      SendFailure failure = assertThrows(SendFailure.class,
          () -> EmailChannel.create(vertx, config(smtp.actualPort())).send(message("guest@example.com")).await());
      assertFalse(failure.permanent(), failure.getMessage());
      assertTrue(failure.getMessage().contains("451"), failure.getMessage());
    } finally {
      smtp.close().await();
    }
  }

  @Test
  void aWrongPasswordWaitsForTheOperatorInsteadOfFailingTheMessage() {
    GreenMail withUsers = new GreenMail(ServerSetupTest.SMTP.dynamicPort()).withConfiguration(
        GreenMailConfiguration.aConfig().withUser("booker@booker.test", "booker", "right-password"));
    withUsers.start();
    try {
      JsonObject cfg = config(withUsers.getSmtp().getPort()).put("username", "booker").put("password", "wrong-password");
      SendFailure failure = assertThrows(SendFailure.class, () -> EmailChannel.create(vertx, cfg).send(message("guest@example.com")).await());
      assertFalse(failure.permanent(), failure.getMessage());
      assertTrue(failure.getMessage().contains("535"), failure.getMessage());

      String to = "guest-" + UUID.randomUUID() + "@example.com";
      cfg.put("password", "right-password");
      EmailChannel.create(vertx, cfg).send(message(to)).await();
      assertEquals(1, withUsers.findReceivedMessages(u -> u.getEmail().equals(to), m -> true).count(), "the right password logs in");
    } finally {
      withUsers.stop();
    }
  }

  @Test
  void noServerListeningIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    SendFailure failure = assertThrows(SendFailure.class,
        () -> EmailChannel.create(vertx, config(closedPort)).send(message("guest@example.com")).await());
    assertFalse(failure.permanent(), failure.getMessage());
    assertFalse(failure.getMessage().contains("guest@"), failure.getMessage());
  }

  @Test
  void aServerThatNeverAnswersTimesOutTransiently() {
    NetServer silent = vertx.createNetServer().connectHandler(socket -> { }).listen(0, "127.0.0.1").await();
    try {
      JsonObject cfg = config(silent.actualPort()).put("timeout_ms", 300);
      SendFailure failure = assertThrows(SendFailure.class, () -> EmailChannel.create(vertx, cfg).send(message("guest@example.com")).await());
      assertFalse(failure.permanent(), failure.getMessage());
      assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
    } finally {
      silent.close().await();
    }
  }

  @Test
  void aMalformedAddressIsPermanent() {
    Channel channel = EmailChannel.create(vertx, config(greenMail.getSmtp().getPort()));
    SendFailure failure = assertThrows(SendFailure.class, () -> channel.send(message("not an address")).await());
    assertTrue(failure.permanent(), failure.getMessage());
  }

  @Test
  void theConfigurationIsCheckedAtCreation() {
    assertFalse(EmailChannel.enabled(new JsonObject()));
    assertFalse(EmailChannel.enabled(new JsonObject().put("host", " ")));
    assertFalse(EmailChannel.enabled(null));
    assertTrue(EmailChannel.enabled(new JsonObject().put("host", "smtp.example.com")));
    JsonObject noFrom = new JsonObject().put("host", "smtp.example.com");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EmailChannel.create(vertx, noFrom)).getMessage().contains("notify.email.from"));
    assertThrows(IllegalArgumentException.class, () -> EmailChannel.create(vertx, config(25).put("starttls", "SOMETIMES")));
    assertThrows(IllegalArgumentException.class, () -> EmailChannel.create(vertx, config(25).put("port", 0)));
    assertThrows(IllegalArgumentException.class, () -> EmailChannel.create(vertx, config(25).put("timeout_ms", "soon")));
    assertThrows(IllegalArgumentException.class, () -> EmailChannel.create(vertx, config(25).put("ssl", "yes")));
    assertFalse(EmailChannel.enabled(new JsonObject().putNull("host")));
    assertThrows(IllegalArgumentException.class, () -> EmailChannel.create(vertx, config(25).putNull("from")));
    assertEquals(25, EmailChannel.mailConfig(new JsonObject().put("host", "h").putNull("ssl").putNull("starttls")).getPort());
    assertEquals("OPTIONAL", EmailChannel.mailConfig(new JsonObject().put("host", "h")).getStarttls().name());
  }

  /** A minimal SMTP server that accepts everything except RCPT TO, which it answers with {@code rcptReply}. */
  static NetServer refusingSmtp(Function<String, String> rcptReply) {
    return vertx.createNetServer().connectHandler(socket -> {
      socket.write("220 refusing.test ESMTP\r\n");
      socket.handler(RecordParser.newDelimited("\r\n", line -> answer(socket, line.toString(), rcptReply)));
    }).listen(0, "127.0.0.1").await();
  }

  private static void answer(NetSocket socket, String line, Function<String, String> rcptReply) {
    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
    switch (command) {
      case "EHLO" -> socket.write("250-refusing.test\r\n250 8BITMIME\r\n");
      case "RCPT" -> socket.write(rcptReply.apply(line.replaceAll(".*<(.*)>.*", "$1")) + "\r\n");
      case "QUIT" -> socket.write("221 bye\r\n").onComplete(x -> socket.close());
      default -> socket.write("250 OK\r\n");
    }
  }
}
