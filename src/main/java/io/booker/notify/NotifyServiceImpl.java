package io.booker.notify;

import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.notify.adapter.NotifyProtos;
import io.booker.notify.domain.LoggedEvent;
import io.booker.platform.rpc.CallContext;
import io.booker.proto.notify.ListEventsRequest;
import io.booker.proto.notify.ListEventsResponse;
import io.booker.proto.notify.ListNotificationsRequest;
import io.booker.proto.notify.ListNotificationsResponse;
import io.booker.proto.notify.NotifyService;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The read side of notify: a booking's notifications, and the event log that reconnecting
 * WebSocket clients catch up from. It is notify's gRPC edge: the store answers domain records,
 * {@link NotifyProtos} turns them into the contract's messages. A caller sees only what belongs to the venues they see; anything
 * else reads exactly like something that does not exist.
 */
final class NotifyServiceImpl implements NotifyService {

  static final int MAX_EVENTS = 1000;
  static final int MAX_VENUES = 100;

  private final NotifyStore store;
  private final Supplier<Caller> caller;

  NotifyServiceImpl(NotifyStore store) {
    this(store, CallContext::caller);
  }

  NotifyServiceImpl(NotifyStore store, Supplier<Caller> caller) {
    this.store = store;
    this.caller = caller;
  }

  @Override
  public Future<ListNotificationsResponse> listNotifications(ListNotificationsRequest r) {
    Caller who = caller.get();
    UUID bookingId = Ids.uuid("booking_id", r.getBookingId());
    return store.notificationsOf(bookingId).map(list -> {
      // Every row of a booking carries the booking's venue.
      if (!list.isEmpty()) {
        who.require(Permission.READ_BOOKINGS, list.get(0).venueId(), "booking", bookingId.toString());
      }
      ListNotificationsResponse.Builder out = ListNotificationsResponse.newBuilder();
      list.forEach(n -> out.addNotifications(NotifyProtos.toProto(n)));
      return out.build();
    });
  }

  @Override
  public Future<ListEventsResponse> listEvents(ListEventsRequest r) {
    Caller who = caller.get();
    List<UUID> venues = venues(who, r.getVenueIdsList());
    int limit = limit(r.getLimit());
    if (r.getSince() < 0) {
      throw ServiceException.invalid("since", "must be a Unix time in seconds, not negative");
    }
    Future<List<LoggedEvent>> events;
    if (!r.getAfterEventId().isEmpty()) {
      String after = r.getAfterEventId();
      UUID afterId = Ids.uuid("after_event_id", after);
      events = store.eventSeq(afterId).compose(seq -> seq
        .map(s -> store.eventsAfter(venues, s, limit + 1))
        .orElseGet(() -> Future.failedFuture(ServiceException.notFound("event", after))));
    } else {
      events = store.eventsSince(venues, Instant.ofEpochSecond(r.getSince()), limit + 1);
    }
    return events.map(list -> {
      ListEventsResponse.Builder out = ListEventsResponse.newBuilder().setTruncated(list.size() > limit);
      (list.size() > limit ? list.subList(0, limit) : list).forEach(e -> out.addEvents(NotifyProtos.toProto(e)));
      return out.build();
    });
  }

  /** The venues asked for, each one the caller must see ("venue &lt;id&gt; not found" otherwise). */
  private static List<UUID> venues(Caller who, List<String> ids) {
    if (ids.isEmpty()) {
      throw ServiceException.invalid("venue_ids", "is required");
    }
    if (ids.size() > MAX_VENUES) {
      throw ServiceException.invalid("venue_ids", "at most " + MAX_VENUES + " venues");
    }
    Set<UUID> out = new LinkedHashSet<>();
    for (String id : ids) {
      UUID venueId = Ids.uuid("venue_ids", id);
      who.require(Permission.READ_BOOKINGS, venueId.toString(), "venue", id);
      out.add(venueId);
    }
    return new ArrayList<>(out);
  }

  private static int limit(int requested) {
    if (requested < 0 || requested > MAX_EVENTS) {
      throw ServiceException.invalid("limit", "must be between 1 and " + MAX_EVENTS);
    }
    return requested == 0 ? MAX_EVENTS : requested;
  }
}
