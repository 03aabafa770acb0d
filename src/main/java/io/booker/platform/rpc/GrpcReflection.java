package io.booker.platform.rpc;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.booker.common.ServiceException;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.MessageSizeOverflowException;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.reflection.v1.ServerReflectionProto;
import io.vertx.grpc.reflection.v1.ServerReflectionRequest;
import io.vertx.grpc.reflection.v1.ServerReflectionResponse;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;
import io.vertx.grpc.server.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gRPC server reflection ({@code grpc.reflection.v1.ServerReflection}, and the same wire under its
 * older name {@code grpc.reflection.v1alpha.ServerReflection}), open without a token as
 * docs/security.md says. It replaces vertx-grpc-reflection 5.0.7's handler, which ends the stream
 * after the first request: grpcurl and {@code buf curl} send several on one stream, and each one
 * after the first threw "The stream has been closed", logged at ERROR with its stack by Vert.x, so
 * anyone who reached the port could flood the log. Here each request gets its answer on the open
 * stream ({@link ReflectionAnswers}), the stream ends OK when the client ends its side, and a client
 * that resets it, sends garbage or too many requests gets a status or nothing, never an exception.
 * Messages are read raw and decoded by {@link GrpcPayloads} within {@link GrpcLimits}, as the
 * service's own calls are (vertx-grpc would inflate a gzip bomb whole, and cancels the stream on
 * bytes it cannot decode), and a frame {@link GrpcFrameCheck} cut short is answered as there.
 */
final class GrpcReflection implements Service {

  /** More requests than any tool sends on one stream (a few per service and file): the rest is refused. */
  static final int MAX_REQUESTS_PER_STREAM = 1000;

  private static final Logger log = LoggerFactory.getLogger(GrpcReflection.class);
  private static final ServiceName V1 = ServiceName.create("grpc.reflection.v1.ServerReflection");
  private static final ServiceName V1_ALPHA = ServiceName.create("grpc.reflection.v1alpha.ServerReflection");
  private static final String METHOD = "ServerReflectionInfo";
  private static final Descriptors.ServiceDescriptor DESCRIPTOR =
    ServerReflectionProto.getDescriptor().findServiceByName("ServerReflection");

  private final GrpcLimits limits;

  GrpcReflection(GrpcLimits limits) {
    this.limits = limits;
  }

  @Override
  public ServiceName name() {
    return V1;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    ReflectionAnswers answers = new ReflectionAnswers(server);
    GrpcMessageDecoder<Message> decoder = GrpcMessageDecoder.decoder(ServerReflectionRequest.newBuilder());
    for (ServiceName name : new ServiceName[] {V1, V1_ALPHA}) {
      // v1alpha's messages are v1's, field for field: one codec serves both names.
      ServiceMethod<Message, Message> method = ServiceMethod.server(name, METHOD, GrpcMessageEncoder.encoder(), decoder);
      server.callHandler(method, call -> new Stream(call, decoder, answers).start());
    }
  }

  /** One reflection stream: an answer per request, until either side ends it. */
  private final class Stream {
    private final GrpcServerRequest<Message, Message> call;
    private final GrpcServerResponse<Message, Message> response;
    private final GrpcMessageDecoder<Message> decoder;
    private final ReflectionAnswers answers;
    private int requests;
    private boolean closed;

    Stream(GrpcServerRequest<Message, Message> call, GrpcMessageDecoder<Message> decoder, ReflectionAnswers answers) {
      this.call = call;
      this.response = call.response();
      this.decoder = decoder;
      this.answers = answers;
    }

    void start() {
      if (!GrpcPayloads.readable(call.encoding())) {
        end(GrpcStatus.UNIMPLEMENTED, "message encoding not supported");
        return;
      }
      call.messageHandler(message -> {
        if (closed) {
          return;
        }
        if (++requests > MAX_REQUESTS_PER_STREAM) {
          end(GrpcStatus.RESOURCE_EXHAUSTED, "more than " + MAX_REQUESTS_PER_STREAM + " requests on one stream");
          return;
        }
        ServerReflectionResponse answer;
        try {
          answer = answers.answer((ServerReflectionRequest) GrpcPayloads.decode(message, decoder, limits.maxMessageBytes()));
        } catch (ServiceException e) {
          end(GrpcStatus.valueOf(e.code().grpcCode()), e.getMessage());
          return;
        } catch (RuntimeException e) {
          // A request these descriptors cannot answer is the client's problem, not a server error.
          end(GrpcStatus.INVALID_ARGUMENT, "unanswerable reflection request");
          return;
        }
        try {
          response.write(answer);
        } catch (IllegalStateException gone) {
          closed = true;
        }
      });
      call.invalidMessageHandler(invalid -> end(invalid instanceof MessageSizeOverflowException
        ? GrpcStatus.RESOURCE_EXHAUSTED : GrpcStatus.INVALID_ARGUMENT,
        invalid instanceof MessageSizeOverflowException ? "message larger than " + limits.maxMessageBytes() + " bytes" : "malformed request message"));
      call.endHandler(v -> {
        String frameError = call.headers().get(GrpcFrameCheck.FRAME_ERROR);
        if (GrpcFrameCheck.UNKNOWN_FLAG.equals(frameError)) {
          end(GrpcStatus.UNIMPLEMENTED, "unknown compression flag");
        } else if (GrpcFrameCheck.UNDECLARED_ENCODING.equals(frameError)) {
          end(GrpcStatus.INTERNAL, "compressed message without a grpc-encoding");
        } else {
          end(GrpcStatus.OK, null);
        }
      });
      // The client reset the stream or the connection broke: nothing can be answered any more.
      call.exceptionHandler(err -> closed = true);
      call.errorHandler(err -> closed = true);
    }

    private void end(GrpcStatus status, String message) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        response.status(status);
        if (message != null) {
          response.statusMessage(message);
        }
        response.end();
      } catch (IllegalStateException alreadyClosed) {
        log.debug("event=grpc_answer_dropped rpc={} reason=stream_closed", call.fullMethodName());
      }
    }
  }
}
