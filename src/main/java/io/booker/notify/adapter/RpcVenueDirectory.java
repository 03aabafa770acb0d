package io.booker.notify.adapter;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.notify.VenueDirectory;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.rpc.RpcClients;
import io.booker.proto.venue.GetVenueRequest;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks the venue service ({@code clients.venue}, either transport) as notify itself: a short-lived
 * admin token of notify's own identity, minted per call with the node's signing key. A node that
 * holds only verification keys cannot mint one and knows no more venues than its events told it.
 */
public final class RpcVenueDirectory implements VenueDirectory {

  /** The user id notify's own calls carry (no account has it; it appears as the caller in the venue service's logs). */
  static final String NOTIFY_USER = "00000000-0000-4000-8000-00000000a071";

  private final VenueServiceClient venues;

  private RpcVenueDirectory(VenueServiceClient venues) {
    this.venues = venues;
  }

  public static VenueDirectory create(Vertx vertx, JsonObject venueClient, AccessTokens tokens) {
    if (!tokens.canIssue()) {
      return NONE;
    }
    Caller notify = new Caller(NOTIFY_USER, Role.ADMIN, Set.of());
    return new RpcVenueDirectory(RpcClients.create(vertx, VenueServiceClient.class, VenueServiceGrpcClient::create,
      VenueServiceGrpcService.SERVICE_DESCRIPTOR,
      venueClient, 50051, () -> "Bearer " + tokens.issue(notify, 0, "notify")));
  }

  @Override
  public Future<Optional<KnownVenue>> find(UUID venueId) {
    return venues.getVenue(GetVenueRequest.newBuilder().setId(venueId.toString()).build())
      .map(v -> Optional.of(new KnownVenue(v.getName(), v.getTimezone(), v.getLanguage())))
      .recover(t -> t instanceof ServiceException e && e.code() == ErrorCode.NOT_FOUND
        ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(t));
  }
}
