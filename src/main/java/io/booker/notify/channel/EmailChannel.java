package io.booker.notify.channel;

import io.booker.notify.domain.Masking;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;

import java.net.ConnectException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plain-text email over SMTP (vertx-mail-client), configured by {@code notify.email}:
 * {@code host} (the channel is off without it), {@code port} (25), {@code from} (required),
 * {@code username}/{@code password} (login only when a username is set), {@code starttls}
 * DISABLED|OPTIONAL|REQUIRED (OPTIONAL), {@code ssl} (false), {@code timeout_ms} (10000, for the
 * whole send).
 *
 * <p>An SMTP 5xx reply is permanent (the server refused this message or recipient and will again),
 * except authentication replies (530, 534, 535, 538): those are the operator's configuration to fix,
 * so the message waits and retries. 4xx replies, refused or reset connections and timeouts are transient.
 */
public final class EmailChannel implements Channel {

  public static final String NAME = "email";
  static final int DEFAULT_PORT = 25;
  static final int DEFAULT_TIMEOUT_MS = 10_000;
  private static final Set<Integer> AUTH_REPLIES = Set.of(530, 534, 535, 538);

  private final MailClient client;
  private final String from;
  private final long timeoutMs;

  private EmailChannel(MailClient client, String from, long timeoutMs) {
    this.client = client;
    this.from = from;
    this.timeoutMs = timeoutMs;
  }

  /** Whether {@code notify.email} turns the channel on: a host is set. */
  public static boolean enabled(JsonObject emailCfg) {
    return emailCfg != null && !text(emailCfg, "host").isBlank();
  }

  /**
   * @throws IllegalArgumentException when the configuration is unusable (no host, no or a malformed
   *     {@code from}, a bad port, {@code starttls} or timeout), so the node fails at start, not at the first booking
   */
  public static Channel create(Vertx vertx, JsonObject emailCfg) {
    if (!enabled(emailCfg)) {
      throw new IllegalArgumentException("notify.email.host is not set; the email channel is off");
    }
    MailConfig config = mailConfig(emailCfg);
    String from = text(emailCfg, "from").trim();
    if (from.isEmpty() || !from.contains("@")) {
      throw new IllegalArgumentException("notify.email.from must be a sender address such as \"Booker <no-reply@booker.example>\""
          + (from.isEmpty() ? "; it is not set" : "; got \"" + from + "\""));
    }
    long timeoutMs = positive(emailCfg, "timeout_ms", DEFAULT_TIMEOUT_MS);
    // One connection pool per configuration, shared by the notify verticle instances of this Vert.x
    // instance; named by a digest so a changed password gets its own pool and the name shows no secret.
    String pool = "booker-notify-email-" + digest(config.toJson().encode());
    return new EmailChannel(MailClient.createShared(vertx, config, pool), from, timeoutMs);
  }

  static MailConfig mailConfig(JsonObject cfg) {
    int port = (int) positive(cfg, "port", DEFAULT_PORT);
    if (port > 65535) {
      throw new IllegalArgumentException("notify.email.port must be 1..65535, got " + port);
    }
    String starttls = (text(cfg, "starttls").isBlank() ? "OPTIONAL" : text(cfg, "starttls")).trim().toUpperCase(Locale.ROOT);
    StartTLSOptions tls;
    try {
      tls = StartTLSOptions.valueOf(starttls);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("notify.email.starttls must be DISABLED, OPTIONAL or REQUIRED, got \"" + starttls + "\"");
    }
    int timeoutMs = (int) positive(cfg, "timeout_ms", DEFAULT_TIMEOUT_MS);
    MailConfig config = new MailConfig()
        .setHostname(text(cfg, "host").trim())
        .setPort(port)
        .setStarttls(tls)
        .setSsl(flag(cfg, "ssl"))
        .setConnectTimeout(timeoutMs)
        .setIdleTimeout(timeoutMs)
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    String username = text(cfg, "username");
    if (username.isBlank()) {
      config.setLogin(LoginOption.DISABLED);
    } else {
      config.setLogin(LoginOption.REQUIRED).setUsername(username).setPassword(text(cfg, "password"));
    }
    return config;
  }

  private static String digest(String text) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static long positive(JsonObject cfg, String key, long fallback) {
    Object raw = cfg.getValue(key);
    if (raw == null) {
      return fallback;
    }
    if (!(raw instanceof Number n) || n.longValue() <= 0) {
      throw new IllegalArgumentException("notify.email." + key + " must be a positive number, got " + raw);
    }
    return n.longValue();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<Void> send(OutgoingMessage message) {
    MailMessage mail = new MailMessage()
        .setFrom(from)
        .setTo(message.recipient())
        .setSubject(message.subject())
        .setText(message.text());
    // Lets a mail log or a support person match a received mail to its notification row.
    mail.setHeaders(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("X-Booker-Notification-Id", message.notificationId()));
    Future<Void> sent;
    try {
      sent = client.sendMail(mail).<Void>mapEmpty();
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    return sent.timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(classify(failure, message.recipient())));
  }

  /** Maps a mail client failure to a {@link SendFailure} whose text names no full address. */
  static SendFailure classify(Throwable failure, String recipient) {
    String to = Masking.email(recipient);
    if (failure instanceof SendFailure already) {
      return already;
    }
    if (failure instanceof SMTPException smtp) {
      int code = smtp.getReplyCode();
      boolean permanent = code >= 500 && code < 600 && !AUTH_REPLIES.contains(code);
      String reply = Masking.addressesIn(String.join(" ", smtp.getReplyMessages()).trim());
      return new SendFailure("SMTP " + code + " sending to " + to + (reply.isEmpty() ? "" : ": " + shorten(reply)), permanent);
    }
    if (failure instanceof TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException) {
      return new SendFailure("SMTP send to " + to + " timed out", false);
    }
    if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
      return new SendFailure("SMTP server unreachable: " + shorten(Masking.addressesIn(String.valueOf(failure.getMessage()))), false);
    }
    if (failure instanceof IllegalArgumentException) {
      // The client rejects a malformed address before it connects: no retry can fix the address.
      return new SendFailure("cannot send to " + to + ": " + shorten(Masking.addressesIn(String.valueOf(failure.getMessage()))), true);
    }
    String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new SendFailure("SMTP send to " + to + " failed: " + shorten(Masking.addressesIn(detail)), false);
  }

  private static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  private static boolean flag(JsonObject cfg, String key) {
    Object value = cfg.getValue(key);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    throw new IllegalArgumentException("notify.email." + key + " must be true or false, got " + value);
  }

  /** A string setting; absent, JSON null and empty are all "". */
  private static String text(JsonObject cfg, String key) {
    Object value = cfg.getValue(key);
    return value == null ? "" : value.toString();
  }
}
