package io.booker.platform.rpc;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * How failures cross the transports. A service fails with {@link ServiceException}; on the event
 * bus it travels as a reply failure (gRPC status code + JSON {code, message}), over gRPC as the
 * status, the status message and the {@value #CODE_TRAILER} trailer. Callers always get a
 * {@link ServiceException} back, whatever the transport.
 */
public final class RpcErrors {

  public static final String CODE_TRAILER = "booker-error-code";

  private RpcErrors() {
  }

  /** Anything a service failed with, as a contract error; unexpected failures become INTERNAL. */
  public static ServiceException asServiceException(Throwable t) {
    if (t instanceof ServiceException se) {
      return se;
    }
    if (t instanceof ReplyException re) {
      return fromReply(re);
    }
    if (t instanceof TimeoutException) {
      return new ServiceException(ErrorCode.DEADLINE_EXCEEDED, "the call did not complete in time");
    }
    if (t instanceof ConnectException || (t.getCause() instanceof ConnectException)) {
      return new ServiceException(ErrorCode.UNAVAILABLE, "service unreachable: " + t.getMessage());
    }
    return new ServiceException(ErrorCode.INTERNAL, "internal error");
  }

  static String replyBody(ServiceException e) {
    return new JsonObject().put("code", e.code().name()).put("message", e.getMessage()).encode();
  }

  private static ServiceException fromReply(ReplyException re) {
    if (re.failureType() == ReplyFailure.NO_HANDLERS) {
      return new ServiceException(ErrorCode.UNAVAILABLE, "no instance of the service is reachable");
    }
    if (re.failureType() == ReplyFailure.TIMEOUT) {
      return new ServiceException(ErrorCode.DEADLINE_EXCEEDED, "the service did not answer in time");
    }
    try {
      JsonObject body = new JsonObject(re.getMessage());
      ErrorCode fallback = ErrorCode.fromGrpcCode(re.failureCode());
      return new ServiceException(ErrorCode.byName(body.getString("code"), fallback), body.getString("message", ""));
    } catch (RuntimeException notJson) {
      return new ServiceException(ErrorCode.fromGrpcCode(re.failureCode()), String.valueOf(re.getMessage()));
    }
  }
}
