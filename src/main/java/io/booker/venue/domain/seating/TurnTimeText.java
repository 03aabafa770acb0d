package io.booker.venue.domain.seating;

import java.util.List;

/**
 * One turn-time row exactly as a request carried it ({@code turn_times[i]}), before validation;
 * null where the request left a field out.
 */
public record TurnTimeText(Integer maxPartySize, Integer minutes, List<Integer> weekdays,
    String period) {
}
