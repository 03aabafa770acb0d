package io.booker.booking.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking as stored: what was booked, for whom, where it is in its life ({@code status},
 * {@code version}) and when it changed. {@code tables} holds every table it occupies, the one
 * asked for first (a combination's in its order); {@code combinationId} is the table combination
 * booked, null for a table or a mergeable pair. {@code expiresAt} is set while the booking is a hold.
 */
public record Booking(
    UUID id,
    UUID venueId,
    List<BookedTable> tables,
    BookingSlot slot,
    Period period,
    int partySize,
    Guest guest,
    String comment,
    BookingStatus status,
    long version,
    String adminId,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt,
    String cancelReason,
    UUID combinationId) {

  public Booking {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(venueId, "venueId");
    tables = List.copyOf(tables);
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a booking occupies at least one table");
    }
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(guest, "guest");
    Objects.requireNonNull(status, "status");
    comment = comment == null ? "" : comment;
    adminId = adminId == null ? "" : adminId;
    cancelReason = cancelReason == null ? "" : cancelReason;
    if (status == BookingStatus.HELD && expiresAt == null) {
      throw new IllegalArgumentException("a hold has an expiry");
    }
  }

  /** A booking of a table, or a mergeable pair. */
  public Booking(UUID id, UUID venueId, List<BookedTable> tables, BookingSlot slot, Period period, int partySize, Guest guest,
      String comment, BookingStatus status, long version, String adminId, Instant expiresAt, Instant createdAt, Instant updatedAt,
      String cancelReason) {
    this(id, venueId, tables, slot, period, partySize, guest, comment, status, version, adminId, expiresAt, createdAt, updatedAt,
        cancelReason, null);
  }

  /** True for a hold whose time is up at {@code now}, whether or not anything expired it yet. */
  public boolean holdLapsed(Instant now) {
    return status == BookingStatus.HELD && !now.isBefore(expiresAt);
  }

  /** Whether this booking keeps its tables from others at {@code now}. A lapsed hold does not. */
  public boolean blocksTables(Instant now) {
    return status.occupiesTables() && !holdLapsed(now);
  }

  /**
   * The booking after a status change at {@code at}: one version later; the expiry goes unless
   * the hold expired (then it records when); a cancellation keeps its reason.
   */
  public Booking moveTo(BookingStatus next, Instant at, String reason) {
    Instant expiry = next == BookingStatus.EXPIRED ? expiresAt : null;
    return new Booking(id, venueId, tables, slot, period, partySize, guest, comment, next, version + 1, adminId,
      expiry, createdAt, at, next == BookingStatus.CANCELLED ? reason : cancelReason, combinationId);
  }

  /** The booking moved to another slot and/or tables (none of a combination) at {@code at}, one version later. */
  public Booking movedTo(List<BookedTable> newTables, BookingSlot newSlot, Period newPeriod, Instant at) {
    return movedTo(newTables, null, newSlot, newPeriod, at);
  }

  /** The booking moved to another slot and/or tables at {@code at}, one version later; {@code newCombination} null for none. */
  public Booking movedTo(List<BookedTable> newTables, UUID newCombination, BookingSlot newSlot, Period newPeriod, Instant at) {
    return new Booking(id, venueId, newTables, newSlot, newPeriod, partySize, guest, comment, status, version + 1,
      adminId, expiresAt, createdAt, at, cancelReason, newCombination);
  }

  public List<UUID> tableIds() {
    return tables.stream().map(BookedTable::tableId).toList();
  }
}
