package io.booker.gateway.auth.domain;

import io.booker.common.ServiceException;
import io.booker.common.access.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin's change of a user: any of display name, role, venues and disabled flag (absent fields
 * stay as they are). A change of role, venues or the disabled flag is a change of access: it raises
 * the user's access version, which ends their current access tokens.
 */
public record UserChange(Optional<String> displayName, Optional<Role> role, Optional<List<UUID>> venueIds, Optional<Boolean> disabled) {

  /** Parses the raw fields (null = absent). */
  public static UserChange of(String displayName, String role, List<String> venueIds, Boolean disabled) {
    return new UserChange(
      Optional.ofNullable(displayName).map(d -> DisplayName.of(d, null)),
      Optional.ofNullable(role).map(r -> Role.parse("role", r)),
      Optional.ofNullable(venueIds).map(VenueIds::parse),
      Optional.ofNullable(disabled));
  }

  /**
   * The user after this change made by user {@code actingUserId} at {@code now}. An admin cannot
   * disable or demote themselves: there is always an admin left to undo a mistake.
   */
  public Applied applyTo(User current, String actingUserId, Instant now) {
    boolean self = current.id().toString().equals(actingUserId);
    Role newRole = role.orElse(current.role());
    boolean newDisabled = disabled.orElse(current.disabled());
    if (self && current.role() == Role.ADMIN && newRole != Role.ADMIN) {
      throw ServiceException.invalid("role", "an admin cannot demote themselves");
    }
    if (self && newDisabled && !current.disabled()) {
      throw ServiceException.invalid("disabled", "an admin cannot disable themselves");
    }
    List<UUID> newVenues = venueIds.orElse(current.venueIds());
    VenueIds.requireFor(newRole, newVenues);
    String newName = displayName.orElse(current.displayName());

    List<String> changed = new ArrayList<>();
    if (!newName.equals(current.displayName())) {
      changed.add("display_name");
    }
    if (newRole != current.role()) {
      changed.add("role");
    }
    if (!newVenues.equals(current.venueIds())) {
      changed.add("venue_ids");
    }
    if (newDisabled != current.disabled()) {
      changed.add("disabled");
    }
    boolean accessChanged = changed.stream().anyMatch(f -> !f.equals("display_name"));
    if (changed.isEmpty()) {
      return new Applied(current, List.of(), false);
    }
    User after = new User(current.id(), current.login(), newName, current.passwordHash(), newRole, newVenues, newDisabled,
      current.accessVersion() + (accessChanged ? 1 : 0), current.createdAt(), now);
    return new Applied(after, List.copyOf(changed), accessChanged);
  }

  /**
   * A change applied: the user after it, the fields that changed, and whether access changed.
   * Disabling also ends every login session of the user ({@link #disabledNow}).
   */
  public record Applied(User after, List<String> changedFields, boolean accessChanged) {

    public boolean disabledNow() {
      return changedFields.contains("disabled") && after.disabled();
    }
  }
}
