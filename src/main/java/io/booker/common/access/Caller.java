package io.booker.common.access;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;

import java.util.Set;

/**
 * Who makes a call, as the verified access token says: the user's id (recorded as the
 * {@code admin_id} of every change), role and venues.
 *
 * <p>Access is refused in a way that tells nothing about other venues: an action on a venue the
 * caller may not see is {@code NOT_FOUND}, exactly as if it did not exist; a venue the caller sees
 * but may not change in that way is {@code PERMISSION_DENIED}.
 */
public record Caller(String userId, Role role, Set<String> venueIds) {

  public Caller {
    venueIds = Set.copyOf(venueIds);
  }

  /** Admins see every venue; everyone else the venues they were given. */
  public boolean sees(String venueId) {
    return role == Role.ADMIN || venueIds.contains(venueId);
  }

  public boolean allAccess() {
    return role == Role.ADMIN;
  }

  public boolean may(Permission permission) {
    return permission.heldBy(role);
  }

  /** Requires a permission that is not about one venue (creating venues, managing users). */
  public void require(Permission permission) {
    if (!may(permission)) {
      throw new ServiceException(ErrorCode.PERMISSION_DENIED, "your role (" + role.wireName() + ") may not do this");
    }
  }

  /**
   * Requires {@code permission} on {@code venueId}. The thing asked for ({@code what} {@code id}:
   * "room", "3f2c...") is named in the not-found answer, which reads exactly like a missing one.
   */
  public void require(Permission permission, String venueId, String what, String id) {
    if (!sees(venueId)) {
      throw ServiceException.notFound(what, id);
    }
    require(permission);
  }
}
