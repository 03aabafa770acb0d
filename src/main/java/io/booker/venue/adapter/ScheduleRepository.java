package io.booker.venue.adapter;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.outbox.OutboxWriter;
import io.booker.platform.pg.Sql;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.WeeklyHours;
import io.booker.venue.ScheduleStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opening hours and special days of a venue. Every write runs in one transaction with its outbox
 * event and takes a fixed number of statements, however many ranges it carries.
 */
public final class ScheduleRepository implements ScheduleStore {

  private static final String SERVICE = "venue";

  private final Pool pool;

  public ScheduleRepository(Pool pool) {
    this.pool = pool;
  }

  /** Replaces the venue's whole week; false (and nothing written) when the venue does not exist. */
  @Override
  public Future<Boolean> replaceWeek(UUID venueId, WeeklyHours week, OutboxEvent event) {
    return Sql.timed(SERVICE, "replace_opening_hours", () -> pool.withTransaction(tx ->
      tx.preparedQuery(ScheduleSql.LOCK_VENUE).execute(Tuple.of(venueId)).compose(found -> {
        if (found.size() == 0) {
          return Future.succeededFuture(false);
        }
        return tx.preparedQuery(ScheduleSql.DELETE_WEEK).execute(Tuple.of(venueId))
          .compose(v -> insertWeek(tx, venueId, week.ranges()))
          .compose(v -> OutboxWriter.append(tx, event))
          .map(true);
      })));
  }

  private static Future<Void> insertWeek(SqlConnection tx, UUID venueId, List<DayRange> ranges) {
    if (ranges.isEmpty()) {
      return Future.succeededFuture();
    }
    Short[] weekdays = new Short[ranges.size()];
    LocalTime[] opens = new LocalTime[ranges.size()];
    LocalTime[] closes = new LocalTime[ranges.size()];
    for (int i = 0; i < weekdays.length; i++) {
      DayRange d = ranges.get(i);
      weekdays[i] = (short) d.weekday();
      opens[i] = d.range().open();
      closes[i] = d.range().close();
    }
    return tx.preparedQuery(ScheduleSql.INSERT_WEEK)
      .execute(Tuple.tuple().addValue(venueId).addValue(weekdays).addValue(opens).addValue(closes)).mapEmpty();
  }

  /** The week as stored, by weekday then opening time; empty when the venue does not exist. */
  @Override
  public Future<Optional<List<DayRange>>> week(UUID venueId) {
    return Sql.timed(SERVICE, "select_opening_hours", () -> pool.preparedQuery(ScheduleSql.SELECT_WEEK)
      .execute(Tuple.of(venueId)).map(rows -> {
        if (rows.size() == 0) {
          return Optional.empty();
        }
        List<DayRange> days = new ArrayList<>(rows.size());
        for (Row r : rows) {
          if (r.getValue("weekday") != null) {
            days.add(new DayRange(r.getInteger("weekday"), new OpeningRange(r.getLocalTime("open_time"), r.getLocalTime("close_time"))));
          }
        }
        return Optional.of(days);
      }));
  }

  /** The venue's IANA zone id; empty when the venue does not exist. */
  @Override
  public Future<Optional<String>> timezone(UUID venueId) {
    return Sql.timed(SERVICE, "select_venue_timezone", () -> pool.preparedQuery(ScheduleSql.SELECT_TIMEZONE)
      .execute(Tuple.of(venueId))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("timezone"))));
  }

  /** Creates or replaces the special day and its ranges; false (nothing written) for an unknown venue. */
  @Override
  public Future<Boolean> putSpecialDay(UUID venueId, SpecialDay day, OutboxEvent event) {
    return Sql.timed(SERVICE, "upsert_special_day", () -> pool.withTransaction(tx ->
      tx.preparedQuery(ScheduleSql.UPSERT_SPECIAL_DAY).execute(Tuple.of(venueId, day.date(), day.closed())).compose(upserted -> {
        if (upserted.size() == 0) {
          return Future.succeededFuture(false);
        }
        return tx.preparedQuery(ScheduleSql.DELETE_SPECIAL_RANGES).execute(Tuple.of(venueId, day.date()))
          .compose(v -> insertSpecialRanges(tx, venueId, day))
          .compose(v -> OutboxWriter.append(tx, event))
          .map(true);
      })));
  }

  private static Future<Void> insertSpecialRanges(SqlConnection tx, UUID venueId, SpecialDay day) {
    if (day.ranges().isEmpty()) {
      return Future.succeededFuture();
    }
    LocalTime[] opens = new LocalTime[day.ranges().size()];
    LocalTime[] closes = new LocalTime[opens.length];
    for (int i = 0; i < opens.length; i++) {
      opens[i] = day.ranges().get(i).open();
      closes[i] = day.ranges().get(i).close();
    }
    return tx.preparedQuery(ScheduleSql.INSERT_SPECIAL_RANGES)
      .execute(Tuple.tuple().addValue(venueId).addValue(day.date()).addValue(opens).addValue(closes)).mapEmpty();
  }

  /** Removes the special day of {@code date}; false when there was none. */
  @Override
  public Future<Boolean> deleteSpecialDay(UUID venueId, LocalDate date, OutboxEvent event) {
    return Sql.timed(SERVICE, "delete_special_day", () -> pool.withTransaction(tx ->
      tx.preparedQuery(ScheduleSql.DELETE_SPECIAL_DAY).execute(Tuple.of(venueId, date)).compose(deleted -> deleted.size() == 0
        ? Future.succeededFuture(false)
        : OutboxWriter.append(tx, event).map(true))));
  }

  /** The special days in {@code [from, to]}, by date, each with its ranges by opening time. */
  @Override
  public Future<List<SpecialDay>> specialDays(UUID venueId, LocalDate from, LocalDate to) {
    return Sql.timed(SERVICE, "select_special_days", () -> pool.preparedQuery(ScheduleSql.SELECT_SPECIAL_DAYS)
      .execute(Tuple.of(venueId, from, to)).map(rows -> {
        List<SpecialDay> days = new ArrayList<>();
        LocalDate current = null;
        boolean closed = false;
        List<OpeningRange> ranges = new ArrayList<>();
        for (Row r : rows) {
          LocalDate day = r.getLocalDate("day");
          if (!day.equals(current)) {
            if (current != null) {
              days.add(new SpecialDay(current, closed, ranges));
            }
            current = day;
            closed = r.getBoolean("is_closed");
            ranges = new ArrayList<>();
          }
          if (r.getValue("open_time") != null) {
            ranges.add(new OpeningRange(r.getLocalTime("open_time"), r.getLocalTime("close_time")));
          }
        }
        if (current != null) {
          days.add(new SpecialDay(current, closed, ranges));
        }
        return days;
      }));
  }
}
