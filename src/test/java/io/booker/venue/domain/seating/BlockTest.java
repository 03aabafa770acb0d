package io.booker.venue.domain.seating;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BlockTest {

  private static final UUID ROOM = UUID.randomUUID();
  private static final UUID OTHER_ROOM = UUID.randomUUID();
  private static final UUID T1 = UUID.randomUUID();
  private static final UUID T2 = UUID.randomUUID();
  private static final Instant FROM = Instant.parse("2026-01-09T18:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-09T22:00:00Z");

  private static Block tables(Set<UUID> tables, Instant from, Instant to, String reason) {
    return new Block(UUID.randomUUID(), tables, null, from, to, reason);
  }

  private static Instant at(String time) {
    return Instant.parse("2026-01-09T" + time + ":00Z");
  }

  @Test
  void overlapsIsHalfOpenSoTouchingEndsDoNotOverlap() {
    Block b = tables(Set.of(T1), FROM, TO, "private event");
    assertFalse(b.overlaps(at("16:00"), at("18:00")), "ends as the block starts");
    assertFalse(b.overlaps(at("22:00"), at("23:00")), "starts as the block ends");
    assertTrue(b.overlaps(at("16:00"), at("18:01")));
    assertTrue(b.overlaps(at("21:59"), at("23:00")));
    assertTrue(b.overlaps(at("19:00"), at("20:00")), "inside");
    assertTrue(b.overlaps(at("17:00"), at("23:00")), "around");
  }

  @Test
  void coversItsTablesOrEveryTableOfItsRoom() {
    Block t = tables(Set.of(T1), FROM, TO, "broken chair");
    assertTrue(t.covers(T1, ROOM));
    assertFalse(t.covers(T2, ROOM));
    assertFalse(t.wholeRoom());
    Block room = new Block(UUID.randomUUID(), Set.of(), ROOM, FROM, TO, "private event");
    assertTrue(room.wholeRoom());
    assertTrue(room.covers(T1, ROOM));
    assertTrue(room.covers(T2, ROOM));
    assertFalse(room.covers(T1, OTHER_ROOM));
    assertTrue(room.blocks(T2, ROOM, at("21:00"), at("23:00")));
    assertFalse(room.blocks(T2, ROOM, at("22:00"), at("23:00")));
    assertFalse(room.blocks(T2, OTHER_ROOM, at("21:00"), at("23:00")));
  }

  @Test
  void namesTablesOrARoomButNotBoth() {
    assertInvalid("table_ids", () -> tables(Set.of(), FROM, TO, "x"));
    assertInvalid("table_ids", () -> tables(null, FROM, TO, "x"));
    assertInvalid("room_id", () -> new Block(UUID.randomUUID(), Set.of(T1), ROOM, FROM, TO, "x"));
  }

  @Test
  void lastsFromBeforeToAndAtMost31Days() {
    assertInvalid("to", () -> tables(Set.of(T1), FROM, FROM, "x"));
    assertInvalid("to", () -> tables(Set.of(T1), TO, FROM, "x"));
    assertInvalid("from", () -> tables(Set.of(T1), null, TO, "x"));
    assertInvalid("to", () -> tables(Set.of(T1), FROM, null, "x"));
    Instant month = FROM.plus(Duration.ofDays(31));
    assertEquals(month, tables(Set.of(T1), FROM, month, "renovation").to());
    assertInvalid("to", () -> tables(Set.of(T1), FROM, month.plusSeconds(1), "renovation"));
  }

  @Test
  void hasAReasonOfOneTo200Characters() {
    assertInvalid("reason", () -> tables(Set.of(T1), FROM, TO, null));
    assertInvalid("reason", () -> tables(Set.of(T1), FROM, TO, "   "));
    assertInvalid("reason", () -> tables(Set.of(T1), FROM, TO, "x".repeat(201)));
    assertEquals(200, tables(Set.of(T1), FROM, TO, "x".repeat(200)).reason().length());
    assertEquals("broken chair", tables(Set.of(T1), FROM, TO, "  broken chair ").reason());
  }
}
