package io.booker.platform.rpc;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.platform.auth.AccessTokens;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * What travels with a service call besides its message: the caller (their verified access token)
 * and the absolute deadline. {@link RpcServiceBinding} attaches both to the (duplicated) Vert.x
 * context that runs the call, on either transport, and the gateway attaches them for each HTTP
 * request; {@link RpcClients} reads them, so a call made while serving another one carries the
 * same caller and what is left of the caller's time, never a fresh timeout.
 *
 * <p>The third part of a call's context, its trace, is carried by Vert.x's own tracing when the node
 * traces (platform/tracing): the W3C {@code traceparent} goes in the event-bus headers and the gRPC
 * (HTTP/2) headers next to the authorization, and the serving side continues the caller's trace.
 *
 * <p>A context local must exist before the first Vert.x instance does; {@link VertxInternals}, which
 * Vert.x loads as a service provider when it builds an instance, registers these by loading this class.
 */
public final class CallContext {

  private static final ContextLocal<Long> DEADLINE = ContextLocal.registerLocal(Long.class);
  private static final ContextLocal<AccessTokens.Verified> CALLER = ContextLocal.registerLocal(AccessTokens.Verified.class);

  private CallContext() {
  }

  /** Loading this class registered its context locals; called before the first Vert.x instance exists. */
  static void registerLocals() {
    // The static initializer did the work.
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

  /**
   * The verified caller of the call (or HTTP request) being served on this context.
   *
   * @throws ServiceException UNAUTHENTICATED when there is none (a call no binding authenticated)
   */
  public static Caller caller() {
    AccessTokens.Verified v = verified();
    if (v == null) {
      throw new ServiceException(ErrorCode.UNAUTHENTICATED, "no authenticated caller");
    }
    return v.caller();
  }

  /** The verified token of the call being served on this context; null when none. */
  public static AccessTokens.Verified verified() {
    Context ctx = Vertx.currentContext();
    return ctx == null || !isRequestContext(ctx) ? null : ctx.getLocal(CALLER);
  }

  /**
   * Attaches a verified caller to the context serving the current request, so that the service
   * calls made for it carry the caller's token. Outside a request context it does nothing.
   */
  public static void attachCaller(AccessTokens.Verified caller) {
    Context ctx = Vertx.currentContext();
    if (ctx != null && isRequestContext(ctx)) {
      ctx.putLocal(CALLER, caller);
    }
  }

  /**
   * Attaches a deadline (epoch ms) to the context serving the current request; a nested call gets
   * what is left of it.
   */
  public static void attachDeadline(long deadlineMillis) {
    attach(deadlineMillis);
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
    return VertxInternals.isDuplicate(ctx);
  }
}
