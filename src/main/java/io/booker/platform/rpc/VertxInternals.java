package io.booker.platform.rpc;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.internal.http.HttpServerRequestInternal;
import io.vertx.core.internal.http.HttpServerRequestWrapper;
import io.vertx.core.spi.VertxServiceProvider;

import java.util.function.ToIntFunction;

/**
 * The only class of the RPC layer that uses Vert.x internal API ({@code io.vertx.core.internal..}),
 * because Vert.x 5.0.7 offers no public API for three things the layer needs:
 * <ul>
 *   <li>{@link VertxBootstrap} (via {@link VertxServiceProvider#init}): the only hook that runs before
 *       a Vert.x instance is built, and a {@code ContextLocal} must be registered before that
 *       ({@link CallContext}'s locals). Vert.x finds this class through META-INF/services.</li>
 *   <li>{@link ContextInternal#isDuplicate()}: the public {@link Context} cannot tell the duplicated
 *       context of one request from the event loop's own context, and a value put on the latter
 *       would leak into every later call.</li>
 *   <li>{@link HttpServerRequestWrapper} / {@link HttpServerRequestInternal}: vertx-grpc's
 *       {@code GrpcServer.handle} takes an {@code HttpServerRequest} and casts it to the internal type,
 *       so a request whose body is cut short ({@link GrpcFrameCheck}) must extend the internal wrapper.</li>
 * </ul>
 * {@code VertxInternalsTest} exercises each of them and names the internal API when an upgrade breaks one.
 */
public final class VertxInternals implements VertxServiceProvider {

  @Override
  public void init(VertxBootstrap bootstrap) {
    // Registers the call context's locals before the instance that Vert.x is building exists.
    CallContext.registerLocals();
  }

  /** Whether {@code ctx} belongs to one request or call (a duplicated context), not to a verticle or event loop. */
  static boolean isDuplicate(Context ctx) {
    return ctx instanceof ContextInternal internal && internal.isDuplicate();
  }

  /**
   * {@code request} with its body passed through {@code passing}: given each chunk, it answers how
   * many of its leading bytes go on; fewer than the whole chunk ends the body there (the end handler
   * runs at once and whatever the client sends afterwards is dropped).
   */
  static HttpServerRequest cutShort(HttpServerRequest request, ToIntFunction<Buffer> passing) {
    return new CutShortRequest((HttpServerRequestInternal) request, passing);
  }

  private static final class CutShortRequest extends HttpServerRequestWrapper {

    private final ToIntFunction<Buffer> passing;
    private Handler<Void> endHandler;
    private boolean ended;
    private boolean cut;

    CutShortRequest(HttpServerRequestInternal delegate, ToIntFunction<Buffer> passing) {
      super(delegate);
      this.passing = passing;
    }

    @Override
    public HttpServerRequest handler(Handler<Buffer> handler) {
      return super.handler(handler == null ? null : chunk -> {
        if (cut) {
          return;
        }
        int good = passing.applyAsInt(chunk);
        if (good >= chunk.length()) {
          handler.handle(chunk);
          return;
        }
        cut = true;
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
  }
}
