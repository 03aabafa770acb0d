package io.booker.notify;

import io.booker.notify.domain.LoggedEvent;
import io.booker.notify.domain.Notification;
import io.booker.notify.domain.NotificationPlan;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Notify's database in memory, as far as the consumer and the sender use it. Handling an event
 * follows the real store's rules: an event id seen before is a duplicate, a booking event not newer
 * than the version known is stale, anything else is applied at the next log position and creates
 * one notification per planned message and reminder. Due notifications are handed out by
 * {@link #claimDue} (a claimed one is leased: no other claim sees it); while {@link #holdClaims}, a
 * claim waits until the test {@link #releaseClaim releases} it. Every call is recorded; the lists
 * are read from the test thread while the Vert.x context writes them.
 */
final class FakeNotifyStore implements NotifyStore {

  record HandledEvent(UUID eventId, RecordPosition position, NotificationPlan plan, Outcome outcome) {
  }

  record Poisoned(RecordPosition position, String key, String error, String payload) {
  }

  record Claim(int limit, Duration lease) {
  }

  /** An outcome recorded for a notification: sent (detail "language|subject"), retry, failed or cancelled (detail: the reason). */
  record Mark(UUID id, String outcome, String detail, Duration delay) {
  }

  final List<HandledEvent> handled = new CopyOnWriteArrayList<>();
  final List<Poisoned> poisoned = new CopyOnWriteArrayList<>();
  /** Events whose next handling fails as a lost database connection does. */
  final Set<UUID> failNext = ConcurrentHashMap.newKeySet();

  final Deque<DueNotification> due = new ConcurrentLinkedDeque<>();
  final List<Claim> claims = new CopyOnWriteArrayList<>();
  final List<Mark> marks = new CopyOnWriteArrayList<>();
  final Map<UUID, VenueDirectory.KnownVenue> rememberedVenues = new ConcurrentHashMap<>();
  volatile boolean holdClaims;

  private final Set<UUID> processed = ConcurrentHashMap.newKeySet();
  private final Map<UUID, Long> bookingVersions = new ConcurrentHashMap<>();
  private final Deque<Promise<List<DueNotification>>> heldClaims = new ConcurrentLinkedDeque<>();
  private final Deque<Integer> heldLimits = new ConcurrentLinkedDeque<>();
  private long seq;

  @Override
  public Future<Handled> handle(ParsedEvent event, RecordPosition position, NotificationPlan plan) {
    if (failNext.remove(event.eventId())) {
      return Future.failedFuture(new IllegalStateException("connection to the database lost"));
    }
    Handled outcome;
    if (!processed.add(event.eventId())) {
      outcome = new Handled(Outcome.DUPLICATE, 0, 0);
    } else if (event.booking() != null && bookingVersions.getOrDefault(event.booking().bookingId(), 0L) >= event.booking().version()) {
      outcome = new Handled(Outcome.STALE, 0, 0);
    } else {
      if (event.booking() != null) {
        bookingVersions.put(event.booking().bookingId(), event.booking().version());
      }
      int created = plan == null ? 0 : plan.messages().size() + plan.reminders().size();
      outcome = new Handled(Outcome.APPLIED, ++seq, created);
    }
    handled.add(new HandledEvent(event.eventId(), position, plan, outcome.outcome()));
    return Future.succeededFuture(outcome);
  }

  @Override
  public Future<Void> poison(RecordPosition position, String key, String error, String payload) {
    poisoned.add(new Poisoned(position, key, error, payload));
    return Future.succeededFuture();
  }

  @Override
  public Future<List<DueNotification>> claimDue(int limit, Duration lease) {
    claims.add(new Claim(limit, lease));
    if (holdClaims) {
      Promise<List<DueNotification>> held = Promise.promise();
      heldLimits.add(limit);
      heldClaims.add(held);
      return held.future();
    }
    return Future.succeededFuture(take(limit));
  }

  /** Answers the oldest claim still waiting; false when none waits. Call it on the sender's context. */
  boolean releaseClaim() {
    Promise<List<DueNotification>> held = heldClaims.poll();
    if (held == null) {
      return false;
    }
    held.complete(take(heldLimits.poll()));
    return true;
  }

  private List<DueNotification> take(int limit) {
    List<DueNotification> out = new ArrayList<>();
    while (out.size() < limit && !due.isEmpty()) {
      out.add(due.poll());
    }
    return out;
  }

  @Override
  public Future<Void> markSent(UUID id, String language, String subject) {
    marks.add(new Mark(id, "sent", language + "|" + subject, null));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> markRetry(UUID id, String error, Duration delay) {
    marks.add(new Mark(id, "retry", error, delay));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> markFailed(UUID id, String error) {
    marks.add(new Mark(id, "failed", error, null));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> markCancelled(UUID id, String reason) {
    marks.add(new Mark(id, "cancelled", reason, null));
    return Future.succeededFuture();
  }

  /** The outcome recorded for {@code id}; fails the test when there is not exactly one. */
  Mark markOf(UUID id) {
    List<Mark> of = marks.stream().filter(m -> m.id().equals(id)).toList();
    if (of.size() != 1) {
      throw new AssertionError("expected one outcome for " + id + ", got " + of);
    }
    return of.get(0);
  }

  @Override
  public Future<Void> rememberVenue(UUID venueId, VenueDirectory.KnownVenue venue) {
    rememberedVenues.putIfAbsent(venueId, venue);
    return Future.succeededFuture();
  }

  // The read side and the clean-up are NotifyServiceImpl's and the verticle's, not the consumer's or the sender's.

  @Override
  public Future<List<Notification>> notificationsOf(UUID bookingId) {
    throw new UnsupportedOperationException("not used by the consumer or the sender");
  }

  @Override
  public Future<Optional<Long>> eventSeq(UUID eventId) {
    throw new UnsupportedOperationException("not used by the consumer or the sender");
  }

  @Override
  public Future<List<LoggedEvent>> eventsAfter(List<UUID> venueIds, long seq, int limit) {
    throw new UnsupportedOperationException("not used by the consumer or the sender");
  }

  @Override
  public Future<List<LoggedEvent>> eventsSince(List<UUID> venueIds, Instant since, int limit) {
    throw new UnsupportedOperationException("not used by the consumer or the sender");
  }

  @Override
  public Future<Integer> deleteEventsOlderThan(Duration retention) {
    throw new UnsupportedOperationException("not used by the consumer or the sender");
  }

  @Override
  public Future<Integer> deleteProcessedOlderThan(Duration retention) {
    throw new UnsupportedOperationException("not used by the consumer or the sender");
  }
}
