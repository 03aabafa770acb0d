package io.booker.gateway.auth;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.gateway.auth.domain.LoginName;
import io.booker.gateway.auth.domain.User;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Login sessions: sign-in, refresh and logout. A session is a family of refresh tokens; its id is
 * the {@code sid} of every access token issued in it. Refreshing spends the refresh token and hands
 * out the next one of the family; spending a token twice (a copy was stolen, or replayed) ends the
 * family and every access token of it.
 *
 * <p>A failed sign-in answers the same, as fast, whether the login is unknown, the password wrong or
 * the account disabled.
 */
public final class Sessions {

  private static final Logger log = LoggerFactory.getLogger(Sessions.class);
  static final String BAD_CREDENTIALS = "invalid login or password";
  static final String BAD_REFRESH_TOKEN = "invalid or expired refresh token";

  private final Vertx vertx;
  private final IdentityStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final AccessTokens tokens;
  private final IdentitySettings settings;

  public Sessions(Vertx vertx, IdentityStore store, PasswordHasher hasher, LoginThrottle throttle, AccessTokens tokens,
                  IdentitySettings settings) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = hasher;
    this.throttle = throttle;
    this.tokens = tokens;
    this.settings = settings;
  }

  /** A new session for {@code login} if {@code password} is theirs; throttled per account and address. */
  public Future<TokenPair> login(String login, String password, String address) {
    String account = LoginName.fold(login);
    return throttle.attempt(account, address).compose(verdict -> {
      if (verdict.refused()) {
        Metrics.increment("auth_logins", "outcome", "refused");
        log.info("event=login_refused account={} address={} retry_after_s={}", accountRef(account), address, verdict.retryAfterSeconds());
        return Future.failedFuture(new LoginLocked(verdict.retryAfterSeconds()));
      }
      Future<Void> waited = verdict.delayMs() > 0 ? vertx.timer(verdict.delayMs()).mapEmpty() : Future.succeededFuture();
      return waited.compose(v -> check(account, password)).compose(checked -> {
        if (checked.user() == null) {
          Metrics.increment("auth_logins", "outcome", "failed");
          log.info("event=login_failed account={} address={} reason={} delayed_ms={}", accountRef(account), address, checked.failure(),
            verdict.delayMs());
          return Future.failedFuture(new ServiceException(ErrorCode.UNAUTHENTICATED, BAD_CREDENTIALS));
        }
        User user = checked.user();
        return throttle.succeeded(account, address)
          .compose(v -> start(user))
          .onSuccess(pair -> {
            Metrics.increment("auth_logins", "outcome", "succeeded");
            log.info("event=login_succeeded user_id={} sid={} address={}", user.id(), pair.sessionId(), address);
          });
      });
    });
  }

  /** Spends {@code refreshToken} for a new pair of the same session, with the user's current access. */
  public Future<TokenPair> refresh(String refreshToken) {
    if (refreshToken.length() > RefreshTokens.MAX_LENGTH) {
      return Future.failedFuture(badRefreshToken());
    }
    String next = RefreshTokens.generate();
    return store.rotate(RefreshTokens.hash(refreshToken), RefreshTokens.hash(next), settings.refreshTtl(), settings.sessionMax())
      .compose(rotation -> {
        if (rotation instanceof IdentityStore.Rotated r) {
          if (r.user().disabled()) {
            log.info("event=refresh_refused user_id={} sid={} reason=disabled", r.user().id(), r.session());
            return end(r.session()).compose(v -> Future.failedFuture(badRefreshToken()));
          }
          return Future.succeededFuture(pair(r.user(), r.session(), next));
        }
        if (rotation instanceof IdentityStore.Reused r) {
          log.warn("event=refresh_token_reused user_id={} sid={} action=session_revoked", r.userId(), r.session());
          return tokens.revocations().revokeSession(r.session().toString()).compose(v -> Future.failedFuture(badRefreshToken()));
        }
        return Future.failedFuture(badRefreshToken());
      });
  }

  /**
   * Ends the session of {@code refreshToken} and that of {@code caller}'s access token (either may
   * be null). Unknown tokens are no error: logging out twice is logging out.
   */
  public Future<Void> logout(String refreshToken, AccessTokens.Verified caller) {
    List<Future<?>> ended = new ArrayList<>();
    if (refreshToken != null && refreshToken.length() <= RefreshTokens.MAX_LENGTH) {
      ended.add(store.endSessionOf(RefreshTokens.hash(refreshToken))
        .compose(session -> session.isPresent() ? revokeAccess(session.get().toString()) : Future.succeededFuture()));
    }
    if (caller != null) {
      ended.add(sessionId(caller.sessionId()).map(this::end).orElseGet(() -> revokeAccess(caller.sessionId())));
    }
    return Future.all(ended).<Void>mapEmpty()
      .onSuccess(v -> log.info("event=logout user_id={} sid={}", caller == null ? "-" : caller.caller().userId(),
        caller == null ? "-" : caller.sessionId()));
  }

  /** Ends a session: its refresh tokens, and its access tokens on every node. */
  Future<Void> end(UUID session) {
    return store.endSession(session).compose(v -> revokeAccess(session.toString()));
  }

  private Future<Void> revokeAccess(String session) {
    return tokens.revocations().revokeSession(session);
  }

  private Future<Checked> check(String account, String password) {
    Future<Optional<User>> found = LoginName.plausible(account) ? store.findByLogin(account) : Future.succeededFuture(Optional.empty());
    return found.compose(user -> {
      if (user.isEmpty()) {
        // The same work as a real check: the answer's timing does not tell whether the login exists.
        return hasher.verifyNothing(password).map(ok -> new Checked(null, "unknown_login"));
      }
      return hasher.verify(password, user.get().passwordHash()).map(ok -> {
        if (!ok) {
          return new Checked(null, "wrong_password");
        }
        return user.get().disabled() ? new Checked(null, "disabled") : new Checked(user.get(), null);
      });
    });
  }

  private Future<TokenPair> start(User user) {
    UUID session = UUID.randomUUID();
    String refresh = RefreshTokens.generate();
    return store.startSession(RefreshTokens.hash(refresh), session, user.id(), settings.refreshTtl(), settings.sessionMax())
      .map(v -> pair(user, session, refresh));
  }

  private TokenPair pair(User user, UUID session, String refresh) {
    String access = tokens.issue(user.caller(), user.accessVersion(), session.toString());
    return new TokenPair(access, refresh, tokens.ttlSeconds(), session);
  }

  private static Optional<UUID> sessionId(String sid) {
    try {
      return Optional.of(UUID.fromString(sid));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** How logs name an account in a failed sign-in: never the typed name, which may be a password. */
  static String accountRef(String account) {
    return LoginName.accountHash(account).substring(0, 12);
  }

  private static ServiceException badRefreshToken() {
    return new ServiceException(ErrorCode.UNAUTHENTICATED, BAD_REFRESH_TOKEN);
  }

  /** A checked sign-in: the user, or why not (for the log only). */
  private record Checked(User user, String failure) {
  }

  /** What sign-in and refresh hand out. */
  public record TokenPair(String accessToken, String refreshToken, long expiresIn, UUID sessionId) {

    @Override
    public String toString() {
      return "TokenPair{sid=" + sessionId + "}";
    }
  }
}
