package io.booker.notify.channel;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

/** Email over SMTP ({@code notify.email}: host, port, from, username, password, starttls, ssl). */
public final class EmailChannel implements Channel {

  private final MailClient client;
  private final String from;

  private EmailChannel(MailClient client, String from) {
    this.client = client;
    this.from = from;
  }

  public static Channel create(Vertx vertx, JsonObject cfg) {
    MailConfig config = new MailConfig()
      .setHostname(cfg.getString("host"))
      .setPort(cfg.getInteger("port", 25))
      .setSsl(cfg.getBoolean("ssl", false))
      .setStarttls(StartTLSOptions.valueOf(cfg.getString("starttls", "OPTIONAL")));
    if (cfg.getString("username") != null) {
      config.setUsername(cfg.getString("username")).setPassword(cfg.getString("password"));
    }
    return new EmailChannel(MailClient.create(vertx, config), cfg.getString("from", "booker@localhost"));
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Future<Void> send(OutgoingMessage message) {
    MailMessage mail = new MailMessage().setFrom(from).setTo(message.recipient()).setSubject(message.subject())
      .setText(message.text());
    return client.sendMail(mail).<Void>mapEmpty()
      .recover(t -> Future.failedFuture(new SendFailure("SMTP send failed: " + t.getClass().getSimpleName(), false)));
  }
}
