package io.booker.app;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.instance.EndpointQualifier;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node joins the cluster: Hazelcast for membership and the cluster maps, and the clustered
 * event bus (optionally mutual TLS, see {@link EventBusTls}) for the messages themselves.
 *
 * <p>Config ({@code cluster}): {@code name}, {@code host} (the address to bind, default 127.0.0.1;
 * Hazelcast and the event bus listen on this address only), {@code port} (first Hazelcast port,
 * default 5701, auto-incremented so several nodes can share a host), {@code members} (addresses to
 * join; "host" scans host:5701-5720, "host:port" is exact), {@code event_bus_port} (0 = any free
 * port), {@code tls} (see {@link EventBusTls}).
 *
 * <p>Hazelcast open source has no TLS and no member authentication; what it can restrict is set here
 * (see docs/security.md): the cluster name must match, members are found only through the listed
 * addresses (no multicast, no auto-detection), its socket is bound to {@code host} alone rather than
 * every interface, and the port speaks the member protocol only (no Hazelcast client, REST or
 * memcache protocol).
 */
public final class ClusterSetup {

  private static final Logger log = LoggerFactory.getLogger(ClusterSetup.class);

  private ClusterSetup() {
  }

  public static HazelcastClusterManager clusterManager(JsonObject cluster) {
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(cluster.getString("name", "booker"));
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    hz.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    // The node's own shutdown hook leaves the cluster after undeploying; Hazelcast's own hook
    // would pull the cluster away from under verticles that are still stopping.
    hz.setProperty("hazelcast.shutdownhook.enabled", "false");
    // Notice a killed member in seconds, not the default minute, so fail-over is quick.
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(cluster.getValue("max_no_heartbeat_seconds", 10)));
    // By default Hazelcast listens on every interface (0.0.0.0) whatever interface it was told
    // to use; this keeps its port on the configured address only.
    hz.setProperty("hazelcast.socket.bind.any", "false");
    // Nothing of the Jet engine is used; keep it (and its job upload) off explicitly.
    hz.getJetConfig().setEnabled(false);

    String host = cluster.getString("host", "127.0.0.1");
    // The advanced network configuration with only its (default) member endpoint: the port accepts
    // other members, not Hazelcast clients, REST or memcache, which the classic one would.
    AdvancedNetworkConfig net = hz.getAdvancedNetworkConfig().setEnabled(true);
    ServerSocketEndpointConfig member = (ServerSocketEndpointConfig) net.getEndpointConfigs().get(EndpointQualifier.MEMBER);
    member.setPort(cluster.getInteger("port", 5701)).setPortAutoIncrement(true).setPortCount(20);
    member.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
    cluster.getJsonArray("members", new JsonArray().add(host))
      .forEach(m -> join.getTcpIpConfig().addMember(String.valueOf(m)));
    return new HazelcastClusterManager(hz);
  }

  /**
   * The clustered event bus: bound to {@code cluster.host}, mutual TLS when {@code cluster.tls}
   * asks for it.
   *
   * @throws IllegalArgumentException when the TLS configuration is incomplete or names unreadable files
   */
  public static EventBusOptions eventBusOptions(JsonObject cluster) {
    String host = cluster.getString("host", "127.0.0.1");
    EventBusOptions options = new EventBusOptions()
      .setHost(host)
      .setPort(cluster.getInteger("event_bus_port", 0));
    JsonObject tls = cluster.getJsonObject("tls", new JsonObject());
    if (EventBusTls.enabled(tls)) {
      EventBusTls.apply(tls, options);
    } else if (!isLoopback(host)) {
      log.warn("event=cluster_event_bus_plaintext host={} detail=\"service calls and their access tokens cross the network"
        + " unencrypted; set cluster.tls (docs/security.md)\"", host);
    }
    return options;
  }

  private static boolean isLoopback(String host) {
    return host.startsWith("127.") || host.equals("::1") || host.equalsIgnoreCase("localhost");
  }
}
