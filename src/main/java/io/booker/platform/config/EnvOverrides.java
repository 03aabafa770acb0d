package io.booker.platform.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps environment variables onto the configuration tree. The original Booker's names
 * ({@code PORT}, {@code POSTGRES_HOST}, {@code REDIS_ADDR}, {@code KAFKA_BROKERS}, ...) keep working;
 * {@code BOOKER_*} names cover what the original did not have (clustering, node shape).
 */
public final class EnvOverrides {

  public static final Set<String> NAMES = Set.of(
    "PORT", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD",
    "REDIS_ADDR", "REDIS_PASSWORD", "KAFKA_BROKERS", "JWT_SECRET", "HOLD_TTL_MINUTES",
    "GRPC_VENUE_ADDR", "GRPC_BOOKING_ADDR",
    "BOOKER_NODE_NAME", "BOOKER_INFRA_MODE", "BOOKER_CLUSTER_ENABLED", "BOOKER_CLUSTER_NAME",
    "BOOKER_CLUSTER_HOST", "BOOKER_CLUSTER_PORT", "BOOKER_CLUSTER_MEMBERS", "BOOKER_OPS_PORT",
    "BOOKER_HTTP_HOST", "BOOKER_GRPC_HOST", "BOOKER_OPS_HOST",
    "BOOKER_CLUSTER_TLS", "BOOKER_CLUSTER_TLS_KEY_STORE", "BOOKER_CLUSTER_TLS_KEY_STORE_PASSWORD",
    "BOOKER_CLUSTER_TLS_TRUST_STORE", "BOOKER_CLUSTER_TLS_TRUST_STORE_PASSWORD",
    "BOOKER_CLUSTER_TLS_CERT_PEM", "BOOKER_CLUSTER_TLS_KEY_PEM", "BOOKER_CLUSTER_TLS_TRUST_PEM",
    "BOOKER_SERVICE_TRANSPORT", "BOOKER_ADMIN_LOGIN", "BOOKER_ADMIN_PASSWORD", "BOOKER_CONFIG",
    "SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_FROM", "SMTP_STARTTLS",
    "NOTIFY_WEBHOOK_URL", "NOTIFY_WEBHOOK_SECRET", "BOOKER_TRACING_ENABLED", "BOOKER_TRACING_SERVICE_NAME");

  private EnvOverrides() {
  }

