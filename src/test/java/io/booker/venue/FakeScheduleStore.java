package io.booker.venue;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.WeeklyHours;
import io.vertx.core.Future;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The venues' opening hours and special days in memory. A venue exists when it has a zone
 * ({@link #timezones}); writes for another venue write nothing. Committed events go to
 * {@link #outbox}; every call is recorded in {@link #calls}.
 */
final class FakeScheduleStore implements ScheduleStore {

  record Range(UUID venueId, LocalDate from, LocalDate to) {
  }

  final Map<UUID, String> timezones = new HashMap<>();
  final Map<UUID, List<DayRange>> weeks = new HashMap<>();
  final Map<UUID, TreeMap<LocalDate, SpecialDay>> special = new HashMap<>();
  final List<OutboxEvent> outbox = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  final List<Range> ranges = new ArrayList<>();

  void putVenue(UUID venueId, String zone) {
    timezones.put(venueId, zone);
  }

  /** Seeds a special day (no call recorded, no event). */
  void putDay(UUID venueId, SpecialDay day) {
    special.computeIfAbsent(venueId, v -> new TreeMap<>()).put(day.date(), day);
  }

  @Override
  public Future<Boolean> replaceWeek(UUID venueId, WeeklyHours week, OutboxEvent event) {
    calls.add("replaceWeek");
    if (!timezones.containsKey(venueId)) {
      return Future.succeededFuture(false);
    }
    weeks.put(venueId, List.copyOf(week.ranges()));
    outbox.add(event);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Optional<List<DayRange>>> week(UUID venueId) {
    calls.add("week");
    if (!timezones.containsKey(venueId)) {
      return Future.succeededFuture(Optional.empty());
    }
    List<DayRange> days = new ArrayList<>(weeks.getOrDefault(venueId, List.of()));
    days.sort(Comparator.comparingInt(DayRange::weekday).thenComparing(d -> d.range().open()));
    return Future.succeededFuture(Optional.of(days));
  }

  @Override
  public Future<Optional<String>> timezone(UUID venueId) {
    calls.add("timezone");
    return Future.succeededFuture(Optional.ofNullable(timezones.get(venueId)));
  }

  @Override
  public Future<Boolean> putSpecialDay(UUID venueId, SpecialDay day, OutboxEvent event) {
    calls.add("putSpecialDay");
    if (!timezones.containsKey(venueId)) {
      return Future.succeededFuture(false);
    }
    special.computeIfAbsent(venueId, v -> new TreeMap<>()).put(day.date(), day);
    outbox.add(event);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Boolean> deleteSpecialDay(UUID venueId, LocalDate date, OutboxEvent event) {
    calls.add("deleteSpecialDay");
    TreeMap<LocalDate, SpecialDay> days = special.get(venueId);
    if (days == null || days.remove(date) == null) {
      return Future.succeededFuture(false);
    }
    outbox.add(event);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<List<SpecialDay>> specialDays(UUID venueId, LocalDate from, LocalDate to) {
    calls.add("specialDays");
    ranges.add(new Range(venueId, from, to));
    TreeMap<LocalDate, SpecialDay> days = special.getOrDefault(venueId, new TreeMap<>());
    return Future.succeededFuture(List.copyOf(days.subMap(from, true, to, true).values()));
  }
}
