package io.booker.venue.domain.seating;

/** A period's {@code pacing} as a request carried it; null where a field was left out. */
public record PacingText(Integer intervalMinutes, Integer maxParties, Integer maxCovers) {
}
