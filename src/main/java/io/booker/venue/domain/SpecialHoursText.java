package io.booker.venue.domain;

import java.util.List;

/**
 * The hours of one date exactly as a request carried them, before validation: closed, one range
 * ({@code openTime}/{@code closeTime}, the original's shape) or several {@code ranges}, which win
 * when given.
 */
public record SpecialHoursText(String date, boolean closed, String openTime, String closeTime, List<TimeRangeText> ranges) {

  public SpecialHoursText {
    ranges = List.copyOf(ranges);
  }
}
