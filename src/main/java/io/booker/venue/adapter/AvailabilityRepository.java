package io.booker.venue.adapter;

import io.booker.platform.pg.Sql;
import io.booker.venue.AvailabilityReads;
import io.booker.venue.domain.AvailabilitySnapshot;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.TableCandidate;
import io.booker.venue.domain.WeeklyHours;
import io.booker.venue.domain.seating.Combination;
import io.booker.venue.domain.seating.SeatingRules;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Reads what an availability check needs: one query, whatever the size of the venue and its number of combinations. */
public final class AvailabilityRepository implements AvailabilityReads {

  private static final String SERVICE = "venue";

  /** Venues whose parsed rules are kept at most; past it the memo starts again (it only saves parsing). */
  static final int MAX_REMEMBERED_RULES = 10_000;

  private record ParsedRules(OffsetDateTime updatedAt, SeatingRules rules) {
  }

  private final Pool pool;
  /**
   * The seating rules of each venue as last parsed, with the time they were written: the snapshot
   * row carries the document and its {@code updated_at}, and an unchanged document is not parsed
   * and validated again on every availability check or booking.
   */
  private final Map<String, ParsedRules> parsedRules = new ConcurrentHashMap<>();

  public AvailabilityRepository(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Optional<AvailabilitySnapshot>> snapshot(UUID venueId, LocalDate date) {
    return Sql.timed(SERVICE, "select_availability_snapshot", () -> pool.preparedQuery(ScheduleSql.SELECT_AVAILABILITY_SNAPSHOT)
      .execute(Tuple.of(venueId, date))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(snapshot(venueId, rows.iterator().next()))));
  }

  @Override
  public Future<Optional<AvailabilitySnapshot>> snapshot(UUID venueId, LocalDate date, UUID[] tableIds) {
    return Sql.timed(SERVICE, "select_booking_snapshot", () -> pool.preparedQuery(ScheduleSql.SELECT_BOOKING_SNAPSHOT)
      .execute(Tuple.of(venueId, date, tableIds))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(snapshot(venueId, rows.iterator().next()))));
  }

  @Override
  public Future<Optional<AvailabilitySnapshot>> combinationSnapshot(UUID venueId, LocalDate date, UUID combinationId) {
    return Sql.timed(SERVICE, "select_combination_snapshot", () -> pool.preparedQuery(ScheduleSql.SELECT_COMBINATION_SNAPSHOT)
      .execute(Tuple.of(venueId, date, combinationId))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(snapshot(venueId, rows.iterator().next()))));
  }

  private static List<Combination> combinations(JsonArray rows) {
    List<Combination> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonObject c = rows.getJsonObject(i);
      JsonArray ids = c.getJsonArray("table_ids");
      List<UUID> tableIds = new ArrayList<>(ids.size());
      for (int j = 0; j < ids.size(); j++) {
        tableIds.add(UUID.fromString(ids.getString(j)));
      }
      out.add(new Combination(UUID.fromString(c.getString("id")), UUID.fromString(c.getString("room_id")), tableIds,
        c.getInteger("min_party_size"), c.getInteger("max_party_size")));
    }
    return out;
  }

  private AvailabilitySnapshot snapshot(UUID venueId, Row row) {
    return new AvailabilitySnapshot(ZoneId.of(row.getString("timezone")), weekly(row.getJsonArray("hours")),
      specialDays(row.getJsonArray("special_days")), tables(row.getJsonArray("tables")), seating(venueId, row),
      combinations(row.getJsonArray("combinations")));
  }

  private SeatingRules seating(UUID venueId, Row row) {
    OffsetDateTime updatedAt = row.getOffsetDateTime("seating_updated_at");
    if (updatedAt == null) {
      return SeatingRules.NONE;
    }
    String key = venueId.toString();
    ParsedRules known = parsedRules.get(key);
    if (known != null && known.updatedAt().equals(updatedAt)) {
      return known.rules();
    }
    SeatingRules rules = SeatingJson.fromJson((JsonObject) row.getValue("seating"));
    if (parsedRules.size() >= MAX_REMEMBERED_RULES) {
      parsedRules.clear();
    }
    parsedRules.put(key, new ParsedRules(updatedAt, rules));
    return rules;
  }

  private static WeeklyHours weekly(JsonArray hours) {
    List<DayRange> ranges = new ArrayList<>(hours.size());
    for (int i = 0; i < hours.size(); i++) {
      JsonObject h = hours.getJsonObject(i);
      ranges.add(new DayRange(h.getInteger("weekday"), range(h)));
    }
    return WeeklyHours.of(ranges);
  }

  /** One JSON object per range; a closed day comes as one object without times. */
  private static List<SpecialDay> specialDays(JsonArray rows) {
    Map<LocalDate, List<OpeningRange>> ranges = new LinkedHashMap<>();
    Map<LocalDate, Boolean> closed = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonObject r = rows.getJsonObject(i);
      LocalDate day = LocalDate.parse(r.getString("day"));
      closed.put(day, r.getBoolean("closed"));
      List<OpeningRange> of = ranges.computeIfAbsent(day, d -> new ArrayList<>());
      if (r.getValue("open") != null) {
        of.add(range(r));
      }
    }
    List<SpecialDay> days = new ArrayList<>(closed.size());
    closed.forEach((day, isClosed) -> days.add(new SpecialDay(day, isClosed, ranges.get(day))));
    return days;
  }

  private static List<TableCandidate> tables(JsonArray rows) {
    List<TableCandidate> tables = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonObject t = rows.getJsonObject(i);
      tables.add(new TableCandidate(t.getString("id"), t.getString("room_id"), t.getString("name"),
        t.getInteger("capacity"), t.getBoolean("can_merge")));
    }
    return tables;
  }

  private static OpeningRange range(JsonObject r) {
    return new OpeningRange(LocalTime.parse(r.getString("open")), LocalTime.parse(r.getString("close")));
  }
}
