package io.booker.booking;

import static io.booker.booking.Fakes.succeeded;
import static io.booker.booking.domain.TestBookings.A;
import static io.booker.booking.domain.TestBookings.B;
import static io.booker.booking.domain.TestBookings.C;
import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.HoldKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HoldExpiryTest {

  private final Fakes f = new Fakes();

  private Booking heldWithKeys(Booking b) {
    f.store.put(b);
    HoldKeys.of(b).forEach(key -> f.holds.redis.put(key, b.id()));
    return b;
  }

  @Test
  void sweepExpiresLapsedHoldsReleasesTheirKeysAndKicksOnce() {
    Booking lapsedPair = heldWithKeys(booking().tables(A, B).build());
    Booking lapsedToo = heldWithKeys(booking().tables(C).expiresAt(lapsedPair.expiresAt().minusSeconds(60)).build());
    Booking inTime = heldWithKeys(booking().tables(C).slot(io.booker.booking.domain.TestBookings.slot("2025-06-04", "19:00", 120))
        .expiresAt(lapsedPair.expiresAt().plusSeconds(60)).build());
    f.store.now = lapsedPair.expiresAt();

    assertEquals(2, succeeded(f.expiry.sweep(50)));

    assertEquals(List.of(50), f.store.sweeps);
    assertEquals(BookingStatus.EXPIRED, f.store.get(lapsedPair.id()).status());
    assertEquals(BookingStatus.EXPIRED, f.store.get(lapsedToo.id()).status());
    assertEquals(HoldKeys.of(lapsedPair), f.holds.releasedFor(lapsedPair.id()));
    assertEquals(HoldKeys.of(lapsedToo), f.holds.releasedFor(lapsedToo.id()));
    assertTrue(f.holds.releasedFor(inTime.id()).isEmpty());
    assertEquals(Map.of(HoldKeys.of(inTime).get(0), inTime.id()), f.holds.redis);
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void eachExpiryOfASweepIsOneInfoLineOfTheSystem() {
    Booking lapsedPair = heldWithKeys(booking().tables(A, B).build());
    f.store.now = lapsedPair.expiresAt();
    Logger logger = (Logger) LoggerFactory.getLogger(BookingLog.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      assertEquals(1, succeeded(f.expiry.sweep(50)));
    } finally {
      logger.detachAppender(lines);
    }

    assertEquals(1, lines.list.size(), () -> lines.list.toString());
    ILoggingEvent line = lines.list.get(0);
    assertEquals(Level.INFO, line.getLevel());
    assertEquals("event=booking_expired booking_id=" + lapsedPair.id() + " venue_id=" + lapsedPair.venueId()
      + " table_id=" + A.tableId() + "," + B.tableId() + " status=expired from_status=held version=" + (lapsedPair.version() + 1)
      + " admin_id=system", line.getFormattedMessage());
  }

  @Test
  void aSweepThatFindsNothingWritesNothing() {
    heldWithKeys(booking().build());

    assertEquals(0, succeeded(f.expiry.sweep(50)));

    assertTrue(f.holds.releases.isEmpty());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void idempotencyKeysAreForgottenAfterADay() {
    assertEquals(0, succeeded(f.expiry.forgetIdempotencyKeys()));
    assertEquals(List.of(Duration.ofHours(24)), f.store.forgotten);
  }
}
