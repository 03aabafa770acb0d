package io.booker.gateway.auth;

import io.booker.common.ErrorCode;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.gateway.auth.domain.NewUser;
import io.booker.gateway.auth.domain.ThrottlePolicy;
import io.booker.gateway.auth.domain.User;
import io.booker.gateway.auth.domain.UserChange;
import io.booker.platform.auth.AccessTokens;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.booker.gateway.auth.AuthFixture.PASSWORD;
import static io.booker.gateway.auth.AuthFixture.VENUE;
import static io.booker.gateway.auth.AuthFixture.failed;
import static io.booker.gateway.auth.AuthFixture.outcome;
import static io.booker.gateway.auth.AuthFixture.value;
import static org.junit.jupiter.api.Assertions.*;

/** User accounts against an in-memory identity store: who may do what, and what a change of access ends. */
class UsersTest {

  static final String NEW_PASSWORD = "a much better passphrase";
  static final String ADDRESS = "198.51.100.4";
  static Vertx vertx;
  static PasswordHasher hasher;
  static String passwordHash;

  AuthFixture auth;
  Users users;
  User admin;
  User ada;
  Caller byAdmin;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    hasher = PasswordHasher.create(vertx, 2, 64);
    passwordHash = value(hasher.hash(PASSWORD));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void wire() {
    auth = new AuthFixture(vertx, hasher, passwordHash);
    users = new Users(vertx, auth.store, hasher, auth.throttle, auth.tokens.revocations());
    admin = auth.user("root", Role.ADMIN);
    ada = auth.user("ada", Role.MANAGER);
    byAdmin = admin.caller();
  }

  @Test
  void onlyAdminsManageUsers() {
    Caller manager = ada.caller();
    NewUser grace = NewUser.of("grace", "Grace", PASSWORD, "host", List.of(VENUE.toString()));
    for (Runnable call : List.<Runnable>of(
      () -> users.create(manager, grace),
      () -> users.list(manager, Paging.of(10, 0)),
      () -> users.get(manager, admin.id()),
      () -> users.update(manager, admin.id(), UserChange.of(null, null, null, true)),
      () -> users.resetPassword(manager, admin.id(), NEW_PASSWORD))) {
      ServiceException e = assertThrows(ServiceException.class, call::run);
      assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
    }
    assertEquals(2, auth.store.users.size(), "nothing was created");
    assertFalse(auth.store.users.get(admin.id()).disabled());
  }

  @Test
  void aNewUserIsStoredWithAHashOfTheirPasswordAtAccessVersionOne() {
    User grace = value(users.create(byAdmin, NewUser.of("Grace", "Grace Hopper", NEW_PASSWORD, "host", List.of(VENUE.toString()))));
    assertEquals("grace", grace.login());
    assertEquals(Role.HOST, grace.role());
    assertEquals(List.of(VENUE), grace.venueIds());
    assertEquals(1, grace.accessVersion());
    assertFalse(grace.disabled());
    assertEquals(grace, auth.store.users.get(grace.id()));
    assertNotEquals(NEW_PASSWORD, grace.passwordHash());
    assertTrue(value(hasher.verify(NEW_PASSWORD, grace.passwordHash())));

    failed(ErrorCode.ALREADY_EXISTS, users.create(byAdmin, NewUser.of("grace", "Another", NEW_PASSWORD, "admin", List.of())));
  }

  @Test
  void listGetAndMeReadAccounts() {
    IdentityStore.Page page = value(users.list(byAdmin, Paging.of(1, 0)));
    assertEquals(2, page.total());
    assertEquals(List.of(ada), page.users());
    assertEquals(ada, value(users.get(byAdmin, ada.id())));
    assertEquals(ada, value(users.me(ada.caller())));
    failed(ErrorCode.NOT_FOUND, users.get(byAdmin, UUID.randomUUID()));
    failed(ErrorCode.NOT_FOUND, users.me(new Caller(UUID.randomUUID().toString(), Role.HOST, java.util.Set.of())));
    assertEquals(ErrorCode.NOT_FOUND, assertThrows(ServiceException.class,
      () -> users.me(new Caller("service:booking", Role.ADMIN, java.util.Set.of()))).code());
  }

  @Test
  void aChangeOfAccessRaisesTheVersionAndEndsOlderAccessTokens() {
    String before = auth.verified(ada, UUID.randomUUID()).token();
    User changed = value(users.update(byAdmin, ada.id(), UserChange.of(null, "host", null, null)));
    assertEquals(Role.HOST, changed.role());
    assertEquals(ada.accessVersion() + 1, changed.accessVersion());
    assertEquals(changed, auth.store.users.get(ada.id()));
    assertFalse(auth.accepted(before), "the old role's token is refused from the next request on");
    assertTrue(auth.accepted(auth.tokens.issue(changed.caller(), changed.accessVersion(), UUID.randomUUID().toString())));
  }

  @Test
  void aNewDisplayNameKeepsAccessAsItIs() {
    String before = auth.verified(ada, UUID.randomUUID()).token();
    User changed = value(users.update(byAdmin, ada.id(), UserChange.of("Ada L.", null, null, null)));
    assertEquals("Ada L.", changed.displayName());
    assertEquals(ada.accessVersion(), changed.accessVersion());
    assertTrue(auth.accepted(before));
  }

