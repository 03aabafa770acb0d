package io.booker.booking;

import io.booker.booking.domain.BlockTime;
import io.booker.booking.domain.NewBlock;
import io.booker.booking.domain.Period;
import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.common.Times;
import io.booker.proto.booking.CreateBlockRequest;
import io.booker.proto.booking.ListBlocksRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns the contract's block requests into validated commands; every error names the field. */
final class BlockRequests {

  /** The longest range a list of blocks may ask for. */
  static final Duration MAX_LIST_RANGE = Duration.ofDays(BlockStore.UPCOMING_DAYS);

  /** What a list asks for: a venue-local date, a real range, or (both null) the blocks to come. */
  record Range(LocalDate date, Period period) {
  }

  private BlockRequests() {
  }

  static NewBlock newBlock(CreateBlockRequest r) {
    UUID venueId = Ids.uuid("venue_id", r.getVenueId());
    List<UUID> tables = new ArrayList<>(r.getTableIdsCount());
    for (int i = 0; i < r.getTableIdsCount(); i++) {
      tables.add(Ids.uuid("table_ids[" + i + "]", r.getTableIds(i)));
    }
    UUID roomId = r.getRoomId().isEmpty() ? null : Ids.uuid("room_id", r.getRoomId());
    boolean local = !r.getDate().isEmpty() || !r.getStartTime().isEmpty() || !r.getEndTime().isEmpty();
    boolean absolute = r.getFrom() != 0 || r.getTo() != 0;
    if (local && absolute) {
      throw ServiceException.invalid("date", "give date with start_time and end_time, or from and to, not both");
    }
    if (!local && !absolute) {
      throw ServiceException.invalid("date", "date with start_time and end_time, or from and to, is required");
    }
    BlockTime time = local
      ? new BlockTime.Local(Times.parseDate("date", r.getDate()), Times.parseTime("start_time", r.getStartTime()),
        Times.parseTime("end_time", r.getEndTime()))
      : new BlockTime.Absolute(seconds("from", r.getFrom()), seconds("to", r.getTo()));
    return new NewBlock(venueId, roomId, tables, time, r.getReason(), r.getAllowOverlap());
  }

  static Range range(ListBlocksRequest r) {
    boolean byDate = !r.getDate().isEmpty();
    boolean byRange = r.getFrom() != 0 || r.getTo() != 0;
    if (byDate && byRange) {
      throw ServiceException.invalid("date", "give date, or from and to, not both");
    }
    if (byDate) {
      return new Range(Times.parseDate("date", r.getDate()), null);
    }
    if (!byRange) {
      return new Range(null, null);
    }
    Instant from = seconds("from", r.getFrom());
    Instant to = seconds("to", r.getTo());
    if (!to.isAfter(from)) {
      throw ServiceException.invalid("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(MAX_LIST_RANGE) > 0) {
      throw ServiceException.invalid("to", "must be at most " + MAX_LIST_RANGE.toDays() + " days after from");
    }
    return new Range(null, new Period(from, to));
  }

  /** A Unix time in seconds, 1 (1970) to 253402300799 (9999-12-31). */
  private static Instant seconds(String field, long value) {
    if (value == 0) {
      throw ServiceException.invalid(field, "is required");
    }
    if (value < 0 || value > 253402300799L) {
      throw ServiceException.invalid(field, "must be a Unix time in seconds");
    }
    return Instant.ofEpochSecond(value);
  }
}
