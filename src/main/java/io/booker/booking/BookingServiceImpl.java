package io.booker.booking;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
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

/**
 * The booking service behind the generated {@link BookingService} contract: turns requests into
 * commands ({@link BookingRequests}), runs the use cases, and answers in the contract's shapes.
 */
public final class BookingServiceImpl implements BookingService {

  private final BookingStore store;
  private final CreateBooking create;
  private final ChangeStatus status;
  private final Reschedule reschedule;

  BookingServiceImpl(BookingDeps deps) {
    this.store = deps.store();
    HoldGuard guard = new HoldGuard(deps.holds(), deps.store(), deps.holdTtl());
    IdempotentAnswers answers = new IdempotentAnswers(deps.store());
    this.create = new CreateBooking(deps, guard, answers);
    this.status = new ChangeStatus(deps, answers);
    this.reschedule = new Reschedule(deps, guard, answers, status);
  }

  @Override
  public Future<Booking> createBooking(CreateBookingRequest r) {
    IdempotencyKey key = BookingRequests.key("create", r.getIdempotencyKey(), BookingFields.actor(r.getAdminId()),
      r.toBuilder().clearIdempotencyKey().build());
    return create.create(BookingRequests.newBooking(r), key).map(BookingProtos::toProto);
  }

  @Override
  public Future<Booking> getBooking(GetBookingRequest r) {
    return Bookings.load(store, Ids.uuid("id", r.getId())).map(loaded -> BookingProtos.toProto(loaded.booking()));
  }

  @Override
  public Future<ListBookingsResponse> listBookings(ListBookingsRequest r) {
    return store.list(BookingRequests.filter(r), Paging.of(r.getLimit(), r.getOffset())).map(page -> {
      ListBookingsResponse.Builder out = ListBookingsResponse.newBuilder().setTotal(page.total());
      page.bookings().forEach(b -> out.addBookings(BookingProtos.toProto(b)));
      return out.build();
    });
  }

  @Override
  public Future<Booking> confirmBooking(ConfirmBookingRequest r) {
    return change(r.getId(), BookingAction.CONFIRM, r.getAdminId(), "", r.getIdempotencyKey(), r.toBuilder().clearIdempotencyKey().build());
  }

  @Override
  public Future<Booking> cancelBooking(CancelBookingRequest r) {
    return change(r.getId(), BookingAction.CANCEL, r.getAdminId(), BookingFields.reason(r.getReason()), r.getIdempotencyKey(),
      r.toBuilder().clearIdempotencyKey().build());
  }

  @Override
  public Future<Booking> markSeated(MarkSeatedRequest r) {
    return change(r.getId(), BookingAction.SEAT, r.getAdminId(), "", r.getIdempotencyKey(), r.toBuilder().clearIdempotencyKey().build());
  }

  @Override
  public Future<Booking> markFinished(MarkFinishedRequest r) {
    return change(r.getId(), BookingAction.FINISH, r.getAdminId(), "", r.getIdempotencyKey(), r.toBuilder().clearIdempotencyKey().build());
  }

  @Override
  public Future<Booking> markNoShow(MarkNoShowRequest r) {
    return change(r.getId(), BookingAction.NO_SHOW, r.getAdminId(), "", r.getIdempotencyKey(), r.toBuilder().clearIdempotencyKey().build());
  }

  @Override
  public Future<Booking> rescheduleBooking(RescheduleBookingRequest r) {
    UUID id = Ids.uuid("id", r.getId());
    String actor = BookingFields.actor(r.getAdminId());
    IdempotencyKey key = BookingRequests.key("reschedule", r.getIdempotencyKey(), actor, r.toBuilder().clearIdempotencyKey().build());
    return reschedule.reschedule(id, BookingRequests.move(r), actor, key).map(BookingProtos::toProto);
  }

  @Override
  public Future<BookingHistory> getBookingHistory(GetBookingHistoryRequest r) {
    UUID id = Ids.uuid("id", r.getId());
    return store.history(id).map(found -> {
      List<HistoryEntry> entries = found.orElseThrow(() -> ServiceException.notFound("booking", r.getId()));
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
    UUID[] tableIds = uuids(request.getTableIdsList());
    if (!request.hasSlot()) {
      throw ServiceException.invalid("slot", "is required");
    }
    ZoneId zone = request.getTimezone().isBlank() ? ZoneId.of("UTC") : Times.parseZone("timezone", request.getTimezone());
    LocalDate date = Times.parseDate("slot.date", request.getSlot().getDate());
    LocalTime start = Times.parseTime("slot.start_time", request.getSlot().getStartTime());
    int duration = Times.durationMinutes(request.getSlot().getDurationMinutes());
    Instant from = ZonedDateTime.of(date, start, zone).toInstant();
    return store.occupied(tableIds, from, from.plusSeconds(duration * 60L)).map(busy -> {
      CheckTableAvailabilityResponse.Builder out = CheckTableAvailabilityResponse.newBuilder();
      for (UUID id : tableIds) {
        boolean free = !busy.contains(id);
        out.addTables(TableAvailabilityInfo.newBuilder().setTableId(id.toString()).setAvailable(free)
          .setReason(free ? "" : "already booked for this slot"));
      }
      return out.build();
    });
  }

  @Override
  public Future<CountFutureBookingsResponse> countFutureBookings(CountFutureBookingsRequest request) {
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    return store.futureByTable(venueId, uuids(request.getTableIdsList())).map(BookingServiceImpl::counts);
  }

  private Future<Booking> change(String id, BookingAction action, String adminId, String reason, String idempotencyKey,
                                 Message requestWithoutKey) {
    UUID bookingId = Ids.uuid("id", id);
    String actor = BookingFields.actor(adminId);
    IdempotencyKey key = BookingRequests.key(action.name().toLowerCase(Locale.ROOT), idempotencyKey, actor, requestWithoutKey);
    return status.apply(bookingId, action, actor, reason, key).map(BookingProtos::toProto);
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
