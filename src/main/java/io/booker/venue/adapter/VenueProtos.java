package io.booker.venue.adapter;

import io.booker.venue.domain.SlotSearch;
import io.booker.proto.venue.SearchAvailabilityResponse;
import io.booker.proto.venue.SearchOption;
import io.booker.common.Times;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.proto.venue.CheckAvailabilityResponse;
import io.booker.proto.venue.CheckTablesResponse;
import io.booker.proto.venue.CreateCombinationRequest;
import io.booker.proto.venue.CreateTableRequest;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.DayHours;
import io.booker.proto.venue.FloorPosition;
import io.booker.proto.venue.GetTableLayoutResponse;
import io.booker.proto.venue.ListCombinationsResponse;
import io.booker.proto.venue.ListRoomsResponse;
import io.booker.proto.venue.ListTablesResponse;
import io.booker.proto.venue.ListSpecialHoursResponse;
import io.booker.proto.venue.ListVenuesResponse;
import io.booker.proto.venue.OpeningHours;
import io.booker.proto.venue.ResolvedBookingSlot;
import io.booker.proto.venue.SetOpeningHoursRequest;
import io.booker.proto.venue.SetSpecialHoursRequest;
import io.booker.proto.venue.SpecialHours;
import io.booker.proto.venue.TableAvailability;
import io.booker.proto.venue.TableSlotAvailability;
import io.booker.proto.venue.TimeRange;
import io.booker.proto.venue.UpdateCombinationRequest;
import io.booker.proto.venue.UpdateTableRequest;
import io.booker.proto.venue.UpdateVenueRequest;
import io.booker.venue.domain.DayHoursText;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.ResolvedSlot;
import io.booker.venue.domain.TableCombination;
import io.booker.venue.domain.CombinationText;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.RoomLayout;
import io.booker.venue.domain.SlotText;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.SpecialHoursText;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TableCandidate;
import io.booker.venue.domain.TableFields;
import io.booker.venue.domain.TableOffer;
import io.booker.venue.domain.TablePosition;
import io.booker.venue.domain.TableRefText;
import io.booker.venue.domain.TablesAtSlot;
import io.booker.venue.domain.TimeRangeText;
import io.booker.venue.domain.Venue;
import io.booker.venue.domain.VenueFields;
import io.booker.venue.SeatingStore;
import io.booker.venue.domain.seating.BookingWindow;
import io.booker.venue.domain.seating.BookingWindowText;
import io.booker.venue.domain.seating.Pacing;
import io.booker.venue.domain.seating.PacingWindow;
import io.booker.venue.domain.seating.PacingText;
import io.booker.venue.domain.seating.SeatingRules;
import io.booker.venue.domain.seating.SeatingRulesText;
import io.booker.venue.domain.seating.ServicePeriod;
import io.booker.venue.domain.seating.ServicePeriodText;
import io.booker.venue.domain.seating.TurnTime;
import io.booker.venue.domain.seating.TurnTimeText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The venue service on the wire: the contract's requests as the domain's input records
 * (unchecked: the use cases check them, in their order), and the domain's venues, rooms, tables,
 * pages, layouts, hours and availability answers as the contract's messages (and back, for what
 * is stored as a message). Times are whole seconds; a message field that is present or absent
 * (a table's position, a request's slot or table) is a set or null field.
 */
public final class VenueProtos {

  private VenueProtos() {
  }

  // ---- requests

  public static VenueFields fields(CreateVenueRequest r) {
    return new VenueFields(r.getName(), r.getTimezone(), r.getAddress(), r.getPhone(), r.getEmail(), r.getDescription(),
      r.getLanguage());
  }

  public static VenueFields fields(UpdateVenueRequest r) {
    return new VenueFields(r.getName(), r.getTimezone(), r.getAddress(), r.getPhone(), r.getEmail(), r.getDescription(),
      r.getLanguage());
  }

  public static TableFields fields(CreateTableRequest r) {
    return new TableFields(r.getName(), r.getCapacity(), r.getCanMerge(), r.getZone(), r.hasPosition() ? position(r.getPosition()) : null);
  }

