package io.booker.platform.rpc;

/** Event-bus headers of a service call. */
final class RpcHeaders {

  /** Absolute deadline, epoch milliseconds (the event-bus twin of gRPC's grpc-timeout). */
  static final String DEADLINE = "x-deadline";

  /** The caller's access token, {@code Bearer <jwt>}, as in HTTP and gRPC metadata. */
  static final String AUTHORIZATION = "authorization";

  private RpcHeaders() {
  }
}
