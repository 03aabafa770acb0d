package io.booker.venue.adapter;

import io.booker.venue.domain.Room;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TablePosition;
import io.booker.venue.domain.Venue;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Maps result rows to domain records; times are read to the whole second, as the contract carries them. */
final class Rows {

  private Rows() {
  }

  static Venue venue(Row r) {
    return new Venue(r.getUUID("id").toString(), r.getString("name"), r.getString("timezone"), r.getString("address"),
      r.getString("phone"), r.getString("email"), r.getString("description"), r.getString("language"),
      time(r.getOffsetDateTime("created_at")), time(r.getOffsetDateTime("updated_at")));
  }

  static Room room(Row r) {
    return new Room(r.getUUID("id").toString(), r.getUUID("venue_id").toString(), r.getString("name"),
      time(r.getOffsetDateTime("created_at")), time(r.getOffsetDateTime("updated_at")));
  }

  static Table table(Row r) {
    TablePosition position = r.getInteger("position_x") == null ? null // all six columns or none (V5): null is "not placed"
      : new TablePosition(r.getInteger("position_x"), r.getInteger("position_y"), r.getInteger("position_width"),
        r.getInteger("position_height"), r.getInteger("position_rotation"), r.getString("position_shape"));
    return new Table(r.getUUID("id").toString(), r.getUUID("room_id").toString(), r.getUUID("venue_id").toString(),
      r.getString("name"), r.getInteger("capacity"), r.getBoolean("can_merge"), r.getString("zone"), position,
      time(r.getOffsetDateTime("created_at")), time(r.getOffsetDateTime("updated_at")));
  }

  /** The six position values of a table write, in {@code VenueSql.POSITION_COLUMNS} order; nulls when not placed. */
  static Object[] position(TablePosition p) {
    return p != null
      ? new Object[] {p.x(), p.y(), p.width(), p.height(), p.rotation(), p.shape()}
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

  static Instant time(OffsetDateTime t) {
    return t == null ? Instant.EPOCH : Instant.ofEpochSecond(t.toEpochSecond());
  }
}
