package io.booker.booking;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.booker.booking.domain.BookingFields;
import io.booker.booking.domain.BookingFilter;
import io.booker.booking.domain.BookingSlot;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.Guest;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.Move;
import io.booker.booking.domain.NewBooking;
import io.booker.booking.domain.TableRequest;
import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.common.Times;
import io.booker.common.access.Caller;
import io.booker.proto.booking.CreateBookingRequest;
import io.booker.proto.booking.ListBookingsRequest;
import io.booker.proto.booking.RescheduleBookingRequest;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Turns the contract's requests into validated commands; every error names the field. */
final class BookingRequests {

  private BookingRequests() {
  }

  /** The request's {@code admin_id} is ignored: the author is the caller ({@link NewBooking#authoredBy}). */
  static NewBooking newBooking(CreateBookingRequest r) {
    UUID venueId = Ids.uuid("venue_id", r.getVenueId());
    UUID combination = r.getCombinationId().isEmpty() ? null : Ids.uuid("combination_id", r.getCombinationId());
    if (combination != null && (r.hasTable() || r.hasMergedWithTable())) {
      throw ServiceException.invalid("combination_id", "give either combination_id or table (and merged_with_table), not both");
    }
    if (combination == null && !r.hasTable()) {
      throw ServiceException.invalid("table", "is required");
    }
    TableRequest table = r.hasTable() ? table("table", venueId, r.getTable()) : null;
    TableRequest merged = r.hasMergedWithTable() ? table("merged_with_table", venueId, r.getMergedWithTable()) : null;
    return new NewBooking(venueId, table, merged, slot(r.hasSlot(), r.getSlot()), BookingFields.partySize(r.getPartySize()),
      new Guest(BookingFields.customerName(r.getCustomerName()), BookingFields.customerPhone(r.getCustomerPhone()),
        BookingFields.customerEmail(r.getCustomerEmail())),
      BookingFields.comment(r.getComment()), "", r.getOverridePacing(), combination);
  }

  /** A table of another venue is the venue service's NOT_FOUND when the move is placed. */
  static Move move(RescheduleBookingRequest r) {
    TableRequest table = r.hasTable() ? table("table", null, r.getTable()) : null;
    TableRequest merged = r.hasMergedWithTable() ? table("merged_with_table", null, r.getMergedWithTable()) : null;
    UUID combination = r.getCombinationId().isEmpty() ? null : Ids.uuid("combination_id", r.getCombinationId());
    return new Move(r.hasSlot() ? slot(true, r.getSlot()) : null, table, merged, r.getOverridePacing(), combination);
  }

  static BookingFilter filter(ListBookingsRequest r) {
    UUID venueId = Ids.uuid("venue_id", r.getVenueId());
    Set<BookingStatus> statuses = EnumSet.noneOf(BookingStatus.class);
    for (String s : r.getStatus().split(",")) {
      if (!s.isBlank()) {
        statuses.add(BookingStatus.parse("status", s.strip()));
      }
    }
    for (String s : r.getStatusesList()) {
      statuses.add(BookingStatus.parse("statuses", s.strip()));
    }
    return new BookingFilter(venueId, r.getDate().isEmpty() ? null : Times.parseDate("date", r.getDate()), statuses,
      r.getTableId().isEmpty() ? null : Ids.uuid("table_id", r.getTableId()));
  }

  /**
   * The caller's idempotency key for {@code operation} (the request's {@code idempotency_key}), or
   * null without one. Scoped to the authenticated user ({@code user:<id>}), so two users' keys never
   * meet; the fingerprint is a SHA-256 of the request without the key and without the ignored
   * {@code admin_id}, so a retry that names another admin_id is the same request.
   */
  static IdempotencyKey key(String operation, Caller caller, Message request) {
    Descriptors.Descriptor type = request.getDescriptorForType();
    Descriptors.FieldDescriptor keyField = type.findFieldByName("idempotency_key");
    String k = BookingFields.idempotencyKey((String) request.getField(keyField));
    if (k.isEmpty()) {
      return null;
    }
    Message.Builder fingerprinted = request.toBuilder().clearField(keyField);
    Descriptors.FieldDescriptor ignored = type.findFieldByName("admin_id");
    if (ignored != null) {
      fingerprinted.clearField(ignored);
    }
    return new IdempotencyKey(scope(caller), k, operation, sha256(fingerprinted.build().toByteArray()));
  }

  /** The idempotency scope of a caller's keys. */
  static String scope(Caller caller) {
    return "user:" + caller.userId();
  }

  static BookingSlot slot(boolean present, Slot slot) {
    if (!present) {
      throw ServiceException.invalid("slot", "is required");
    }
    return BookingSlot.requested(slot.getDate(), slot.getStartTime(), slot.getDurationMinutes());
  }

  /** A table reference: table_id required, room_id optional, venue_id (if given) the booking's venue. */
  private static TableRequest table(String field, UUID venueId, TableRef ref) {
    UUID tableId = Ids.uuid(field + ".table_id", ref.getTableId());
    UUID roomId = ref.getRoomId().isEmpty() ? null : Ids.uuid(field + ".room_id", ref.getRoomId());
    if (!ref.getVenueId().isEmpty()) {
      UUID given = Ids.uuid(field + ".venue_id", ref.getVenueId());
      if (venueId != null && !given.equals(venueId)) {
        throw ServiceException.invalid(field + ".venue_id", "must be the booking's venue_id");
      }
    }
    return new TableRequest(tableId, roomId);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
