package io.booker.venue.domain;

import io.booker.common.access.Caller;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The venues a read or write may touch on behalf of a caller: every venue (admins), or only some.
 * A store applies it in the same round trip as the work itself (the database adapter binds
 * {@link #venueIds()} as one {@code uuid[]} parameter, null meaning every venue), so a row of a
 * venue outside the scope is simply not found.
 */
public final class VenueScope {

  /** Every venue. */
  public static final VenueScope ALL = new VenueScope(null);

  private final UUID[] venueIds;

  private VenueScope(UUID[] venueIds) {
    this.venueIds = venueIds;
  }

  /** The venues {@code caller} sees: every venue for an admin, else the venues of their token. */
  public static VenueScope of(Caller caller) {
    return caller.allAccess() ? ALL : only(caller.venueIds());
  }

  /**
   * Only these venues. An id that is not a UUID names no venue and is left out (it comes from a
   * token's claim, which is not trusted to be well formed).
   */
  public static VenueScope only(Collection<String> ids) {
    List<UUID> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      try {
        out.add(UUID.fromString(id));
      } catch (IllegalArgumentException | NullPointerException e) {
        // names no venue
      }
    }
    return new VenueScope(out.toArray(new UUID[0]));
  }

  /** True when every venue is in scope. */
  public boolean all() {
    return venueIds == null;
  }

  /** Null for every venue, else the venue ids (possibly none); a copy. */
  public UUID[] venueIds() {
    return venueIds == null ? null : venueIds.clone();
  }

  /** True when {@code venueId} is in scope (an id that is not a UUID never is, unless every venue is). */
  public boolean includes(String venueId) {
    if (venueIds == null) {
      return true;
    }
    for (UUID id : venueIds) {
      if (id.toString().equalsIgnoreCase(venueId)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return all() ? "VenueScope{all}" : "VenueScope{" + venueIds.length + " venues}";
  }
}
