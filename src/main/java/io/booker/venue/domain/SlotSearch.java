package io.booker.venue.domain;

import io.booker.common.Times;
import io.booker.venue.domain.seating.BookedStart;
import io.booker.venue.domain.seating.PacingWindow;
import io.booker.venue.domain.seating.SeatingRules;
import io.booker.venue.domain.seating.SlotStart;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The start times closest to a preferred one at which a party can be seated, decided in memory from
 * what was read once per day (the venue's snapshot) and once for the whole span (what takes the
 * tables, the starts that count against pacing). No look-up per candidate.
 *
 * <p>Candidates: with service periods, their slot starts; without, every {@value #STEP_MINUTES}
 * minutes of the opening ranges. A candidate is offered when it lies within the window around the
 * preferred time of its day, fits the hours (with the party's duration: the one asked for, else the
 * turn time, else 120 minutes), is not in the past or outside the booking window, leaves room in
 * its pacing window, and some table, or pair of tables, is free for its whole duration (the
 * {@link AvailabilityPlanner}'s smallest fitting choice). Closest first, then earlier.
 */
public final class SlotSearch {

  /** The step between candidate starts of a venue without service periods. */
  public static final int STEP_MINUTES = 15;

  /** What a search asks. {@code durationMinutes} 0: the turn time, else the default. */
  public record Ask(int partySize, LocalDate date, LocalTime time, int windowMinutes, int days, int durationMinutes, int limit) {
  }

  /** A table taken over [from, to) (a booking or a block). */
  public record Taken(String tableId, Instant from, Instant to) {
  }

  /** One offer: a start, how long, where, and how far from the preferred time. */
  public record Option(LocalDate date, LocalTime start, int durationMinutes, TableOffer offer, long distanceMinutes) {
  }

  private SlotSearch() {
  }

  /**
   * @param days   each searched day's snapshot (hours, special days, tables, rules), in order
   * @param taken  what takes the tables over the whole span searched
   * @param starts the starts over the span that count against pacing
   */
  public static List<Option> search(Ask ask, Map<LocalDate, AvailabilitySnapshot> days, List<Taken> taken, List<BookedStart> starts,
                                    Instant now) {
    Map<String, List<Taken>> byTable = byTable(taken);
    List<Candidate> candidates = new ArrayList<>();
    for (Map.Entry<LocalDate, AvailabilitySnapshot> day : days.entrySet()) {
      candidates.addAll(candidates(ask, day.getKey(), day.getValue()));
    }
    candidates.sort(Comparator.comparingLong(Candidate::distance).thenComparing(Candidate::local));
    List<Option> out = new ArrayList<>();
    Set<LocalDateTime> seen = new HashSet<>();
    for (Candidate c : candidates) {
      if (out.size() >= ask.limit()) {
        break;
      }
      if (!seen.add(c.local())) {
        continue;
      }
      option(ask, c, byTable, starts, now).ifPresent(out::add);
    }
    return out;
  }

  private record Candidate(LocalDateTime local, long distance, AvailabilitySnapshot snapshot) {
  }

  /** The starts of one searched day within the window around its preferred time. */
  private static List<Candidate> candidates(Ask ask, LocalDate day, AvailabilitySnapshot snapshot) {
    LocalDateTime preferred = day.atTime(ask.time());
    List<LocalDateTime> starts = new ArrayList<>();
    SeatingRules rules = snapshot.seating();
    if (!rules.periods().isEmpty()) {
      // The previous service day's overnight starts may fall near this day's preferred time too.
      for (LocalDate serviceDay : List.of(day.minusDays(1), day)) {
        for (SlotStart s : rules.slotStarts(serviceDay, snapshot.zone())) {
          starts.add(s.local());
        }
      }
    } else {
      for (LocalDate openDay : List.of(day.minusDays(1), day)) {
        for (OpeningRange r : snapshot.calendar().rangesOn(openDay)) {
          LocalDateTime from = openDay.atTime(r.open());
          LocalDateTime to = r.close().isAfter(r.open()) ? openDay.atTime(r.close()) : openDay.plusDays(1).atTime(r.close());
          for (LocalDateTime t = from; t.isBefore(to); t = t.plusMinutes(STEP_MINUTES)) {
            starts.add(t);
          }
        }
      }
    }
    List<Candidate> out = new ArrayList<>();
    LocalDate last = ask.date().plusDays(ask.days());
    for (LocalDateTime t : starts) {
      if (t.toLocalDate().isBefore(ask.date()) || !t.toLocalDate().isBefore(last)) {
        continue; // only the days asked for
      }
      long distance = Math.abs(Duration.between(preferred, t).toMinutes());
      if (distance <= ask.windowMinutes()) {
        out.add(new Candidate(t, distance, snapshot));
      }
    }
    return out;
  }

  private static Optional<Option> option(Ask ask, Candidate c, Map<String, List<Taken>> byTable, List<BookedStart> starts, Instant now) {
    AvailabilitySnapshot snapshot = c.snapshot();
    SeatingRules rules = snapshot.seating();
    LocalDate date = c.local().toLocalDate();
    LocalTime time = c.local().toLocalTime();
    int duration = ask.durationMinutes() != 0 ? ask.durationMinutes()
      : rules.turnMinutes(ask.partySize(), date, time).orElse(Times.DEFAULT_DURATION_MINUTES);
    SlotCheck check = snapshot.calendar().check(date, time, duration, now);
    if (!check.open() || rules.bookingWindow().check(now, check.start(), snapshot.zone()).isPresent()) {
      return Optional.empty();
    }
    Optional<PacingWindow> pacing = rules.pacingWindow(check.start(), snapshot.zone());
    if (pacing.isPresent() && !pacing.get().check(starts, ask.partySize()).fits()) {
      return Optional.empty();
    }
    Set<String> free = freeTables(snapshot.tables(), byTable, check.start(), check.end());
    for (TableOffer o : AvailabilityPlanner.plan(snapshot.tables(), snapshot.combinations(), free, ask.partySize(), check)) {
      if (o.available()) {
        return Optional.of(new Option(date, time, duration, o, c.distance()));
      }
    }
    return Optional.empty();
  }

  /** What takes each table, by table id. */
  public static Map<String, List<Taken>> byTable(List<Taken> taken) {
    Map<String, List<Taken>> byTable = new HashMap<>();
    for (Taken t : taken) {
      byTable.computeIfAbsent(t.tableId(), k -> new ArrayList<>()).add(t);
    }
    return byTable;
  }

  /** The ids of {@code tables} that nothing in {@code byTable} takes over [{@code from}, {@code to}). */
  public static Set<String> freeTables(List<TableCandidate> tables, Map<String, List<Taken>> byTable, Instant from, Instant to) {
    Set<String> free = new HashSet<>();
    for (TableCandidate t : tables) {
      if (isFree(byTable.get(t.tableId()), from, to)) {
        free.add(t.tableId());
      }
    }
    return free;
  }

  private static boolean isFree(List<Taken> taken, Instant from, Instant to) {
    if (taken == null) {
      return true;
    }
    for (Taken t : taken) {
      if (t.from().isBefore(to) && from.isBefore(t.to())) {
        return false;
      }
    }
    return true;
  }

  /** The days a search covers, in order. */
  public static List<LocalDate> days(Ask ask) {
    List<LocalDate> out = new ArrayList<>(ask.days());
    for (int i = 0; i < ask.days(); i++) {
      out.add(ask.date().plusDays(i));
    }
    return out;
  }

  /** Keeps the order of {@code days} (a LinkedHashMap). */
  public static Map<LocalDate, AvailabilitySnapshot> inOrder(List<LocalDate> days, List<AvailabilitySnapshot> snapshots) {
    Map<LocalDate, AvailabilitySnapshot> out = new LinkedHashMap<>();
    for (int i = 0; i < days.size(); i++) {
      out.put(days.get(i), snapshots.get(i));
    }
    return out;
  }
}
