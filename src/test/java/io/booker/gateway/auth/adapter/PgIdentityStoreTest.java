package io.booker.gateway.auth.adapter;

import io.booker.common.ErrorCode;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Role;
import io.booker.gateway.auth.IdentityStore;
import io.booker.gateway.auth.RefreshTokens;
import io.booker.gateway.auth.domain.User;
import io.booker.platform.config.PgSettings;
import io.booker.platform.pg.PgDatabases;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.UsesInfrastructure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The identity store on a PostgreSQL database of its own: races, session ages and the SQL's edges. */
@UsesInfrastructure
class PgIdentityStoreTest {

  static final String DB = "gateway_store_test";
  static final Duration HOUR = Duration.ofHours(1);
  static Vertx vertx;
  static Pool pool;
  static PgIdentityStore store;

  @BeforeAll
  static void start() {
    InfraEndpoints infra = TestInfra.endpoints();
    vertx = Vertx.vertx();
    pool = PgDatabases.prepare(vertx, new PgSettings(infra.pgHost(), infra.pgPort(), infra.pgUser(), infra.pgPassword(), "postgres", 8),
      DB, "db/gateway").await();
    store = new PgIdentityStore(pool);
  }

  @AfterAll
  static void stop() {
    pool.close().await();
    vertx.close().await();
  }

  @BeforeEach
  void empty() {
    pool.query("TRUNCATE users CASCADE").execute().await();
  }

  static User user(String login, Role role) {
    Instant now = Instant.now();
    List<UUID> venues = role == Role.ADMIN ? List.of() : List.of(UUID.randomUUID());
    return new User(UUID.randomUUID(), login, login, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", role, venues, false, 1, now, now);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.await(10, TimeUnit.SECONDS);
  }

  static byte[] hash(String token) {
    return RefreshTokens.hash(token);
  }

  @Test
  void theFirstUserIsCreatedOnceHoweverManyGatewaysTryAtOnce() throws Exception {
    List<Future<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tries.add(store.insertFirstUser(user("admin" + i, Role.ADMIN)));
    }
    Future.all(tries).await(10, TimeUnit.SECONDS);
    assertEquals(1, tries.stream().filter(Future::result).count());
    assertEquals(1, await(store.list(Paging.of(0, 0))).total());
    assertFalse(await(store.insertFirstUser(user("late", Role.ADMIN))), "never once there is a user");
  }

  @Test
  void aLoginIsTakenOnceAndFoundByItsFoldedForm() throws Exception {
    User ada = await(store.insert(user("ada", Role.HOST)));
    ServiceException taken = assertThrows(ServiceException.class, () -> await(store.insert(user("ada", Role.ADMIN))));
    assertEquals(ErrorCode.ALREADY_EXISTS, taken.code());
    assertEquals(Optional.of(ada), await(store.findByLogin("ada")));
    assertEquals(Optional.of(ada), await(store.findById(ada.id())));
    assertEquals(Optional.empty(), await(store.findByLogin("bob")));
  }

  @Test
  void theDatabaseRefusesAManagerWithoutVenuesAndAnUppercaseLogin() {
    User noVenue = new User(UUID.randomUUID(), "carl", "Carl", "$argon2id$x", Role.MANAGER, List.of(), false, 1, Instant.now(), Instant.now());
    assertThrows(Exception.class, () -> await(store.insert(noVenue)));
    User upper = new User(UUID.randomUUID(), "Carl", "Carl", "$argon2id$x", Role.ADMIN, List.of(), false, 1, Instant.now(), Instant.now());
    assertThrows(Exception.class, () -> await(store.insert(upper)));
  }

