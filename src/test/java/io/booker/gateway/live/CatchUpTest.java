package io.booker.gateway.live;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class CatchUpTest {

  @Test
  void heldEventsAfterTheReplayComeInArrivalOrder() {
    CatchUp c = new CatchUp(Set.of("a", "b"), 10);
    assertTrue(c.covers("a") && !c.covers("z"));
    assertTrue(c.hold("a", 7, "e7"));
    assertTrue(c.hold("b", 5, "e5"));
    assertTrue(c.hold("a", 9, "e9"));
    assertEquals(List.of("e7", "e9"), c.after(6).stream().filter(h -> h.venueId().equals("a")).map(CatchUp.Held::event).toList());
    assertEquals(List.of("e7", "e9"), c.after(5).stream().map(CatchUp.Held::event).toList(), "seq 5 was replayed");
    assertEquals(List.of("e7", "e5", "e9"), c.after(0).stream().map(CatchUp.Held::event).toList());
  }

  @Test
  void moreThanTheBufferTakesGivesTheResumeUp() {
    CatchUp c = new CatchUp(Set.of("a"), 2);
    assertTrue(c.hold("a", 1, "e1"));
    assertTrue(c.hold("a", 2, "e2"));
    assertFalse(c.hold("a", 3, "e3"));
    assertFalse(c.hold("a", 4, "e4"));
    assertTrue(c.after(0).isEmpty(), "nothing held any more");
  }
}
