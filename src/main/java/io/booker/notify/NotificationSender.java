package io.booker.notify;

import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.booker.notify.channel.Channel;
import io.booker.notify.channel.OutgoingMessage;
import io.booker.notify.channel.SendFailure;
import io.booker.notify.domain.Masking;
import io.booker.notify.domain.ReminderCheck;
import io.booker.notify.domain.RetryPolicy;
import io.booker.notify.template.MessageRenderer;
import io.booker.platform.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * Sends due notifications: on a timer ({@code interval}) and when kicked after the consumer created
 * some. Claims rows with a lease (safe on every notify node at once), writes each message in the
 * venue's language, sends it through its channel and records the outcome: sent; tried again after a
 * back-off; failed with the reason when the failure is permanent or the attempts are used up. A
 * reminder whose booking is no longer confirmed at that start is cancelled instead of sent.
 */
final class NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
  private static final AttributeKey<String> NOTIFICATION_ID = AttributeKey.stringKey("booker.notification_id");
  private static final AttributeKey<String> CHANNEL = AttributeKey.stringKey("booker.channel");
  private static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("booker.template");
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("booker.attempt");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("booker.outcome");

  private final Vertx vertx;
  private final NotifyStore store;
  private final Map<String, Channel> channels;
  private final MessageRenderer renderer;
  private final VenueDirectory venues;
  private final RetryPolicy retry;
  private final Duration interval;
  private final int batchSize;
  private final Duration lease;
  private long timer = -1;
  private boolean running;
  private boolean again;
  private Promise<Void> idle;

  NotificationSender(Vertx vertx, NotifyStore store, Map<String, Channel> channels, MessageRenderer renderer, VenueDirectory venues,
                     RetryPolicy retry, Duration interval, int batchSize, Duration lease) {
    this.vertx = vertx;
    this.store = store;
    this.channels = Map.copyOf(channels);
    this.renderer = renderer;
    this.venues = venues;
    this.retry = retry;
    this.interval = interval;
    this.batchSize = batchSize;
    this.lease = lease;
  }

  void start() {
    timer = vertx.setPeriodic(interval.toMillis(), id -> kick());
  }

  /** Looks for due notifications now (again right after the current round, if one is running). */
  void kick() {
    if (timer < 0 && idle != null) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    store.claimDue(batchSize, lease)
      .compose(due -> Future.join(due.stream().map(this::deliver).toList()).map(due.size()))
      .onComplete(ar -> {
        running = false;
        if (ar.failed()) {
          log.warn("event=notify_send_round_failed error={}", ar.cause().toString());
        }
        if (idle != null) {
          idle.tryComplete();
        } else if (ar.succeeded() && (ar.result() >= batchSize || again)) {
          vertx.runOnContext(v -> kick());
        }
      });
  }

  /** Stops the timer; completes when the round in progress (if any) has recorded its outcomes. */
  Future<Void> stop() {
    vertx.cancelTimer(timer);
    timer = -1;
    idle = Promise.promise();
    if (!running) {
      idle.complete();
    }
    return idle.future();
  }

  /**
   * Delivers one notification; when the node traces, in a span that continues the trace of the
   * event that planned it (a reminder, due hours later, is a trace of its own linked to it).
   */
  private Future<Void> deliver(DueNotification claimed) {
    if (!Tracing.enabled(vertx)) {
      return deliverNow(claimed);
    }
    io.opentelemetry.context.Context planned = Tracing.fromTraceparent(claimed.traceparent());
    SpanBuilder span = Tracing.tracer(vertx).spanBuilder("notify.send " + claimed.channel()).setSpanKind(SpanKind.PRODUCER)
      .setAttribute(NOTIFICATION_ID, claimed.id().toString())
      .setAttribute(TraceAttributes.BOOKING_ID, claimed.bookingId().toString())
      .setAttribute(CHANNEL, claimed.channel())
      .setAttribute(TEMPLATE, claimed.template())
      .setAttribute(ATTEMPT, claimed.attempts() + 1L);
    if (claimed.venueId() != null) {
      span.setAttribute(TraceAttributes.VENUE_ID, claimed.venueId().toString());
    }
    SpanContext origin = Span.fromContext(planned).getSpanContext();
    if ("reminder".equals(claimed.template())) {
      span.setNoParent();
      if (origin.isValid()) {
        span.addLink(origin);
      }
    } else {
      span.setParent(planned);
    }
    return Tracing.inSpan(vertx, span, () -> deliverNow(claimed));
  }

  private Future<Void> deliverNow(DueNotification claimed) {
    return claimed.venueKnown() ? send(claimed) : withVenue(claimed).compose(this::send);
  }

  /**
   * The notification written for its venue as the venue service knows it, remembered for the next
   * ones; as it is (a nameless "the restaurant") when the lookup fails — a guest's message is not
   * held back for a name.
   */
  private Future<DueNotification> withVenue(DueNotification n) {
    return venues.find(n.venueId())
      .compose(found -> found.isEmpty() ? Future.succeededFuture(n)
        : store.rememberVenue(n.venueId(), found.get()).map(v -> n.withVenue(found.get())))
      .otherwise(t -> {
        log.warn("event=notify_venue_lookup_failed venue_id={} error={}", n.venueId(), t.toString());
        return n;
      });
  }

  private Future<Void> send(DueNotification n) {
    if (n.template().equals("reminder")) {
      String obsolete = ReminderCheck.obsolete(n.bookingStatus(), n.startsAt(), n.remindsOf());
      if (obsolete != null) {
        Tracing.currentSpan().setAttribute(OUTCOME, "cancelled");
        log.info("event=notify_reminder_cancelled notification_id={} booking_id={} reason=\"{}\"", n.id(), n.bookingId(), obsolete);
        return store.markCancelled(n.id(), obsolete);
      }
    }
    Channel channel = channels.get(n.channel());
    if (channel == null) {
      return failed(n, "channel " + n.channel() + " is not configured");
    }
    MessageRenderer.Rendered text;
    try {
      text = renderer.render(n.template(), n.channel(), n.language(), n.message());
    } catch (RuntimeException e) {
      return failed(n, "cannot write the message: " + e.getMessage());
    }
    OutgoingMessage message = new OutgoingMessage(n.id().toString(), n.channel(), n.recipient(), text.subject(), text.text(),
      n.bookingId().toString(), n.template());
    return channel.send(message).transform(ar -> {
      if (ar.succeeded()) {
        Metrics.increment("notify_notifications", "channel", n.channel(), "outcome", "sent");
        Tracing.currentSpan().setAttribute(OUTCOME, "sent");
        log.info("event=notify_sent notification_id={} booking_id={} channel={} template={} to={}",
          n.id(), n.bookingId(), n.channel(), n.template(), Masking.recipient(n.channel(), n.recipient()));
        return store.markSent(n.id(), text.language(), text.subject());
      }
      String reason = safeReason(n, ar.cause());
      int attempts = n.attempts() + 1;
      boolean permanent = ar.cause() instanceof SendFailure f && f.permanent();
      if (permanent || retry.exhausted(attempts)) {
        return failed(n, reason);
      }
      Duration wait = retry.backoff(attempts);
      Metrics.increment("notify_notifications", "channel", n.channel(), "outcome", "retry");
      Tracing.currentSpan().setAttribute(OUTCOME, "retry");
      log.info("event=notify_send_retry notification_id={} booking_id={} channel={} attempts={} retry_in_ms={} error=\"{}\"",
        n.id(), n.bookingId(), n.channel(), attempts, wait.toMillis(), reason);
      return store.markRetry(n.id(), reason, wait);
    });
  }

  private Future<Void> failed(DueNotification n, String reason) {
    Metrics.increment("notify_notifications", "channel", n.channel(), "outcome", "failed");
    Tracing.currentSpan().setAttribute(OUTCOME, "failed").setStatus(StatusCode.ERROR, "notification failed");
    log.warn("event=notify_send_failed notification_id={} booking_id={} channel={} to={} error=\"{}\"",
      n.id(), n.bookingId(), n.channel(), Masking.recipient(n.channel(), n.recipient()), reason);
    return store.markFailed(n.id(), reason);
  }

  /** The failure's message, with the guest's address masked should a library have quoted it. */
  static String safeReason(DueNotification n, Throwable t) {
    String message = t instanceof SendFailure ? t.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage();
    if (message == null) {
      message = t.getClass().getSimpleName();
    }
    if (!n.recipient().isEmpty()) {
      message = message.replace(n.recipient(), Masking.recipient(n.channel(), n.recipient()));
    }
    return message.length() > 500 ? message.substring(0, 500) : message;
  }
}