  public static TableFields fields(UpdateTableRequest r) {
    return new TableFields(r.getName(), r.getCapacity(), r.getCanMerge(), r.getZone(), r.hasPosition() ? position(r.getPosition()) : null);
  }

  public static TablePosition position(FloorPosition p) {
    return new TablePosition(p.getX(), p.getY(), p.getWidth(), p.getHeight(), p.getRotation(), p.getShape());
  }

  // ---- answers

  public static io.booker.proto.venue.Venue toProto(Venue v) {
    return io.booker.proto.venue.Venue.newBuilder()
      .setId(v.id())
      .setName(v.name())
      .setTimezone(v.timezone())
      .setAddress(v.address())
      .setPhone(v.phone())
      .setEmail(v.email())
      .setDescription(v.description())
      .setLanguage(v.language())
      .setCreatedAt(v.createdAt().getEpochSecond())
      .setUpdatedAt(v.updatedAt().getEpochSecond())
      .build();
  }

  public static Venue fromProto(io.booker.proto.venue.Venue p) {
    return new Venue(p.getId(), p.getName(), p.getTimezone(), p.getAddress(), p.getPhone(), p.getEmail(), p.getDescription(),
      p.getLanguage(), Instant.ofEpochSecond(p.getCreatedAt()), Instant.ofEpochSecond(p.getUpdatedAt()));
  }

  public static io.booker.proto.venue.Room toProto(Room r) {
    return io.booker.proto.venue.Room.newBuilder()
      .setId(r.id())
      .setVenueId(r.venueId())
      .setName(r.name())
      .setCreatedAt(r.createdAt().getEpochSecond())
      .setUpdatedAt(r.updatedAt().getEpochSecond())
      .build();
  }

  public static Room fromProto(io.booker.proto.venue.Room p) {
    return new Room(p.getId(), p.getVenueId(), p.getName(), Instant.ofEpochSecond(p.getCreatedAt()), Instant.ofEpochSecond(p.getUpdatedAt()));
  }

  public static io.booker.proto.venue.Table toProto(Table t) {
    io.booker.proto.venue.Table.Builder out = io.booker.proto.venue.Table.newBuilder()
      .setId(t.id())
      .setRoomId(t.roomId())
      .setVenueId(t.venueId())
      .setName(t.name())
      .setCapacity(t.capacity())
      .setCanMerge(t.canMerge())
      .setZone(t.zone())
      .setCreatedAt(t.createdAt().getEpochSecond())
      .setUpdatedAt(t.updatedAt().getEpochSecond());
    if (t.position() != null) {
      out.setPosition(toProto(t.position()));
    }
    return out.build();
  }

  public static Table fromProto(io.booker.proto.venue.Table p) {
    return new Table(p.getId(), p.getRoomId(), p.getVenueId(), p.getName(), p.getCapacity(), p.getCanMerge(), p.getZone(),
      p.hasPosition() ? position(p.getPosition()) : null, Instant.ofEpochSecond(p.getCreatedAt()), Instant.ofEpochSecond(p.getUpdatedAt()));
  }

  public static FloorPosition toProto(TablePosition p) {
    return FloorPosition.newBuilder().setX(p.x()).setY(p.y()).setWidth(p.width()).setHeight(p.height()).setRotation(p.rotation())
      .setShape(p.shape()).build();
  }

  public static ListVenuesResponse venues(Page<Venue> page) {
    ListVenuesResponse.Builder out = ListVenuesResponse.newBuilder().setTotal(page.total());
    page.items().forEach(v -> out.addVenues(toProto(v)));
    return out.build();
  }

  public static ListRoomsResponse rooms(Page<Room> page) {
    ListRoomsResponse.Builder out = ListRoomsResponse.newBuilder().setTotal(page.total());
    page.items().forEach(r -> out.addRooms(toProto(r)));
    return out.build();
  }

  public static ListTablesResponse tables(Page<Table> page) {
    ListTablesResponse.Builder out = ListTablesResponse.newBuilder().setTotal(page.total());
    page.items().forEach(t -> out.addTables(toProto(t)));
    return out.build();
  }

