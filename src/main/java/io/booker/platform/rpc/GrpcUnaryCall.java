package io.booker.platform.rpc;

import com.google.protobuf.Message;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.MessageSizeOverflowException;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One unary gRPC call on the server: exactly one request message in, exactly one answer out, whatever
 * the client sends. Every way a client can get the request wrong is answered at once with a
 * {@code grpc-status}: an unreadable {@code grpc-encoding} or compression flag, a message over the size limit (raw or
 * inflated), bytes that are not the request, a stream that ends before a whole message, a second
 * message. A client that opens the stream and never finishes its message is answered
 * DEADLINE_EXCEEDED after {@link GrpcLimits#messageTimeoutMs()} and its stream reset.
 */
final class GrpcUnaryCall {

  private static final Logger log = LoggerFactory.getLogger(GrpcUnaryCall.class);

  private final GrpcServerRequest<Message, Message> call;
  private final GrpcMessageDecoder<Message> decoder;
  private final GrpcLimits limits;
  private final String rpc;
  private final BiConsumer<String, ErrorCode> refused;
  private long messageTimer = -1;
  private boolean received;
  private boolean answered;

  /**
   * @param refused told (rpc, code) of each call refused here, before the service saw it (for metrics)
   */
  private GrpcUnaryCall(GrpcServerRequest<Message, Message> call, GrpcMessageDecoder<Message> decoder, GrpcLimits limits,
                        String rpc, BiConsumer<String, ErrorCode> refused) {
    this.call = call;
    this.decoder = decoder;
    this.limits = limits;
    this.rpc = rpc;
    this.refused = refused;
  }

  /** Reads the call's one request message, runs {@code service} on it and answers with its result or failure. */
  static void serve(Vertx vertx, GrpcServerRequest<Message, Message> call, GrpcMessageDecoder<Message> decoder, GrpcLimits limits,
                    String rpc, BiConsumer<String, ErrorCode> refused, Function<Message, Future<Message>> service) {
    new GrpcUnaryCall(call, decoder, limits, rpc, refused).start(vertx, service);
  }

  private void start(Vertx vertx, Function<Message, Future<Message>> service) {
    if (!GrpcPayloads.readable(call.encoding())) {
      refuse(new ServiceException(ErrorCode.UNIMPLEMENTED, "message encoding not supported"), "encoding");
      return;
    }
    messageTimer = vertx.setTimer(limits.messageTimeoutMs(), id -> {
      messageTimer = -1;
      refuse(new ServiceException(ErrorCode.DEADLINE_EXCEEDED, "request message not received in time"), "message_timeout");
      // The client is still sending (or pretends to): end the stream from our side too.
      call.response().cancel();
    });
    call.invalidMessageHandler(invalid -> refuse(invalid instanceof MessageSizeOverflowException
      ? new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "message larger than " + limits.maxMessageBytes() + " bytes")
      : new ServiceException(ErrorCode.INVALID_ARGUMENT, "malformed request message"), "invalid_frame"));
    call.messageHandler(message -> {
      stopTimer(vertx);
      if (received) {
        refuse(new ServiceException(ErrorCode.INVALID_ARGUMENT, "a unary call carries one request message"), "second_message");
        return;
      }
      received = true;
      Message request;
      try {
        request = GrpcPayloads.decode(message, decoder, limits.maxMessageBytes());
      } catch (ServiceException e) {
        refuse(e, "payload");
        return;
      }
      service.apply(request).onComplete(ar -> {
        if (ar.succeeded()) {
          answer(ar.result());
        } else {
          fail(ar.cause() instanceof ServiceException se ? se : RpcErrors.asServiceException(ar.cause()));
        }
      });
    });
    call.endHandler(v -> {
      stopTimer(vertx);
      String frameError = call.headers().get(GrpcFrameCheck.FRAME_ERROR);
      if (GrpcFrameCheck.UNKNOWN_FLAG.equals(frameError)) {
        refuse(new ServiceException(ErrorCode.UNIMPLEMENTED, "unknown compression flag"), frameError);
      } else if (GrpcFrameCheck.UNDECLARED_ENCODING.equals(frameError)) {
        // A protocol error in the gRPC spec's words, hence INTERNAL.
        refuse(new ServiceException(ErrorCode.INTERNAL, "compressed message without a grpc-encoding"), frameError);
      } else if (!received) {
        refuse(new ServiceException(ErrorCode.INVALID_ARGUMENT, "request ended without a complete message"), "truncated");
      }
    });
    // The client reset the stream or the connection broke: nothing can be answered any more.
    call.exceptionHandler(err -> gone(vertx));
    call.errorHandler(error -> gone(vertx));
  }

  private void gone(Vertx vertx) {
    stopTimer(vertx);
    answered = true;
  }

  private void stopTimer(Vertx vertx) {
    if (messageTimer >= 0) {
      vertx.cancelTimer(messageTimer);
      messageTimer = -1;
    }
  }

  private void refuse(ServiceException e, String reason) {
    if (answered) {
      return;
    }
    log.debug("event=grpc_call_refused rpc={} reason={} code={}", rpc, reason, e.code());
    refused.accept(rpc, e.code());
    fail(e);
  }

  private void answer(Message reply) {
    if (!answered) {
      answered = true;
      endQuietly(() -> call.response().end(reply));
    }
  }

  private void fail(ServiceException e) {
    if (answered) {
      return;
    }
    answered = true;
    GrpcServerResponse<Message, Message> response = call.response();
    endQuietly(() -> {
      response.trailers().set(RpcErrors.CODE_TRAILER, e.code().name());
      response.status(GrpcStatus.valueOf(e.code().grpcCode())).statusMessage(e.getMessage()).end();
    });
  }

  /**
   * Ends the response unless vertx-grpc already has: when the call's own deadline (grpc-timeout)
   * passed first, it answered DEADLINE_EXCEEDED itself and a late answer must not fail.
   */
  private void endQuietly(Runnable end) {
    try {
      end.run();
    } catch (IllegalStateException alreadyClosed) {
      log.debug("event=grpc_answer_dropped rpc={} reason=stream_closed", rpc);
    }
  }
}
