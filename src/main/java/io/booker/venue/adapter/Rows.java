package io.booker.venue.adapter;

import io.booker.proto.venue.Venue;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;

/** Maps result rows to contract messages. */
final class Rows {

  private Rows() {
  }

  static Venue venue(Row r) {
    return Venue.newBuilder()
      .setId(r.getUUID("id").toString())
      .setName(r.getString("name"))
      .setTimezone(r.getString("timezone"))
      .setAddress(r.getString("address"))
      .setPhone(r.getString("phone"))
      .setEmail(r.getString("email"))
      .setDescription(r.getString("description"))
      .setCreatedAt(epoch(r.getOffsetDateTime("created_at")))
      .setUpdatedAt(epoch(r.getOffsetDateTime("updated_at")))
      .build();
  }

  static long epoch(OffsetDateTime t) {
    return t == null ? 0 : t.toEpochSecond();
  }
}
