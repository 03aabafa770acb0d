package io.booker.notify;

import io.booker.notify.domain.RetryPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class NotifySettingsTest {

  @Test
  void theDefaultsAreThoseOfTheDesign() {
    NotifySettings s = NotifySettings.from(new JsonObject());
    assertEquals("notify", s.database());
    assertEquals("notify", s.groupId());
    assertEquals(List.of(Duration.ofHours(24), Duration.ofHours(2)), s.reminders());
    assertEquals(Duration.ofSeconds(1), s.sendInterval());
    assertEquals(50, s.sendBatch());
    assertEquals(Duration.ofMinutes(1), s.sendLease());
    assertEquals(RetryPolicy.DEFAULT, s.retry());
    assertEquals(Duration.ofHours(72), s.eventLogRetention());
  }

  @Test
  void theConfigFileOfTheAllInOneNodeReadsTheSame() throws Exception {
    JsonObject conf = new JsonObject(java.nio.file.Files.readString(java.nio.file.Path.of("conf/all-in-one.json")));
    assertEquals(NotifySettings.from(new JsonObject()), NotifySettings.from(conf.getJsonObject("notify")));
    assertFalse(conf.getJsonObject("notify").containsKey("email"), "no mail server in the shipped config");
  }

  @Test
  void everythingCanBeSet() {
    NotifySettings s = NotifySettings.from(new JsonObject().put("database", "notify_b").put("group_id", "g")
      .put("reminders", new JsonArray().add("P1D").add("PT30M"))
      .put("send", new JsonObject().put("interval_ms", 250).put("batch_size", 10).put("lease_ms", 5000))
      .put("retry", new JsonObject().put("max_attempts", 2).put("initial_backoff_ms", 100).put("max_backoff_ms", 1000))
      .put("event_log_retention_hours", 6));
    assertEquals(List.of(Duration.ofDays(1), Duration.ofMinutes(30)), s.reminders());
    assertEquals(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1)), s.retry());
    assertEquals(10, s.sendBatch());
    assertEquals(Duration.ofHours(6), s.eventLogRetention());
  }

  @Test
  void nonsenseIsRefusedAtStart() {
    assertThrows(IllegalArgumentException.class, () -> NotifySettings.from(new JsonObject().put("reminders", new JsonArray().add("2 hours"))));
    assertThrows(IllegalArgumentException.class, () -> NotifySettings.from(new JsonObject().put("send", new JsonObject().put("interval_ms", 0))));
    assertThrows(IllegalArgumentException.class, () -> NotifySettings.from(new JsonObject().put("retry", new JsonObject().put("max_attempts", -1))));
    assertThrows(IllegalArgumentException.class, () -> NotifySettings.from(new JsonObject().put("event_log_retention_hours", 0)));
  }
}
