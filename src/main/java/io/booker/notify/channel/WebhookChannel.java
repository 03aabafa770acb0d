package io.booker.notify.channel;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** SMS through a provider's webhook ({@code notify.webhook}: url, secret), HMAC-SHA256 signed. */
public final class WebhookChannel implements Channel {

  private final WebClient client;
  private final String url;
  private final String secret;

  private WebhookChannel(WebClient client, String url, String secret) {
    this.client = client;
    this.url = url;
    this.secret = secret;
  }

  public static Channel create(Vertx vertx, JsonObject cfg) {
    return new WebhookChannel(WebClient.create(vertx), cfg.getString("url"), cfg.getString("secret", ""));
  }

  @Override
  public String name() {
    return "sms";
  }

  @Override
  public Future<Void> send(OutgoingMessage m) {
    String body = new JsonObject().put("notification_id", m.notificationId()).put("channel", "sms").put("to", m.recipient())
      .put("text", m.text()).put("booking_id", m.bookingId()).put("template", m.template()).encode();
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    return client.postAbs(url)
      .putHeader("Content-Type", "application/json")
      .putHeader("X-Booker-Timestamp", timestamp)
      .putHeader("X-Booker-Signature", "sha256=" + hmac(timestamp + "." + body))
      .putHeader("Idempotency-Key", m.notificationId())
      .sendBuffer(Buffer.buffer(body))
      .recover(t -> Future.failedFuture(new SendFailure("webhook unreachable: " + t.getClass().getSimpleName(), false)))
      .compose(r -> {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
          return Future.succeededFuture();
        }
        boolean transientStatus = s == 408 || s == 429 || s >= 500;
        return Future.failedFuture(new SendFailure("webhook answered " + s, !transientStatus));
      });
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
