package io.booker.gateway.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id password hashes (password4j) with OWASP's parameters: 19 MiB of memory, 2 passes,
 * parallelism 1, 16-byte random salt, 32-byte hash, stored as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), which carries its parameters, so hashes
 * made with other parameters still verify.
 *
 * <p>A hash takes ~100 ms of CPU and 19 MiB, so it runs on a small worker pool of its own (never on
 * an event loop, and never more than {@code workers} at once, which bounds the memory), and work
 * beyond {@code maxQueued} waiting hashes is refused as UNAVAILABLE instead of queueing without end.
 */
public final class PasswordHasher {

  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int HASH_BYTES = 32;
  static final int SALT_BYTES = 16;
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);
  private static final String POOL = "booker-password-hashing";

  private final WorkerExecutor workers;
  private final int maxQueued;
  private final AtomicInteger queued = new AtomicInteger();
  private final Future<String> dummyHash;

  private PasswordHasher(WorkerExecutor workers, int maxQueued) {
    this.workers = workers;
    this.maxQueued = maxQueued;
    // What a sign-in for an unknown login is checked against, so that it costs what a real one does.
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    this.dummyHash = run(() -> hashNow(Base64.getEncoder().encodeToString(random)));
  }

  /** A hasher on the node's shared pool {@value #POOL} of {@code workers} threads. */
  public static PasswordHasher create(Vertx vertx, int workers, int maxQueued) {
    return new PasswordHasher(vertx.createSharedWorkerExecutor(POOL, workers), maxQueued);
  }

  public Future<String> hash(String password) {
    return run(() -> hashNow(password));
  }

  /** Whether {@code password} matches {@code phc}; a malformed hash matches nothing. */
  public Future<Boolean> verify(String password, String phc) {
    return run(() -> verifyNow(password, phc));
  }

  /** Does the work of {@link #verify} against a hash no password matches: false, as slowly. */
  public Future<Boolean> verifyNothing(String password) {
    return dummyHash.compose(dummy -> run(() -> {
      verifyNow(password, dummy);
      return false;
    }));
  }

  public Future<Void> close() {
    return workers.close();
  }

  /** Blocking: hashes on the calling thread. */
  static String hashNow(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2).getResult();
  }

  /** Blocking: verifies on the calling thread. */
  static boolean verifyNow(String password, String phc) {
    if (phc == null || !phc.startsWith("$argon2")) {
      return false;
    }
    try {
      return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private <T> Future<T> run(Callable<T> work) {
    if (queued.incrementAndGet() > maxQueued) {
      queued.decrementAndGet();
      return Future.failedFuture(new ServiceException(ErrorCode.UNAVAILABLE, "too many sign-ins at once; try again shortly"));
    }
    return workers.executeBlocking(work, false).andThen(ar -> queued.decrementAndGet());
  }
}
