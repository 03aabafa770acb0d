package io.booker.app;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutual TLS on the clustered event bus, from {@code cluster.tls}. Every event-bus connection is
 * TLS, and both ends must present a certificate the other's trust store accepts: a node without
 * one can neither send to the members nor receive from them, even though (Hazelcast open source
 * having no authentication) it may still see the membership.
 *
 * <p>Keys ({@code cluster.tls}):
 * <ul>
 *   <li>this node's certificate and key: {@code key_store} + {@code key_store_password} (PKCS#12),
 *       or {@code cert_pem} (the certificate, then its chain) + {@code key_pem} (PKCS#8 or PKCS#1);</li>
 *   <li>what it trusts: {@code trust_store} (+ {@code trust_store_password}, PKCS#12) or
 *       {@code trust_pem} (one file or a list, each with one or more CA certificates). Use a CA
 *       of the cluster's own, not a public one: every certificate it signed is a member;</li>
 *   <li>{@code enabled}: defaults to true as soon as a key store or PEM certificate is set.</li>
 * </ul>
 * Host names are not checked (members are addressed by IP and may move); the trust store decides.
 */
final class EventBusTls {

  private static final Logger log = LoggerFactory.getLogger(EventBusTls.class);

  private EventBusTls() {
  }

  static boolean enabled(JsonObject tls) {
    return tls.getBoolean("enabled", tls.containsKey("key_store") || tls.containsKey("cert_pem"));
  }

  /**
   * Switches {@code options} to mutual TLS.
   *
   * @throws IllegalArgumentException when the key or the trust is missing, ambiguous or unreadable
   */
  static EventBusOptions apply(JsonObject tls, EventBusOptions options) {
    String keyKind = applyKey(tls, options);
    String trustKind = applyTrust(tls, options);
    options.setSsl(true).setClientAuth(ClientAuth.REQUIRED).setTrustAll(false);
    log.info("event=cluster_tls client_auth=required key={} trust={}", keyKind, trustKind);
    return options;
  }

  private static String applyKey(JsonObject tls, EventBusOptions options) {
    boolean pkcs12 = tls.containsKey("key_store");
    boolean pem = tls.containsKey("cert_pem") || tls.containsKey("key_pem");
    if (pkcs12 == pem) {
      throw new IllegalArgumentException("cluster.tls needs this node's certificate: either key_store (PKCS#12)"
        + " or cert_pem + key_pem, not both");
    }
    if (pkcs12) {
      String password = tls.getString("key_store_password");
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("cluster.tls.key_store_password is required with cluster.tls.key_store");
      }
      options.setKeyCertOptions(new PfxOptions().setPath(readable(tls, "key_store")).setPassword(password));
      return "pkcs12";
    }
    options.setKeyCertOptions(new PemKeyCertOptions().setCertPath(readable(tls, "cert_pem")).setKeyPath(readable(tls, "key_pem")));
    return "pem";
  }

  private static String applyTrust(JsonObject tls, EventBusOptions options) {
    boolean pkcs12 = tls.containsKey("trust_store");
    boolean pem = tls.containsKey("trust_pem");
    if (pkcs12 == pem) {
      throw new IllegalArgumentException("cluster.tls needs what to trust: either trust_store (PKCS#12) or trust_pem, not both");
    }
    if (pkcs12) {
      options.setTrustOptions(new PfxOptions().setPath(readable(tls, "trust_store")).setPassword(tls.getString("trust_store_password")));
      return "pkcs12";
    }
    PemTrustOptions trust = new PemTrustOptions();
    for (String path : paths(tls, "trust_pem")) {
      trust.addCertPath(readable("trust_pem", path));
    }
    options.setTrustOptions(trust);
    return "pem";
  }

  private static List<String> paths(JsonObject tls, String key) {
    Object value = tls.getValue(key);
    List<String> paths = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(p -> paths.add(String.valueOf(p)));
    } else {
      paths.add(String.valueOf(value));
    }
    return paths;
  }

  private static String readable(JsonObject tls, String key) {
    return readable(key, tls.getString(key));
  }

  // Checked here so a wrong path stops the node with the key's name, not a TLS error at first use.
  private static String readable(String key, String path) {
    if (path == null || path.isBlank() || !Files.isReadable(Path.of(path))) {
      throw new IllegalArgumentException("cluster.tls." + key + " is not a readable file: " + path);
    }
    return path;
  }
}
