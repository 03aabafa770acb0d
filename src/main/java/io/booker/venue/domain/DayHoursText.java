package io.booker.venue.domain;

/**
 * One opening range of a weekday exactly as a request carried it (weekday 0 = Sunday, null when the
 * request did not say; times as "HH:MM" strings), before validation. {@link WeeklyHours#parse} turns
 * a list of these into hours.
 */
public record DayHoursText(Integer weekday, String openTime, String closeTime) {
}
