package io.booker.notify;

import io.booker.notify.domain.RetryPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code notify} config section. Keys: {@code database} ("notify"), {@code group_id} ("notify"),
 * {@code reminders} (ISO-8601 durations before the start, ["PT24H","PT2H"]), {@code send}
 * ({@code interval_ms} 1000, {@code batch_size} 50, {@code lease_ms} 60000), {@code retry}
 * ({@code max_attempts} 6, {@code initial_backoff_ms} 2000, {@code max_backoff_ms} 600000),
 * {@code event_log_retention_hours} (72), {@code poll_timeout_ms} (500), {@code db_retry_ms}
 * (2000, the pause after a database failure before the batch is tried again).
 */
record NotifySettings(String database, String groupId, List<Duration> reminders, Duration sendInterval, int sendBatch,
                      Duration sendLease, RetryPolicy retry, Duration eventLogRetention, Duration pollTimeout, Duration dbRetry) {

  static NotifySettings from(JsonObject cfg) {
    JsonObject send = cfg.getJsonObject("send", new JsonObject());
    JsonObject retry = cfg.getJsonObject("retry", new JsonObject());
    return new NotifySettings(
      cfg.getString("database", "notify"),
      cfg.getString("group_id", "notify"),
      reminders(cfg.getJsonArray("reminders", new JsonArray().add("PT24H").add("PT2H"))),
      millis(send, "interval_ms", 1000),
      (int) positive(send, "batch_size", 50),
      millis(send, "lease_ms", 60_000),
      new RetryPolicy((int) positive(retry, "max_attempts", 6), millis(retry, "initial_backoff_ms", 2000),
        millis(retry, "max_backoff_ms", 600_000)),
      Duration.ofHours(positive(cfg, "event_log_retention_hours", 72)),
      millis(cfg, "poll_timeout_ms", 500),
      millis(cfg, "db_retry_ms", 2000));
  }

  private static List<Duration> reminders(JsonArray values) {
    List<Duration> out = new ArrayList<>();
    for (Object v : values) {
      try {
        out.add(Duration.parse(String.valueOf(v)));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("notify.reminders: \"" + v + "\" is not an ISO-8601 duration such as PT2H");
      }
    }
    return out;
  }

  private static Duration millis(JsonObject cfg, String key, long fallback) {
    return Duration.ofMillis(positive(cfg, key, fallback));
  }

  private static long positive(JsonObject cfg, String key, long fallback) {
    long v = cfg.getLong(key, fallback);
    if (v <= 0) {
      throw new IllegalArgumentException("notify." + key + " must be positive, not " + v);
    }
    return v;
  }
}
