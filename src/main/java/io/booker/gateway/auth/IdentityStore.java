package io.booker.gateway.auth;

import io.booker.common.Paging;
import io.booker.gateway.auth.domain.User;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Where users and refresh tokens live (the gateway's own database). */
public interface IdentityStore {

  Future<Optional<User>> findByLogin(String login);

  Future<Optional<User>> findById(UUID id);

  /** Inserts a new user; a login taken already (whatever its case) is ALREADY_EXISTS. */
  Future<User> insert(User user);

  /**
   * Inserts {@code admin} only if there is no user at all, safely against other gateways doing the
   * same at once. True when this call created it.
   */
  Future<Boolean> insertFirstUser(User admin);

  Future<Boolean> hasUsers();

  Future<Page> list(Paging paging);

  /**
   * Changes a user in one transaction: {@code change} gets the current row (locked) and answers the
   * row to write, or throws to change nothing. When the answer says so, every login session of the
   * user ends with it. Empty when there is no such user.
   */
  Future<Optional<User>> update(UUID id, Function<User, Write> change);

  /**
   * Sets a user's password hash and raises their access version; every login session of the user
   * but {@code keepSession} (null: none) ends. Empty when there is no such user.
   */
  Future<Optional<User>> setPassword(UUID id, String passwordHash, UUID keepSession);

  /** Starts login session {@code session} with its first refresh token. */
  Future<Void> startSession(byte[] tokenHash, UUID session, UUID userId, Duration ttl, Duration sessionMax);

  /**
   * Spends refresh token {@code tokenHash} and adds {@code nextHash} to its session, in one
   * statement; a token spent already revokes its whole session instead.
   */
  Future<Rotation> rotate(byte[] tokenHash, byte[] nextHash, Duration ttl, Duration sessionMax);

  /** Ends the session of refresh token {@code tokenHash}; its id, or empty when the token is unknown. */
  Future<Optional<UUID>> endSessionOf(byte[] tokenHash);

  Future<Void> endSession(UUID session);

  /** Deletes refresh tokens that expired more than {@code age} ago (their sessions are over). */
  Future<Integer> deleteExpired(Duration age);

  /** A user row to write, and whether every login session of the user ends with it. */
  record Write(User user, boolean endSessions) {
  }

  record Page(List<User> users, long total) {
  }

  /** What spending a refresh token did. */
  sealed interface Rotation {
  }

  /** Spent; {@code user} as it is now. */
  record Rotated(UUID session, User user) implements Rotation {
  }

  /** The token had been spent before: its session is now revoked. */
  record Reused(UUID session, UUID userId) implements Rotation {
  }

  /** Unknown, expired or revoked. */
  record Refused() implements Rotation {
  }
}
