package io.booker.booking;

import io.booker.booking.domain.Block;
import io.booker.booking.domain.NewBlock;
import io.booker.booking.domain.Period;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Blocked tables: admins and managers of a venue create and delete them ({@link Permission#EDIT_SCHEDULE}),
 * whoever reads the venue's bookings reads them ({@link Permission#READ_BOOKINGS}); to anyone else
 * the venue (or block) does not exist. A block naming a room takes the room's tables as the venue
 * has them at that moment. A block overlapping active bookings is refused (BLOCK_OVERLAPS_BOOKINGS,
 * naming them) unless asked for with {@code allow_overlap}; it then lists them in its answer.
 */
final class TableBlocks {

  private final BlockStore blocks;
  private final VenueSlots venues;
  private final Runnable eventsWritten;

  TableBlocks(BlockStore blocks, VenueSlots venues, Runnable eventsWritten) {
    this.blocks = blocks;
    this.venues = venues;
    this.eventsWritten = eventsWritten;
  }

  Future<BlockStore.Created> create(Caller caller, NewBlock request) {
    return BookingAccess.venue(caller, Permission.EDIT_SCHEDULE, request.venueId())
      .compose(allowed -> venues.tables(request.venueId()))
      .compose(venue -> {
        Block draft = Block.of(UUID.randomUUID(), request, venue.tablesFor(request), request.time().in(venue.zone()),
          caller.userId(), Instant.EPOCH);
        return blocks.create(draft, request.allowOverlap());
      })
      .map(created -> {
        Block block = created.block().orElseThrow(() -> overlaps(created.overlapping()));
        eventsWritten.run();
        BookingLog.blockCreated(block, created.overlapping().size());
        return created;
      });
  }

  /**
   * The venue's blocks over {@code range}, or (null) those to come; by start time. The venue is
   * asked for first: a venue that does not exist is NOT_FOUND, not a venue without blocks.
   */
  Future<List<Block>> list(Caller caller, UUID venueId, Period range) {
    return BookingAccess.venue(caller, Permission.READ_BOOKINGS, venueId)
      .compose(allowed -> venues.zone(venueId))
      .compose(exists -> blocks.list(venueId, range));
  }

  /** The venue's blocks overlapping its local {@code date}. */
  Future<List<Block>> listDay(Caller caller, UUID venueId, LocalDate date) {
    return BookingAccess.venue(caller, Permission.READ_BOOKINGS, venueId)
      .compose(allowed -> venues.zone(venueId))
      .compose(zone -> blocks.list(venueId, new Period(date.atStartOfDay(zone).toInstant(),
        date.plusDays(1).atStartOfDay(zone).toInstant())));
  }

  Future<Void> delete(Caller caller, UUID id) {
    return blocks.load(id).compose(found -> {
      Block block = found.orElseThrow(() -> ServiceException.notFound("block", id.toString()));
      caller.require(Permission.EDIT_SCHEDULE, block.venueId().toString(), "block", id.toString());
      return blocks.delete(block, caller.userId()).map(deleted -> {
        if (!deleted) {
          throw ServiceException.notFound("block", id.toString());
        }
        eventsWritten.run();
        BookingLog.blockDeleted(block, caller.userId());
        return (Void) null;
      });
    });
  }

  /** BLOCK_OVERLAPS_BOOKINGS, naming the bookings (at most 20 of them, then how many more). */
  static ServiceException overlaps(List<UUID> bookings) {
    int shown = Math.min(bookings.size(), 20);
    String ids = bookings.subList(0, shown).stream().map(UUID::toString).collect(Collectors.joining(", "));
    String more = bookings.size() > shown ? " and " + (bookings.size() - shown) + " more" : "";
    return new ServiceException(ErrorCode.BLOCK_OVERLAPS_BOOKINGS, "the block overlaps " + bookings.size()
      + (bookings.size() == 1 ? " active booking: " : " active bookings: ") + ids + more
      + "; send allow_overlap: true to block anyway");
  }
}
