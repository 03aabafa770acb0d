package io.booker.booking;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.booker.booking.adapter.BlockProtos;
import io.booker.booking.adapter.BookingProtos;
import io.booker.booking.domain.BookingAction;
import io.booker.booking.domain.BookingFields;
import io.booker.booking.domain.HistoryEntry;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.common.ErrorCode;
import io.booker.common.Ids;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.Times;
import io.booker.common.access.Caller;
import io.booker.platform.rpc.CallContext;
import io.booker.proto.booking.*;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The booking service behind the generated {@link BookingService} contract: turns requests into
 * commands ({@link BookingRequests}), runs the use cases for the call's authenticated caller
 * ({@link CallContext#caller()}), and answers in the contract's shapes.
 *
 * <p>The service enforces access itself, whichever transport or gateway called it: the use cases
 * check the caller's venues ({@link BookingAccess}), and every change is authored by the caller.
 * The requests' {@code admin_id} is ignored (not even part of an idempotency fingerprint).
 */
public final class BookingServiceImpl implements BookingService {

  private final Supplier<Caller> currentCaller;
  private final BookingQueries queries;
  private final CreateBooking create;
  private final ChangeStatus status;
  private final Reschedule reschedule;
  private final TableBlocks blocks;

  BookingServiceImpl(BookingDeps deps) {
    this(deps, CallContext::caller);
  }

  /** @param caller the caller of the call being served (tests give their own) */
  BookingServiceImpl(BookingDeps deps, Supplier<Caller> caller) {
    this.currentCaller = caller;
    this.queries = new BookingQueries(deps.store());
    HoldGuard guard = new HoldGuard(deps.holds(), deps.store(), deps.holdTtl());
    IdempotentAnswers answers = new IdempotentAnswers(deps.store());
    this.create = new CreateBooking(deps, guard, answers);
    this.status = new ChangeStatus(deps, answers);
    this.reschedule = new Reschedule(deps, guard, answers, status);
    this.blocks = new TableBlocks(deps.blocks(), deps.venues(), deps.eventsWritten());
  }

  @Override
  public Future<Booking> createBooking(CreateBookingRequest r) {
    Caller caller = currentCaller.get();
    IdempotencyKey key = BookingRequests.key("create", caller, r);
    return create.create(caller, BookingRequests.newBooking(r), key).map(BookingProtos::toProto);
  }

  @Override
  public Future<Booking> getBooking(GetBookingRequest r) {
    return queries.get(currentCaller.get(), Ids.uuid("id", r.getId())).map(BookingProtos::toProto);
  }

  @Override
  public Future<ListBookingsResponse> listBookings(ListBookingsRequest r) {
    Caller caller = currentCaller.get();
    return queries.list(caller, BookingRequests.filter(r), Paging.of(r.getLimit(), r.getOffset())).map(page -> {
      ListBookingsResponse.Builder out = ListBookingsResponse.newBuilder().setTotal(page.total());
      page.bookings().forEach(b -> out.addBookings(BookingProtos.toProto(b)));
      return out.build();
    });
  }

  @Override
  public Future<Booking> confirmBooking(ConfirmBookingRequest r) {
    return change(r.getId(), BookingAction.CONFIRM, "", r);
  }

  @Override
  public Future<Booking> cancelBooking(CancelBookingRequest r) {
    return change(r.getId(), BookingAction.CANCEL, BookingFields.reason(r.getReason()), r);
  }

  @Override
  public Future<Booking> markSeated(MarkSeatedRequest r) {
    return change(r.getId(), BookingAction.SEAT, "", r);
  }

  @Override
  public Future<Booking> markFinished(MarkFinishedRequest r) {
    return change(r.getId(), BookingAction.FINISH, "", r);
  }

  @Override
  public Future<Booking> markNoShow(MarkNoShowRequest r) {
    return change(r.getId(), BookingAction.NO_SHOW, "", r);
  }

  @Override
  public Future<Booking> rescheduleBooking(RescheduleBookingRequest r) {
    Caller caller = currentCaller.get();
    UUID id = Ids.uuid("id", r.getId());
    IdempotencyKey key = BookingRequests.key("reschedule", caller, r);
    return reschedule.reschedule(caller, id, BookingRequests.move(r), key).map(BookingProtos::toProto);
  }

  @Override
  public Future<BookingHistory> getBookingHistory(GetBookingHistoryRequest r) {
    UUID id = Ids.uuid("id", r.getId());
    return queries.history(currentCaller.get(), id).map(entries -> {
      BookingHistory.Builder out = BookingHistory.newBuilder().setBookingId(id.toString());
      for (HistoryEntry e : entries) {
        out.addEntries(BookingHistoryEntry.newBuilder()
          .setId(e.id()).setEventType(e.eventType()).setActorId(e.actorId()).setFromStatus(e.fromStatus())
          .setToStatus(e.toStatus()).setVersion(e.version()).setPayload(struct(e.payloadJson()))
          .setCreatedAt(e.createdAt().getEpochSecond()));
      }
      return out.build();
    });
  }

  @Override
  public Future<CheckTableAvailabilityResponse> checkTableAvailability(CheckTableAvailabilityRequest request) {
    Caller caller = currentCaller.get();
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    UUID[] tableIds = uuids(request.getTableIdsList());
    if (!request.hasSlot()) {
      throw ServiceException.invalid("slot", "is required");
    }
    ZoneId zone = request.getTimezone().isBlank() ? ZoneId.of("UTC") : Times.knownZone("timezone", request.getTimezone());
    LocalDate date = Times.parseDate("slot.date", request.getSlot().getDate());
    LocalTime start = Times.parseTime("slot.start_time", request.getSlot().getStartTime());
    int duration = Times.durationMinutes(request.getSlot().getDurationMinutes());
    Instant from = ZonedDateTime.of(date, start, zone).toInstant();
    return queries.occupied(caller, venueId, tableIds, from, from.plusSeconds(duration * 60L)).map(busy -> {
      CheckTableAvailabilityResponse.Builder out = CheckTableAvailabilityResponse.newBuilder();
      for (UUID id : tableIds) {
        BookingStore.Occupancy why = busy.get(id);
        // A block's reason is for staff: availability, which guests may see, says only that it is blocked.
        out.addTables(TableAvailabilityInfo.newBuilder().setTableId(id.toString()).setAvailable(why == null)
          .setReason(why == null ? "" : why == BookingStore.Occupancy.BLOCKED ? "blocked for this slot" : "already booked for this slot"));
      }
      return out.build();
    });
  }

  @Override
  public Future<TableBlock> createBlock(CreateBlockRequest r) {
    return blocks.create(currentCaller.get(), BlockRequests.newBlock(r))
      .map(created -> BlockProtos.toProto(created.block().orElseThrow(), created.overlapping()));
  }

  @Override
  public Future<ListBlocksResponse> listBlocks(ListBlocksRequest r) {
    Caller caller = currentCaller.get();
    UUID venueId = Ids.uuid("venue_id", r.getVenueId());
    BlockRequests.Range range = BlockRequests.range(r);
    return (range.date() != null ? blocks.listDay(caller, venueId, range.date()) : blocks.list(caller, venueId, range.period()))
      .map(found -> {
        ListBlocksResponse.Builder out = ListBlocksResponse.newBuilder();
        found.forEach(k -> out.addBlocks(BlockProtos.toProto(k)));
        return out.build();
      });
  }

  @Override
  public Future<DeleteBlockResponse> deleteBlock(DeleteBlockRequest r) {
    return blocks.delete(currentCaller.get(), Ids.uuid("id", r.getId()))
      .map(v -> DeleteBlockResponse.newBuilder().setSuccess(true).build());
  }

  @Override
  public Future<Occupancy> getOccupancy(GetOccupancyRequest r) {
    UUID venueId = Ids.uuid("venue_id", r.getVenueId());
    return queries.occupancy(currentCaller.get(), venueId, Instant.ofEpochSecond(r.getFrom()), Instant.ofEpochSecond(r.getTo()))
      .map(BookingProtos::occupancy);
  }

  @Override
  public Future<CountFutureBookingsResponse> countFutureBookings(CountFutureBookingsRequest request) {
    Caller caller = currentCaller.get();
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    return queries.futureByTable(caller, venueId, uuids(request.getTableIdsList())).map(BookingServiceImpl::counts);
  }

  private Future<Booking> change(String id, BookingAction action, String reason, Message request) {
    Caller caller = currentCaller.get();
    UUID bookingId = Ids.uuid("id", id);
    IdempotencyKey key = BookingRequests.key(action.name().toLowerCase(Locale.ROOT), caller, request);
    return status.apply(caller, bookingId, action, reason, key).map(BookingProtos::toProto);
  }

  private static CountFutureBookingsResponse counts(Map<UUID, Integer> byTable) {
    CountFutureBookingsResponse.Builder out = CountFutureBookingsResponse.newBuilder();
    int total = 0;
    for (Map.Entry<UUID, Integer> e : byTable.entrySet()) {
      out.addTables(TableBookingCount.newBuilder().setTableId(e.getKey().toString()).setCount(e.getValue()));
      total += e.getValue();
    }
    return out.setTotal(total).build();
  }

  private static UUID[] uuids(List<String> ids) {
    UUID[] out = new UUID[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Ids.uuid("table_ids[" + i + "]", ids.get(i));
    }
    return out;
  }

  private static Struct struct(String json) {
    Struct.Builder b = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(json == null || json.isBlank() ? "{}" : json, b);
    } catch (InvalidProtocolBufferException e) {
      throw new ServiceException(ErrorCode.INTERNAL, "an audit row of this booking is not JSON");
    }
    return b.build();
  }
}