  /** Returns the file config with the environment applied; the flat env keys are removed. */
  public static JsonObject apply(JsonObject raw) {
    JsonObject cfg = raw.copy();
    JsonObject env = new JsonObject();
    for (String name : NAMES) {
      Object v = cfg.remove(name);
      if (v != null && !String.valueOf(v).isBlank()) {
        env.put(name, String.valueOf(v).trim());
      }
    }
    str(env, "PORT", v -> obj(cfg, "http").put("port", Integer.parseInt(v)));
    str(env, "POSTGRES_HOST", v -> pg(cfg).put("host", v));
    str(env, "POSTGRES_PORT", v -> pg(cfg).put("port", Integer.parseInt(v)));
    // The original had one database; here every service owns its own, and POSTGRES_DB names the
    // database used to create them.
    str(env, "POSTGRES_DB", v -> pg(cfg).put("bootstrap_database", v));
    str(env, "POSTGRES_USER", v -> pg(cfg).put("user", v));
    str(env, "POSTGRES_PASSWORD", v -> pg(cfg).put("password", v));
    str(env, "REDIS_ADDR", v -> {
      HostPort hp = HostPort.parse("REDIS_ADDR", v, 6379);
      obj(obj(cfg, "infra"), "redis").put("host", hp.host()).put("port", hp.port());
    });
    str(env, "REDIS_PASSWORD", v -> obj(obj(cfg, "infra"), "redis").put("password", v));
    str(env, "KAFKA_BROKERS", v -> obj(obj(cfg, "infra"), "kafka").put("bootstrap", v));
    str(env, "JWT_SECRET", v -> obj(cfg, "auth").put("jwt_secret", v));
    // The first admin, created at the first start only (while there is no user at all).
    str(env, "BOOKER_ADMIN_LOGIN", v -> obj(obj(cfg, "auth"), "bootstrap_admin").put("login", v));
    str(env, "BOOKER_ADMIN_PASSWORD", v -> obj(obj(cfg, "auth"), "bootstrap_admin").put("password", v));
    str(env, "HOLD_TTL_MINUTES", v -> obj(cfg, "booking").put("hold_ttl_minutes", Integer.parseInt(v)));
    str(env, "GRPC_VENUE_ADDR", v -> grpcTarget(cfg, "venue", HostPort.parse("GRPC_VENUE_ADDR", v, 50051)));
    str(env, "GRPC_BOOKING_ADDR", v -> grpcTarget(cfg, "booking", HostPort.parse("GRPC_BOOKING_ADDR", v, 50052)));
    str(env, "BOOKER_NODE_NAME", v -> obj(cfg, "node").put("name", v));
    str(env, "BOOKER_INFRA_MODE", v -> obj(cfg, "infra").put("mode", v));
    str(env, "BOOKER_CLUSTER_ENABLED", v -> obj(cfg, "cluster").put("enabled", Boolean.parseBoolean(v)));
    str(env, "BOOKER_CLUSTER_NAME", v -> obj(cfg, "cluster").put("name", v));
    str(env, "BOOKER_CLUSTER_HOST", v -> obj(cfg, "cluster").put("host", v));
    str(env, "BOOKER_CLUSTER_PORT", v -> obj(cfg, "cluster").put("port", Integer.parseInt(v)));
    str(env, "BOOKER_CLUSTER_MEMBERS", v -> obj(cfg, "cluster").put("members", new JsonArray(split(v))));
    str(env, "BOOKER_OPS_PORT", v -> obj(cfg, "ops").put("port", Integer.parseInt(v)));
    // Every server binds 127.0.0.1 unless told otherwise; these widen it (0.0.0.0 in a container).
    str(env, "BOOKER_HTTP_HOST", v -> obj(cfg, "http").put("host", v));
    str(env, "BOOKER_GRPC_HOST", v -> {
      obj(cfg, "venue").put("grpc_host", v);
      obj(cfg, "booking").put("grpc_host", v);
    });
    str(env, "BOOKER_OPS_HOST", v -> obj(cfg, "ops").put("host", v));
    // The OTEL_* variables (and the original's JAEGER_ENDPOINT) are read by the tracing set-up itself.
    str(env, "BOOKER_TRACING_ENABLED", v -> obj(cfg, "tracing").put("enabled", Boolean.parseBoolean(v)));
    str(env, "BOOKER_TRACING_SERVICE_NAME", v -> obj(cfg, "tracing").put("service_name", v));
    str(env, "BOOKER_CLUSTER_TLS", v -> clusterTls(cfg).put("enabled", Boolean.parseBoolean(v)));
    str(env, "BOOKER_CLUSTER_TLS_KEY_STORE", v -> clusterTls(cfg).put("key_store", v));
    str(env, "BOOKER_CLUSTER_TLS_KEY_STORE_PASSWORD", v -> clusterTls(cfg).put("key_store_password", v));
    str(env, "BOOKER_CLUSTER_TLS_TRUST_STORE", v -> clusterTls(cfg).put("trust_store", v));
    str(env, "BOOKER_CLUSTER_TLS_TRUST_STORE_PASSWORD", v -> clusterTls(cfg).put("trust_store_password", v));
    str(env, "BOOKER_CLUSTER_TLS_CERT_PEM", v -> clusterTls(cfg).put("cert_pem", v));
    str(env, "BOOKER_CLUSTER_TLS_KEY_PEM", v -> clusterTls(cfg).put("key_pem", v));
    str(env, "BOOKER_CLUSTER_TLS_TRUST_PEM", v -> clusterTls(cfg).put("trust_pem", new JsonArray(split(v))));
    // Guests' notifications: email goes out once an SMTP host is set, SMS/push once a webhook URL is.
    str(env, "SMTP_HOST", v -> notifyChannel(cfg, "email").put("host", v));
    str(env, "SMTP_PORT", v -> notifyChannel(cfg, "email").put("port", Integer.parseInt(v)));
    str(env, "SMTP_USERNAME", v -> notifyChannel(cfg, "email").put("username", v));
    str(env, "SMTP_PASSWORD", v -> notifyChannel(cfg, "email").put("password", v));
    str(env, "SMTP_FROM", v -> notifyChannel(cfg, "email").put("from", v));
    str(env, "SMTP_STARTTLS", v -> notifyChannel(cfg, "email").put("starttls", v.toUpperCase(java.util.Locale.ROOT)));
    str(env, "NOTIFY_WEBHOOK_URL", v -> notifyChannel(cfg, "webhook").put("url", v));
    str(env, "NOTIFY_WEBHOOK_SECRET", v -> notifyChannel(cfg, "webhook").put("secret", v));
    str(env, "BOOKER_SERVICE_TRANSPORT", v -> {
      obj(obj(cfg, "clients"), "venue").put("transport", v);
      obj(obj(cfg, "clients"), "booking").put("transport", v);
    });
    // Anything else: a JSON object deep-merged over the result (e.g. '{"venue":{"grpc_port":50061}}').
    str(env, "BOOKER_CONFIG", v -> {
      try {
        cfg.mergeIn(new JsonObject(v), true);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("BOOKER_CONFIG is not a JSON object: " + e.getMessage());
      }
    });
    return cfg;
  }

  private static void grpcTarget(JsonObject cfg, String service, HostPort hp) {
    obj(obj(cfg, "clients"), service).put("grpc_host", hp.host()).put("grpc_port", hp.port());
  }

  private static List<String> split(String v) {
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
  }

  private static JsonObject notifyChannel(JsonObject cfg, String channel) {
    return obj(obj(cfg, "notify"), channel);
  }

  private static JsonObject clusterTls(JsonObject cfg) {
    return obj(obj(cfg, "cluster"), "tls");
  }

  private static JsonObject pg(JsonObject cfg) {
    return obj(obj(cfg, "infra"), "postgres");
  }

  private static JsonObject obj(JsonObject parent, String key) {
    JsonObject child = parent.getJsonObject(key);
    if (child == null) {
      child = new JsonObject();
      parent.put(key, child);
    }
    return child;
  }

  private static void str(JsonObject env, String name, java.util.function.Consumer<String> apply) {
    String v = env.getString(name);
    if (v != null) {
      try {
        apply.accept(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("environment variable " + name + " is not a number: " + v);
      }
    }
  }
}
