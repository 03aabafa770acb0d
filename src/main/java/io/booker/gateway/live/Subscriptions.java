package io.booker.gateway.live;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.platform.rpc.RpcErrors;
import io.booker.proto.notify.ListEventsResponse;
import io.booker.proto.notify.LiveEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
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
final class Subscriptions implements VenueFeeds.Listener {

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

  private final Peer peer;
  private final LiveSettings settings;
  private final VenueFeeds feeds;
  private final MissedEvents missed;
  private final Set<String> subscribed = new LinkedHashSet<>();
  /** Per resumed venue, the last sequence number replayed: a live event at or below it was already sent. */
  private final Map<String, Long> replayedUpTo = new HashMap<>();
  private CatchUp catchUp;

  Subscriptions(Peer peer, LiveSettings settings, VenueFeeds feeds, MissedEvents missed) {
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
    subscribed.addAll(accepted);
    CatchUp resume = sub.resumes() ? new CatchUp(new LinkedHashSet<>(accepted), settings.catchUpBuffer()) : null;
    if (resume != null) {
      catchUp = resume;
    }
    feeds.joinAll(accepted, this).onComplete(ar -> {
      if (peer.closed()) {
        return;
      }
      if (ar.failed()) {
        log.warn("event=live_subscribe_failed error={}", ar.cause().toString());
      }
      peer.send(ServerMessages.subscribed(accepted));
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
    catchUp = null;
  }

  private void drop(String venue) {
    if (subscribed.remove(venue)) {
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
    Long replayed = replayedUpTo.get(venueId);
    if (replayed != null && seq <= replayed) {
      return; // sent by the replay already
    }
    peer.send(event);
  }
}
