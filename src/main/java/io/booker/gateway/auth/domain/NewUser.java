package io.booker.gateway.auth.domain;

import io.booker.common.access.Role;

import java.util.List;
import java.util.UUID;

/** A valid request for a new user, before its password is hashed. */
public record NewUser(String login, String displayName, String password, Role role, List<UUID> venueIds) {

  public NewUser {
    venueIds = List.copyOf(venueIds);
  }

  /**
   * Validates the raw fields of a request, in the order a client reads them; the first problem is
   * an INVALID_ARGUMENT naming its field.
   */
  public static NewUser of(String login, String displayName, String password, String role, List<String> venueIds) {
    String name = LoginName.normalize("login", login);
    String display = DisplayName.of(displayName, name);
    PasswordPolicy.check("password", password, name);
    Role r = Role.parse("role", role);
    List<UUID> venues = VenueIds.parse(venueIds);
    VenueIds.requireFor(r, venues);
    return new NewUser(name, display, password, r, venues);
  }

  /** The first admin, from configuration: no venues (an admin sees them all). */
  public static NewUser firstAdmin(String login, String displayName, String password) {
    return of(login, displayName, password, Role.ADMIN.wireName(), List.of());
  }

  @Override
  public String toString() {
    // Never the password, whoever prints this.
    return "NewUser{login=" + login + ", role=" + role.wireName() + ", venues=" + venueIds.size() + "}";
  }
}
