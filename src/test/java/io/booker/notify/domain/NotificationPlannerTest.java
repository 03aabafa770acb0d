package io.booker.notify.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class NotificationPlannerTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final Instant START = Instant.parse("2026-12-03T19:00:00Z");
  static final List<Duration> OFFSETS = List.of(Duration.ofHours(24), Duration.ofHours(2));
  static final NotificationPlanner BOTH = new NotificationPlanner(Set.of(Channels.EMAIL, Channels.SMS), OFFSETS);

  static BookingFacts event(String type, String status, Instant startsAt, String email, String phone) {
    return new BookingFacts(UUID.randomUUID(), type, NOW, UUID.randomUUID(), UUID.randomUUID(), 2, status,
      LocalDate.of(2026, 12, 4), LocalTime.of(4, 0), 120, startsAt, startsAt == null ? null : startsAt.plusSeconds(7200), 2,
      "Jane", email, phone, null, "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"held", "confirmed", "rescheduled", "cancelled", "expired", "no_show"})
  void eachGuestFacingEventSendsItsTemplateToEveryChannelTheGuestHas(String action) {
    NotificationPlan plan = BOTH.plan(event("booking." + action, "cancelled", START, "jane@example.com", "+441234567889"), NOW);
    assertEquals(List.of(
      new PlannedMessage(Channels.EMAIL, "jane@example.com", action, NOW, null),
      new PlannedMessage(Channels.SMS, "+441234567889", action, NOW, null)), plan.messages());
    assertEquals(Set.of(Channels.EMAIL, Channels.SMS), plan.supersedes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"booking.seated", "booking.finished", "booking.something_new"})
  void seatingAndFinishingSendNothing(String type) {
    NotificationPlan plan = BOTH.plan(event(type, "seated", START, "jane@example.com", "+441234567889"), NOW);
    assertTrue(plan.messages().isEmpty());
    assertTrue(plan.supersedes().isEmpty());
    assertNull(plan.remindersStartAt(), "not confirmed any more: pending reminders go");
  }

  @Test
  void onlyChannelsThatAreConfiguredAndAddressesTheGuestGave() {
    NotificationPlanner emailOnly = new NotificationPlanner(Set.of(Channels.EMAIL), OFFSETS);
    assertEquals(List.of(Channels.EMAIL), channels(emailOnly.plan(event("booking.held", "held", START, "j@example.com", "+4412345678"), NOW)));
    assertEquals(List.of(Channels.SMS), channels(BOTH.plan(event("booking.held", "held", START, "", "+4412345678"), NOW)));
    assertEquals(List.of(), channels(BOTH.plan(event("booking.held", "held", START, "  ", ""), NOW)));
    assertEquals(List.of(), channels(new NotificationPlanner(Set.of(), OFFSETS)
      .plan(event("booking.confirmed", "confirmed", START, "j@example.com", "+4412345678"), NOW)));
  }

  @Test
  void aConfirmedBookingGetsARemindersPerOffsetAndChannelStillAhead() {
    NotificationPlan plan = BOTH.plan(event("booking.confirmed", "confirmed", START, "jane@example.com", "+441234567889"), NOW);
    assertEquals(START, plan.remindersStartAt());
    assertEquals(List.of(
      new PlannedMessage(Channels.EMAIL, "jane@example.com", "reminder", START.minus(Duration.ofHours(24)), START),
      new PlannedMessage(Channels.SMS, "+441234567889", "reminder", START.minus(Duration.ofHours(24)), START),
      new PlannedMessage(Channels.EMAIL, "jane@example.com", "reminder", START.minus(Duration.ofHours(2)), START),
      new PlannedMessage(Channels.SMS, "+441234567889", "reminder", START.minus(Duration.ofHours(2)), START)), plan.reminders());
  }

  @Test
  void aReminderThatWouldBeDueAlreadyIsNotMade() {
    Instant soon = NOW.plus(Duration.ofHours(3));
    NotificationPlan plan = BOTH.plan(event("booking.confirmed", "confirmed", soon, "jane@example.com", ""), NOW);
    assertEquals(List.of(new PlannedMessage(Channels.EMAIL, "jane@example.com", "reminder", soon.minus(Duration.ofHours(2)), soon)),
      plan.reminders());
    Instant exactlyDue = NOW.plus(Duration.ofHours(2));
    assertTrue(BOTH.plan(event("booking.confirmed", "confirmed", exactlyDue, "jane@example.com", ""), NOW).reminders().stream()
      .noneMatch(r -> r.dueAt().equals(NOW)));
  }

  @Test
  void aMoveOfAConfirmedBookingKeepsRemindersForTheNewStartOnly() {
    Instant moved = START.plus(Duration.ofDays(1));
    NotificationPlan plan = BOTH.plan(event("booking.rescheduled", "confirmed", moved, "jane@example.com", ""), NOW);
    assertEquals(moved, plan.remindersStartAt());
    assertTrue(plan.reminders().stream().allMatch(r -> r.bookingStartsAt().equals(moved)));
    assertEquals(List.of("rescheduled"), plan.messages().stream().map(PlannedMessage::template).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"held", "cancelled", "expired", "no_show", "seated", "finished"})
  void anyOtherStatusCancelsEveryPendingReminderAndMakesNone(String status) {
    NotificationPlan plan = BOTH.plan(event("booking.rescheduled", status, START, "jane@example.com", ""), NOW);
    assertNull(plan.remindersStartAt());
    assertTrue(plan.reminders().isEmpty());
  }

  @Test
  void aConfirmedBookingWithoutAStartGetsNoReminders() {
    NotificationPlan plan = BOTH.plan(event("booking.confirmed", "confirmed", null, "jane@example.com", ""), NOW);
    assertTrue(plan.reminders().isEmpty());
    assertNull(plan.remindersStartAt());
  }

  @Test
  void offsetsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new NotificationPlanner(Set.of(), List.of(Duration.ZERO)));
    assertThrows(IllegalArgumentException.class, () -> new NotificationPlanner(Set.of(), List.of(Duration.ofHours(-1))));
  }

  private static List<String> channels(NotificationPlan plan) {
    return plan.messages().stream().map(PlannedMessage::channel).toList();
  }
}
