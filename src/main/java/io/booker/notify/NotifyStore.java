package io.booker.notify;

import io.booker.notify.domain.LoggedEvent;
import io.booker.notify.domain.Notification;
import io.booker.notify.domain.NotificationPlan;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The notify service's store: handled events, booking state, venues, notifications and the event log. */
public interface NotifyStore {

  /**
   * Handles one event in one transaction: claims its id (a duplicate stops there), applies the
   * version rule and the booking's notification plan (a stale event stops after being recorded),
   * updates the venue projection, and appends the event to the log.
   *
   * @param plan what the event does to the booking's notifications (null for venue events)
   */
  Future<Handled> handle(ParsedEvent event, RecordPosition position, NotificationPlan plan);

  /** Records a record that cannot be read; the payload is kept truncated. */
  Future<Void> poison(RecordPosition position, String key, String error, String payload);

  /** Claims up to {@code limit} due notifications for {@code lease}. */
  Future<List<DueNotification>> claimDue(int limit, Duration lease);

  Future<Void> markSent(UUID id, String language, String subject);

  Future<Void> markRetry(UUID id, String error, Duration delay);

  Future<Void> markFailed(UUID id, String error);

  Future<Void> markCancelled(UUID id, String reason);

  /** The notifications of a booking, oldest first. */
  Future<List<Notification>> notificationsOf(UUID bookingId);

  /** The log position of an event, if the log still has it. */
  Future<Optional<Long>> eventSeq(UUID eventId);

  /** Events of {@code venueIds} after log position {@code seq}, in order, at most {@code limit}. */
  Future<List<LoggedEvent>> eventsAfter(List<UUID> venueIds, long seq, int limit);

  /** Events of {@code venueIds} received at or after {@code since}, in order, at most {@code limit}. */
  Future<List<LoggedEvent>> eventsSince(List<UUID> venueIds, Instant since, int limit);

  /** Deletes log entries older than {@code retention}; answers how many. */
  Future<Integer> deleteEventsOlderThan(Duration retention);

  /** Keeps a venue looked up from the venue service, unless the projection has it by now. */
  Future<Void> rememberVenue(UUID venueId, VenueDirectory.KnownVenue venue);

  /** Forgets the ids of events handled longer than {@code retention} ago; answers how many. */
  Future<Integer> deleteProcessedOlderThan(Duration retention);

  /** Where a record came from: for the processed-event row and the poisoned-record row. */
  record RecordPosition(String topic, int partition, long offset) {
  }

  /** What handling an event came to; {@code seq} is its log position when {@link Outcome#APPLIED}. */
  record Handled(Outcome outcome, long seq, int notifications) {
  }

  enum Outcome {
    /** The event id was handled before: nothing done. */
    DUPLICATE,
    /** Older than what notify knows of the booking: recorded, nothing else. */
    STALE,
    /** Applied and logged: publish it live. */
    APPLIED
  }
}
