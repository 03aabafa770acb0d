package io.booker.platform.rpc;

/** Event-bus headers of a service call. */
final class RpcHeaders {

  /** Absolute deadline, epoch milliseconds (the event-bus twin of gRPC's grpc-timeout). */
  static final String DEADLINE = "x-deadline";

  private RpcHeaders() {
  }
}
