package io.booker.venue.domain.seating;

import java.util.Arrays;
import java.util.List;

/** Builds seating documents for tests the way a request carries them. */
final class SeatingDocs {

  static final List<Integer> EVERY_DAY = List.of(0, 1, 2, 3, 4, 5, 6);

  private SeatingDocs() {
  }

  static TurnTimeText turn(Integer maxPartySize, Integer minutes) {
    return new TurnTimeText(maxPartySize, minutes, null, null);
  }

  static TurnTimeText turn(Integer maxPartySize, Integer minutes, List<Integer> weekdays,
      String period) {
    return new TurnTimeText(maxPartySize, minutes, weekdays, period);
  }

  static ServicePeriodText period(String name, List<Integer> weekdays, String start, String end,
      String lastSeating, Integer slotInterval, PacingText pacing) {
    return new ServicePeriodText(name, weekdays, start, end, lastSeating, slotInterval, pacing);
  }

  static ServicePeriodText period(String name, List<Integer> weekdays, String start, String end,
      String lastSeating) {
    return period(name, weekdays, start, end, lastSeating, 15, null);
  }

  static PacingText pacing(Integer interval, Integer maxParties, Integer maxCovers) {
    return new PacingText(interval, maxParties, maxCovers);
  }

  static SeatingRules periods(ServicePeriodText... periods) {
    return SeatingRules.parse(new SeatingRulesText(null, Arrays.asList(periods), null));
  }

  static SeatingRules rules(List<TurnTimeText> turnTimes, List<ServicePeriodText> periods,
      BookingWindowText window) {
    return SeatingRules.parse(new SeatingRulesText(turnTimes, periods, window));
  }
}
