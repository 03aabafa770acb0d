package io.booker.gateway.auth.domain;

import io.booker.common.ServiceException;
import io.booker.common.access.Role;

import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** The venues of a user: UUIDs, kept sorted and distinct so that two equal sets compare equal. */
public final class VenueIds {

  public static final String FIELD = "venue_ids";
  /** Far more than any restaurant group; keeps a token's claims small. */
  public static final int MAX = 500;

  private VenueIds() {
  }

  public static List<UUID> parse(List<String> raw) {
    if (raw.size() > MAX) {
      throw ServiceException.invalid(FIELD, "must name at most " + MAX + " venues");
    }
    TreeSet<UUID> ids = new TreeSet<>();
    for (String s : raw) {
      try {
        ids.add(UUID.fromString(s));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw ServiceException.invalid(FIELD, "must be venue ids (UUIDs), got '" + s + "'");
      }
    }
    return List.copyOf(ids);
  }

  /** Managers and hosts act on their venues only, so they need at least one; admins see every venue. */
  public static void requireFor(Role role, List<UUID> venueIds) {
    if (role != Role.ADMIN && venueIds.isEmpty()) {
      throw ServiceException.invalid(FIELD, "a " + role.wireName() + " needs at least one venue");
    }
  }
}
