package io.booker.booking.adapter;

import io.booker.booking.domain.Block;
import io.booker.proto.booking.TableBlock;

import java.util.List;
import java.util.UUID;

/** Blocks in the contract's shape. */
public final class BlockProtos {

  private BlockProtos() {
  }

  public static TableBlock toProto(Block k) {
    return toProto(k, List.of());
  }

  /** @param overlapping the active bookings a block created with allow_overlap overlaps */
  public static TableBlock toProto(Block k, List<UUID> overlapping) {
    TableBlock.Builder b = TableBlock.newBuilder()
      .setId(k.id().toString())
      .setVenueId(k.venueId().toString())
      .setRoomId(k.roomId() == null ? "" : k.roomId().toString())
      .setStartsAt(k.period().start().getEpochSecond())
      .setEndsAt(k.period().end().getEpochSecond())
      .setReason(k.reason())
      .setCreatedBy(k.createdBy())
      .setCreatedAt(k.createdAt().getEpochSecond());
    k.tableIds().forEach(t -> b.addTableIds(t.toString()));
    overlapping.forEach(id -> b.addOverlappingBookingIds(id.toString()));
    return b.build();
  }
}
