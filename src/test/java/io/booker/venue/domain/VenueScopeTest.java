package io.booker.venue.domain;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class VenueScopeTest {

  @Test
  void anAdminsScopeIsEveryVenue() {
    VenueScope scope = VenueScope.of(new Caller("u", Role.ADMIN, Set.of()));
    assertTrue(scope.all());
    assertNull(scope.venueIds(), "null means no venue filter");
  }

  @Test
  void anyoneElsesScopeIsTheirVenues() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    for (Role role : List.of(Role.MANAGER, Role.HOST)) {
      VenueScope scope = VenueScope.of(new Caller("u", role, Set.of(a.toString(), b.toString())));
      assertFalse(scope.all());
      assertEquals(Set.of(a, b), Set.of(scope.venueIds()));
    }
  }

  /** An empty scope must never read as "every venue". */
  @Test
  void noVenuesIsAnEmptyScopeNotEveryVenue() {
    VenueScope scope = VenueScope.of(new Caller("u", Role.MANAGER, Set.of()));
    assertFalse(scope.all());
    assertArrayEquals(new UUID[0], scope.venueIds());
  }

  @Test
  void idsThatAreNotUuidsNameNoVenue() {
    UUID a = UUID.randomUUID();
    VenueScope scope = VenueScope.only(List.of("not-a-uuid", a.toString().toUpperCase(), ""));
    assertArrayEquals(new UUID[]{a}, scope.venueIds());
  }

  @Test
  void theBoundArrayIsACopy() {
    VenueScope scope = VenueScope.only(List.of(UUID.randomUUID().toString()));
    scope.venueIds()[0] = null;
    assertNotNull(scope.venueIds()[0]);
  }

  @Test
  void includesTheVenuesItNamesOnly() {
    UUID a = UUID.randomUUID();
    VenueScope scope = VenueScope.only(List.of(a.toString()));
    assertTrue(scope.includes(a.toString()));
    assertTrue(scope.includes(a.toString().toUpperCase()), "compared as UUIDs, whatever the case");
    assertFalse(scope.includes(UUID.randomUUID().toString()));
    assertFalse(scope.includes("not-a-uuid"));
    assertTrue(VenueScope.ALL.includes(UUID.randomUUID().toString()));
  }
}
