package io.booker.it.gateway;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import static io.booker.it.support.Bookings.day;

/**
 * The world of the authorisation tests, made by an admin: venue A with a room, a table and a held
 * booking, and venue B with nothing in it. Callers are then given one venue or the other.
 */
record TwoVenues(String venueA, String venueB, String roomA, String tableA, String bookingA) {

  static TwoVenues create(ApiClient admin) {
    String a = Bookings.venueOpenAllDay(admin);
    String b = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, a, "Main");
    String[] table = Bookings.table(admin, room, "A1", 4, false);
    String booking = Bookings.hold(admin, Bookings.request(a, table, day(20), "19:00", 120, 2)).getString("id");
    return new TwoVenues(a, b, room, table[1], booking);
  }
}