  @Test
  void aRefreshTokenSpentTwiceAtOnceRotatesOnceAndTheOtherRevokesTheSession() throws Exception {
    User ada = await(store.insert(user("ada", Role.HOST)));
    UUID session = UUID.randomUUID();
    await(store.startSession(hash("t1"), session, ada.id(), HOUR, HOUR));

    Future<IdentityStore.Rotation> a = store.rotate(hash("t1"), hash("a"), HOUR, HOUR);
    Future<IdentityStore.Rotation> b = store.rotate(hash("t1"), hash("b"), HOUR, HOUR);
    Future.join(a, b).await(10, TimeUnit.SECONDS);
    List<IdentityStore.Rotation> results = List.of(a.result(), b.result());
    assertEquals(1, results.stream().filter(r -> r instanceof IdentityStore.Rotated).count(), results::toString);
    IdentityStore.Reused reused = (IdentityStore.Reused) results.stream().filter(r -> r instanceof IdentityStore.Reused).findFirst().orElseThrow();
    assertEquals(session, reused.session());
    assertEquals(ada.id(), reused.userId());

    String winner = a.result() instanceof IdentityStore.Rotated ? "a" : "b";
    assertInstanceOf(IdentityStore.Refused.class, await(store.rotate(hash(winner), hash("c"), HOUR, HOUR)), "the session is over");
    assertInstanceOf(IdentityStore.Refused.class, await(store.rotate(hash("t1"), hash("d"), HOUR, HOUR)), "reused again: refused");
  }

  @Test
  void aRotationAnswersTheUserAsItIsNowInTheSameSession() throws Exception {
    User ada = await(store.insert(user("ada", Role.HOST)));
    UUID session = UUID.randomUUID();
    await(store.startSession(hash("t1"), session, ada.id(), HOUR, HOUR));
    await(store.update(ada.id(), u -> new IdentityStore.Write(new User(u.id(), u.login(), u.displayName(), u.passwordHash(), Role.ADMIN,
      List.of(), u.disabled(), u.accessVersion() + 1, u.createdAt(), u.updatedAt()), false)));
    IdentityStore.Rotated r = (IdentityStore.Rotated) await(store.rotate(hash("t1"), hash("t2"), HOUR, HOUR));
    assertEquals(session, r.session());
    assertEquals(Role.ADMIN, r.user().role());
    assertEquals(2, r.user().accessVersion());
  }

  @Test
  void noTokenOfASessionOutlivesTheSessionsMaximumAge() throws Exception {
    User ada = await(store.insert(user("ada", Role.HOST)));
    UUID session = UUID.randomUUID();
    Duration max = Duration.ofMinutes(10);
    await(store.startSession(hash("t1"), session, ada.id(), HOUR, max));
    await(store.rotate(hash("t1"), hash("t2"), Duration.ofDays(7), max));
    Row r = pool.preparedQuery("SELECT (SELECT min(created_at) FROM refresh_tokens WHERE family_id = $1) AS started, "
      + "max(expires_at) AS last FROM refresh_tokens WHERE family_id = $1").execute(Tuple.of(session)).await().iterator().next();
    OffsetDateTime started = r.getOffsetDateTime("started");
    OffsetDateTime last = r.getOffsetDateTime("last");
    assertFalse(last.isAfter(started.plus(max)), started + " + " + max + " vs " + last);
  }

  @Test
  void anExpiredTokenIsRefusedAndSweptOnceItsSessionIsLongOver() throws Exception {
    User ada = await(store.insert(user("ada", Role.HOST)));
    await(store.startSession(hash("old"), UUID.randomUUID(), ada.id(), HOUR, HOUR));
    await(store.startSession(hash("new"), UUID.randomUUID(), ada.id(), HOUR, HOUR));
    pool.preparedQuery("UPDATE refresh_tokens SET expires_at = now() - interval '2 days' WHERE token_hash = $1")
      .execute(Tuple.of(Buffer.buffer(hash("old")))).await();
    assertInstanceOf(IdentityStore.Refused.class, await(store.rotate(hash("old"), hash("x"), HOUR, HOUR)));
    assertEquals(1, await(store.deleteExpired(Duration.ofDays(1))));
    assertInstanceOf(IdentityStore.Rotated.class, await(store.rotate(hash("new"), hash("y"), HOUR, HOUR)));
  }