  /** The layout as GetTableLayout answers it (the room's venue is not part of the answer). */
  public static GetTableLayoutResponse layout(RoomLayout layout) {
    GetTableLayoutResponse.Builder out = GetTableLayoutResponse.newBuilder().setRoomId(layout.roomId());
    layout.tables().forEach(t -> out.addTables(toProto(t)));
    return out.build();
  }

  /** The reverse of {@link #layout}, given the room's venue. */
  public static RoomLayout layout(String venueId, GetTableLayoutResponse p) {
    List<Table> tables = new ArrayList<>(p.getTablesCount());
    p.getTablesList().forEach(t -> tables.add(fromProto(t)));
    return new RoomLayout(venueId, p.getRoomId(), tables);
  }

  // ---- schedule

  public static List<DayHoursText> days(SetOpeningHoursRequest r) {
    List<DayHoursText> days = new ArrayList<>(r.getDaysCount());
    for (DayHours d : r.getDaysList()) {
      days.add(new DayHoursText(d.hasWeekday() ? d.getWeekday() : null, d.getOpenTime(), d.getCloseTime()));
    }
    return days;
  }

  public static OpeningHours openingHours(String venueId, List<DayRange> week) {
    OpeningHours.Builder out = OpeningHours.newBuilder().setVenueId(venueId);
    for (DayRange d : week) {
      out.addDays(DayHours.newBuilder().setWeekday(d.weekday()).setOpenTime(d.openTime()).setCloseTime(d.closeTime()));
    }
    return out.build();
  }

  public static SpecialHoursText specialHours(SetSpecialHoursRequest r) {
    List<TimeRangeText> ranges = new ArrayList<>(r.getRangesCount());
    for (TimeRange t : r.getRangesList()) {
      ranges.add(new TimeRangeText(t.getOpenTime(), t.getCloseTime()));
    }
    return new SpecialHoursText(r.getDate(), r.getIsClosed(), r.getOpenTime(), r.getCloseTime(), ranges);
  }

  /** Each day with its ranges and, for older clients, its first range as open_time/close_time. */
  public static ListSpecialHoursResponse specialHours(String venueId, List<SpecialDay> days) {
    ListSpecialHoursResponse.Builder out = ListSpecialHoursResponse.newBuilder();
    for (SpecialDay day : days) {
      SpecialHours.Builder b = SpecialHours.newBuilder().setVenueId(venueId).setDate(Times.formatDate(day.date())).setIsClosed(day.closed());
      for (OpeningRange r : day.ranges()) {
        b.addRanges(TimeRange.newBuilder().setOpenTime(Times.formatTime(r.open())).setCloseTime(Times.formatTime(r.close())));
      }
      if (!day.ranges().isEmpty()) {
        b.setOpenTime(b.getRanges(0).getOpenTime()).setCloseTime(b.getRanges(0).getCloseTime());
      }
      out.addSpecialHours(b);
    }
    return out.build();
  }

  // ---- availability

  /** A request's slot as it carried it; null for an absent one ({@code present} false). */
  public static SlotText slot(boolean present, Slot slot) {
    return present ? new SlotText(slot.getDate(), slot.getStartTime(), slot.getDurationMinutes()) : null;
  }

  /** A request's table reference as it carried it; null for an absent one ({@code present} false). */
  public static TableRefText table(boolean present, TableRef ref) {
    return present ? new TableRefText(ref.getTableId(), ref.getRoomId()) : null;
  }

  public static CheckAvailabilityResponse availability(String venueId, List<TableOffer> offers) {
    CheckAvailabilityResponse.Builder out = CheckAvailabilityResponse.newBuilder();
    for (TableOffer o : offers) {
      TableAvailability.Builder b = TableAvailability.newBuilder()
        .setTable(ref(venueId, o.table()))
        .setAvailable(o.available())
        .setReason(o.reason())
        .setTableName(o.combination() ? o.names() : o.table().name())
        .setCapacity(o.seats())
        .setCombinationId(o.combinationId());
      if (o.merged()) {
        b.setMergedWithTable(ref(venueId, o.mergedWith()));
      }
      for (TableCandidate t : o.tables()) {
        b.addTables(ref(venueId, t));
      }
      out.addTables(b);
    }
    return out.build();
  }

