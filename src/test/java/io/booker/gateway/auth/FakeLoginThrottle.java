package io.booker.gateway.auth;

import io.booker.gateway.auth.domain.ThrottlePolicy;
import io.vertx.core.Future;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A throttle that answers {@link #verdict} to every attempt and records attempts and successes as "account@address". */
final class FakeLoginThrottle implements LoginThrottle {

  volatile ThrottlePolicy.Verdict verdict = ThrottlePolicy.Verdict.OPEN;
  final List<String> attempts = new CopyOnWriteArrayList<>();
  final List<String> successes = new CopyOnWriteArrayList<>();

  @Override
  public Future<ThrottlePolicy.Verdict> attempt(String account, String address) {
    attempts.add(account + "@" + address);
    return Future.succeededFuture(verdict);
  }

  @Override
  public Future<Void> succeeded(String account, String address) {
    successes.add(account + "@" + address);
    return Future.succeededFuture();
  }
}
