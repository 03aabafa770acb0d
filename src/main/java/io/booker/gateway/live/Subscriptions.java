package io.booker.gateway.live;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.platform.rpc.RpcErrors;
import io.booker.proto.notify.ListEventsResponse;
import io.booker.proto.notify.LiveEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The venues one socket listens to, and the order in which it is told about them: access checked
 * when subscribing, live events forwarded, and a resume's missed events (from notify's event log)
 * sent before the live events that arrived meanwhile, without repeating one (by notify's sequence
 * number). Runs on the socket's event loop.
 */
final class Subscriptions implements LiveFeeds.Listener {

  private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

  /** The socket, as far as its subscriptions need it. */
  interface Peer {
    void send(String message);

    /** An invalid request: an error message, counted against the socket. */
    void refuse(String problem);

    boolean closed();

    /** The socket's current access token, for the calls made for it. */
    String token();
  }

  /** Notify's event log, as a resume reads it ({@link MissedEvents}). */
  interface EventLog {
    Future<ListEventsResponse> list(String token, Collection<String> venueIds, String afterEventId, Long since, int limit);
  }

  private final Peer peer;
  private final LiveSettings settings;
  private final LiveFeeds feeds;
  private final EventLog missed;
  private final Set<String> subscribed = new LinkedHashSet<>();
  /**
   * Newly subscribed venues whose {@code subscribed} has not been sent yet, with the live events that
   * arrived meanwhile (the venue's feed may already be live on this instance, or deliver a local
   * publication before its cluster-wide registration completes): they follow the {@code subscribed}.
   */
  private final Map<String, List<String>> announcing = new HashMap<>();
  /** Per resumed venue, the last sequence number replayed: a live event at or below it was already sent. */
  private final Map<String, Long> replayedUpTo = new HashMap<>();
  private CatchUp catchUp;

  Subscriptions(Peer peer, LiveSettings settings, LiveFeeds feeds, EventLog missed) {
    this.peer = peer;
    this.settings = settings;
    this.feeds = feeds;
    this.missed = missed;
  }

  void subscribe(Caller caller, ClientMessage.Subscribe sub) {
    if (sub.resumes() && catchUp != null) {
      peer.refuse("a resume is in progress; wait for caught_up before resuming again");
      return;
    }
    List<String> accepted = new ArrayList<>();
    for (String venue : sub.venueIds()) {
      if (caller.sees(venue)) {
        accepted.add(venue);
      } else {
        // The same answer whether the venue exists or not.
        peer.send(ServerMessages.venueError(ServerMessages.NOT_FOUND, venue, "venue " + venue + " not found"));
      }
    }
    if (accepted.isEmpty()) {
      return;
    }
    long adding = accepted.stream().filter(v -> !subscribed.contains(v)).count();
    if (subscribed.size() + adding > settings.maxVenues()) {
      peer.refuse("venue_ids: at most " + settings.maxVenues() + " venues per connection");
      return;
    }
    CatchUp resume = sub.resumes() ? new CatchUp(new LinkedHashSet<>(accepted), settings.catchUpBuffer()) : null;
    if (resume != null) {
      catchUp = resume;
    } else {
      accepted.stream().filter(v -> !subscribed.contains(v)).forEach(v -> announcing.putIfAbsent(v, new ArrayList<>()));
    }
    subscribed.addAll(accepted);
    feeds.joinAll(accepted, this).onComplete(ar -> {
      if (peer.closed()) {
        return;
      }
      if (ar.failed()) {
        log.warn("event=live_subscribe_failed error={}", ar.cause().toString());
      }
      peer.send(ServerMessages.subscribed(accepted));
      for (String venue : accepted) {
        List<String> early = announcing.remove(venue);
        if (early != null) {
          early.forEach(peer::send);
        }
      }
      // Listening first, then reading the log: nothing can fall between the replay and the live events.
      if (resume != null && resume == catchUp) {
        replay(resume, sub);
      }
    });
  }

