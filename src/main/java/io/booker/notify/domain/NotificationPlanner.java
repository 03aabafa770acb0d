package io.booker.notify.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which notifications a booking event creates and cancels. The guest hears about a hold
 * (with the time left to confirm), a confirmation, a move, a cancellation, an expiry and a no-show;
 * seating and finishing send nothing. Each message goes to every configured channel the guest has an
 * address for. A confirmed booking has reminders {@code offsets} before its start (only those still
 * ahead); any other status, or a new start, cancels the pending reminders of the old one.
 */
public final class NotificationPlanner {

  /** The event types that send the guest a message; the template is the type's short name. */
  public static final Set<String> MESSAGE_EVENTS = Set.of("booking.held", "booking.confirmed", "booking.rescheduled",
    "booking.cancelled", "booking.expired", "booking.no_show");
  static final String CONFIRMED = "confirmed";

  private final Set<String> channels;
  private final List<Duration> offsets;

  /**
   * @param channels the channels this node can send through ({@link Channels#EMAIL}, {@link Channels#SMS})
   * @param offsets  how long before the booking's start each reminder is due
   */
  public NotificationPlanner(Set<String> channels, List<Duration> offsets) {
    this.channels = Set.copyOf(channels);
    this.offsets = List.copyOf(offsets);
    for (Duration offset : offsets) {
      if (offset.isNegative() || offset.isZero()) {
        throw new IllegalArgumentException("a reminder offset must be positive, not " + offset);
      }
    }
  }

  public NotificationPlan plan(BookingFacts event, Instant now) {
    List<PlannedMessage> messages = new ArrayList<>();
    Set<String> supersedes = new LinkedHashSet<>();
    if (MESSAGE_EVENTS.contains(event.eventType())) {
      for (String[] to : recipients(event)) {
        messages.add(new PlannedMessage(to[0], to[1], event.action(), now, null));
        supersedes.add(to[0]);
      }
    }
    List<PlannedMessage> reminders = new ArrayList<>();
    Instant keepFor = null;
    if (CONFIRMED.equals(event.status()) && event.startsAt() != null) {
      keepFor = event.startsAt();
      for (Duration offset : offsets) {
        Instant due = event.startsAt().minus(offset);
        if (due.isAfter(now)) {
          for (String[] to : recipients(event)) {
            reminders.add(new PlannedMessage(to[0], to[1], PlannedMessage.REMINDER, due, event.startsAt()));
          }
        }
      }
    }
    return new NotificationPlan(messages, supersedes, reminders, keepFor);
  }

  /** {channel, address} for each configured channel the guest can be reached on. */
  private List<String[]> recipients(BookingFacts event) {
    List<String[]> out = new ArrayList<>();
    if (channels.contains(Channels.EMAIL) && !event.customerEmail().isEmpty()) {
      out.add(new String[]{Channels.EMAIL, event.customerEmail()});
    }
    if (channels.contains(Channels.SMS) && !event.customerPhone().isEmpty()) {
      out.add(new String[]{Channels.SMS, event.customerPhone()});
    }
    return out;
  }
}
