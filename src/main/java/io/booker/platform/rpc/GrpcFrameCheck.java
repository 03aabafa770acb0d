package io.booker.platform.rpc;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.http.HttpServerRequestInternal;
import io.vertx.core.internal.http.HttpServerRequestWrapper;
import io.vertx.grpc.common.GrpcHeaderNames;

/**
 * Reads the 5-byte prefix of each gRPC frame of a request before vertx-grpc does, because vertx-grpc
 * 5.0.7 takes any compressed-flag other than 1 for "not compressed" and throws (leaving the stream
 * unanswered) on a compressed frame when the call declared no {@code grpc-encoding}. On such a frame
 * the request stops there: what came before it is passed on, the reason is put in the
 * {@value #FRAME_ERROR} header of the request, and the stream is ended for vertx-grpc, so that
 * {@link GrpcUnaryCall} answers it with a status at once. Whatever the client sends afterwards is dropped.
 */
final class GrpcFrameCheck extends HttpServerRequestWrapper {

  /** Request header carrying why the request was cut short: {@link #UNKNOWN_FLAG} or {@link #UNDECLARED_ENCODING}. */
  static final String FRAME_ERROR = "x-booker-frame-error";
  static final String UNKNOWN_FLAG = "unknown_compression_flag";
  static final String UNDECLARED_ENCODING = "undeclared_encoding";

  private final boolean encodingDeclared;
  private Handler<Void> endHandler;
  private boolean ended;
  private boolean cut;
  /** Bytes of the current frame's prefix read so far (0 to 4), or -1 while inside its payload. */
  private int prefixRead;
  private final byte[] prefix = new byte[5];
  private long payloadLeft;

  GrpcFrameCheck(HttpServerRequest delegate) {
    super((HttpServerRequestInternal) delegate);
    // Only this class says why a request was cut short, never the client.
    delegate.headers().remove(FRAME_ERROR);
    String encoding = delegate.getHeader(GrpcHeaderNames.GRPC_ENCODING);
    this.encodingDeclared = encoding != null && !encoding.equals("identity");
  }

  @Override
  public HttpServerRequest handler(Handler<Buffer> handler) {
    return super.handler(handler == null ? null : chunk -> {
      if (cut) {
        return;
      }
      int good = checkedLength(chunk);
      if (good == chunk.length()) {
        handler.handle(chunk);
        return;
      }
      if (good > 0) {
        handler.handle(chunk.slice(0, good));
      }
      finish();
    });
  }

  @Override
  public HttpServerRequest endHandler(Handler<Void> handler) {
    this.endHandler = handler;
    return super.endHandler(handler == null ? null : v -> finish());
  }

  private void finish() {
    if (!ended) {
      ended = true;
      Handler<Void> handler = endHandler;
      if (handler != null) {
        handler.handle(null);
      }
    }
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
        cut = true;
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
      delegate.headers().set(FRAME_ERROR, reason);
    }
    return reason != null;
  }
}
