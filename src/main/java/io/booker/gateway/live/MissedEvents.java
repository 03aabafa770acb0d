package io.booker.gateway.live;

import io.booker.platform.rpc.RpcClients;
import io.booker.proto.notify.ListEventsRequest;
import io.booker.proto.notify.ListEventsResponse;
import io.booker.proto.notify.NotifyServiceClient;
import io.booker.proto.notify.NotifyServiceGrpcClient;
import io.booker.proto.notify.NotifyServiceGrpcService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Collection;

/**
 * What a resuming socket missed, from notify's event log ({@code NotifyService.ListEvents}, client
 * config {@code clients.notify}). The call carries the socket's own current token: a socket is not
 * an HTTP request, so there is no request caller to forward.
 *
 * <p>One client per verticle instance; the token is handed to the client's authorization supplier
 * for exactly one call. That is safe because the client reads it synchronously when the call is
 * made, and the instance's sockets all run on its one event loop.
 */
final class MissedEvents implements Subscriptions.EventLog {

  /** Notify's gRPC port when {@code clients.notify.grpc_port} is not set. */
  static final int DEFAULT_GRPC_PORT = 50053;

  private final NotifyServiceClient notify;
  private String authorization;

  MissedEvents(Vertx vertx, JsonObject clientConfig) {
    this.notify = RpcClients.create(vertx, NotifyServiceClient.class, NotifyServiceGrpcClient::create,
      NotifyServiceGrpcService.SERVICE_DESCRIPTOR, clientConfig,
      DEFAULT_GRPC_PORT, () -> authorization);
  }

  /** The events of {@code venueIds} after event {@code afterEventId}, or received from {@code since} (Unix s), oldest first. */
  @Override
  public Future<ListEventsResponse> list(String token, Collection<String> venueIds, String afterEventId, Long since, int limit) {
    ListEventsRequest.Builder request = ListEventsRequest.newBuilder().addAllVenueIds(venueIds).setLimit(limit);
    if (afterEventId != null) {
      request.setAfterEventId(afterEventId);
    } else if (since != null) {
      request.setSince(since);
    }
    authorization = "Bearer " + token;
    try {
      return notify.listEvents(request.build());
    } finally {
      authorization = null;
    }
  }
}
