package io.booker.booking.adapter;

import io.booker.booking.domain.TableOccupancy;
import io.booker.booking.domain.BookedTable;
import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingSlot;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.Guest;
import io.booker.booking.domain.Period;
import io.booker.common.Times;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Bookings on the wire: the contract's {@code booking.Booking} from the domain's, and back. */
public final class BookingProtos {

  private BookingProtos() {
  }

  public static io.booker.proto.booking.Booking toProto(Booking b) {
    io.booker.proto.booking.Booking.Builder out = io.booker.proto.booking.Booking.newBuilder()
      .setId(b.id().toString())
      .setVenueId(b.venueId().toString())
      .setTable(ref(b.venueId(), b.tables().get(0)))
      .setSlot(slot(b.slot()))
      .setPartySize(b.partySize())
      .setCustomerName(b.guest().name())
      .setCustomerPhone(b.guest().phone())
      .setCustomerEmail(b.guest().email())
      .setStatus(b.status().wire())
      .setComment(b.comment())
      .setAdminId(b.adminId())
      .setCreatedAt(b.createdAt().getEpochSecond())
      .setUpdatedAt(b.updatedAt().getEpochSecond())
      .setExpiresAt(b.expiresAt() == null ? 0 : b.expiresAt().getEpochSecond())
      .setVersion(b.version())
      .setCancelReason(b.cancelReason())
      .setStartsAt(b.period().start().getEpochSecond())
      .setEndsAt(b.period().end().getEpochSecond())
      .setCombinationId(b.combinationId() == null ? "" : b.combinationId().toString());
    for (BookedTable t : b.tables()) {
      out.addTables(ref(b.venueId(), t));
    }
    return out.build();
  }

  /** The reverse of {@link #toProto}, for answers stored as protobuf (idempotency keys). Seconds only. */
  public static Booking fromProto(io.booker.proto.booking.Booking p) {
    List<BookedTable> tables = new ArrayList<>();
    for (TableRef t : p.getTablesList()) {
      tables.add(new BookedTable(UUID.fromString(t.getRoomId()), UUID.fromString(t.getTableId())));
    }
    return new Booking(UUID.fromString(p.getId()), UUID.fromString(p.getVenueId()), tables,
      BookingSlot.parse(p.getSlot().getDate(), p.getSlot().getStartTime(), p.getSlot().getDurationMinutes()),
      new Period(Instant.ofEpochSecond(p.getStartsAt()), Instant.ofEpochSecond(p.getEndsAt())),
      p.getPartySize(), new Guest(p.getCustomerName(), p.getCustomerPhone(), p.getCustomerEmail()), p.getComment(),
      BookingStatus.parse("status", p.getStatus()), p.getVersion(), p.getAdminId(),
      p.getExpiresAt() == 0 ? null : Instant.ofEpochSecond(p.getExpiresAt()),
      Instant.ofEpochSecond(p.getCreatedAt()), Instant.ofEpochSecond(p.getUpdatedAt()), p.getCancelReason(),
      p.getCombinationId().isEmpty() ? null : UUID.fromString(p.getCombinationId()));
  }

  public static TableRef ref(UUID venueId, BookedTable t) {
    return TableRef.newBuilder().setVenueId(venueId.toString()).setRoomId(t.roomId().toString()).setTableId(t.tableId().toString()).build();
  }

  public static io.booker.proto.booking.Occupancy occupancy(TableOccupancy o) {
    io.booker.proto.booking.Occupancy.Builder out = io.booker.proto.booking.Occupancy.newBuilder();
    for (TableOccupancy.Range r : o.ranges()) {
      out.addRanges(io.booker.proto.booking.OccupiedRange.newBuilder().setTableId(r.tableId().toString())
        .setFrom(r.from().getEpochSecond()).setTo(r.to().getEpochSecond()).setBlocked(r.blocked()));
    }
    for (TableOccupancy.Start s : o.starts()) {
      out.addStarts(io.booker.proto.booking.BookedStart.newBuilder().setAt(s.at().getEpochSecond()).setPartySize(s.partySize()));
    }
    return out.build();
  }

  public static Slot slot(BookingSlot s) {
    return Slot.newBuilder().setDate(Times.formatDate(s.date())).setStartTime(Times.formatTime(s.start()))
      .setDurationMinutes(s.durationMinutes()).build();
  }
}