  void unsubscribe(List<String> venueIds) {
    venueIds.forEach(this::drop);
    peer.send(ServerMessages.unsubscribed(venueIds));
  }

  /** Ends the subscriptions {@code caller} (a renewed token) may no longer have, and says so. */
  void retainVisible(Caller caller) {
    List<String> lost = subscribed.stream().filter(venue -> !caller.sees(venue)).toList();
    if (!lost.isEmpty()) {
      lost.forEach(this::drop);
      peer.send(ServerMessages.unsubscribed(lost));
    }
  }

  /** The socket closed: every feed is left. */
  void leaveAll() {
    for (String venue : List.copyOf(subscribed)) {
      feeds.leave(venue, this);
    }
    subscribed.clear();
    announcing.clear();
    catchUp = null;
  }

  private void drop(String venue) {
    if (subscribed.remove(venue)) {
      announcing.remove(venue);
      feeds.leave(venue, this);
      replayedUpTo.remove(venue);
    }
  }

  private void replay(CatchUp resume, ClientMessage.Subscribe sub) {
    missed.list(peer.token(), resume.venueIds(), sub.sinceEventId(), sub.since(), settings.resumeLimit()).onComplete(ar -> {
      if (peer.closed() || catchUp != resume) {
        return; // closed, or given up because too much arrived meanwhile (already told)
      }
      catchUp = null;
      if (ar.failed()) {
        ServiceException e = RpcErrors.asServiceException(ar.cause());
        log.debug("event=live_resume_failed code={} error={}", e.code(), e.getMessage());
        resumeFailed(resume, e.code() == ErrorCode.NOT_FOUND ? "the event is unknown or too old; reload from the REST API"
          : "missed events cannot be read now; reload from the REST API");
        return;
      }
      ListEventsResponse page = ar.result();
      if (page.getTruncated()) {
        resumeFailed(resume, "more events were missed than a resume replays; reload from the REST API");
        return;
      }
      long last = 0;
      for (LiveEvent e : page.getEventsList()) {
        if (subscribed.contains(e.getVenueId())) {
          peer.send(e.getMessage());
        }
        last = Math.max(last, e.getSeq());
      }
      sendHeld(resume, last);
      for (String venue : resume.venueIds()) {
        if (subscribed.contains(venue)) {
          replayedUpTo.put(venue, last);
        }
      }
      peer.send(ServerMessages.caughtUp(resume.venueIds()));
    });
  }

  /** The replay failed: the client reloads from REST; the held-back live events follow, then the live stream. */
  private void resumeFailed(CatchUp resume, String why) {
    peer.send(ServerMessages.resumeUnavailable(resume.venueIds(), why));
    sendHeld(resume, 0);
  }

  private void sendHeld(CatchUp resume, long after) {
    for (CatchUp.Held h : resume.after(after)) {
      if (subscribed.contains(h.venueId())) {
        peer.send(h.event());
      }
    }
  }

  @Override
  public void onEvent(String venueId, long seq, String event) {
    if (peer.closed() || !subscribed.contains(venueId)) {
      return;
    }
    if (catchUp != null && catchUp.covers(venueId)) {
      if (!catchUp.hold(venueId, seq, event)) {
        // Too much arrived while catching up: give the resume up now; live events flow from here.
        CatchUp gaveUp = catchUp;
        catchUp = null;
        peer.send(ServerMessages.resumeUnavailable(gaveUp.venueIds(), "too many events arrived while catching up; reload from the REST API"));
        peer.send(event);
      }
      return;
    }
    List<String> early = announcing.get(venueId);
    if (early != null) {
      if (early.size() < settings.catchUpBuffer()) {
        early.add(event);
        return;
      }
      // The registration is taking very long: stop holding back rather than hold without bound.
      announcing.remove(venueId);
      early.forEach(peer::send);
    }
    Long replayed = replayedUpTo.get(venueId);
    if (replayed != null && seq <= replayed) {
      return; // sent by the replay already
    }
    peer.send(event);
  }
}
