package io.booker.platform.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The original Booker's environment names keep configuring a node. */
class EnvOverridesTest {

  private static final JsonObject FILE = new JsonObject()
    .put("http", new JsonObject().put("port", 8080))
    .put("infra", new JsonObject().put("postgres", new JsonObject().put("host", "127.0.0.1").put("port", 55432)));

  @Test
  void originalNamesMapOntoTheTree() {
    JsonObject raw = FILE.copy()
      .put("PORT", "9000")
      .put("POSTGRES_HOST", "db.internal").put("POSTGRES_PORT", "5433").put("POSTGRES_DB", "booker")
      .put("POSTGRES_USER", "svc").put("POSTGRES_PASSWORD", "s3cret")
      .put("REDIS_ADDR", "cache:6380").put("REDIS_PASSWORD", "r")
      .put("KAFKA_BROKERS", "k1:9092,k2:9092")
      .put("JWT_SECRET", "jwt").put("HOLD_TTL_MINUTES", "7")
      .put("GRPC_VENUE_ADDR", "core:50061").put("GRPC_BOOKING_ADDR", "core");
    JsonObject cfg = EnvOverrides.apply(raw);

    assertEquals(9000, cfg.getJsonObject("http").getInteger("port"));
    NodeConfig node = new NodeConfig(cfg);
    assertEquals(new PgSettings("db.internal", 5433, "svc", "s3cret", "booker", 8), node.postgres());
    assertEquals(new RedisSettings("cache", 6380, "r"), node.redis());
    assertEquals("k1:9092,k2:9092", node.kafkaBootstrap());
    assertEquals("jwt", cfg.getJsonObject("auth").getString("jwt_secret"));
    assertEquals(7, cfg.getJsonObject("booking").getInteger("hold_ttl_minutes"));
    JsonObject clients = cfg.getJsonObject("clients");
    assertEquals(50061, clients.getJsonObject("venue").getInteger("grpc_port"));
    assertEquals("core", clients.getJsonObject("booking").getString("grpc_host"));
    assertEquals(50052, clients.getJsonObject("booking").getInteger("grpc_port"), "a missing port is the service's default");
    assertFalse(cfg.containsKey("PORT"), "flat env keys do not leak into the tree");
  }

  @Test
  void clusterAndFreeFormJson() {
    JsonObject cfg = EnvOverrides.apply(FILE.copy()
      .put("BOOKER_CLUSTER_MEMBERS", "10.0.0.1, 10.0.0.2:5702,")
      .put("BOOKER_CONFIG", "{\"venue\":{\"grpc_port\":50061},\"http\":{\"host\":\"127.0.0.1\"}}"));
    assertEquals(new JsonArray().add("10.0.0.1").add("10.0.0.2:5702"), cfg.getJsonObject("cluster").getJsonArray("members"));
    assertEquals(50061, cfg.getJsonObject("venue").getInteger("grpc_port"));
    assertEquals(8080, cfg.getJsonObject("http").getInteger("port"), "BOOKER_CONFIG merges deeply");
    assertEquals("127.0.0.1", cfg.getJsonObject("http").getString("host"));
  }

