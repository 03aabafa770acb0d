package io.booker.venue.domain;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer to "which of these tables are free at this slot?" for named tables of one venue: the
 * tables must all be the venue's, and a slot the venue's hours or the clock refuse makes every
 * table unavailable with that reason, exactly as {@link AvailabilityPlanner} answers a whole venue.
 */
public final class TablesAtSlot {

  public static final String BOOKED = "already booked for this slot";

  /** One table's answer, in the order the tables were asked for. */
  public record Answer(String tableId, boolean available, String reason) {
  }

  private TablesAtSlot() {
  }

  /** NOT_FOUND for the first asked table that is not one of the venue's (unknown or another venue's: the same answer). */
  public static void requireKnown(List<String> asked, Collection<TableCandidate> ofVenue) {
    Set<String> known = new HashSet<>();
    for (TableCandidate t : ofVenue) {
      known.add(t.tableId());
    }
    for (String id : asked) {
      if (!known.contains(id)) {
        throw new ServiceException(ErrorCode.NOT_FOUND, "table " + id + " not found in this venue");
      }
    }
  }

  /** {@code free}: the tables the booking service found free; only read when the slot is open. */
  public static List<Answer> answer(List<String> asked, SlotCheck check, Set<String> free) {
    List<Answer> out = new ArrayList<>(asked.size());
    for (String id : asked) {
      if (!check.open()) {
        out.add(new Answer(id, false, check.reason()));
      } else {
        boolean available = free.contains(id);
        out.add(new Answer(id, available, available ? "" : BOOKED));
      }
    }
    return out;
  }
}
