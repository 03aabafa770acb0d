package io.booker.booking.adapter;

import io.booker.booking.domain.BookedTable;
import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingSlot;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.Guest;
import io.booker.booking.domain.Period;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads bookings from rows of {@link BookingSql#COLUMNS}. */
final class Rows {

  private Rows() {
  }

  static Booking booking(Row r) {
    List<BookedTable> tables = new ArrayList<>(2);
    tables.add(new BookedTable(r.getUUID("room_id"), r.getUUID("table_id")));
    UUID merged = r.getUUID("merged_table_id");
    if (merged != null) {
      tables.add(new BookedTable(r.getUUID("merged_room_id"), merged));
    }
    UUID[] moreRooms = r.getArrayOfUUIDs("more_room_ids");
    UUID[] moreTables = r.getArrayOfUUIDs("more_table_ids");
    for (int i = 0; moreTables != null && i < moreTables.length; i++) {
      tables.add(new BookedTable(moreRooms[i], moreTables[i]));
    }
    return new Booking(r.getUUID("id"), r.getUUID("venue_id"), tables,
      new BookingSlot(r.getLocalDate("slot_date"), r.getLocalTime("start_time"), r.getInteger("duration_minutes")),
      new Period(instant(r, "starts_at"), instant(r, "ends_at")),
      r.getInteger("party_size"),
      new Guest(r.getString("customer_name"), r.getString("customer_phone"), r.getString("customer_email")),
      r.getString("comment"),
      BookingStatus.parse("status", r.getString("status")),
      r.getLong("version"),
      r.getString("admin_id"),
      instant(r, "expires_at"),
      instant(r, "created_at"),
      instant(r, "updated_at"),
      r.getString("cancel_reason"),
      r.getUUID("combination_id"));
  }

  static Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
