package io.booker.venue.domain;

import io.booker.common.ServiceException;
import io.booker.common.Times;
import java.util.Objects;

/** A validated opening range of one weekday (0 = Sunday ... 6 = Saturday). */
public record DayRange(int weekday, OpeningRange range) {

  public DayRange {
    if (weekday < 0 || weekday > 6) {
      throw ServiceException.invalid("weekday", "must be 0 (Sunday) to 6 (Saturday)");
    }
    Objects.requireNonNull(range, "range");
  }

  public String openTime() {
    return Times.formatTime(range.open());
  }

  public String closeTime() {
    return Times.formatTime(range.close());
  }
}
