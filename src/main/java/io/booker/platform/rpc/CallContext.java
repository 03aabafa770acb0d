package io.booker.platform.rpc;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * What travels with a service call besides its message: for now the caller's absolute deadline.
 * {@link RpcServiceBinding} attaches it to the (duplicated) Vert.x context that runs the call, on
 * either transport; {@link RpcClients} reads it, so a call made while serving another one gets
 * what is left of the caller's time, never a fresh timeout.
 *
 * <p>A context local must exist before the first Vert.x instance does; Vert.x loads this class as
 * a {@link VertxServiceProvider} (META-INF/services) when it builds an instance, which registers it.
 */
public final class CallContext implements VertxServiceProvider {

  private static final ContextLocal<Long> DEADLINE = ContextLocal.registerLocal(Long.class);

  @Override
  public void init(VertxBootstrap bootstrap) {
    // Loading the class registered the local; nothing else to do.
  }

  /** The deadline (epoch milliseconds) of the call being served on this context; 0 when none. */
  public static long deadline() {
    Context ctx = Vertx.currentContext();
    if (ctx == null || !isRequestContext(ctx)) {
      return 0;
    }
    Long deadline = ctx.getLocal(DEADLINE);
    return deadline == null ? 0 : deadline;
  }

  /** Attaches {@code deadlineMillis} (epoch ms, 0 = none) to the context serving the current call. */
  static void attach(long deadlineMillis) {
    Context ctx = Vertx.currentContext();
    if (ctx != null && deadlineMillis > 0 && isRequestContext(ctx)) {
      ctx.putLocal(DEADLINE, deadlineMillis);
    }
  }

  /**
   * Only duplicated contexts belong to one request; a value put on a verticle's own event-loop
   * context would leak into every later call it makes.
   */
  private static boolean isRequestContext(Context ctx) {
    return ctx instanceof io.vertx.core.internal.ContextInternal internal && internal.isDuplicate();
  }
}