  @Test
  void disablingAUserEndsEveryOneOfTheirSessions() {
    UUID session = UUID.randomUUID();
    value(auth.store.startSession(RefreshTokens.hash(RefreshTokens.generate()), session, ada.id(), auth.settings.refreshTtl(),
      auth.settings.sessionMax()));
    String before = auth.verified(ada, session).token();
    User changed = value(users.update(byAdmin, ada.id(), UserChange.of(null, null, null, true)));
    assertTrue(changed.disabled());
    assertFalse(auth.store.live(session));
    assertFalse(auth.accepted(before));
  }

  @Test
  void aChangeTheRulesForbidChangesNothing() {
    var e = failed(ErrorCode.INVALID_ARGUMENT, users.update(byAdmin, admin.id(), UserChange.of(null, "host", List.of(VENUE.toString()), null)));
    assertTrue(e.getMessage().startsWith("role:"), e.getMessage());
    assertEquals(admin, auth.store.users.get(admin.id()));
    failed(ErrorCode.NOT_FOUND, users.update(byAdmin, UUID.randomUUID(), UserChange.of("Nobody", null, null, null)));
  }

  @Test
  void aPasswordResetEndsEverySessionOfTheUser() {
    UUID phone = session(ada);
    UUID laptop = session(ada);
    String before = auth.verified(ada, phone).token();
    value(users.resetPassword(byAdmin, ada.id(), NEW_PASSWORD));

    User after = auth.store.users.get(ada.id());
    assertEquals(ada.accessVersion() + 1, after.accessVersion());
    assertTrue(value(hasher.verify(NEW_PASSWORD, after.passwordHash())));
    assertFalse(auth.store.live(phone));
    assertFalse(auth.store.live(laptop));
    assertFalse(auth.accepted(before));

    var tooShort = failed(ErrorCode.INVALID_ARGUMENT, users.resetPassword(byAdmin, ada.id(), "short"));
    assertTrue(tooShort.getMessage().startsWith("password:"), tooShort.getMessage());
    failed(ErrorCode.NOT_FOUND, users.resetPassword(byAdmin, UUID.randomUUID(), NEW_PASSWORD));
  }

  @Test
  void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() {
    UUID current = session(ada);
    UUID other = session(ada);
    AccessTokens.Verified caller = auth.verified(ada, current);
    value(users.changeOwnPassword(caller, PASSWORD, NEW_PASSWORD, ADDRESS));

    User after = auth.store.users.get(ada.id());
    assertTrue(value(hasher.verify(NEW_PASSWORD, after.passwordHash())));
    assertEquals(ada.accessVersion() + 1, after.accessVersion());
    assertTrue(auth.store.live(current), "this session goes on: its next refresh gives a token of the new version");
    assertFalse(auth.store.live(other));
    assertFalse(auth.accepted(caller.token()), "the current access token ends with the others");
    assertEquals(List.of("ada@" + ADDRESS), auth.throttle.attempts);
    assertEquals(List.of("ada@" + ADDRESS), auth.throttle.successes);
  }

  @Test
  void aWrongCurrentPasswordChangesNothingAndCountsAsAFailedSignIn() {
    AccessTokens.Verified caller = auth.verified(ada, session(ada));
    var e = failed(ErrorCode.INVALID_ARGUMENT, users.changeOwnPassword(caller, "not my password", NEW_PASSWORD, ADDRESS));
    assertEquals("current_password: does not match", e.getMessage());
    assertEquals(ada, auth.store.users.get(ada.id()));
    assertEquals(List.of("ada@" + ADDRESS), auth.throttle.attempts);
    assertTrue(auth.throttle.successes.isEmpty());
    assertTrue(auth.accepted(caller.token()));
  }

  @Test
  void theNewPasswordMustFollowThePolicyAndDifferFromTheCurrentOne() {
    AccessTokens.Verified caller = auth.verified(ada, session(ada));
    assertEquals("current_password: is required",
      failed(ErrorCode.INVALID_ARGUMENT, users.changeOwnPassword(caller, "", NEW_PASSWORD, ADDRESS)).getMessage());
    assertTrue(failed(ErrorCode.INVALID_ARGUMENT, users.changeOwnPassword(caller, PASSWORD, "short", ADDRESS)).getMessage()
      .startsWith("new_password:"));
    assertEquals("new_password: must differ from the current password",
      failed(ErrorCode.INVALID_ARGUMENT, users.changeOwnPassword(caller, PASSWORD, PASSWORD, ADDRESS)).getMessage());
    assertEquals(ada, auth.store.users.get(ada.id()));
  }

  @Test
  void aLockedAccountCannotChangeItsPassword() {
    auth.throttle.verdict = new ThrottlePolicy.Verdict(true, 0, 90);
    AccessTokens.Verified caller = auth.verified(ada, session(ada));
    LoginLocked locked = assertInstanceOf(LoginLocked.class, outcome(users.changeOwnPassword(caller, PASSWORD, NEW_PASSWORD, ADDRESS)));
    assertEquals(90, locked.retryAfterSeconds());
    assertEquals(ada, auth.store.users.get(ada.id()));
  }

  /** A login session of {@code user} with one refresh token, as a sign-in starts it. */
  private UUID session(User user) {
    UUID session = UUID.randomUUID();
    value(auth.store.startSession(RefreshTokens.hash(RefreshTokens.generate()), session, user.id(), auth.settings.refreshTtl(),
      auth.settings.sessionMax()));
    return session;
  }
}
