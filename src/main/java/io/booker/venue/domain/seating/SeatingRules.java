package io.booker.venue.domain.seating;

import io.booker.common.ServiceException;
import io.booker.common.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A venue's seating rules: turn times by party size, service periods with their slot interval,
 * last seating and pacing, and the booking window. {@link #NONE} (no rows, no periods, no window)
 * is a venue without rules, which books exactly as before: the caller's duration or the default,
 * any start within the opening hours, no pacing.
 *
 * <p>The rules are validated as a whole (see {@link #parse}); the periods are not checked against
 * the opening hours, which change on their own (special days): a start must satisfy both.
 */
public record SeatingRules(List<TurnTime> turnTimes, List<ServicePeriod> periods,
    BookingWindow bookingWindow) {

  public static final int MAX_TURN_TIMES = 50;
  public static final int MAX_PERIODS = 20;
  public static final SeatingRules NONE = new SeatingRules(List.of(), List.of(), BookingWindow.NONE);

  private static final int MINUTES_PER_WEEK = 7 * ServicePeriod.MINUTES_PER_DAY;

  /**
   * Validates the document as a whole; errors name the field path ({@code turn_times[1].minutes},
   * {@code periods[0].last_seating}, {@code periods[2]} for an overlap). Period names are unique
   * regardless of case; a turn-time row names its period in any case and is stored with the
   * period's own spelling.
   */
  public SeatingRules {
    turnTimes = turnTimes == null ? List.of() : turnTimes;
    periods = periods == null ? List.of() : periods;
    bookingWindow = bookingWindow == null ? BookingWindow.NONE : bookingWindow;
    if (periods.size() > MAX_PERIODS) {
      throw ServiceException.invalid("periods", "at most " + MAX_PERIODS + " service periods");
    }
    if (turnTimes.size() > MAX_TURN_TIMES) {
      throw ServiceException.invalid("turn_times", "at most " + MAX_TURN_TIMES + " rows");
    }
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < periods.size(); i++) {
      ServicePeriod p = periods.get(i);
      if (p == null) {
        throw ServiceException.invalid("periods[" + i + "]", "is required");
      }
      Integer earlier = byName.putIfAbsent(key(p.name()), i);
      if (earlier != null) {
        throw ServiceException.invalid("periods[" + i + "].name",
            "repeats the name of periods[" + earlier + "] (" + periods.get(earlier).name() + ")");
      }
    }
    checkNoOverlap(periods);
    turnTimes = resolvePeriods(turnTimes, periods, byName);
    checkAscending(turnTimes);
    periods = List.copyOf(periods);
  }

  /** Parses and validates a whole document; see the constructor for the checks. */
  public static SeatingRules parse(SeatingRulesText text) {
    if (text == null) {
      return NONE;
    }
    List<TurnTime> turnTimes = new ArrayList<>();
    List<TurnTimeText> rows = text.turnTimes() == null ? List.of() : text.turnTimes();
    if (rows.size() > MAX_TURN_TIMES) {
      throw ServiceException.invalid("turn_times", "at most " + MAX_TURN_TIMES + " rows");
    }
    for (int i = 0; i < rows.size(); i++) {
      turnTimes.add(parseTurnTime("turn_times[" + i + "]", rows.get(i)));
    }
    List<ServicePeriod> periods = new ArrayList<>();
    List<ServicePeriodText> periodTexts = text.periods() == null ? List.of() : text.periods();
    if (periodTexts.size() > MAX_PERIODS) {
      throw ServiceException.invalid("periods", "at most " + MAX_PERIODS + " service periods");
    }
    for (int i = 0; i < periodTexts.size(); i++) {
      periods.add(parsePeriod("periods[" + i + "]", periodTexts.get(i)));
    }
    BookingWindowText w = text.bookingWindow();
    BookingWindow window = w == null ? BookingWindow.NONE
        : new BookingWindow(w.maxDaysAhead(),
            w.minNoticeMinutes() == null ? 0 : w.minNoticeMinutes());
    return new SeatingRules(turnTimes, periods, window);
  }

  /** True for a venue without rules. */
  public boolean isNone() {
    return turnTimes.isEmpty() && periods.isEmpty() && bookingWindow.equals(BookingWindow.NONE);
  }

  public Optional<ServicePeriod> period(String name) {
    return periods.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  // ---- Turn times ----

  /**
   * The turn time of a party on a weekday (0 = Sunday) within a period (its name; null for a start
   * outside every period). Among the rows that hold then and seat the party, the most specific
   * wins (period and weekday, then period, then weekday, then a general row), and among those the
   * one with the smallest {@code max_party_size} at least the party's (a row without one last).
   * Empty when no row fits: the caller keeps an explicit duration or the default.
   */
  public OptionalInt turnMinutes(int partySize, int weekday, String periodName) {
    TurnTime best = null;
    for (TurnTime row : turnTimes) {
      if (!row.seats(partySize) || !row.holdsOn(weekday, periodName)) {
        continue;
      }
      if (best == null || ROW_ORDER.compare(row, best) < 0) {
        best = row;
      }
    }
    return best == null ? OptionalInt.empty() : OptionalInt.of(best.minutes());
  }

  /**
   * The turn time of a party starting at a venue-local date and time: the period it starts in
   * decides the period and the weekday (the period's day, so Friday's rows for Saturday 00:30 in
   * Friday's 18:00-02:00 dinner); outside every period the date's weekday and no period.
   */
  public OptionalInt turnMinutes(int partySize, LocalDate date, LocalTime time) {
    Optional<PeriodDay> in = periodAt(date, time);
    return in.isPresent()
        ? turnMinutes(partySize, Times.weekday(in.get().day()), in.get().period().name())
        : turnMinutes(partySize, Times.weekday(date), null);
  }

  private static final Comparator<TurnTime> ROW_ORDER = Comparator
      .comparingInt((TurnTime r) -> -r.specificity())
      .thenComparing(TurnTime::maxPartySize, Comparator.nullsLast(Comparator.naturalOrder()));

  // ---- Periods and slots ----

  /** The periods whose service day is {@code day}, by start time. */
  public List<PeriodDay> periodDays(LocalDate day) {
    int weekday = Times.weekday(day);
    List<PeriodDay> out = new ArrayList<>();
    for (ServicePeriod p : periods) {
      if (p.runsOn(weekday)) {
        out.add(new PeriodDay(p, day));
      }
    }
    out.sort(Comparator.comparing(PeriodDay::localStart));
    return out;
  }

  /**
   * The period a venue-local start belongs to: one of the date's periods, or the after-midnight
   * part of the previous date's overnight period (Saturday 00:30 is in Friday's 18:00-02:00).
   * Empty outside every period. Periods never overlap, so there is at most one.
   */
  public Optional<PeriodDay> periodAt(LocalDate date, LocalTime time) {
    LocalDateTime local = date.atTime(time);
    for (PeriodDay d : periodDays(date)) {
      if (d.contains(local)) {
        return Optional.of(d);
      }
    }
    for (PeriodDay d : periodDays(date.minusDays(1))) {
      if (d.period().overnight() && d.contains(local)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** As {@link #periodAt(LocalDate, LocalTime)} for a real instant in the venue's zone. */
  public Optional<PeriodDay> periodAt(Instant start, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(start, zone);
    return periodAt(local.toLocalDate(), local.toLocalTime());
  }

  /**
   * The start times offered on a service day: every period of that day from its start every slot
   * interval up to its last seating inclusive (an overnight period's after-midnight starts are
   * labelled with the next date). Times inside a spring-forward gap are left out; times that occur
   * twice are offered once, at their first occurrence. In time order, no instant twice.
   */
  public List<SlotStart> slotStarts(LocalDate day, ZoneId zone) {
    List<SlotStart> all = new ArrayList<>();
    for (PeriodDay d : periodDays(day)) {
      all.addAll(d.slotStarts(zone));
    }
    all.sort(Comparator.comparing(SlotStart::instant));
    List<SlotStart> out = new ArrayList<>(all.size());
    for (SlotStart s : all) {
      if (out.isEmpty() || !out.get(out.size() - 1).instant().equals(s.instant())) {
        out.add(s);
      }
    }
    return out;
  }

  // ---- Pacing ----

  /**
   * The pacing interval a start falls in; empty when it starts outside every period or in a
   * period without pacing.
   */
  public Optional<PacingWindow> pacingWindow(Instant start, ZoneId zone) {
    return periodAt(start, zone).flatMap(d -> PacingWindow.of(d, start, zone));
  }

  /**
   * The slot starts where a party of {@code partySize} still fits the pacing, given the starts
   * already booked (at least every start within the slots' periods; others are ignored). Slots of a
   * period without pacing all fit. Order is kept.
   */
  public List<SlotStart> startsWithRoom(List<SlotStart> slots, Collection<BookedStart> booked,
      int partySize, ZoneId zone) {
    BookedStart[] sorted = booked.toArray(new BookedStart[0]);
    Arrays.sort(sorted, Comparator.comparing(BookedStart::start));
    Instant[] starts = new Instant[sorted.length];
    long[] coversBefore = new long[sorted.length + 1];
    for (int i = 0; i < sorted.length; i++) {
      starts[i] = sorted[i].start();
      coversBefore[i + 1] = coversBefore[i] + sorted[i].partySize();
    }
    List<SlotStart> out = new ArrayList<>();
    for (SlotStart slot : slots) {
      Optional<PacingWindow> window = PacingWindow.of(slot.periodDay(), slot.instant(), zone);
      if (window.isEmpty()) {
        out.add(slot);
        continue;
      }
      int from = firstAtOrAfter(starts, window.get().from());
      int to = firstAtOrAfter(starts, window.get().to());
      int covers = (int) Math.min(Integer.MAX_VALUE, coversBefore[to] - coversBefore[from]);
      if (window.get().check(to - from, covers, partySize).fits()) {
        out.add(slot);
      }
    }
    return out;
  }

  private static int firstAtOrAfter(Instant[] sorted, Instant at) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid].isBefore(at)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ---- Validation ----

  private static TurnTime parseTurnTime(String field, TurnTimeText t) {
    if (t == null) {
      throw ServiceException.invalid(field, "is required");
    }
    if (t.minutes() == null) {
      throw ServiceException.invalid(field + ".minutes", "is required");
    }
    var weekdays = Fields.weekdayList(field + ".weekdays", t.weekdays());
    return Fields.within(field,
        () -> new TurnTime(t.maxPartySize(), t.minutes(), weekdays, t.period()));
  }

  private static ServicePeriod parsePeriod(String field, ServicePeriodText p) {
    if (p == null) {
      throw ServiceException.invalid(field, "is required");
    }
    if (p.weekdays() == null) {
      throw ServiceException.invalid(field + ".weekdays", "is required (0 = Sunday ... 6 = Saturday)");
    }
    var weekdays = Fields.weekdayList(field + ".weekdays", p.weekdays());
    LocalTime start = Times.parseTime(field + ".start_time", p.startTime());
    LocalTime end = Times.parseTime(field + ".end_time", p.endTime());
    LocalTime lastSeating = Times.parseTime(field + ".last_seating", p.lastSeating());
    int slotInterval = p.slotIntervalMinutes() == null
        ? ServicePeriod.DEFAULT_SLOT_INTERVAL_MINUTES : p.slotIntervalMinutes();
    PacingText pt = p.pacing();
    return Fields.within(field, () -> {
      Pacing pacing = pt == null ? null : new Pacing(
          pt.intervalMinutes() == null ? Pacing.DEFAULT_INTERVAL_MINUTES : pt.intervalMinutes(),
          pt.maxParties(), pt.maxCovers());
      return new ServicePeriod(p.name(), weekdays, start, end, lastSeating, slotInterval, pacing);
    });
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Periods on the week's circle: Saturday night runs into Sunday morning. */
  private static void checkNoOverlap(List<ServicePeriod> periods) {
    List<int[]> spans = new ArrayList<>(); // {period index, weekday, start minute of week, length}
    for (int i = 0; i < periods.size(); i++) {
      ServicePeriod p = periods.get(i);
      for (int d : p.weekdays()) {
        spans.add(new int[] {i, d, d * ServicePeriod.MINUTES_PER_DAY + p.startMinute(),
            p.lengthMinutes()});
      }
    }
    // If any two spans overlap, two neighbours in start order do (or the last and the first).
    spans.sort(Comparator.comparingInt((int[] s) -> s[2]).thenComparingInt(s -> s[0]));
    int n = spans.size();
    for (int k = 0; k < n; k++) {
      int[] a = spans.get(k);
      int[] b = spans.get((k + 1) % n);
      int bStart = k + 1 < n ? b[2] : b[2] + MINUTES_PER_WEEK;
      if (n > 1 && bStart < a[2] + a[3]) {
        int[] later = a[0] > b[0] ? a : b;
        int[] earlier = later == a ? b : a;
        throw ServiceException.invalid("periods[" + later[0] + "]",
            "on " + Fields.weekdayName(later[1]) + " overlaps periods[" + earlier[0] + "] ("
                + periods.get(earlier[0]).describe() + " on " + Fields.weekdayName(earlier[1])
                + ")");
      }
    }
  }

  private static List<TurnTime> resolvePeriods(List<TurnTime> rows, List<ServicePeriod> periods,
      Map<String, Integer> byName) {
    List<TurnTime> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      TurnTime row = rows.get(i);
      if (row == null) {
        throw ServiceException.invalid("turn_times[" + i + "]", "is required");
      }
      if (row.period() != null) {
        Integer at = byName.get(key(row.period()));
        if (at == null) {
          throw ServiceException.invalid("turn_times[" + i + "].period",
              "names no service period (" + (periods.isEmpty() ? "there are none"
                  : "periods are " + String.join(", ", periods.stream().map(ServicePeriod::name)
                      .toList())) + ")");
        }
        String name = periods.get(at).name();
        if (!name.equals(row.period())) {
          row = new TurnTime(row.maxPartySize(), row.minutes(), row.weekdays(), name);
        }
      }
      out.add(row);
    }
    return List.copyOf(out);
  }

  /**
   * Within each scope (a period or none, and a weekday or every day) the rows ascend strictly by
   * max_party_size in document order, and a row without one ("every larger party") comes last.
   */
  private static void checkAscending(List<TurnTime> rows) {
    Map<String, Integer> lastInScope = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      TurnTime row = rows.get(i);
      String period = row.period() == null ? "" : key(row.period());
      List<Integer> days = row.weekdays().isEmpty() ? List.of(-1) : List.copyOf(row.weekdays());
      for (int d : days) {
        Integer before = lastInScope.put(period + "|" + d, i);
        if (before == null) {
          continue;
        }
        TurnTime prev = rows.get(before);
        String scope = (row.period() == null ? "any period" : row.period())
            + (d < 0 ? ", every day" : ", " + Fields.weekdayName(d));
        if (prev.maxPartySize() == null) {
          throw ServiceException.invalid("turn_times[" + i + "].max_party_size",
              "turn_times[" + before + "] already covers every larger party (" + scope + ")");
        }
        if (row.maxPartySize() != null && row.maxPartySize() <= prev.maxPartySize()) {
          throw ServiceException.invalid("turn_times[" + i + "].max_party_size",
              "must be greater than " + prev.maxPartySize() + " of turn_times[" + before
                  + "]: rows of one scope (" + scope + ") ascend by party size");
        }
      }
    }
  }
}
