package io.booker.app;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * How {@code cluster} turns into event-bus options: loopback by default, mutual TLS from either
 * store format, and a TLS configuration that cannot work stops the node with the key at fault.
 * (That TLS then keeps strangers out is ClusterSecurityTest's.)
 */
class ClusterSetupTest {

  @TempDir
  static Path dir;

  static String file(String name) throws IOException {
    Path p = dir.resolve(name);
    if (!Files.exists(p)) {
      Files.writeString(p, "not parsed before the event bus starts");
    }
    return p.toString();
  }

  static JsonObject pkcs12() throws IOException {
    return new JsonObject().put("key_store", file("node.p12")).put("key_store_password", "secret")
      .put("trust_store", file("trust.p12")).put("trust_store_password", "secret");
  }

  @Test
  void withoutTlsTheBusIsPlainOnLoopback() {
    EventBusOptions options = ClusterSetup.eventBusOptions(new JsonObject());
    assertEquals("127.0.0.1", options.getHost());
    assertEquals(0, options.getPort());
    assertFalse(options.isSsl());
  }

  @Test
  void keyAndTrustStoresTurnOnMutualTls() throws IOException {
    EventBusOptions options = ClusterSetup.eventBusOptions(new JsonObject().put("host", "10.1.2.3").put("tls", pkcs12()));
    assertTrue(options.isSsl());
    assertEquals(ClientAuth.REQUIRED, options.getClientAuth());
    assertFalse(options.isTrustAll());
    assertEquals("10.1.2.3", options.getHost());
    PfxOptions key = assertInstanceOf(PfxOptions.class, options.getKeyCertOptions());
    assertEquals(dir.resolve("node.p12").toString(), key.getPath());
    assertInstanceOf(PfxOptions.class, options.getTrustOptions());
  }

  @Test
  void pemFilesWorkToo() throws IOException {
    EventBusOptions options = ClusterSetup.eventBusOptions(new JsonObject().put("tls", new JsonObject()
      .put("cert_pem", file("node.crt")).put("key_pem", file("node.key"))
      .put("trust_pem", new JsonArray().add(file("ca.pem")).add(file("next-ca.pem")))));
    assertTrue(options.isSsl());
    assertEquals(ClientAuth.REQUIRED, options.getClientAuth());
    assertInstanceOf(PemKeyCertOptions.class, options.getKeyCertOptions());
    assertEquals(2, assertInstanceOf(PemTrustOptions.class, options.getTrustOptions()).getCertPaths().size());
  }

  @Test
  void enabledFalseKeepsTheBusPlain() throws IOException {
    assertFalse(ClusterSetup.eventBusOptions(new JsonObject().put("tls", pkcs12().put("enabled", false))).isSsl());
  }

  @Test
  void aTlsConfigurationThatCannotWorkNamesTheKeyAtFault() throws IOException {
    assertRefused(pkcs12().put("enabled", true).put("key_store", dir.resolve("missing.p12").toString()), "cluster.tls.key_store");
    JsonObject noPassword = pkcs12();
    noPassword.remove("key_store_password");
    assertRefused(noPassword, "key_store_password");
    JsonObject noTrust = pkcs12();
    noTrust.remove("trust_store");
    assertRefused(noTrust, "what to trust");
    assertRefused(pkcs12().put("cert_pem", file("node.crt")), "not both");
    assertRefused(new JsonObject().put("enabled", true).put("trust_pem", file("ca.pem")), "this node's certificate");
  }

  private static void assertRefused(JsonObject tls, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
      () -> ClusterSetup.eventBusOptions(new JsonObject().put("tls", tls)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), "no password in the message: " + e.getMessage());
  }
}