  @Test
  void bindHostsAndClusterTls() {
    JsonObject cfg = EnvOverrides.apply(FILE.copy()
      .put("BOOKER_HTTP_HOST", "0.0.0.0").put("BOOKER_GRPC_HOST", "10.0.0.5").put("BOOKER_OPS_HOST", "0.0.0.0")
      .put("BOOKER_CLUSTER_TLS", "true")
      .put("BOOKER_CLUSTER_TLS_KEY_STORE", "/tls/node.p12").put("BOOKER_CLUSTER_TLS_KEY_STORE_PASSWORD", "k")
      .put("BOOKER_CLUSTER_TLS_TRUST_STORE", "/tls/trust.p12").put("BOOKER_CLUSTER_TLS_TRUST_STORE_PASSWORD", "t")
      .put("BOOKER_CLUSTER_TLS_CERT_PEM", "/tls/node.crt").put("BOOKER_CLUSTER_TLS_KEY_PEM", "/tls/node.key")
      .put("BOOKER_CLUSTER_TLS_TRUST_PEM", "/tls/ca.pem,/tls/next-ca.pem"));
    assertEquals("0.0.0.0", cfg.getJsonObject("http").getString("host"));
    assertEquals(8080, cfg.getJsonObject("http").getInteger("port"));
    assertEquals("10.0.0.5", cfg.getJsonObject("venue").getString("grpc_host"));
    assertEquals("10.0.0.5", cfg.getJsonObject("booking").getString("grpc_host"));
    assertEquals("0.0.0.0", cfg.getJsonObject("ops").getString("host"));
    assertEquals(new JsonObject().put("enabled", true)
        .put("key_store", "/tls/node.p12").put("key_store_password", "k")
        .put("trust_store", "/tls/trust.p12").put("trust_store_password", "t")
        .put("cert_pem", "/tls/node.crt").put("key_pem", "/tls/node.key")
        .put("trust_pem", new JsonArray().add("/tls/ca.pem").add("/tls/next-ca.pem")),
      cfg.getJsonObject("cluster").getJsonObject("tls"));
  }

  @Test
  void theFirstAdminComesFromTheEnvironment() {
    JsonObject cfg = EnvOverrides.apply(FILE.copy().put("JWT_SECRET", "jwt")
      .put("BOOKER_ADMIN_LOGIN", "root").put("BOOKER_ADMIN_PASSWORD", "correct horse battery"));
    JsonObject admin = cfg.getJsonObject("auth").getJsonObject("bootstrap_admin");
    assertEquals("root", admin.getString("login"));
    assertEquals("correct horse battery", admin.getString("password"));
    assertEquals("jwt", cfg.getJsonObject("auth").getString("jwt_secret"), "both live in the auth section");
    assertFalse(cfg.containsKey("BOOKER_ADMIN_PASSWORD"));
  }

  @Test
  void guestNotificationChannelsComeFromTheEnvironment() {
    JsonObject cfg = EnvOverrides.apply(FILE.copy()
      .put("SMTP_HOST", "smtp.example.com").put("SMTP_PORT", "587").put("SMTP_USERNAME", "booker")
      .put("SMTP_PASSWORD", "s3cret").put("SMTP_FROM", "Booker <no-reply@example.com>").put("SMTP_STARTTLS", "required")
      .put("NOTIFY_WEBHOOK_URL", "https://sms.example.com/hook").put("NOTIFY_WEBHOOK_SECRET", "0123456789abcdef"));
    assertEquals(new JsonObject().put("host", "smtp.example.com").put("port", 587).put("username", "booker")
        .put("password", "s3cret").put("from", "Booker <no-reply@example.com>").put("starttls", "REQUIRED"),
      cfg.getJsonObject("notify").getJsonObject("email"));
    assertEquals(new JsonObject().put("url", "https://sms.example.com/hook").put("secret", "0123456789abcdef"),
      cfg.getJsonObject("notify").getJsonObject("webhook"));
    assertThrows(IllegalArgumentException.class, () -> EnvOverrides.apply(FILE.copy().put("SMTP_PORT", "smtp")));
  }

  @Test
  void blankValuesAreIgnored() {
    JsonObject cfg = EnvOverrides.apply(FILE.copy().put("PORT", "  ").put("JWT_SECRET", ""));
    assertEquals(8080, cfg.getJsonObject("http").getInteger("port"));
    assertNull(cfg.getJsonObject("auth"));
  }

  @Test
  void badValuesSayWhichVariable() {
    IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
      () -> EnvOverrides.apply(FILE.copy().put("PORT", "eighty")));
    assertTrue(port.getMessage().contains("PORT"), port.getMessage());
    IllegalArgumentException redis = assertThrows(IllegalArgumentException.class,
      () -> EnvOverrides.apply(FILE.copy().put("REDIS_ADDR", "cache:x")));
    assertTrue(redis.getMessage().contains("REDIS_ADDR"), redis.getMessage());
    IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
      () -> EnvOverrides.apply(FILE.copy().put("BOOKER_CONFIG", "{not json")));
    assertTrue(json.getMessage().contains("BOOKER_CONFIG"), json.getMessage());
  }
}
