package io.booker.venue.domain.seating;

import java.util.List;

/**
 * The answer of {@link Pacing#check}: whether a party fits in its pacing interval, and if not
 * which caps it would break.
 *
 * @param exceeded the caps broken, parties before covers; empty when the party fits
 */
public record PacingCheck(Pacing pacing, int partiesStarting, int coversStarting, int partySize,
    List<Pacing.Cap> exceeded) {

  public PacingCheck {
    exceeded = List.copyOf(exceeded);
  }

  public boolean fits() {
    return exceeded.isEmpty();
  }

  /**
   * Why the party does not fit, for a {@code PACING_LIMIT} refusal: "at most 6 parties may start
   * between 19:00 and 19:15 (6 parties already booked, this party is 2 guests)"; both caps when both are broken.
   *
   * @throws IllegalStateException when the party fits
   */
  public String refusal(String from, String to) {
    if (fits()) {
      throw new IllegalStateException("the party fits");
    }
    StringBuilder caps = new StringBuilder();
    StringBuilder already = new StringBuilder();
    for (Pacing.Cap cap : exceeded) {
      if (caps.length() > 0) {
        caps.append(" and ");
        already.append(", ");
      }
      if (cap == Pacing.Cap.PARTIES) {
        caps.append(Fields.plural(pacing.maxParties(), "party", "parties"));
        already.append(Fields.plural(partiesStarting, "party", "parties"));
      } else {
        caps.append(Fields.plural(pacing.maxCovers(), "cover", "covers"));
        already.append(Fields.plural(coversStarting, "cover", "covers"));
      }
    }
    return "at most " + caps + " may start between " + from + " and " + to + " ("
        + already + " already booked, this party is " + Fields.plural(partySize, "guest", "guests")
        + ")";
  }
}
