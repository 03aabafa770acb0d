package io.booker.common.access;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of action the services distinguish, and the roles that hold each. */
public enum Permission {
  /** Read a venue's structure (venue, rooms, tables, layout), hours and availability. */
  READ_VENUE(Role.ADMIN, Role.MANAGER, Role.HOST),
  /** Create or delete whole venues. */
  MANAGE_VENUES(Role.ADMIN),
  /** Change a venue's details, rooms and tables. */
  EDIT_STRUCTURE(Role.ADMIN, Role.MANAGER),
  /** Change a venue's opening and special hours. */
  EDIT_SCHEDULE(Role.ADMIN, Role.MANAGER),
  /** Read bookings and their history. */
  READ_BOOKINGS(Role.ADMIN, Role.MANAGER, Role.HOST),
  /** Create, move and change the status of bookings. */
  WRITE_BOOKINGS(Role.ADMIN, Role.MANAGER, Role.HOST),
  /** Create and manage users. */
  MANAGE_USERS(Role.ADMIN);

  private final Set<Role> roles;

  Permission(Role first, Role... more) {
    this.roles = EnumSet.of(first, more);
  }

  public boolean heldBy(Role role) {
    return roles.contains(role);
  }
}
