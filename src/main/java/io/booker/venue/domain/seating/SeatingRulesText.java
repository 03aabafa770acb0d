package io.booker.venue.domain.seating;

import java.util.List;

/**
 * A venue's seating document as a request carried it (the body of
 * {@code PUT /api/v1/venues/{id}/seating}), before validation; {@link SeatingRules#parse} turns it
 * into rules. Null lists and a null booking window mean none.
 */
public record SeatingRulesText(List<TurnTimeText> turnTimes, List<ServicePeriodText> periods,
    BookingWindowText bookingWindow) {
}
