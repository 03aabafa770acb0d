package io.booker.venue.adapter;

import io.booker.venue.domain.seating.BookingWindow;
import io.booker.venue.domain.seating.BookingWindowText;
import io.booker.venue.domain.seating.Pacing;
import io.booker.venue.domain.seating.PacingText;
import io.booker.venue.domain.seating.SeatingRules;
import io.booker.venue.domain.seating.SeatingRulesText;
import io.booker.venue.domain.seating.ServicePeriod;
import io.booker.venue.domain.seating.ServicePeriodText;
import io.booker.venue.domain.seating.TurnTime;
import io.booker.venue.domain.seating.TurnTimeText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a venue's seating rules: the JSON document of the REST API
 * ({@code turn_times}, {@code periods}, {@code booking_window}, snake_case, "HH:mm" times), read
 * back through the same validation as a request, so a stored document is never trusted blindly.
 */
final class SeatingJson {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private SeatingJson() {
  }

  static JsonObject toJson(SeatingRules rules) {
    JsonArray turns = new JsonArray();
    for (TurnTime t : rules.turnTimes()) {
      JsonObject row = new JsonObject().put("minutes", t.minutes());
      if (t.maxPartySize() != null) {
        row.put("max_party_size", t.maxPartySize());
      }
      if (!t.weekdays().isEmpty()) {
        row.put("weekdays", new JsonArray(t.weekdays().stream().sorted().toList()));
      }
      if (t.period() != null) {
        row.put("period", t.period());
      }
      turns.add(row);
    }
    JsonArray periods = new JsonArray();
    for (ServicePeriod p : rules.periods()) {
      JsonObject row = new JsonObject().put("name", p.name())
        .put("weekdays", new JsonArray(p.weekdays().stream().sorted().toList()))
        .put("start_time", p.start().format(HH_MM))
        .put("end_time", p.end().format(HH_MM))
        .put("last_seating", p.lastSeating().format(HH_MM))
        .put("slot_interval_minutes", p.slotIntervalMinutes());
      Pacing pacing = p.pacing();
      if (pacing != null) {
        JsonObject pj = new JsonObject().put("interval_minutes", pacing.intervalMinutes());
        if (pacing.maxParties() != null) {
          pj.put("max_parties", pacing.maxParties());
        }
        if (pacing.maxCovers() != null) {
          pj.put("max_covers", pacing.maxCovers());
        }
        row.put("pacing", pj);
      }
      periods.add(row);
    }
    JsonObject doc = new JsonObject().put("turn_times", turns).put("periods", periods);
    BookingWindow w = rules.bookingWindow();
    if (!w.equals(BookingWindow.NONE)) {
      JsonObject window = new JsonObject().put("min_notice_minutes", w.minNoticeMinutes());
      if (w.maxDaysAhead() != null) {
        window.put("max_days_ahead", w.maxDaysAhead());
      }
      doc.put("booking_window", window);
    }
    return doc;
  }

  static SeatingRules fromJson(JsonObject doc) {
    List<TurnTimeText> turns = new ArrayList<>();
    for (Object o : doc.getJsonArray("turn_times", new JsonArray())) {
      JsonObject t = (JsonObject) o;
      turns.add(new TurnTimeText(t.getInteger("max_party_size"), t.getInteger("minutes"), ints(t.getJsonArray("weekdays")),
        t.getString("period")));
    }
    List<ServicePeriodText> periods = new ArrayList<>();
    for (Object o : doc.getJsonArray("periods", new JsonArray())) {
      JsonObject p = (JsonObject) o;
      JsonObject pj = p.getJsonObject("pacing");
      PacingText pacing = pj == null ? null
        : new PacingText(pj.getInteger("interval_minutes"), pj.getInteger("max_parties"), pj.getInteger("max_covers"));
      periods.add(new ServicePeriodText(p.getString("name"), ints(p.getJsonArray("weekdays")), p.getString("start_time"),
        p.getString("end_time"), p.getString("last_seating"), p.getInteger("slot_interval_minutes"), pacing));
    }
    JsonObject w = doc.getJsonObject("booking_window");
    BookingWindowText window = w == null ? null : new BookingWindowText(w.getInteger("max_days_ahead"), w.getInteger("min_notice_minutes"));
    return SeatingRules.parse(new SeatingRulesText(turns, periods, window));
  }

  private static List<Integer> ints(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(array.getInteger(i));
    }
    return out;
  }
}
