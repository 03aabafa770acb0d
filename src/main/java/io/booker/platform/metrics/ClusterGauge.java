package io.booker.platform.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;

/**
 * {@code cluster_members}: the members of the cluster as this node sees them (Hazelcast's member
 * list), 1 for a node that is not clustered, 0 when it has lost its cluster. Nodes that disagree show
 * a split.
 */
public final class ClusterGauge {

  private ClusterGauge() {
  }

  /** Registers the gauge for {@code vertx}'s node (again is harmless). */
  public static void register(Vertx vertx) {
    ClusterManager cm = vertx.isClustered() ? ((VertxInternal) vertx).clusterManager() : null;
    Metrics.gauge("cluster_members", "Members of the cluster as this node sees them (1 when not clustered)",
      vertx, v -> members(cm));
  }

  static double members(ClusterManager cm) {
    if (cm == null) {
      return 1;
    }
    return cm.isActive() ? cm.getNodes().size() : 0;
  }
}