  @Test
  void aChangeThatEndsSessionsEndsEveryOneOfTheUserAndNoOther() throws Exception {
    User ada = await(store.insert(user("ada", Role.HOST)));
    User bob = await(store.insert(user("bob", Role.HOST)));
    await(store.startSession(hash("ada1"), UUID.randomUUID(), ada.id(), HOUR, HOUR));
    await(store.startSession(hash("ada2"), UUID.randomUUID(), ada.id(), HOUR, HOUR));
    await(store.startSession(hash("bob1"), UUID.randomUUID(), bob.id(), HOUR, HOUR));
    Optional<User> off = await(store.update(ada.id(), u -> new IdentityStore.Write(new User(u.id(), u.login(), u.displayName(),
      u.passwordHash(), u.role(), u.venueIds(), true, u.accessVersion() + 1, u.createdAt(), u.updatedAt()), true)));
    assertTrue(off.orElseThrow().disabled());
    assertInstanceOf(IdentityStore.Refused.class, await(store.rotate(hash("ada1"), hash("x1"), HOUR, HOUR)));
    assertInstanceOf(IdentityStore.Refused.class, await(store.rotate(hash("ada2"), hash("x2"), HOUR, HOUR)));
    assertInstanceOf(IdentityStore.Rotated.class, await(store.rotate(hash("bob1"), hash("x3"), HOUR, HOUR)));
  }

  @Test
  void aRefusedChangeChangesNothing() throws Exception {
    User ada = await(store.insert(user("ada", Role.HOST)));
    ServiceException e = assertThrows(ServiceException.class, () -> await(store.update(ada.id(), u -> {
      throw ServiceException.invalid("role", "no");
    })));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals(Optional.of(ada), await(store.findById(ada.id())));
    assertEquals(Optional.empty(), await(store.update(UUID.randomUUID(), u -> new IdentityStore.Write(u, true))));
  }

  @Test
  void aNewPasswordRaisesTheVersionAndEndsEverySessionButTheOneKept() throws Exception {
    User ada = await(store.insert(user("ada", Role.HOST)));
    UUID kept = UUID.randomUUID();
    await(store.startSession(hash("kept"), kept, ada.id(), HOUR, HOUR));
    await(store.startSession(hash("other"), UUID.randomUUID(), ada.id(), HOUR, HOUR));
    User changed = await(store.setPassword(ada.id(), "$argon2id$new", kept)).orElseThrow();
    assertEquals(2, changed.accessVersion());
    assertEquals("$argon2id$new", changed.passwordHash());
    assertInstanceOf(IdentityStore.Rotated.class, await(store.rotate(hash("kept"), hash("k2"), HOUR, HOUR)));
    assertInstanceOf(IdentityStore.Refused.class, await(store.rotate(hash("other"), hash("o2"), HOUR, HOUR)));
    assertEquals(Optional.empty(), await(store.setPassword(UUID.randomUUID(), "$argon2id$x", null)));
  }

  @Test
  void endingASessionByItsTokenAnswersTheSessionEvenTwice() throws Exception {
    User ada = await(store.insert(user("ada", Role.HOST)));
    UUID session = UUID.randomUUID();
    await(store.startSession(hash("t1"), session, ada.id(), HOUR, HOUR));
    assertEquals(Optional.of(session), await(store.endSessionOf(hash("t1"))));
    assertEquals(Optional.of(session), await(store.endSessionOf(hash("t1"))));
    assertEquals(Optional.empty(), await(store.endSessionOf(hash("unknown"))));
    assertInstanceOf(IdentityStore.Refused.class, await(store.rotate(hash("t1"), hash("t2"), HOUR, HOUR)), "not a reuse: just over");
  }
}