  public static ResolvedBookingSlot resolved(ResolvedSlot r) {
    ResolvedBookingSlot.Builder out = ResolvedBookingSlot.newBuilder()
      .setVenueId(r.venueId())
      .setTimezone(r.timezone())
      .setSlot(Slot.newBuilder().setDate(Times.formatDate(r.date())).setStartTime(Times.formatTime(r.start()))
        .setDurationMinutes(r.durationMinutes()))
      .setCapacity(r.capacity())
      .setStartsAt(r.startsAt().getEpochSecond())
      .setEndsAt(r.endsAt().getEpochSecond())
      .setCombinationId(r.combinationId());
    for (TableCandidate t : r.tables()) {
      out.addTables(ref(r.venueId(), t)).addTableNames(t.name());
    }
    PacingWindow w = r.pacing();
    if (w != null) {
      Pacing p = w.pacing();
      out.setPacing(io.booker.proto.venue.PacingWindow.newBuilder()
        .setFrom(w.from().getEpochSecond()).setTo(w.to().getEpochSecond())
        .setMaxParties(p.maxParties() == null ? 0 : p.maxParties()).setMaxCovers(p.maxCovers() == null ? 0 : p.maxCovers())
        .setPeriod(w.periodDay().period().name())
        .setLocalFrom(Times.formatTime(w.localFrom().toLocalTime())).setLocalTo(Times.formatTime(w.localTo().toLocalTime())));
    }
    return out.build();
  }

  public static CheckTablesResponse tablesAtSlot(List<TablesAtSlot.Answer> answers) {
    CheckTablesResponse.Builder out = CheckTablesResponse.newBuilder();
    for (TablesAtSlot.Answer a : answers) {
      out.addTables(TableSlotAvailability.newBuilder().setTableId(a.tableId()).setAvailable(a.available()).setReason(a.reason()));
    }
    return out.build();
  }

  private static TableRef ref(String venueId, TableCandidate t) {
    return TableRef.newBuilder().setVenueId(venueId).setRoomId(t.roomId()).setTableId(t.tableId()).build();
  }

  // ---- Table combinations ----

  public static CombinationText combination(CreateCombinationRequest r) {
    return new CombinationText(r.getTableIdsList(), r.getMinPartySize(), r.getMaxPartySize());
  }

  public static CombinationText combination(UpdateCombinationRequest r) {
    return new CombinationText(r.getTableIdsList(), r.getMinPartySize(), r.getMaxPartySize());
  }

  public static io.booker.proto.venue.Combination toProto(TableCombination t) {
    io.booker.proto.venue.Combination.Builder out = io.booker.proto.venue.Combination.newBuilder()
      .setId(t.id())
      .setVenueId(t.venueId())
      .setRoomId(t.roomId())
      .setMinPartySize(t.combination().minPartySize())
      .setMaxPartySize(t.combination().maxPartySize())
      .setCreatedAt(t.createdAt().getEpochSecond())
      .setUpdatedAt(t.updatedAt().getEpochSecond());
    t.combination().tableIds().forEach(id -> out.addTableIds(id.toString()));
    return out.build();
  }

  public static ListCombinationsResponse combinations(List<TableCombination> all) {
    ListCombinationsResponse.Builder out = ListCombinationsResponse.newBuilder();
    all.forEach(c -> out.addCombinations(toProto(c)));
    return out.build();
  }

  // ---- Availability search ----

  public static SearchAvailabilityResponse searchAnswer(String venueId, List<SlotSearch.Option> options) {
    String venue = venueId.toLowerCase(java.util.Locale.ROOT);
    SearchAvailabilityResponse.Builder out = SearchAvailabilityResponse.newBuilder();
    for (SlotSearch.Option o : options) {
      SearchOption.Builder b = SearchOption.newBuilder().setDate(Times.formatDate(o.date())).setStartTime(Times.formatTime(o.start()))
        .setDurationMinutes(o.durationMinutes()).setCapacity(o.offer().seats()).setDistanceMinutes((int) o.distanceMinutes());
      for (TableCandidate t : o.offer().tables()) { // one table, a pair, or a combination's every table
        b.addTables(ref(venue, t)).addTableNames(t.name());
      }
      out.addOptions(b);
    }
    return out.build();
  }

  // ---- Seating rules ----

