package io.booker.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Hazelcast for the clustered event bus: TCP-IP join with an explicit member list (multicast is
 * not assumed anywhere), bound to the configured interface, fast join.
 *
 * <p>Config ({@code cluster}): {@code name}, {@code host} (interface to bind, default 127.0.0.1),
 * {@code port} (first Hazelcast port, default 5701, auto-incremented so several nodes can share a
 * host), {@code members} (addresses to join; "host" scans host:5701-5720, "host:port" is exact).
 */
final class ClusterSetup {

  private ClusterSetup() {
  }

  static HazelcastClusterManager clusterManager(JsonObject cluster) {
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

    String host = cluster.getString("host", "127.0.0.1");
    NetworkConfig net = hz.getNetworkConfig();
    net.setPort(cluster.getInteger("port", 5701)).setPortAutoIncrement(true).setPortCount(20);
    net.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
    cluster.getJsonArray("members", new io.vertx.core.json.JsonArray().add(host))
      .forEach(m -> join.getTcpIpConfig().addMember(String.valueOf(m)));
    return new HazelcastClusterManager(hz);
  }
}
