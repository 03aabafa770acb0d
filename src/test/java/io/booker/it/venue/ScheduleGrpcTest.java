package io.booker.it.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.it.support.KafkaEvents;
import io.booker.it.support.NodeHarness;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.DayHours;
import io.booker.proto.venue.DeleteSpecialHoursRequest;
import io.booker.proto.venue.GetOpeningHoursRequest;
import io.booker.proto.venue.ListSpecialHoursRequest;
import io.booker.proto.venue.OpeningHours;
import io.booker.proto.venue.SetOpeningHoursRequest;
import io.booker.proto.venue.SetSpecialHoursRequest;
import io.booker.proto.venue.SpecialHours;
import io.booker.proto.venue.TimeRange;
import io.booker.proto.venue.VenueServiceClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/** Opening hours and special hours over the venue service's gRPC port. */
class ScheduleGrpcTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");
  static final VenueServiceClient venues = harness.venueGrpc();

  static DayHours range(int weekday, String open, String close) {
    return DayHours.newBuilder().setWeekday(weekday).setOpenTime(open).setCloseTime(close).build();
  }

  static SetOpeningHoursRequest week(String venue, DayHours... days) {
    return SetOpeningHoursRequest.newBuilder().setVenueId(venue).addAllDays(List.of(days)).build();
  }

  static List<DayHours> days(String venue) {
    OpeningHours hours = venues.getOpeningHours(GetOpeningHoursRequest.newBuilder().setVenueId(venue).build()).await();
    assertEquals(venue, hours.getVenueId());
    return hours.getDaysList();
  }

  @Test
  void aWeekIsStoredInOrderAndReplacedAsAWhole() {
    String venue = venue("Europe/Madrid");
    assertTrue(venues.setOpeningHours(week(venue, range(5, "20:00", "02:30"), range(2, "20:00", "23:30"),
      range(2, "13:00", "16:00"), range(6, "13:00", "16:00"))).await().getSuccess());
    assertEquals(List.of(range(2, "13:00", "16:00"), range(2, "20:00", "23:30"), range(5, "20:00", "02:30"),
      range(6, "13:00", "16:00")), days(venue));

    venues.setOpeningHours(week(venue, range(0, "00:00", "00:00"))).await(); // open around the clock on Sundays
    assertEquals(List.of(range(0, "00:00", "00:00")), days(venue));
    venues.setOpeningHours(week(venue).toBuilder().setClosedAllWeek(true).build()).await();
    assertEquals(List.of(), days(venue));
  }

  @Test
  void invalidWeeksAreInvalidArgumentNamingTheField() {
    String venue = venue("UTC");
    venues.setOpeningHours(week(venue, range(3, "10:00", "11:00"))).await();
    assertCode(ErrorCode.INVALID_ARGUMENT, "days[1]: overlaps days[0]",
      () -> venues.setOpeningHours(week(venue, range(1, "12:00", "15:00"), range(1, "14:59", "18:00"))));
    assertCode(ErrorCode.INVALID_ARGUMENT, "days[1]: overlaps days[0]",
      () -> venues.setOpeningHours(week(venue, range(0, "01:00", "05:00"), range(6, "22:00", "02:00"))));
    assertCode(ErrorCode.INVALID_ARGUMENT, "days[0].weekday", () -> venues.setOpeningHours(week(venue, range(7, "12:00", "15:00"))));
    assertCode(ErrorCode.INVALID_ARGUMENT, "days[0].close_time", () -> venues.setOpeningHours(week(venue, range(1, "12:00", "24:00"))));
    assertCode(ErrorCode.INVALID_ARGUMENT, "days[0].open_time", () -> venues.setOpeningHours(week(venue, range(1, "9:5", "15:00"))));
    assertCode(ErrorCode.INVALID_ARGUMENT, "venue_id", () -> venues.setOpeningHours(week("nope", range(1, "12:00", "15:00"))));
    assertEquals(List.of(range(3, "10:00", "11:00")), days(venue), "refused weeks change nothing");
  }

  @Test
  void unknownVenuesAreNotFound() {
    String missing = UUID.randomUUID().toString();
    assertCode(ErrorCode.NOT_FOUND, "venue", () -> venues.setOpeningHours(week(missing, range(1, "12:00", "15:00"))));
    assertCode(ErrorCode.NOT_FOUND, "venue", () -> venues.getOpeningHours(GetOpeningHoursRequest.newBuilder().setVenueId(missing).build()));
    assertCode(ErrorCode.NOT_FOUND, "venue", () -> venues.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(missing)
      .setDate("2030-01-01").setIsClosed(true).build()));
    assertCode(ErrorCode.NOT_FOUND, "venue", () -> venues.listSpecialHours(ListSpecialHoursRequest.newBuilder().setVenueId(missing).build()));
    assertCode(ErrorCode.NOT_FOUND, "special hours", () -> venues.deleteSpecialHours(DeleteSpecialHoursRequest.newBuilder()
      .setVenueId(missing).setDate("2030-01-01").build()));
  }

  @Test
  void specialHoursAreSetListedReplacedAndDeleted() {
    String venue = venue("America/New_York");
    venues.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(venue).setDate("2030-07-04").setIsClosed(true).build()).await();
    venues.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(venue).setDate("2030-07-03")
      .setOpenTime("17:00").setCloseTime("01:00").build()).await();
    venues.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(venue).setDate("2030-07-05")
      .addRanges(TimeRange.newBuilder().setOpenTime("18:00").setCloseTime("22:00"))
      .addRanges(TimeRange.newBuilder().setOpenTime("08:00").setCloseTime("10:00")).build()).await();

    List<SpecialHours> listed = list(venue, "2030-07-01", "2030-07-31");
    assertEquals(List.of("2030-07-03", "2030-07-04", "2030-07-05"), listed.stream().map(SpecialHours::getDate).toList());
    assertEquals(SpecialHours.newBuilder().setVenueId(venue).setDate("2030-07-03").setOpenTime("17:00").setCloseTime("01:00")
      .addRanges(TimeRange.newBuilder().setOpenTime("17:00").setCloseTime("01:00")).build(), listed.get(0));
    assertEquals(SpecialHours.newBuilder().setVenueId(venue).setDate("2030-07-04").setIsClosed(true).build(), listed.get(1));
    assertEquals(List.of("08:00", "18:00"), listed.get(2).getRangesList().stream().map(TimeRange::getOpenTime).toList());
    assertEquals("08:00", listed.get(2).getOpenTime());
    assertEquals("10:00", listed.get(2).getCloseTime());

    venues.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(venue).setDate("2030-07-05").setIsClosed(true).build()).await();
    assertTrue(list(venue, "2030-07-05", "2030-07-05").get(0).getIsClosed());
    assertEquals(0, list(venue, "2030-07-05", "2030-07-05").get(0).getRangesCount());

    assertTrue(venues.deleteSpecialHours(DeleteSpecialHoursRequest.newBuilder().setVenueId(venue).setDate("2030-07-04").build()).await().getSuccess());
    assertEquals(List.of("2030-07-03", "2030-07-05"), list(venue, "2030-07-01", "2030-07-31").stream().map(SpecialHours::getDate).toList());
    assertCode(ErrorCode.NOT_FOUND, "special hours", () -> venues.deleteSpecialHours(DeleteSpecialHoursRequest.newBuilder()
      .setVenueId(venue).setDate("2030-07-04").build()));
  }

  @Test
  void invalidSpecialHoursAndRanges() {
    String venue = venue("UTC");
    assertCode(ErrorCode.INVALID_ARGUMENT, "date", () -> venues.setSpecialHours(SetSpecialHoursRequest.newBuilder()
      .setVenueId(venue).setDate("2025-02-30").setIsClosed(true).build()));
    assertCode(ErrorCode.INVALID_ARGUMENT, "open_time", () -> venues.setSpecialHours(SetSpecialHoursRequest.newBuilder()
      .setVenueId(venue).setDate("2030-01-01").setOpenTime("9:5").setCloseTime("12:00").build()));
    assertCode(ErrorCode.INVALID_ARGUMENT, "ranges[0].close_time", () -> venues.setSpecialHours(SetSpecialHoursRequest.newBuilder()
      .setVenueId(venue).setDate("2030-01-01").addRanges(TimeRange.newBuilder().setOpenTime("09:00").setCloseTime("24:00")).build()));
    assertCode(ErrorCode.INVALID_ARGUMENT, "to_date", () -> venues.listSpecialHours(ListSpecialHoursRequest.newBuilder()
      .setVenueId(venue).setFromDate("2030-01-02").setToDate("2030-01-01").build()));
    assertCode(ErrorCode.INVALID_ARGUMENT, "to_date", () -> venues.listSpecialHours(ListSpecialHoursRequest.newBuilder()
      .setVenueId(venue).setFromDate("2030-01-01").setToDate("2040-01-01").build()));
    assertCode(ErrorCode.INVALID_ARGUMENT, "date", () -> venues.deleteSpecialHours(DeleteSpecialHoursRequest.newBuilder()
      .setVenueId(venue).setDate("").build()));
  }

  @Test
  void listingDefaultsToTodayInTheVenuesZone() {
    String venue = venue("Pacific/Kiritimati"); // UTC+14: its today is often UTC's tomorrow
    LocalDate today = LocalDate.now(ZoneId.of("Pacific/Kiritimati"));
    for (LocalDate d : List.of(today.minusDays(1), today)) {
      venues.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(venue).setDate(d.toString()).setIsClosed(true).build()).await();
    }
    assertEquals(List.of(today.toString()), venues.listSpecialHours(ListSpecialHoursRequest.newBuilder().setVenueId(venue).build())
      .await().getSpecialHoursList().stream().map(SpecialHours::getDate).toList());
  }

  @Test
  void changesAreAnnouncedOnKafka() {
    String venue = venue("UTC");
    venues.setOpeningHours(week(venue, range(1, "12:00", "15:00"))).await();
    venues.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(venue).setDate("2033-03-03").setIsClosed(true).build()).await();
    List<ConsumerRecord<String, String>> events = KafkaEvents.awaitRecords("venue.schedule.updated", venue, 2);
    assertEquals(List.of("", "2033-03-03"), events.stream()
      .map(e -> new JsonObject(e.value()).getJsonObject("schedule_updated").getString("date", "")).toList());
    assertEquals("venue", new JsonObject(events.get(1).value()).getJsonObject("headers").getString("source"));
  }

  static List<SpecialHours> list(String venue, String from, String to) {
    return venues.listSpecialHours(ListSpecialHoursRequest.newBuilder().setVenueId(venue).setFromDate(from).setToDate(to).build())
      .await().getSpecialHoursList();
  }

  static void assertCode(ErrorCode code, String messagePrefix, Supplier<Future<?>> call) {
    ServiceException e = assertThrows(ServiceException.class, () -> call.get().await());
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith(messagePrefix), e.getMessage());
  }

  static String venue(String zone) {
    return venues.createVenue(CreateVenueRequest.newBuilder().setName("Cafe " + UUID.randomUUID()).setTimezone(zone).build()).await().getId();
  }
}
