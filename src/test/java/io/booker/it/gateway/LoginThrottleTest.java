package io.booker.it.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Eventually;
import io.booker.it.support.Logins;
import io.booker.it.support.StallingProxy;
import io.booker.it.support.TestNodes;
import io.booker.platform.metrics.Metrics;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import static io.booker.it.support.ApiClient.assertProblem;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Sign-in throttling on a node with small limits (slow after 3 failures of an account, lock after 6
 * for 3 s, 12 failures per address), each test calling from a loopback address of its own: the
 * slow-down, the lock-out and its end, the same answers for an unknown login, the per-address
 * limit, and sign-ins going on while Redis does not answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottleTest {

  static final String PASSWORD = "a fine password for tests";
  static final String WRONG = "not the password at all";
  static final String VENUE = "6f1c1a5e-0000-4000-8000-00000000000a";
  static final JsonObject LIMITS = new JsonObject().put("window_seconds", 60).put("slow_after", 3).put("lock_after", 6)
    .put("lock_seconds", 3).put("base_delay_ms", 300).put("max_delay_ms", 600).put("address_max_failures", 12)
    .put("redis_timeout_ms", 300);

  static Vertx vertx;
  static StallingProxy redis;
  static TestNodes.Started node;
  static ApiClient admin;
  static final List<String> bypassLog = new CopyOnWriteArrayList<>();
  static final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent e) {
      if (e.getFormattedMessage().contains("event=login_throttle_bypassed")) {
        bypassLog.add(e.getFormattedMessage());
      }
    }
  };

  @BeforeAll
  static void setUp() {
    InfraEndpoints infra = TestInfra.endpoints();
    vertx = Vertx.vertx();
    // The node's Redis is behind a proxy that the last test stalls.
    redis = StallingProxy.to(vertx, infra.redisHost(), infra.redisPort());
    node = TestNodes.allInOne("eventbus", new JsonObject()
      .put("infra", new JsonObject().put("redis", new JsonObject().put("host", "127.0.0.1").put("port", redis.port())))
      .put("auth", new JsonObject().put("login_throttle", LIMITS)));
    admin = new ApiClient(WebClient.create(vertx), node.httpPort());
    capture.start();
    root().addAppender(capture);
  }

  @AfterAll
  static void tearDown() {
    root().detachAppender(capture);
    try {
      node.close();
    } finally {
      redis.close();
      vertx.close().await();
    }
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** A client calling from a loopback address no other test uses (the whole of 127/8 is loopback). */
  static ApiClient fromAnAddressOfItsOwn() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String address = "127." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(2, 255);
    return new ApiClient(WebClient.create(vertx, new WebClientOptions().setLocalAddress(address)), node.httpPort(), null);
  }

  static String user() {
    return Logins.createUser(admin, Logins.uniqueLogin("t"), PASSWORD, "host", VENUE).getString("login");
  }

  /** An attempt and how long it took, in ms. */
  record Timed(HttpResponse<Buffer> response, long ms) {
  }

  static Timed attempt(ApiClient client, String login, String password) {
    long t0 = System.nanoTime();
    HttpResponse<Buffer> r = Logins.attempt(client, login, password);
    return new Timed(r, (System.nanoTime() - t0) / 1_000_000);
  }

  /** Six failures (three at once, three slowed down), then the lock: answers the 401 and 429 bodies. */
  static JsonObject[] failUntilLocked(ApiClient client, String login) {
    JsonObject unauthenticated = null;
    long[] delays = {0, 0, 0, 300, 600, 600};
    for (long delay : delays) {
      Timed t = attempt(client, login, WRONG);
      unauthenticated = assertProblem(t.response(), 401, "UNAUTHENTICATED", null);
      assertTrue(t.ms() >= delay, "slowed down by at least " + delay + " ms, took " + t.ms());
    }
    Timed locked = attempt(client, login, PASSWORD);
    JsonObject tooMany = assertProblem(locked.response(), 429, "RATE_LIMITED", null);
    assertEquals("too many failed sign-in attempts; try again later", tooMany.getString("detail"));
    long retryAfter = Long.parseLong(locked.response().getHeader("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);
    return new JsonObject[] {unauthenticated, tooMany};
  }

  @Test
  @Order(1)
  void failuresSlowAnAccountDownThenLockItEvenForTheRightPasswordUntilTheLockEnds() {
    ApiClient client = fromAnAddressOfItsOwn();
    String login = user();
    Logins.login(client, login, PASSWORD);

    failUntilLocked(client, login);
    assertProblem(Logins.attempt(fromAnAddressOfItsOwn(), login, PASSWORD), 429, "RATE_LIMITED", null);

    // Await the lock's end (lock_seconds = 3) by signing in from fresh addresses: a refused attempt
    // does not lengthen the lock, and the address limit of the client under test stays untouched.
    Eventually.await("the lock to end", Duration.ofSeconds(10), () -> Logins.attempt(fromAnAddressOfItsOwn(), login, PASSWORD).statusCode(),
      status -> status == 200);
    Logins.login(client, login, PASSWORD);
    // The success cleared the account's count: three failures in a row are not slowed down or refused.
    for (int i = 0; i < 3; i++) {
      assertProblem(Logins.attempt(client, login, WRONG), 401, "UNAUTHENTICATED", null);
    }
    Logins.login(client, login, PASSWORD);
  }

  @Test
  @Order(2)
  void anUnknownLoginIsSlowedAndLockedWithTheSameAnswersAsARealOne() {
    JsonObject[] real = failUntilLocked(fromAnAddressOfItsOwn(), user());
    JsonObject[] unknown = failUntilLocked(fromAnAddressOfItsOwn(), Logins.uniqueLogin("nobody"));
    assertEquals(real[0], unknown[0], "the same 401");
    assertEquals(real[1], unknown[1], "the same 429");
  }

  @Test
  @Order(3)
  void anAddressWithTooManyFailuresIsRefusedWhateverTheAccount() {
    ApiClient client = fromAnAddressOfItsOwn();
    String login = user();
    for (int i = 0; i < 12; i++) {
      // Twelve accounts, one failure each: no account is slowed down, the address adds up.
      assertProblem(Logins.attempt(client, Logins.uniqueLogin("spray"), WRONG), 401, "UNAUTHENTICATED", null);
    }
    HttpResponse<Buffer> refused = Logins.attempt(client, login, PASSWORD);
    assertProblem(refused, 429, "RATE_LIMITED", null);
    assertNotNull(refused.getHeader("Retry-After"));
    Logins.login(fromAnAddressOfItsOwn(), login, PASSWORD);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void whileRedisDoesNotAnswerSignInsGoOnUnthrottled() {
    ApiClient client = fromAnAddressOfItsOwn();
    String login = user();
    double before = bypassed();
    redis.stall();
    try {
      for (int i = 0; i < 8; i++) {
        // More failures than the lock needs: nothing counts them now.
        assertProblem(Logins.attempt(client, login, WRONG), 401, "UNAUTHENTICATED", null);
      }
      Timed ok = attempt(client, login, PASSWORD);
      assertEquals(200, ok.response().statusCode(), ok.response()::bodyAsString);
      assertTrue(ok.ms() < 3_000, "bounded by the Redis timeout: " + ok.ms() + " ms");
    } finally {
      redis.resume();
    }
    double counted = bypassed() - before;
    assertTrue(counted >= 9, "every bypassed count is counted: " + counted);
    assertTrue(bypassLog.size() >= 1 && bypassLog.size() <= 2, "logged at most every 10 s (per gateway instance): " + bypassLog);
  }

  static double bypassed() {
    return Metrics.registry().find("auth_login_throttle_bypassed").counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
