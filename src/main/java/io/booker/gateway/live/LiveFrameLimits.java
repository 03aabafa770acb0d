package io.booker.gateway.live;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;

/**
 * The socket's frame limits, in its Netty pipeline between the frame decoder and Vert.x (the only
 * place of the live endpoint that reaches into Vert.x internals). Vert.x decodes frames without
 * answering a protocol error (it drops the connection) and reassembles fragmented messages past any
 * size of ours, discarding what overflows its own limit in silence. So, per RFC 6455 §7.4.1:
 * <ul>
 *   <li>a frame the decoder refuses (larger than the server's max frame size: 1009; malformed: 1002)
 *       is answered by a close frame of that code before Vert.x drops the connection;</li>
 *   <li>a message whose fragments add up to more than {@code maxMessageBytes} is refused as it
 *       arrives, by {@code onTooBig} (which closes with 1009), and nothing more of it is read;</li>
 *   <li>a text message that is not UTF-8 is closed with 1007 (Netty's validator, across fragments).</li>
 * </ul>
 */
final class LiveFrameLimits extends ChannelInboundHandlerAdapter {

  private static final String VERTX_HANDLER = "handler";

  private final int maxMessageBytes;
  private final Runnable onTooBig;
  private long messageBytes;
  private boolean refused;

  private LiveFrameLimits(int maxMessageBytes, Runnable onTooBig) {
    this.maxMessageBytes = maxMessageBytes;
    this.onTooBig = onTooBig;
  }

  /**
   * Puts the limits in the pipeline of {@code upgraded}, the connection of the request a socket was
   * just upgraded from (the socket itself comes wrapped by Vert.x-web); call on its event loop, as
   * soon as the socket is open.
   */
  static void install(HttpConnection upgraded, int maxMessageBytes, Runnable onTooBig) {
    ChannelPipeline pipeline = ((HttpServerConnection) upgraded).channelHandlerContext().pipeline();
    // Vert.x's handler of the socket took the name of the HTTP one it replaced.
    pipeline.addBefore(VERTX_HANDLER, "liveFrameLimits", new LiveFrameLimits(maxMessageBytes, onTooBig));
    // After the size limit, so that the bytes of a refused message are not validated. It only
    // raises the error: its own close would have Vert.x send a second close frame.
    pipeline.addBefore(VERTX_HANDLER, "liveUtf8", new Utf8FrameValidator(false));
    pipeline.addBefore(VERTX_HANDLER, "liveProtocolErrors", new CloseOnProtocolError());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
      WebSocketFrame frame = (WebSocketFrame) msg;
      if (refused) {
        frame.release();
        return;
      }
      messageBytes = (msg instanceof ContinuationWebSocketFrame ? messageBytes : 0) + frame.content().readableBytes();
      if (messageBytes > maxMessageBytes) {
        refused = true;
        frame.release();
        onTooBig.run();
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  /** Answers a frame the decoder or the UTF-8 validator refused with a close frame of the refusal's code. */
  private static final class CloseOnProtocolError extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof CorruptedWebSocketFrameException corrupted && ctx.channel().isActive()) {
        // Flushed now: Vert.x drops the connection as soon as it hears of the exception, without a close frame.
        ctx.writeAndFlush(new CloseWebSocketFrame(corrupted.closeStatus().code(), corrupted.closeStatus().reasonText()));
      }
      ctx.fireExceptionCaught(cause);
    }
  }
}
