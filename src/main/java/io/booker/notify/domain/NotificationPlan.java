package io.booker.notify.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one (non-stale) booking event does to the booking's notifications.
 *
 * @param messages          the event's own messages, one per channel the guest can be reached on
 * @param supersedes        channels whose older, still pending event messages the new ones replace
 * @param reminders         reminders to schedule (already scheduled ones are kept, not doubled)
 * @param remindersStartAt  the booking start pending reminders must be about to stay pending; null
 *                          cancels every pending reminder (the booking is no longer confirmed)
 */
public record NotificationPlan(List<PlannedMessage> messages, Set<String> supersedes, List<PlannedMessage> reminders,
                               Instant remindersStartAt) {

  public NotificationPlan {
    messages = List.copyOf(messages);
    supersedes = Set.copyOf(supersedes);
    reminders = List.copyOf(reminders);
  }
}
