package io.booker.booking.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The pacing a new start counts against, as the venue resolved it: at most {@code maxParties}
 * parties and/or {@code maxCovers} guests may start in [{@code from}, {@code to}). The booking
 * service counts the starts already booked in the transaction that writes the booking, under a
 * lock per window, so two writers cannot both take the last place.
 *
 * @param maxParties null: no cap on parties
 * @param maxCovers  null: no cap on covers
 * @param localFrom  venue-local "HH:MM" of {@code from}, for the message
 * @param localTo    venue-local "HH:MM" of {@code to}
 */
public record PacingLimit(Instant from, Instant to, Integer maxParties, Integer maxCovers, String period, String localFrom,
    String localTo) {

  public PacingLimit {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("an empty pacing window");
    }
    if (maxParties == null && maxCovers == null) {
      throw new IllegalArgumentException("a pacing window without a cap");
    }
  }

  /**
   * Empty when a party of {@code partySize} fits beside the {@code parties} parties and
   * {@code covers} guests already starting in the window; otherwise why not, naming the cap
   * ("at most 6 parties may start between 19:00 and 19:15 in Dinner (6 already booked)").
   */
  public java.util.Optional<String> refusal(int parties, int covers, int partySize) {
    if (maxParties != null && parties + 1 > maxParties) {
      return java.util.Optional.of("at most " + maxParties + " parties may start between " + localFrom + " and " + localTo
        + where() + " (" + parties + " already booked)");
    }
    if (maxCovers != null && covers + partySize > maxCovers) {
      return java.util.Optional.of("at most " + maxCovers + " guests may start arriving between " + localFrom + " and " + localTo
        + where() + " (" + covers + " already booked, this party is " + partySize + ")");
    }
    return java.util.Optional.empty();
  }

  private String where() {
    return period == null || period.isEmpty() ? "" : " in " + period;
  }
}
