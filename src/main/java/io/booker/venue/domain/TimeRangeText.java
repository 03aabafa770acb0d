package io.booker.venue.domain;

/** One opening range exactly as a request carried it ("HH:MM" strings), before validation. */
public record TimeRangeText(String openTime, String closeTime) {
}
