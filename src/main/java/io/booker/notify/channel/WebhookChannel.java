package io.booker.notify.channel;

import io.booker.notify.domain.Masking;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * SMS (or push) through a provider's HTTP endpoint, configured by {@code notify.webhook}: {@code url}
 * (the channel is off without it), {@code secret} (required, at least 16 characters) and
 * {@code timeout_ms} (5000). Each message is one signed POST (see {@link WebhookSignature}) with
 * {@code Idempotency-Key: <notification id>}, so a provider can drop the duplicate of a retry whose
 * answer was lost. 2xx is delivered; 408, 429, 5xx, connection failures and timeouts are transient;
 * any other answer is permanent.
 */
public final class WebhookChannel implements Channel {

  public static final String NAME = "sms";
  static final long DEFAULT_TIMEOUT_MS = 5_000;

  private final WebClient client;
  private final String url;
  private final String secret;
  private final long timeoutMs;
  private final Clock clock;

  private WebhookChannel(WebClient client, String url, String secret, long timeoutMs, Clock clock) {
    this.client = client;
    this.url = url;
    this.secret = secret;
    this.timeoutMs = timeoutMs;
    this.clock = clock;
  }

  /** Whether {@code notify.webhook} turns the channel on: a url is set. */
  public static boolean enabled(JsonObject webhookCfg) {
    return webhookCfg != null && !text(webhookCfg, "url").isBlank();
  }

  /** @throws IllegalArgumentException when the url is not an absolute http(s) URL or the secret is missing or too short */
  public static Channel create(Vertx vertx, JsonObject webhookCfg) {
    if (!enabled(webhookCfg)) {
      throw new IllegalArgumentException("notify.webhook.url is not set; the webhook channel is off");
    }
    String url = text(webhookCfg, "url").trim();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("notify.webhook.url is not a URL: " + e.getMessage());
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("notify.webhook.url must be an absolute http or https URL");
    }
    String secret = text(webhookCfg, "secret");
    if (secret.length() < WebhookSignature.MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("notify.webhook.secret is required when notify.webhook.url is set and must be at least "
          + WebhookSignature.MIN_SECRET_LENGTH + " characters" + (secret.isEmpty() ? "; it is not set" : "; it has " + secret.length()));
    }
    Object rawTimeout = webhookCfg.getValue("timeout_ms", DEFAULT_TIMEOUT_MS);
    if (!(rawTimeout instanceof Number n) || n.longValue() <= 0) {
      throw new IllegalArgumentException("notify.webhook.timeout_ms must be a positive number, got " + rawTimeout);
    }
    long timeoutMs = n.longValue();
    WebClientOptions options = new WebClientOptions()
        .setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE))
        .setFollowRedirects(false)
        .setUserAgent("Booker-Notify");
    return new WebhookChannel(WebClient.create(vertx, options), url, secret, timeoutMs, Clock.systemUTC());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<Void> send(OutgoingMessage message) {
    Buffer body = new JsonObject()
        .put("notification_id", message.notificationId())
        .put("channel", NAME)
        .put("to", message.recipient())
        .put("text", message.text())
        .put("booking_id", message.bookingId())
        .put("template", message.template())
        .toBuffer();
    long timestamp = clock.instant().getEpochSecond();
    Future<HttpResponse<Buffer>> answered;
    try {
      answered = client.postAbs(url)
          .putHeader("Content-Type", "application/json")
          .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
          .putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body.getBytes()))
          .putHeader("Idempotency-Key", message.notificationId())
          .timeout(timeoutMs)
          .sendBuffer(body);
    } catch (RuntimeException e) {
      answered = Future.failedFuture(e);
    }
    return answered
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(connectionFailure(failure)))
        .compose(response -> {
          SendFailure refused = answerFailure(response.statusCode(), response.bodyAsString());
          return refused == null ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(refused);
        });
  }

  /** Null for a 2xx; otherwise the failure, transient for 408, 429 and 5xx. The body is quoted masked and shortened. */
  static SendFailure answerFailure(int status, String body) {
    if (status >= 200 && status < 300) {
      return null;
    }
    boolean transientStatus = status == 408 || status == 429 || (status >= 500 && status < 600);
    String detail = body == null ? "" : Masking.addressesIn(body.strip().replaceAll("\\s+", " "));
    if (detail.length() > 200) {
      detail = detail.substring(0, 200) + "...";
    }
    return new SendFailure("webhook answered " + status + (detail.isEmpty() ? "" : ": " + detail), !transientStatus);
  }

  static SendFailure connectionFailure(Throwable failure) {
    if (failure instanceof SendFailure already) {
      return already;
    }
    if (failure instanceof TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException) {
      return new SendFailure("webhook did not answer in time", false);
    }
    String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    String kind = failure instanceof ConnectException || failure.getCause() instanceof ConnectException ? "unreachable" : "failed";
    return new SendFailure("webhook " + kind + ": " + Masking.addressesIn(detail), false);
  }

  /** A string setting; absent, JSON null and empty are all "". */
  private static String text(JsonObject cfg, String key) {
    Object value = cfg.getValue(key);
    return value == null ? "" : value.toString();
  }
}
