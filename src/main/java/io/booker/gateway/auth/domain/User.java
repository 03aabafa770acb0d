package io.booker.gateway.auth.domain;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A user account as stored. {@code accessVersion} is raised by every change of role, venues,
 * password or disabled flag; access tokens carry the version they were issued with, and tokens of
 * an older version are refused from the next request on.
 *
 * @param venueIds sorted, without duplicates (see {@link VenueIds})
 */
public record User(UUID id, String login, String displayName, String passwordHash, Role role, List<UUID> venueIds,
                   boolean disabled, long accessVersion, Instant createdAt, Instant updatedAt) {

  public User {
    venueIds = List.copyOf(venueIds);
  }

  /** Who this user is when they make a call. */
  public Caller caller() {
    Set<String> venues = venueIds.stream().map(UUID::toString).collect(Collectors.toSet());
    return new Caller(id.toString(), role, venues);
  }
}
