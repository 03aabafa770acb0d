package io.booker.notify;

import io.booker.notify.channel.Channel;
import io.booker.notify.channel.EmailChannel;
import io.booker.notify.channel.WebhookChannel;
import io.booker.notify.template.FileTemplates;
import io.booker.notify.template.MessageRenderer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channels and templates a notify node sends with, from its config: email when
 * {@code notify.email.host} is set, SMS through the webhook when {@code notify.webhook.url} is set.
 * With neither, notify plans no guest messages at all (it still keeps the event log).
 */
public final class NotifyChannels {

  private NotifyChannels() {
  }

  /** The configured channels by name ({@code email}, {@code sms}). */
  public static Map<String, Channel> create(Vertx vertx, JsonObject notifyCfg) {
    Map<String, Channel> out = new LinkedHashMap<>();
    JsonObject email = notifyCfg.getJsonObject("email", new JsonObject());
    if (!email.getString("host", "").isBlank()) {
      Channel c = EmailChannel.create(vertx, email);
      out.put(c.name(), c);
    }
    JsonObject webhook = notifyCfg.getJsonObject("webhook", new JsonObject());
    if (!webhook.getString("url", "").isBlank()) {
      Channel c = WebhookChannel.create(vertx, webhook);
      out.put(c.name(), c);
    }
    return out;
  }

  /** The message templates shipped with Booker. */
  public static MessageRenderer renderer() {
    return FileTemplates.load();
  }
}
