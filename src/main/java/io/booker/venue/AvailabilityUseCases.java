package io.booker.venue;

import io.booker.common.Ids;

import io.booker.common.ServiceException;
import io.booker.proto.booking.CheckTableAvailabilityRequest;
import io.booker.proto.booking.TableAvailabilityInfo;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.proto.venue.*;
import io.booker.venue.adapter.AvailabilityRepository;
import io.booker.venue.adapter.AvailabilitySnapshot;
import io.booker.venue.domain.AvailabilityPlanner;
import io.booker.venue.domain.SlotCheck;
import io.booker.venue.domain.TableCandidate;
import io.booker.venue.domain.TableOffer;
import io.booker.venue.domain.Times;
import io.vertx.core.Future;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which tables can seat a party at a slot. Per request: one query for the venue (hours, special
 * days, tables) and, when the slot is within the hours, one call to the booking service for the
 * tables that could take part; the rest is the pure {@link AvailabilityPlanner}.
 */
final class AvailabilityUseCases {

  private final VenueDeps deps;
  private final AvailabilityRepository repository;

  AvailabilityUseCases(VenueDeps deps) {
    this.deps = deps;
    this.repository = new AvailabilityRepository(deps.pool());
  }

  Future<CheckAvailabilityResponse> checkAvailability(CheckAvailabilityRequest request) {
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    if (!request.hasSlot()) {
      throw ServiceException.invalid("slot", "is required");
    }
    Slot slot = request.getSlot();
    LocalDate date = Times.parseDate("slot.date", slot.getDate());
    LocalTime start = Times.parseTime("slot.start_time", slot.getStartTime());
    int duration = Times.durationMinutes(slot.getDurationMinutes());
    int party = request.getPartySize();
    if (party < 1 || party > AvailabilityPlanner.MAX_PARTY_SIZE) {
      throw ServiceException.invalid("party_size", "must be between 1 and " + AvailabilityPlanner.MAX_PARTY_SIZE);
    }
    Slot resolved = Slot.newBuilder().setDate(Times.formatDate(date)).setStartTime(Times.formatTime(start)).setDurationMinutes(duration).build();
    return repository.snapshot(venueId, date).compose(found -> {
      AvailabilitySnapshot venue = found.orElseThrow(() -> ServiceException.notFound("venue", request.getVenueId()));
      SlotCheck check = venue.calendar().check(date, start, duration, deps.clock().instant());
      return freeTables(venueId, venue, resolved, party, check)
        .map(free -> answer(venueId.toString(), AvailabilityPlanner.plan(venue.tables(), free, party, check)));
    });
  }

  /**
   * Asks the booking service, once, which of the tables that could take part are free. Nothing
   * to ask when the slot is outside the hours or no table could take part; a failure of the call
   * fails the check (it never reads as "nothing available").
   */
  private Future<Set<String>> freeTables(UUID venueId, AvailabilitySnapshot venue, Slot slot, int party, SlotCheck check) {
    List<String> ids = new ArrayList<>();
    for (TableCandidate t : venue.tables()) {
      if (t.capacity() >= party || t.canMerge()) {
        ids.add(t.tableId());
      }
    }
    if (!check.open() || ids.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    CheckTableAvailabilityRequest ask = CheckTableAvailabilityRequest.newBuilder()
      .setVenueId(venueId.toString()).addAllTableIds(ids).setSlot(slot).setTimezone(venue.zone().getId()).build();
    return deps.bookings().checkTableAvailability(ask).map(answer -> {
      Set<String> free = new HashSet<>();
      for (TableAvailabilityInfo info : answer.getTablesList()) {
        if (info.getAvailable()) {
          free.add(info.getTableId());
        }
      }
      return free;
    });
  }

  private static CheckAvailabilityResponse answer(String venueId, List<TableOffer> offers) {
    CheckAvailabilityResponse.Builder out = CheckAvailabilityResponse.newBuilder();
    for (TableOffer o : offers) {
      TableAvailability.Builder b = TableAvailability.newBuilder()
        .setTable(ref(venueId, o.table()))
        .setAvailable(o.available())
        .setReason(o.reason())
        .setTableName(o.table().name())
        .setCapacity(o.seats());
      if (o.merged()) {
        b.setMergedWithTable(ref(venueId, o.mergedWith()));
      }
      out.addTables(b);
    }
    return out.build();
  }

  private static TableRef ref(String venueId, TableCandidate t) {
    return TableRef.newBuilder().setVenueId(venueId).setRoomId(t.roomId()).setTableId(t.tableId()).build();
  }
}
