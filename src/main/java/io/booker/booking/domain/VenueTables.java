package io.booker.booking.domain;

import io.booker.common.ServiceException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A venue as a block needs it: its time zone, its rooms, and the room of each of its tables. */
public record VenueTables(ZoneId zone, Set<UUID> rooms, Map<UUID, UUID> roomOfTable) {

  public VenueTables {
    Objects.requireNonNull(zone, "zone");
    rooms = Set.copyOf(rooms);
    roomOfTable = Map.copyOf(roomOfTable);
  }

  /**
   * The tables a block request takes: those it names, each of which must be this venue's (else
   * "table &lt;id&gt; not found", as for any table the caller cannot see), or every table of the
   * room it names, sorted by id.
   */
  public List<UUID> tablesFor(NewBlock request) {
    if (request.roomId() == null) {
      for (UUID id : request.tableIds()) {
        if (!roomOfTable.containsKey(id)) {
          throw ServiceException.notFound("table", id.toString());
        }
      }
      return request.tableIds().stream().sorted().toList();
    }
    if (!rooms.contains(request.roomId())) {
      throw ServiceException.notFound("room", request.roomId().toString());
    }
    List<UUID> out = new ArrayList<>();
    roomOfTable.forEach((table, room) -> {
      if (room.equals(request.roomId())) {
        out.add(table);
      }
    });
    if (out.isEmpty()) {
      throw ServiceException.invalid("room_id", "the room has no tables to block");
    }
    out.sort(null);
    return out;
  }
}