  /** A PUT's document as the use case validates it: absent optional fields stay null. */
  public static SeatingRulesText seatingText(io.booker.proto.venue.SeatingRules r) {
    List<TurnTimeText> turns = new ArrayList<>(r.getTurnTimesCount());
    for (io.booker.proto.venue.TurnTime t : r.getTurnTimesList()) {
      turns.add(new TurnTimeText(t.hasMaxPartySize() ? t.getMaxPartySize() : null, t.getMinutes(), t.getWeekdaysList(),
        t.getPeriod().isEmpty() ? null : t.getPeriod()));
    }
    List<ServicePeriodText> periods = new ArrayList<>(r.getPeriodsCount());
    for (io.booker.proto.venue.ServicePeriod p : r.getPeriodsList()) {
      io.booker.proto.venue.Pacing pacing = p.getPacing();
      PacingText pacingText = !p.hasPacing() ? null : new PacingText(pacing.getIntervalMinutes() == 0 ? null : pacing.getIntervalMinutes(),
        pacing.hasMaxParties() ? pacing.getMaxParties() : null, pacing.hasMaxCovers() ? pacing.getMaxCovers() : null);
      periods.add(new ServicePeriodText(p.getName(), p.getWeekdaysList(), p.getStartTime(), p.getEndTime(), p.getLastSeating(),
        p.getSlotIntervalMinutes() == 0 ? null : p.getSlotIntervalMinutes(), pacingText));
    }
    io.booker.proto.venue.BookingWindow w = r.getBookingWindow();
    BookingWindowText window = !r.hasBookingWindow() ? null
      : new BookingWindowText(w.hasMaxDaysAhead() ? w.getMaxDaysAhead() : null, w.getMinNoticeMinutes());
    return new SeatingRulesText(turns, periods, window);
  }

  public static io.booker.proto.venue.SeatingRules toProto(SeatingStore.Stored stored) {
    SeatingRules rules = stored.rules();
    io.booker.proto.venue.SeatingRules.Builder out = io.booker.proto.venue.SeatingRules.newBuilder()
      .setUpdatedAt(stored.updatedAt() == null ? 0 : stored.updatedAt().getEpochSecond());
    for (TurnTime t : rules.turnTimes()) {
      io.booker.proto.venue.TurnTime.Builder row = io.booker.proto.venue.TurnTime.newBuilder().setMinutes(t.minutes())
        .addAllWeekdays(t.weekdays().stream().sorted().toList());
      if (t.maxPartySize() != null) {
        row.setMaxPartySize(t.maxPartySize());
      }
      if (t.period() != null) {
        row.setPeriod(t.period());
      }
      out.addTurnTimes(row);
    }
    for (ServicePeriod p : rules.periods()) {
      io.booker.proto.venue.ServicePeriod.Builder row = io.booker.proto.venue.ServicePeriod.newBuilder().setName(p.name())
        .addAllWeekdays(p.weekdays().stream().sorted().toList())
        .setStartTime(Times.formatTime(p.start())).setEndTime(Times.formatTime(p.end()))
        .setLastSeating(Times.formatTime(p.lastSeating())).setSlotIntervalMinutes(p.slotIntervalMinutes());
      Pacing pacing = p.pacing();
      if (pacing != null) {
        io.booker.proto.venue.Pacing.Builder pb = io.booker.proto.venue.Pacing.newBuilder().setIntervalMinutes(pacing.intervalMinutes());
        if (pacing.maxParties() != null) {
          pb.setMaxParties(pacing.maxParties());
        }
        if (pacing.maxCovers() != null) {
          pb.setMaxCovers(pacing.maxCovers());
        }
        row.setPacing(pb);
      }
      out.addPeriods(row);
    }
    BookingWindow w = rules.bookingWindow();
    if (!w.equals(BookingWindow.NONE)) {
      io.booker.proto.venue.BookingWindow.Builder wb = io.booker.proto.venue.BookingWindow.newBuilder().setMinNoticeMinutes(w.minNoticeMinutes());
      if (w.maxDaysAhead() != null) {
        wb.setMaxDaysAhead(w.maxDaysAhead());
      }
      out.setBookingWindow(wb);
    }
    return out.build();
  }
}
