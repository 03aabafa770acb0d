package io.booker.it.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.Seed;
import io.booker.it.support.TestNodes;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.proto.venue.CheckAvailabilityRequest;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.DayHours;
import io.booker.proto.venue.SetOpeningHoursRequest;
import io.booker.proto.venue.SetSpecialHoursRequest;
import io.booker.proto.venue.TableAvailability;
import io.booker.proto.venue.VenueServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.booker.it.venue.AvailabilityRestTest.day;
import static org.junit.jupiter.api.Assertions.*;

/**
 * CheckAvailability over the venue service's gRPC port; the venue service reaches the booking
 * service over gRPC too.
 */
class AvailabilityGrpcTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");
  static final VenueServiceClient venues = harness.venueGrpc();
  /** Bookings are made over REST (the gateway reaches the booking service over gRPC here). */
  static final ApiClient api = harness.api();

  @Test
  void smallestFirstThenPairsWhenNothingSingleFits() {
    String venue = venue();
    Map<String, String[]> t = Seed.standardLayout(api, venue);

    List<TableAvailability> two = check(venue, day(21), "19:00", 0, 2);
    assertEquals(List.of("A2", "A4", "C5", "B6a", "B6b", "A8"), names(two, true));
    assertEquals(6, two.size());
    assertEquals(TableRef.newBuilder().setVenueId(venue).setRoomId(t.get("A2")[0]).setTableId(t.get("A2")[1]).build(), two.get(0).getTable());
    assertFalse(two.get(0).hasMergedWithTable());

    List<TableAvailability> eleven = check(venue, day(21), "19:00", 0, 11);
    TableAvailability pair = eleven.get(0);
    assertTrue(pair.getAvailable());
    assertEquals("B6a", pair.getTableName());
    assertEquals(t.get("B6b")[1], pair.getMergedWithTable().getTableId());
    assertEquals("merged with B6b (total capacity 12)", pair.getReason());
    assertEquals(12, pair.getCapacity());
    assertEquals(List.of("B6a"), names(eleven, true));
    assertEquals(1, eleven.size(), "only the pair, without include_unavailable");

    List<TableAvailability> explained = checkWithReasons(venue, day(21), "19:00", 0, 11);
    assertEquals(pair, explained.get(0));
    assertEquals(List.of("B6a"), names(explained, true));
    assertEquals(List.of("A2", "A4", "A8", "C5"), names(explained, false));
    assertEquals("capacity 2 is less than party of 11", explained.get(1).getReason());

    Slot slot = Slot.newBuilder().setDate(day(21).toString()).setStartTime("19:00").build();
    List<TableAvailability> capped = venues.checkAvailability(request(venue, slot, 2).toBuilder().setMaxOffers(2).build()).await().getTablesList();
    assertEquals(List.of("A2", "A4"), names(capped, true));
    assertEquals(2, capped.size());
  }

  @Test
  void bookedTablesClosedDaysAndOvernightSlots() {
    String venue = venue();
    Map<String, String[]> t = Seed.standardLayout(api, venue);
    LocalDate d = day(22);
    Bookings.confirmed(api, Bookings.request(venue, t.get("A2"), d, "18:30", 120, 2));
    List<TableAvailability> evening = check(venue, d, "19:00", 0, 2);
    assertEquals(List.of("A4", "C5", "B6a", "B6b", "A8"), names(evening, true));
    assertEquals(5, evening.size(), "the booked A2 is left out without include_unavailable");
    List<TableAvailability> eveningExplained = checkWithReasons(venue, d, "19:00", 0, 2);
    assertEquals(List.of("A2"), names(eveningExplained, false));
    assertEquals("already booked for this slot", eveningExplained.get(5).getReason());
    assertEquals(List.of("A2", "A4", "C5", "B6a", "B6b", "A8"), names(check(venue, d, "12:00", 0, 2), true),
      "the lunch slot does not overlap the evening booking");

    LocalDate closed = day(23);
    venues.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(venue).setDate(closed.toString()).setIsClosed(true).build()).await();
    assertEquals(List.of(), check(venue, closed, "19:00", 0, 2), "nothing to offer on a closed day");
    List<TableAvailability> none = checkWithReasons(venue, closed, "19:00", 0, 2);
    assertEquals(6, none.size());
    assertEquals(List.of(), names(none, true));
    assertEquals("venue is closed on " + closed, none.get(0).getReason());

    assertEquals(6, names(check(venue, d.plusDays(1), "01:00", 60, 2), true).size(), "the night of " + d + " runs to 02:00");
    assertEquals(List.of(), names(check(venue, d.plusDays(1), "01:05", 60, 2), true));
  }

  @Test
  void invalidArgumentsAndUnknownVenues() {
    String venue = venue();
    Slot slot = Slot.newBuilder().setDate(day(24).toString()).setStartTime("19:00").build();
    assertCode(ErrorCode.INVALID_ARGUMENT, "party_size", request(venue, slot, 0));
    assertCode(ErrorCode.INVALID_ARGUMENT, "slot.date", request(venue, slot.toBuilder().setDate("2025-02-30").build(), 2));
    assertCode(ErrorCode.INVALID_ARGUMENT, "slot.start_time", request(venue, slot.toBuilder().setStartTime("9:5").build(), 2));
    assertCode(ErrorCode.INVALID_ARGUMENT, "slot.duration_minutes", request(venue, slot.toBuilder().setDurationMinutes(721).build(), 2));
    assertCode(ErrorCode.INVALID_ARGUMENT, "venue_id", request("", slot, 2));
    assertCode(ErrorCode.NOT_FOUND, "venue", request(UUID.randomUUID().toString(), slot, 2));
    assertCode(ErrorCode.INVALID_ARGUMENT, "max_offers", request(venue, slot, 2).toBuilder().setMaxOffers(201).build());
    assertCode(ErrorCode.INVALID_ARGUMENT, "max_offers", request(venue, slot, 2).toBuilder().setMaxOffers(-1).build());
  }

  @Test
  void aDownBookingServiceIsUnavailable() {
    String venue = venue();
    Seed.standardLayout(api, venue);
    try (TestNodes.Started down = TestNodes.allInOneWithBookingDown("grpc")) {
      VenueServiceClient other = harness.venueGrpc(down.venueGrpcPort());
      Slot slot = Slot.newBuilder().setDate(day(25).toString()).setStartTime("19:00").build();
      ServiceException e = assertThrows(ServiceException.class,
        () -> other.checkAvailability(request(venue, slot, 2)).await());
      assertEquals(ErrorCode.UNAVAILABLE, e.code(), e.getMessage());
    }
  }

  static void assertCode(ErrorCode code, String prefix, CheckAvailabilityRequest request) {
    ServiceException e = assertThrows(ServiceException.class, () -> venues.checkAvailability(request).await());
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }

  static CheckAvailabilityRequest request(String venue, Slot slot, int party) {
    return CheckAvailabilityRequest.newBuilder().setVenueId(venue).setSlot(slot).setPartySize(party).build();
  }

  /** The default answer: only what can be booked (asserted), smallest fit first. */
  static List<TableAvailability> check(String venue, LocalDate date, String time, int duration, int party) {
    Slot slot = Slot.newBuilder().setDate(date.toString()).setStartTime(time).setDurationMinutes(duration).build();
    List<TableAvailability> tables = venues.checkAvailability(request(venue, slot, party)).await().getTablesList();
    assertTrue(tables.stream().allMatch(TableAvailability::getAvailable), () -> "only available offers by default: " + tables);
    return tables;
  }

  /** The answer with {@code include_unavailable}: the offers, then every other table with its reason. */
  static List<TableAvailability> checkWithReasons(String venue, LocalDate date, String time, int duration, int party) {
    Slot slot = Slot.newBuilder().setDate(date.toString()).setStartTime(time).setDurationMinutes(duration).build();
    return venues.checkAvailability(request(venue, slot, party).toBuilder().setIncludeUnavailable(true).build()).await().getTablesList();
  }

  static List<String> names(List<TableAvailability> tables, boolean available) {
    List<String> out = new ArrayList<>();
    for (TableAvailability t : tables) {
      if (t.getAvailable() == available) {
        out.add(t.getTableName());
      }
    }
    return out;
  }

  /** A venue in Tokyo open every day 12:00-15:00 and 18:00-02:00, set up over gRPC. */
  static String venue() {
    String id = venues.createVenue(CreateVenueRequest.newBuilder().setName("Sushi " + UUID.randomUUID()).setTimezone("Asia/Tokyo").build())
      .await().getId();
    SetOpeningHoursRequest.Builder hours = SetOpeningHoursRequest.newBuilder().setVenueId(id);
    for (int wd = 0; wd < 7; wd++) {
      hours.addDays(DayHours.newBuilder().setWeekday(wd).setOpenTime("12:00").setCloseTime("15:00"));
      hours.addDays(DayHours.newBuilder().setWeekday(wd).setOpenTime("18:00").setCloseTime("02:00"));
    }
    assertTrue(venues.setOpeningHours(hours.build()).await().getSuccess());
    return id;
  }
}
