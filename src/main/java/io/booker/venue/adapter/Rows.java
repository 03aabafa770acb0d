package io.booker.venue.adapter;

import io.booker.proto.venue.FloorPosition;
import io.booker.proto.venue.Room;
import io.booker.proto.venue.Table;
import io.booker.proto.venue.Venue;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
      .setLanguage(r.getString("language"))
      .setCreatedAt(epoch(r.getOffsetDateTime("created_at")))
      .setUpdatedAt(epoch(r.getOffsetDateTime("updated_at")))
      .build();
  }

  static Room room(Row r) {
    return Room.newBuilder()
      .setId(r.getUUID("id").toString())
      .setVenueId(r.getUUID("venue_id").toString())
      .setName(r.getString("name"))
      .setCreatedAt(epoch(r.getOffsetDateTime("created_at")))
      .setUpdatedAt(epoch(r.getOffsetDateTime("updated_at")))
      .build();
  }

  static Table table(Row r) {
    Table.Builder t = Table.newBuilder()
      .setId(r.getUUID("id").toString())
      .setRoomId(r.getUUID("room_id").toString())
      .setVenueId(r.getUUID("venue_id").toString())
      .setName(r.getString("name"))
      .setCapacity(r.getInteger("capacity"))
      .setCanMerge(r.getBoolean("can_merge"))
      .setZone(r.getString("zone"))
      .setCreatedAt(epoch(r.getOffsetDateTime("created_at")))
      .setUpdatedAt(epoch(r.getOffsetDateTime("updated_at")));
    if (r.getInteger("position_x") != null) { // all six columns or none (V5): null is "not placed"
      t.setPosition(FloorPosition.newBuilder()
        .setX(r.getInteger("position_x"))
        .setY(r.getInteger("position_y"))
        .setWidth(r.getInteger("position_width"))
        .setHeight(r.getInteger("position_height"))
        .setRotation(r.getInteger("position_rotation"))
        .setShape(r.getString("position_shape")));
    }
    return t.build();
  }

  /** The six position values of a table write, in {@code VenueSql.POSITION_COLUMNS} order; nulls when unset. */
  static Object[] position(boolean placed, FloorPosition p) {
    return placed
      ? new Object[] {p.getX(), p.getY(), p.getWidth(), p.getHeight(), p.getRotation(), p.getShape()}
      : new Object[] {null, null, null, null, null, null};
  }

  /** The single row of a RETURNING / by-id query, or null. */
  static Row first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next();
  }

  static List<String> ids(RowSet<Row> rows) {
    List<String> ids = new ArrayList<>(rows.size());
    rows.forEach(r -> ids.add(r.getUUID("id").toString()));
    return ids;
  }

  static List<String> ids(UUID[] ids) {
    List<String> out = new ArrayList<>(ids == null ? 0 : ids.length);
    if (ids != null) {
      for (UUID id : ids) {
        out.add(id.toString());
      }
    }
    return out;
  }

  static long epoch(OffsetDateTime t) {
    return t == null ? 0 : t.toEpochSecond();
  }
}
