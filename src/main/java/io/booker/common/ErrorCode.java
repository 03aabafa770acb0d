package io.booker.common;

/**
 * Stable, machine-readable error codes. Each code is mapped once to an HTTP status (REST edge) and
 * once to a gRPC status code (service edge); nothing downstream matches on message text.
 */
public enum ErrorCode {
  INVALID_ARGUMENT(400, GrpcCode.INVALID_ARGUMENT),
  NOT_FOUND(404, GrpcCode.NOT_FOUND),
  ALREADY_EXISTS(409, GrpcCode.ALREADY_EXISTS),
  SLOT_TAKEN(409, GrpcCode.ALREADY_EXISTS),
  INVALID_TRANSITION(409, GrpcCode.FAILED_PRECONDITION),
  HOLD_EXPIRED(409, GrpcCode.FAILED_PRECONDITION),
  HAS_FUTURE_BOOKINGS(409, GrpcCode.FAILED_PRECONDITION),
  // A table of the booking is blocked (out of service) over an overlapping time.
  TABLE_BLOCKED(409, GrpcCode.FAILED_PRECONDITION),
  // A new block overlaps active bookings and was not asked for with allow_overlap.
  BLOCK_OVERLAPS_BOOKINGS(409, GrpcCode.FAILED_PRECONDITION),
  // The service period's pacing (parties or guests starting per interval) is full and staff did not override it.
  PACING_LIMIT(409, GrpcCode.FAILED_PRECONDITION),
  DUPLICATE_IN_FLIGHT(409, GrpcCode.ABORTED),
  // What was checked changed underneath the write, again and again (e.g. tables keep being added to
  // a room being deleted): the client decides whether to try again.
  CONCURRENT_CHANGE(409, GrpcCode.ABORTED),
  IDEMPOTENCY_KEY_REUSED(422, GrpcCode.FAILED_PRECONDITION),
  UNAUTHENTICATED(401, GrpcCode.UNAUTHENTICATED),
  PERMISSION_DENIED(403, GrpcCode.PERMISSION_DENIED),
  RATE_LIMITED(429, GrpcCode.RESOURCE_EXHAUSTED),
  METHOD_NOT_ALLOWED(405, GrpcCode.UNIMPLEMENTED),
  PAYLOAD_TOO_LARGE(413, GrpcCode.RESOURCE_EXHAUSTED),
  // The HTTP edge's own refusals: no service raises them, so their gRPC codes only say what kind they are.
  UNSUPPORTED_MEDIA_TYPE(415, GrpcCode.INVALID_ARGUMENT),
  URI_TOO_LONG(414, GrpcCode.INVALID_ARGUMENT),
  HEADERS_TOO_LARGE(431, GrpcCode.INVALID_ARGUMENT),
  REQUEST_TIMEOUT(408, GrpcCode.DEADLINE_EXCEEDED),
  HTTP_VERSION_NOT_SUPPORTED(505, GrpcCode.UNIMPLEMENTED),
  UNAVAILABLE(503, GrpcCode.UNAVAILABLE),
  // A dependency that does not answer in time is, to the client, a dependency that is down.
  DEADLINE_EXCEEDED(503, GrpcCode.DEADLINE_EXCEEDED),
  UNIMPLEMENTED(501, GrpcCode.UNIMPLEMENTED),
  INTERNAL(500, GrpcCode.INTERNAL);

  private final int httpStatus;
  private final int grpcCode;

  ErrorCode(int httpStatus, int grpcCode) {
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The numeric gRPC status code (see grpc/status.proto). */
  public int grpcCode() {
    return grpcCode;
  }

  /** The generic code for a gRPC status, used when a peer did not say which code it meant. */
  public static ErrorCode fromGrpcCode(int grpcCode) {
    switch (grpcCode) {
      case GrpcCode.INVALID_ARGUMENT: case GrpcCode.OUT_OF_RANGE: return INVALID_ARGUMENT;
      case GrpcCode.NOT_FOUND: return NOT_FOUND;
      case GrpcCode.ALREADY_EXISTS: return ALREADY_EXISTS;
      case GrpcCode.FAILED_PRECONDITION: return INVALID_TRANSITION;
      case GrpcCode.ABORTED: return DUPLICATE_IN_FLIGHT;
      case GrpcCode.UNAUTHENTICATED: return UNAUTHENTICATED;
      case GrpcCode.PERMISSION_DENIED: return PERMISSION_DENIED;
      case GrpcCode.RESOURCE_EXHAUSTED: return RATE_LIMITED;
      case GrpcCode.UNAVAILABLE: case GrpcCode.CANCELLED: return UNAVAILABLE;
      case GrpcCode.DEADLINE_EXCEEDED: return DEADLINE_EXCEEDED;
      case GrpcCode.UNIMPLEMENTED: return UNIMPLEMENTED;
      default: return INTERNAL;
    }
  }

  /** Looks a code up by name; unknown names (a newer peer) become {@code fallback}. */
  public static ErrorCode byName(String name, ErrorCode fallback) {
    if (name != null) {
      for (ErrorCode c : values()) {
        if (c.name().equals(name)) {
          return c;
        }
      }
    }
    return fallback;
  }

  /** gRPC status codes, as numbers, so that the domain does not depend on a gRPC library. */
  public static final class GrpcCode {
    public static final int OK = 0;
    public static final int CANCELLED = 1;
    public static final int UNKNOWN = 2;
    public static final int INVALID_ARGUMENT = 3;
    public static final int DEADLINE_EXCEEDED = 4;
    public static final int NOT_FOUND = 5;
    public static final int ALREADY_EXISTS = 6;
    public static final int PERMISSION_DENIED = 7;
    public static final int RESOURCE_EXHAUSTED = 8;
    public static final int FAILED_PRECONDITION = 9;
    public static final int ABORTED = 10;
    public static final int OUT_OF_RANGE = 11;
    public static final int UNIMPLEMENTED = 12;
    public static final int INTERNAL = 13;
    public static final int UNAVAILABLE = 14;
    public static final int UNAUTHENTICATED = 16;

    private GrpcCode() {
    }
  }
}
