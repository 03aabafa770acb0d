package io.booker.gateway.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One resume in progress on a socket: while the missed events are fetched from notify's event log,
 * the live events of the resumed venues are held back here (at most {@code capacity}), so that the
 * client receives the missed ones first, then the held ones that the replay did not already
 * contain (by notify's sequence number), in order.
 */
final class CatchUp {

  /** A held-back live event. */
  record Held(String venueId, long seq, String event) {
  }

  private final Set<String> venueIds;
  private final int capacity;
  private final List<Held> held = new ArrayList<>();
  private boolean overflowed;

  CatchUp(Set<String> venueIds, int capacity) {
    this.venueIds = Set.copyOf(venueIds);
    this.capacity = capacity;
  }

  Set<String> venueIds() {
    return venueIds;
  }

  boolean covers(String venueId) {
    return venueIds.contains(venueId);
  }

  /** Holds an event back; false (and nothing is held any more) once more arrived than the buffer takes: the resume is given up. */
  boolean hold(String venueId, long seq, String event) {
    if (overflowed) {
      return false;
    }
    if (held.size() >= capacity) {
      overflowed = true;
      held.clear();
      return false;
    }
    held.add(new Held(venueId, seq, event));
    return true;
  }

  /** The held events that come after {@code replayedUpTo} (the last sequence number replayed; 0 for none), in arrival order. */
  List<Held> after(long replayedUpTo) {
    return held.stream().filter(h -> h.seq() > replayedUpTo).toList();
  }
}
