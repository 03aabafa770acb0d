package io.booker.venue.domain.seating;

import java.util.List;

/**
 * One service period as a request carried it ({@code periods[i]}): times as "HH:MM" strings, null
 * where a field was left out.
 */
public record ServicePeriodText(String name, List<Integer> weekdays, String startTime,
    String endTime, String lastSeating, Integer slotIntervalMinutes, PacingText pacing) {
}
