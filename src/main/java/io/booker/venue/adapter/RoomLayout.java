package io.booker.venue.adapter;

import io.booker.proto.venue.GetTableLayoutResponse;

/** A room's tables as GetTableLayout answers them, with the venue the room belongs to. */
public record RoomLayout(String venueId, GetTableLayoutResponse layout) {
}
