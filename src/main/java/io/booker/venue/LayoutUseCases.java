package io.booker.venue;

import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.venue.domain.RoomLayout;
import io.vertx.core.Future;

import java.util.UUID;

import static io.booker.venue.StructureChecks.attempt;

/**
 * The table layout of a room (all its tables in one answer), read through {@link CachedLayouts}:
 * a miss loads it from the {@link TableStore} and stores it for the next reader, unless a change
 * invalidated it meanwhile. Reading needs {@link Permission#READ_VENUE} on the room's venue.
 */
final class LayoutUseCases {

  private final TableStore tables;
  private final CachedLayouts layouts;

  LayoutUseCases(VenueDeps deps) {
    this.tables = deps.tables();
    this.layouts = deps.layouts();
  }

  /**
   * The room's tables, from the cache when it holds them. A room of another venue than the one
   * asked for, or of a venue the caller does not see, is NOT_FOUND, whether or not its layout is
   * cached (the cached value carries the room's venue).
   */
  Future<RoomLayout> getTableLayout(Caller caller, String venue, String room) {
    return attempt(() -> {
      // venue_id is optional (empty): when given, a room of another venue is NOT_FOUND.
      String venueId = venue.isEmpty() ? null : Ids.uuid("venue_id", venue).toString();
      UUID roomId = Ids.uuid("room_id", room);
      if (venueId != null) {
        caller.require(Permission.READ_VENUE, venueId, "room", room);
      }
      String roomKey = roomId.toString();
      return layouts.lookup(roomKey).compose(lookup -> {
        if (lookup.hit() != null) {
          return Future.succeededFuture(lookup.hit());
        }
        return tables.loadLayout(roomId).map(loaded -> {
          RoomLayout layout = loaded.orElseThrow(() -> ServiceException.notFound("room", room));
          layouts.store(roomKey, lookup, layout); // not awaited: it never fails and the caller need not wait
          return layout;
        });
      }).map(layout -> {
        if (venueId != null && !layout.venueId().equals(venueId)) {
          throw ServiceException.notFound("room", room);
        }
        caller.require(Permission.READ_VENUE, layout.venueId(), "room", room);
        return layout;
      });
    });
  }
}
