package io.booker.booking;

import io.booker.booking.domain.BlockTime;
import io.booker.booking.domain.NewBlock;
import io.booker.booking.domain.Period;
import io.booker.booking.domain.TestBookings;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.booking.CreateBlockRequest;
import io.booker.proto.booking.ListBlocksRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BlockRequestsTest {

  private static final String VENUE = TestBookings.VENUE.toString();
  private static final String TABLE = TestBookings.TABLE_A.toString();

  private static CreateBlockRequest.Builder tables() {
    return CreateBlockRequest.newBuilder().setVenueId(VENUE).addTableIds(TABLE).setReason("private event");
  }

  private static void invalid(String message, Runnable r) {
    ServiceException e = assertThrows(ServiceException.class, r::run);
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e::getMessage);
    assertEquals(message, e.getMessage());
  }

  @Test
  void aLocalDateWithTimesOrARealRange() {
    NewBlock local = BlockRequests.newBlock(tables().setDate("2025-06-03").setStartTime("18:00").setEndTime("02:00").build());
    assertEquals(new BlockTime.Local(LocalDate.of(2025, 6, 3), LocalTime.of(18, 0), LocalTime.of(2, 0)), local.time());
    assertEquals(List.of(TestBookings.TABLE_A), local.tableIds());
    NewBlock real = BlockRequests.newBlock(tables().setFrom(1_750_000_000L).setTo(1_750_003_600L).setAllowOverlap(true).build());
    assertEquals(new BlockTime.Absolute(Instant.ofEpochSecond(1_750_000_000L), Instant.ofEpochSecond(1_750_003_600L)), real.time());
    assertEquals(true, real.allowOverlap());
    NewBlock room = BlockRequests.newBlock(CreateBlockRequest.newBuilder().setVenueId(VENUE).setRoomId(TestBookings.ROOM.toString())
      .setDate("2025-06-03").setStartTime("12:00").setEndTime("12:00").setReason("x").build());
    assertEquals(TestBookings.ROOM, room.roomId());
  }

  @Test
  void everyMistakeNamesItsField() {
    invalid("date: date with start_time and end_time, or from and to, is required", () -> BlockRequests.newBlock(tables().build()));
    invalid("date: give date with start_time and end_time, or from and to, not both",
      () -> BlockRequests.newBlock(tables().setDate("2025-06-03").setStartTime("18:00").setEndTime("20:00").setFrom(1).setTo(2).build()));
    invalid("end_time: is required", () -> BlockRequests.newBlock(tables().setDate("2025-06-03").setStartTime("18:00").build()));
    invalid("start_time: must be HH:MM (00:00-23:59)",
      () -> BlockRequests.newBlock(tables().setDate("2025-06-03").setStartTime("25:00").setEndTime("20:00").build()));
    invalid("to: is required", () -> BlockRequests.newBlock(tables().setFrom(1_750_000_000L).build()));
    invalid("from: must be a Unix time in seconds", () -> BlockRequests.newBlock(tables().setFrom(-5).setTo(1_750_000_000L).build()));
    invalid("table_ids[0]: must be a UUID (8-4-4-4-12 hex digits)", () -> BlockRequests.newBlock(CreateBlockRequest.newBuilder().setVenueId(VENUE)
      .addTableIds("T1").setFrom(1).setTo(2).setReason("x").build()));
    invalid("reason: is required", () -> BlockRequests.newBlock(tables().setReason("").setFrom(1).setTo(2).build()));
  }

  @Test
  void aListTakesADayARangeOfAtMost93DaysOrNothing() {
    assertEquals(new BlockRequests.Range(LocalDate.of(2025, 6, 3), null),
      BlockRequests.range(ListBlocksRequest.newBuilder().setVenueId(VENUE).setDate("2025-06-03").build()));
    BlockRequests.Range none = BlockRequests.range(ListBlocksRequest.newBuilder().setVenueId(VENUE).build());
    assertNull(none.date());
    assertNull(none.period());
    long from = 1_750_000_000L;
    long to = from + 93 * 86_400L;
    assertEquals(new Period(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to)),
      BlockRequests.range(ListBlocksRequest.newBuilder().setFrom(from).setTo(to).build()).period());
    invalid("to: must be at most 93 days after from", () -> BlockRequests.range(ListBlocksRequest.newBuilder().setFrom(from).setTo(to + 1).build()));
    invalid("to: must be after from", () -> BlockRequests.range(ListBlocksRequest.newBuilder().setFrom(from).setTo(from).build()));
    invalid("to: is required", () -> BlockRequests.range(ListBlocksRequest.newBuilder().setFrom(from).build()));
    invalid("date: give date, or from and to, not both",
      () -> BlockRequests.range(ListBlocksRequest.newBuilder().setDate("2025-06-03").setFrom(from).setTo(to).build()));
  }
}
