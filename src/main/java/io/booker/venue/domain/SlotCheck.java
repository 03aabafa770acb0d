package io.booker.venue.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a slot lies within the venue's hours, and why not. {@code start} and {@code end} are
 * the slot's real window (used for the overlap check against bookings); both are null only when
 * the start time does not exist in the venue's zone.
 */
public record SlotCheck(Verdict verdict, String reason, Instant start, Instant end) {

  /** The outcome, so callers can map it to an error code without reading the text. */
  public enum Verdict {
    OPEN,
    TIME_DOES_NOT_EXIST,
    IN_THE_PAST,
    CLOSED_DAY,
    OUTSIDE_HOURS
  }

  public SlotCheck {
    Objects.requireNonNull(verdict, "verdict");
    reason = reason == null ? "" : reason;
    if ((start == null) != (verdict == Verdict.TIME_DOES_NOT_EXIST)) {
      throw new IllegalArgumentException("start is null exactly when the time does not exist");
    }
  }

  static SlotCheck fits(SlotWindow window) {
    return new SlotCheck(Verdict.OPEN, "", window.start(), window.end());
  }

  static SlotCheck rejected(Verdict verdict, String reason, SlotWindow window) {
    return new SlotCheck(verdict, reason,
        window == null ? null : window.start(), window == null ? null : window.end());
  }

  /** True when the slot can be booked as far as the hours and the clock are concerned. */
  public boolean open() {
    return verdict == Verdict.OPEN;
  }

  /** The real window; null when the start time does not exist. */
  public SlotWindow window() {
    return start == null ? null : new SlotWindow(start, end);
  }
}
