package io.booker.booking.domain;

import io.booker.common.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Redis keys of a hold, one per table: {@code hold:{venue_id}:{table_id}:{date}:{HH:MM}}, as
 * the original Booker named them. The value of each is the id of the booking holding the table.
 */
public final class HoldKeys {

  private HoldKeys() {
  }

  public static String of(UUID venueId, UUID tableId, BookingSlot slot) {
    return "hold:" + venueId + ":" + tableId + ":" + Times.formatDate(slot.date()) + ":" + Times.formatTime(slot.start());
  }

  /** One key per table, in the order of the tables. */
  public static List<String> of(UUID venueId, List<BookedTable> tables, BookingSlot slot) {
    List<String> keys = new ArrayList<>(tables.size());
    for (BookedTable t : tables) {
      keys.add(of(venueId, t.tableId(), slot));
    }
    return keys;
  }

  public static List<String> of(Booking booking) {
    return of(booking.venueId(), booking.tables(), booking.slot());
  }

  /** The table id inside a key made by {@link #of(UUID, UUID, BookingSlot)}. */
  public static UUID tableOf(String key) {
    return UUID.fromString(key.split(":")[2]);
  }
}
