package io.booker.platform.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;

import java.util.List;

/**
 * Vert.x's HTTP/1.x request decoder, made strict about framing ({@link FramingRules}), in place of
 * the one Vert.x puts in each connection's pipeline. The only class of the edge that reaches into
 * Vert.x internals: Vert.x builds its decoder itself and offers no option for these checks.
 *
 * <p>A refusal is raised inside Netty's header parsing, so Netty produces an invalid request (which
 * Vert.x hands to {@link InvalidRequests}) and then discards every byte that follows on the
 * connection: nothing hidden in a refused request's body is ever read as a request. The checks
 * count header names as Netty splits them (no per-request allocation) and look at a header's value
 * only when the request has a {@code Transfer-Encoding}.
 *
 * <p>It also counts the bytes it reads, so that a stalled request can be told from an idle
 * connection ({@link #requestUnderway()}), and reports a chunked body it cannot decode instead of letting it fail the connection
 * unanswered ({@link SlowClientGuard} answers both).
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {

  private static final String DECODER = "httpDecoder";

  private ChannelHandlerContext ctx;
  private int hosts;
  private int transferEncodings;
  private long bytesRead;
  /** How many bytes had been read when the last request ended (its last byte's offset). */
  private long lastRequestEnd;
  private Runnable onMalformedBody = () -> { };

  private StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  /** Puts a strict decoder in {@code conn}'s pipeline; null for a connection that has no HTTP/1.x decoder. */
  static StrictRequestDecoder install(HttpConnection conn, HttpServerOptions options) {
    if (!(conn instanceof HttpServerConnection server) || server.channelHandlerContext().pipeline().get(DECODER) == null) {
      return null;
    }
    StrictRequestDecoder decoder = new StrictRequestDecoder(options);
    // Called by the server's connection handler, before anything was read on the connection.
    server.channelHandlerContext().pipeline().replace(DECODER, DECODER, decoder);
    return decoder;
  }

  /** Runs when a request's chunked body cannot be decoded; the decoder then ignores the rest of the connection. */
  void onMalformedBody(Runnable action) {
    onMalformedBody = action;
  }

  /** Whether some bytes of a request that has not ended yet were read (as opposed to nothing since the last one). */
  boolean requestUnderway() {
    return bytesRead > lastRequestEnd;
  }

  /** Writes {@code response} as is (no request to answer through Vert.x), then closes the connection. */
  void answerAndClose(byte[] response) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(response)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    super.handlerAdded(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof ByteBuf bytes) {
      bytesRead += bytes.readableBytes();
    }
    super.channelRead(ctx, msg);
  }

  @Override
  protected HttpMessage createMessage(String[] initialLine) {
    RequestRefused refused = FramingRules.version(initialLine[2]);
    if (refused != null) {
      throw refused;
    }
    hosts = 0;
    transferEncodings = 0;
    return super.createMessage(initialLine);
  }

  @Override
  protected AsciiString splitHeaderName(byte[] sb, int start, int length) {
    AsciiString name = super.splitHeaderName(sb, start, length);
    if (length == 4 && HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)) {
      hosts++;
    } else if (length == 17 && HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)) {
      transferEncodings++;
    }
    return name;
  }

  /**
   * Netty calls this once per request, right after the header block is parsed and before it decides
   * how the body is delimited, inside its own error handling: the one place a refusal makes Netty
   * stop reading the connection.
   */
  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage msg) {
    if (msg == null) {
      return super.isContentAlwaysEmpty(null);
    }
    boolean http10 = msg.protocolVersion() == HttpVersion.HTTP_1_0;
    RequestRefused refused = FramingRules.hosts(hosts, http10);
    if (refused == null && transferEncodings > 0) {
      HttpHeaders headers = msg.headers();
      refused = FramingRules.transferEncoding(transferEncodings, headers.get(HttpHeaderNames.TRANSFER_ENCODING),
        headers.contains(HttpHeaderNames.CONTENT_LENGTH), http10);
    }
    if (refused != null) {
      throw refused;
    }
    return super.isContentAlwaysEmpty(msg);
  }

  /** The request Vert.x answers when the request line itself was refused: HTTP/1.1, the version this edge speaks. */
  @Override
  protected HttpMessage createInvalidMessage() {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request", Unpooled.buffer(0), headersFactory, trailersFactory);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
    int before = out.size();
    super.decode(ctx, buffer, out);
    int last = out.size() - 1;
    if (last >= before && out.get(last) instanceof LastHttpContent) {
      // What this call did not consume belongs to requests after the one that just ended.
      lastRequestEnd = bytesRead - buffer.readableBytes();
    }
    // A chunk Netty could not decode comes out as a failed last content (and Netty reads no more):
    // given to Vert.x it would fail the connection, closing it without an answer.
    if (last >= before && out.get(last) instanceof LastHttpContent content && !(content instanceof HttpMessage)
      && content.decoderResult().isFailure()) {
      out.remove(last);
      content.release();
      onMalformedBody.run();
    }
  }
}
