package io.booker.booking.domain;

import io.booker.common.ServiceException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a block takes its tables out of service: a venue-local date with a start and end time (an
 * end at or before the start is on the next day, so 18:00-02:00 runs past midnight and 12:00-12:00
 * is a whole day), or a real time range in Unix seconds. Either way at most {@link #MAX_LENGTH}.
 */
public sealed interface BlockTime {

  /** The longest block: 31 days. */
  Duration MAX_LENGTH = Duration.ofDays(31);

  /** The real time range of the block, placed in the venue's zone. */
  Period in(ZoneId zone);

  /** Venue-local: {@code date} from {@code start} to {@code end} (the next day when end is not after start). */
  record Local(LocalDate date, LocalTime start, LocalTime end) implements BlockTime {

    public Local {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }

    @Override
    public Period in(ZoneId zone) {
      ZonedDateTime from = ZonedDateTime.of(date, start, zone);
      ZonedDateTime to = ZonedDateTime.of(end.isAfter(start) ? date : date.plusDays(1), end, zone);
      if (!to.isAfter(from)) {
        // A start in the hour a DST change skips is moved past it; the end can only be later.
        throw ServiceException.invalid("end_time", "must be after start_time in the venue's time zone");
      }
      return new Period(from.toInstant(), to.toInstant());
    }
  }

  /** A real range {@code [from, to)}. */
  record Absolute(Instant from, Instant to) implements BlockTime {

    public Absolute {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!to.isAfter(from)) {
        throw ServiceException.invalid("to", "must be after from");
      }
      if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
        throw ServiceException.invalid("to", "must be at most " + MAX_LENGTH.toDays() + " days after from");
      }
    }

    @Override
    public Period in(ZoneId zone) {
      return new Period(from, to);
    }
  }
}
