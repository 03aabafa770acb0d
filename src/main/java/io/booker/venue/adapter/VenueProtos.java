package io.booker.venue.adapter;

import io.booker.proto.venue.CreateTableRequest;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.FloorPosition;
import io.booker.proto.venue.GetTableLayoutResponse;
import io.booker.proto.venue.ListRoomsResponse;
import io.booker.proto.venue.ListTablesResponse;
import io.booker.proto.venue.ListVenuesResponse;
import io.booker.proto.venue.UpdateTableRequest;
import io.booker.proto.venue.UpdateVenueRequest;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.RoomLayout;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TableFields;
import io.booker.venue.domain.TablePosition;
import io.booker.venue.domain.Venue;
import io.booker.venue.domain.VenueFields;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The venue service's structure on the wire: the contract's requests as the domain's input
 * records (unchecked: the use cases check them, in their order), and the domain's venues, rooms,
 * tables, pages and layouts as the contract's messages, and back. Times are whole seconds; a
 * table's position is a present or absent message exactly as it is a set or null field.
 */
public final class VenueProtos {

  private VenueProtos() {
  }

  // ---- requests

  public static VenueFields fields(CreateVenueRequest r) {
    return new VenueFields(r.getName(), r.getTimezone(), r.getAddress(), r.getPhone(), r.getEmail(), r.getDescription(),
      r.getLanguage());
  }

  public static VenueFields fields(UpdateVenueRequest r) {
    return new VenueFields(r.getName(), r.getTimezone(), r.getAddress(), r.getPhone(), r.getEmail(), r.getDescription(),
      r.getLanguage());
  }

  public static TableFields fields(CreateTableRequest r) {
    return new TableFields(r.getName(), r.getCapacity(), r.getCanMerge(), r.getZone(), r.hasPosition() ? position(r.getPosition()) : null);
  }

  public static TableFields fields(UpdateTableRequest r) {
    return new TableFields(r.getName(), r.getCapacity(), r.getCanMerge(), r.getZone(), r.hasPosition() ? position(r.getPosition()) : null);
  }

  public static TablePosition position(FloorPosition p) {
    return new TablePosition(p.getX(), p.getY(), p.getWidth(), p.getHeight(), p.getRotation(), p.getShape());
  }

  // ---- answers

  public static io.booker.proto.venue.Venue toProto(Venue v) {
    return io.booker.proto.venue.Venue.newBuilder()
      .setId(v.id())
      .setName(v.name())
      .setTimezone(v.timezone())
      .setAddress(v.address())
      .setPhone(v.phone())
      .setEmail(v.email())
      .setDescription(v.description())
      .setLanguage(v.language())
      .setCreatedAt(v.createdAt().getEpochSecond())
      .setUpdatedAt(v.updatedAt().getEpochSecond())
      .build();
  }

  public static Venue fromProto(io.booker.proto.venue.Venue p) {
    return new Venue(p.getId(), p.getName(), p.getTimezone(), p.getAddress(), p.getPhone(), p.getEmail(), p.getDescription(),
      p.getLanguage(), Instant.ofEpochSecond(p.getCreatedAt()), Instant.ofEpochSecond(p.getUpdatedAt()));
  }

  public static io.booker.proto.venue.Room toProto(Room r) {
    return io.booker.proto.venue.Room.newBuilder()
      .setId(r.id())
      .setVenueId(r.venueId())
      .setName(r.name())
      .setCreatedAt(r.createdAt().getEpochSecond())
      .setUpdatedAt(r.updatedAt().getEpochSecond())
      .build();
  }

  public static Room fromProto(io.booker.proto.venue.Room p) {
    return new Room(p.getId(), p.getVenueId(), p.getName(), Instant.ofEpochSecond(p.getCreatedAt()), Instant.ofEpochSecond(p.getUpdatedAt()));
  }

  public static io.booker.proto.venue.Table toProto(Table t) {
    io.booker.proto.venue.Table.Builder out = io.booker.proto.venue.Table.newBuilder()
      .setId(t.id())
      .setRoomId(t.roomId())
      .setVenueId(t.venueId())
      .setName(t.name())
      .setCapacity(t.capacity())
      .setCanMerge(t.canMerge())
      .setZone(t.zone())
      .setCreatedAt(t.createdAt().getEpochSecond())
      .setUpdatedAt(t.updatedAt().getEpochSecond());
    if (t.position() != null) {
      out.setPosition(toProto(t.position()));
    }
    return out.build();
  }

  public static Table fromProto(io.booker.proto.venue.Table p) {
    return new Table(p.getId(), p.getRoomId(), p.getVenueId(), p.getName(), p.getCapacity(), p.getCanMerge(), p.getZone(),
      p.hasPosition() ? position(p.getPosition()) : null, Instant.ofEpochSecond(p.getCreatedAt()), Instant.ofEpochSecond(p.getUpdatedAt()));
  }

  public static FloorPosition toProto(TablePosition p) {
    return FloorPosition.newBuilder().setX(p.x()).setY(p.y()).setWidth(p.width()).setHeight(p.height()).setRotation(p.rotation())
      .setShape(p.shape()).build();
  }

  public static ListVenuesResponse venues(Page<Venue> page) {
    ListVenuesResponse.Builder out = ListVenuesResponse.newBuilder().setTotal(page.total());
    page.items().forEach(v -> out.addVenues(toProto(v)));
    return out.build();
  }

  public static ListRoomsResponse rooms(Page<Room> page) {
    ListRoomsResponse.Builder out = ListRoomsResponse.newBuilder().setTotal(page.total());
    page.items().forEach(r -> out.addRooms(toProto(r)));
    return out.build();
  }

  public static ListTablesResponse tables(Page<Table> page) {
    ListTablesResponse.Builder out = ListTablesResponse.newBuilder().setTotal(page.total());
    page.items().forEach(t -> out.addTables(toProto(t)));
    return out.build();
  }

  /** The layout as GetTableLayout answers it (the room's venue is not part of the answer). */
  public static GetTableLayoutResponse layout(RoomLayout layout) {
    GetTableLayoutResponse.Builder out = GetTableLayoutResponse.newBuilder().setRoomId(layout.roomId());
    layout.tables().forEach(t -> out.addTables(toProto(t)));
    return out.build();
  }

  /** The reverse of {@link #layout}, given the room's venue. */
  public static RoomLayout layout(String venueId, GetTableLayoutResponse p) {
    List<Table> tables = new ArrayList<>(p.getTablesCount());
    p.getTablesList().forEach(t -> tables.add(fromProto(t)));
    return new RoomLayout(venueId, p.getRoomId(), tables);
  }
}
