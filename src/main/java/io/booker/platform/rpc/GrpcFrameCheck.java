package io.booker.platform.rpc;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.grpc.common.GrpcHeaderNames;

/**
 * Reads the 5-byte prefix of each gRPC frame of a request before vertx-grpc does, because vertx-grpc
 * 5.0.7 takes any compressed-flag other than 1 for "not compressed" and throws (leaving the stream
 * unanswered) on a compressed frame when the call declared no {@code grpc-encoding}. On such a frame
 * the request stops there: what came before it is passed on, the reason is put in the
 * {@value #FRAME_ERROR} header of the request, and the stream is ended for vertx-grpc, so that
 * {@link GrpcUnaryCall} answers it with a status at once. Whatever the client sends afterwards is
 * dropped ({@link VertxInternals#cutShort}).
 */
final class GrpcFrameCheck {

  /** Request header carrying why the request was cut short: {@link #UNKNOWN_FLAG} or {@link #UNDECLARED_ENCODING}. */
  static final String FRAME_ERROR = "x-booker-frame-error";
  static final String UNKNOWN_FLAG = "unknown_compression_flag";
  static final String UNDECLARED_ENCODING = "undeclared_encoding";

  private final HttpServerRequest request;
  private final boolean encodingDeclared;
  /** Bytes of the current frame's prefix read so far (0 to 4). */
  private int prefixRead;
  private final byte[] prefix = new byte[5];
  private long payloadLeft;

  private GrpcFrameCheck(HttpServerRequest request) {
    this.request = request;
    // Only this class says why a request was cut short, never the client.
    request.headers().remove(FRAME_ERROR);
    String encoding = request.getHeader(GrpcHeaderNames.GRPC_ENCODING);
    this.encodingDeclared = encoding != null && !encoding.equals("identity");
  }

  /** {@code request} as vertx-grpc should read it: its body up to the first frame this server refuses. */
  static HttpServerRequest checked(HttpServerRequest request) {
    return VertxInternals.cutShort(request, new GrpcFrameCheck(request)::checkedLength);
  }

  /** How many bytes of {@code chunk}, from its start, come before a frame this server refuses (all when none). */
  private int checkedLength(Buffer chunk) {
    int pos = 0;
    int length = chunk.length();
    while (pos < length) {
      if (payloadLeft > 0) {
        int skip = (int) Math.min(payloadLeft, length - pos);
        payloadLeft -= skip;
        pos += skip;
        continue;
      }
      prefix[prefixRead++] = chunk.getByte(pos);
      if (prefixRead == 1 && refused(prefix[0])) {
        return pos;
      }
      pos++;
      if (prefixRead == 5) {
        prefixRead = 0;
        payloadLeft = ((long) Buffer.buffer(prefix).getInt(1)) & 0xFFFFFFFFL;
      }
    }
    return length;
  }

  private boolean refused(byte flag) {
    String reason = flag == 0 ? null
      : flag != 1 ? UNKNOWN_FLAG
      : encodingDeclared ? null : UNDECLARED_ENCODING;
    if (reason != null) {
      request.headers().set(FRAME_ERROR, reason);
    }
    return reason != null;
  }
}
