package io.booker.gateway.auth;

import io.booker.common.ErrorCode;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.gateway.auth.domain.User;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The gateway's identity database in memory, with the real store's rules: logins are unique, a
 * password change raises the access version and ends the user's sessions (but the one kept), a
 * refresh token is spent once and a second spending ends its session, an ended session's tokens
 * are refused. Calls are counted and sessions recorded for the tests to read.
 */
final class FakeIdentityStore implements IdentityStore {

  /** A refresh token as stored: its session, its user, whether it was spent. */
  record Token(UUID session, UUID userId, boolean spent) {
  }

  record StartedSession(UUID session, UUID userId, Duration ttl, Duration sessionMax) {
  }

  final Map<UUID, User> users = new ConcurrentHashMap<>();
  /** Refresh tokens by the hex of their hash. */
  final Map<String, Token> tokens = new ConcurrentHashMap<>();
  final Set<UUID> endedSessions = ConcurrentHashMap.newKeySet();
  final List<StartedSession> started = new CopyOnWriteArrayList<>();
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger rotations = new AtomicInteger();

  /** Puts a user in as an earlier call would have. */
  User add(User user) {
    users.put(user.id(), user);
    return user;
  }

  /** Whether {@code session} has a refresh token that still works. */
  boolean live(UUID session) {
    return !endedSessions.contains(session) && tokens.values().stream().anyMatch(t -> t.session().equals(session) && !t.spent());
  }

  @Override
  public Future<Optional<User>> findByLogin(String login) {
    logins.incrementAndGet();
    return Future.succeededFuture(users.values().stream().filter(u -> u.login().equals(login)).findFirst());
  }

  @Override
  public Future<Optional<User>> findById(UUID id) {
    return Future.succeededFuture(Optional.ofNullable(users.get(id)));
  }

  @Override
  public synchronized Future<User> insert(User user) {
    if (users.values().stream().anyMatch(u -> u.login().equalsIgnoreCase(user.login()))) {
      return Future.failedFuture(new ServiceException(ErrorCode.ALREADY_EXISTS, "login '" + user.login() + "' is taken"));
    }
    users.put(user.id(), user);
    return Future.succeededFuture(user);
  }

  @Override
  public synchronized Future<Boolean> insertFirstUser(User admin) {
    if (!users.isEmpty()) {
      return Future.succeededFuture(false);
    }
    users.put(admin.id(), admin);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Boolean> hasUsers() {
    return Future.succeededFuture(!users.isEmpty());
  }

  @Override
  public Future<Page> list(Paging paging) {
    List<User> sorted = users.values().stream().sorted(Comparator.comparing(User::login)).toList();
    List<User> page = sorted.stream().skip(paging.offset()).limit(paging.limit()).toList();
    return Future.succeededFuture(new Page(page, sorted.size()));
  }

  @Override
  public synchronized Future<Optional<User>> update(UUID id, Function<User, Write> change) {
    User current = users.get(id);
    if (current == null) {
      return Future.succeededFuture(Optional.empty());
    }
    Write write;
    try {
      write = change.apply(current);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    users.put(id, write.user());
    if (write.endSessions()) {
      endSessionsOf(id, null);
    }
    return Future.succeededFuture(Optional.of(write.user()));
  }

  @Override
  public synchronized Future<Optional<User>> setPassword(UUID id, String passwordHash, UUID keepSession) {
    User u = users.get(id);
    if (u == null) {
      return Future.succeededFuture(Optional.empty());
    }
    User changed = new User(u.id(), u.login(), u.displayName(), passwordHash, u.role(), u.venueIds(), u.disabled(), u.accessVersion() + 1,
      u.createdAt(), Instant.now());
    users.put(id, changed);
    endSessionsOf(id, keepSession);
    return Future.succeededFuture(Optional.of(changed));
  }

  private void endSessionsOf(UUID userId, UUID keep) {
    tokens.values().stream().filter(t -> t.userId().equals(userId) && !t.session().equals(keep)).map(Token::session)
      .forEach(endedSessions::add);
  }

  @Override
  public Future<Void> startSession(byte[] tokenHash, UUID session, UUID userId, Duration ttl, Duration sessionMax) {
    tokens.put(hex(tokenHash), new Token(session, userId, false));
    started.add(new StartedSession(session, userId, ttl, sessionMax));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Rotation> rotate(byte[] tokenHash, byte[] nextHash, Duration ttl, Duration sessionMax) {
    rotations.incrementAndGet();
    Token token = tokens.get(hex(tokenHash));
    if (token == null || endedSessions.contains(token.session())) {
      return Future.succeededFuture(new Refused());
    }
    if (token.spent()) {
      endedSessions.add(token.session());
      return Future.succeededFuture(new Reused(token.session(), token.userId()));
    }
    tokens.put(hex(tokenHash), new Token(token.session(), token.userId(), true));
    tokens.put(hex(nextHash), new Token(token.session(), token.userId(), false));
    return Future.succeededFuture(new Rotated(token.session(), users.get(token.userId())));
  }

  @Override
  public Future<Optional<UUID>> endSessionOf(byte[] tokenHash) {
    Token token = tokens.get(hex(tokenHash));
    if (token == null) {
      return Future.succeededFuture(Optional.empty());
    }
    endedSessions.add(token.session());
    return Future.succeededFuture(Optional.of(token.session()));
  }

  @Override
  public Future<Void> endSession(UUID session) {
    endedSessions.add(session);
    return Future.succeededFuture();
  }

  @Override
  public Future<Integer> deleteExpired(Duration age) {
    int before = tokens.size();
    tokens.values().removeIf(t -> endedSessions.contains(t.session()));
    return Future.succeededFuture(before - tokens.size());
  }

  private static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }
}
