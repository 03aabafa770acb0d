package io.booker.notify;

import io.booker.it.support.Eventually;
import io.booker.notify.EventSource.Partition;
import io.booker.notify.FakeNotifyStore.HandledEvent;
import io.booker.notify.NotifyStore.Outcome;
import io.booker.notify.NotifyStore.RecordPosition;
import io.booker.notify.domain.NotificationPlanner;
import io.booker.platform.live.LiveEvents;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The consumer's poll loop against an in-memory topic log and store: what it hands the store, what
 * it commits, where it seeks back after a store failure, what it publishes live and when it kicks
 * the sender.
 */
class EventConsumerTest {

  static final Duration POLL_TIMEOUT = Duration.ofMillis(50);
  static final Duration RETRY = Duration.ofMillis(150);
  static final String HELD = "booking.held";
  static final String CONFIRMED = "booking.confirmed";
  static final String VENUE_UPDATED = "venue.updated";

  static Vertx vertx;

  FakeEventSource source;
  FakeNotifyStore store;
  TestEvents events;
  EventConsumer consumer;
  Context context;
  final AtomicInteger kicks = new AtomicInteger();
  final List<JsonObject> live = new CopyOnWriteArrayList<>();
  MessageConsumer<JsonObject> liveConsumer;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    vertx.close().await();
  }

  @BeforeEach
  void wire() {
    source = new FakeEventSource(vertx);
    store = new FakeNotifyStore();
    events = new TestEvents();
    consumer = new EventConsumer(vertx, source, events.reader, store, new NotificationPlanner(Set.of("email"), List.of(Duration.ofHours(2))),
      kicks::incrementAndGet, POLL_TIMEOUT, RETRY);
    context = vertx.getOrCreateContext();
    liveConsumer = vertx.eventBus().consumer(LiveEvents.address(TestEvents.VENUE.toString()), m -> live.add(m.body()));
    liveConsumer.completion().await();
  }

  @AfterEach
  void stop() {
    onContext(consumer::stop).await();
    liveConsumer.unregister().await();
  }

  @Test
  void subscribesToEveryBookingVenueAndBlockTopic() {
    start();
    assertEquals(EventConsumer.TOPICS.pattern(), source.subscribedTo.pattern());
    for (String topic : List.of("booking.held", "booking.no_show", "venue.created", "venue.schedule.updated", "table.layout.updated",
      "block.created", "block.deleted")) {
      assertTrue(source.subscribedTo.matcher(topic).matches(), topic);
    }
    assertFalse(source.subscribedTo.matcher("notify.internal").matches());
  }

  @Test
  void appliedEventsAreCommittedPublishedLiveAndKickTheSender() {
    UUID held = UUID.randomUUID();
    UUID venueUpdated = UUID.randomUUID();
    events.booking("held-1", held, UUID.randomUUID(), 1, HELD, "held");
    events.venue("venue-1", venueUpdated, VENUE_UPDATED);
    source.append(HELD, 0, "b1", "held-1");
    source.append(VENUE_UPDATED, 0, "v1", "venue-1");
    start();

    await(() -> live.size() == 2 && source.committed().size() == 2 && kicks.get() == 1);
    assertEquals(List.of(new RecordPosition(HELD, 0, 0), new RecordPosition(VENUE_UPDATED, 0, 0)),
      store.handled.stream().map(HandledEvent::position).toList());
    assertEquals(Map.of(new Partition(HELD, 0), 1L, new Partition(VENUE_UPDATED, 0), 1L), source.committed());
    assertEquals(1, store.handled.get(0).plan().messages().size(), "the held booking's guest gets a message");
    assertNull(store.handled.get(1).plan(), "venue events plan nothing");

    assertEquals(1L, live.get(0).getLong(LiveEvents.SEQ));
    assertEquals(held.toString(), live.get(0).getJsonObject(LiveEvents.EVENT).getString("event_id"));
    assertEquals(2L, live.get(1).getLong(LiveEvents.SEQ));
    assertEquals(venueUpdated.toString(), live.get(1).getJsonObject(LiveEvents.EVENT).getString("event_id"));
  }

  @Test
  void duplicateAndStaleEventsAreCommittedButNeitherPublishedNorKick() {
    UUID booking = UUID.randomUUID();
    UUID confirmed = UUID.randomUUID();
    UUID older = UUID.randomUUID();
    events.booking("confirmed-v2", confirmed, booking, 2, CONFIRMED, "confirmed");
    events.booking("held-v1", older, booking, 1, HELD, "held");
    source.append(CONFIRMED, 0, "b", "confirmed-v2");
    start();
    await(() -> source.committed().equals(Map.of(new Partition(CONFIRMED, 0), 1L)) && kicks.get() == 1);

    source.append(CONFIRMED, 0, "b", "confirmed-v2");
    source.append(HELD, 0, "b", "held-v1");
    await(() -> source.committed().equals(Map.of(new Partition(CONFIRMED, 0), 2L, new Partition(HELD, 0), 1L)));
    assertEquals(List.of(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.STALE), store.handled.stream().map(HandledEvent::outcome).toList());

    // A later applied event is published after anything published before it: only the two applied ones arrive.
    UUID later = UUID.randomUUID();
    events.venue("venue-later", later, VENUE_UPDATED);
    source.append(VENUE_UPDATED, 0, "v", "venue-later");
    await(() -> live.size() >= 2);
    assertEquals(List.of(confirmed.toString(), later.toString()),
      live.stream().map(m -> m.getJsonObject(LiveEvents.EVENT).getString("event_id")).toList());
    assertEquals(1, kicks.get(), "only the batch that created notifications kicks the sender");
  }

  @Test
  void anUnreadableRecordIsPoisonedSkippedAndCommitted() {
    source.append(HELD, 3, "key-7", "{not json");
    start();
    await(() -> source.committed().equals(Map.of(new Partition(HELD, 3), 1L)));
    assertEquals(List.of(new FakeNotifyStore.Poisoned(new RecordPosition(HELD, 3, 0), "key-7", "not a BookingEvent in protobuf JSON",
      "{not json")), store.poisoned);
    assertTrue(store.handled.isEmpty(), "a poisoned record never reaches the store's handling");

    UUID next = UUID.randomUUID();
    events.booking("held-next", next, UUID.randomUUID(), 1, HELD, "held");
    source.append(HELD, 3, "key-8", "held-next");
    await(() -> source.committed().equals(Map.of(new Partition(HELD, 3), 2L)) && live.size() == 1 && kicks.get() == 1);
    assertEquals(1, store.poisoned.size(), "poisoned once, never retried");
    assertEquals(List.of(next), store.handled.stream().map(HandledEvent::eventId).toList());
  }

  @Test
  void aStoreFailureCommitsWhatWasDoneSeeksBackAndRetriesAfterTheBackoff() {
    UUID e1 = UUID.randomUUID();
    UUID e2 = UUID.randomUUID();
    UUID e3 = UUID.randomUUID();
    UUID e4 = UUID.randomUUID();
    events.booking("e1", e1, UUID.randomUUID(), 1, HELD, "held");
    events.booking("e2", e2, UUID.randomUUID(), 1, HELD, "held");
    events.booking("e3", e3, UUID.randomUUID(), 1, HELD, "held");
    events.venue("e4", e4, VENUE_UPDATED);
    source.append(HELD, 0, "b1", "e1");
    source.append(HELD, 0, "b2", "e2");
    source.append(HELD, 0, "b3", "e3");
    source.append(VENUE_UPDATED, 1, "v", "e4");
    store.failNext.add(e2);
    start();

    await(() -> store.handled.size() == 4 && source.commits.size() == 2);
    assertEquals(List.of(e1, e2, e3, e4), store.handled.stream().map(HandledEvent::eventId).toList(),
      "what was done is not done again; what failed and what came after it is");
    assertEquals(List.of(Map.of(new Partition(HELD, 0), 1L), Map.of(new Partition(HELD, 0), 3L, new Partition(VENUE_UPDATED, 1), 1L)),
      source.commits);
    assertEquals(List.of(Map.of(new Partition(HELD, 0), 1L, new Partition(VENUE_UPDATED, 1), 0L)), source.seeks,
      "each partition goes back to its first record that was not handled");

    long seekAt = callAt("seek", 0);
    long nextPoll = source.calls.stream().filter(c -> c.what().equals("poll") && c.atNanos() > seekAt).findFirst().orElseThrow().atNanos();
    assertTrue(Duration.ofNanos(nextPoll - seekAt).compareTo(RETRY) >= 0, "polls again only after the back-off");
    await(() -> live.size() == 4);
  }

  @Test
  void aFailedPollIsTriedAgainAfterTheBackoff() {
    UUID e1 = UUID.randomUUID();
    events.venue("e1", e1, VENUE_UPDATED);
    source.append(VENUE_UPDATED, 0, "v", "e1");
    source.failingPolls.set(1);
    start();
    await(() -> source.committed().equals(Map.of(new Partition(VENUE_UPDATED, 0), 1L)));
    long failed = callAt("poll", 0);
    long retried = callAt("poll", 1);
    assertTrue(Duration.ofNanos(retried - failed).compareTo(RETRY) >= 0, "the failed poll is retried after the back-off");
    assertEquals(List.of(e1), store.handled.stream().map(HandledEvent::eventId).toList());
  }

  @Test
  void stopEndsPollingAndClosesTheSource() {
    start();
    await(() -> source.calls.size() >= 2);
    onContext(consumer::stop).await();
    assertTrue(source.closed);
    int polls = source.calls.size();
    UUID late = UUID.randomUUID();
    events.venue("late", late, VENUE_UPDATED);
    source.append(VENUE_UPDATED, 0, "v", "late");
    roundTrip();
    assertEquals(polls, source.calls.size(), "no poll after stop");
    assertTrue(store.handled.isEmpty());
  }

  private void start() {
    onContext(consumer::start).await();
  }

  private long callAt(String what, int index) {
    return source.calls.stream().filter(c -> c.what().equals(what)).skip(index).findFirst().orElseThrow().atNanos();
  }

  private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> action) {
    return Future.<Future<T>>future(p -> context.runOnContext(v -> p.complete(action.get()))).compose(f -> f);
  }

  /** Lets the context run what was queued before, twice over (a poll's short wait included). */
  private void roundTrip() {
    vertx.timer(POLL_TIMEOUT.toMillis() * 2).await();
    onContext(Future::succeededFuture).await();
  }

  static void await(BooleanSupplier condition) {
    Eventually.await("the condition", Duration.ofSeconds(10), condition::getAsBoolean, met -> met);
  }
}
