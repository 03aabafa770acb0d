package io.booker.common.access;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.booker.common.access.Permission.*;
import static org.junit.jupiter.api.Assertions.*;

/** Who may do what, and how a refusal reads. */
class CallerTest {

  static final Caller ADMIN = new Caller("a", Role.ADMIN, Set.of());
  static final Caller MANAGER = new Caller("m", Role.MANAGER, Set.of("A"));
  static final Caller HOST = new Caller("h", Role.HOST, Set.of("A"));

  @Test
  void rolesHoldTheirPermissions() {
    for (Permission p : Permission.values()) {
      assertTrue(ADMIN.may(p), p::name);
    }
    assertEquals(Set.of(READ_VENUE, EDIT_STRUCTURE, EDIT_SCHEDULE, READ_BOOKINGS, WRITE_BOOKINGS), held(MANAGER));
    assertEquals(Set.of(READ_VENUE, READ_BOOKINGS, WRITE_BOOKINGS), held(HOST));
  }

  @Test
  void adminsSeeEveryVenueOthersTheirOwn() {
    assertTrue(ADMIN.sees("anything"));
    assertTrue(HOST.sees("A"));
    assertFalse(HOST.sees("B"));
    assertFalse(new Caller("x", Role.MANAGER, Set.of()).sees("A"));
  }

  @Test
  void anotherVenueIsNotFoundEvenWhereTheRoleWouldAlsoBeRefused() {
    ServiceException e = assertThrows(ServiceException.class, () -> HOST.require(EDIT_STRUCTURE, "B", "room", "r-1"));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertEquals(ServiceException.notFound("room", "r-1").getMessage(), e.getMessage(), "reads exactly like a missing room");
  }

  @Test
  void theirOwnVenueWithoutTheRoleIsDenied() {
    ServiceException e = assertThrows(ServiceException.class, () -> HOST.require(EDIT_SCHEDULE, "A", "venue", "A"));
    assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
    assertDoesNotThrow(() -> MANAGER.require(EDIT_SCHEDULE, "A", "venue", "A"));
    assertEquals(ErrorCode.PERMISSION_DENIED, assertThrows(ServiceException.class, () -> MANAGER.require(MANAGE_USERS)).code());
  }

  @Test
  void rolesParseFromTheirWireNamesOnly() {
    assertEquals(Role.HOST, Role.parse("role", "host"));
    for (String bad : new String[] {"HOST", "root", "", null}) {
      assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ServiceException.class, () -> Role.parse("role", bad)).code());
    }
  }

  private static Set<Permission> held(Caller c) {
    Set<Permission> s = new java.util.HashSet<>();
    for (Permission p : Permission.values()) {
      if (c.may(p)) {
        s.add(p);
      }
    }
    return s;
  }
}
