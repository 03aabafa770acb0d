package io.booker.gateway;

import com.google.protobuf.Message;
import io.booker.common.ServiceException;
import io.booker.gateway.auth.RouteAccess;
import io.booker.platform.web.ProtoJson;
import io.booker.proto.booking.*;
import io.booker.proto.notify.ListNotificationsRequest;
import io.booker.proto.notify.NotifyServiceClient;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.Function;

import static io.booker.common.access.Permission.EDIT_SCHEDULE;
import static io.booker.common.access.Permission.READ_BOOKINGS;
import static io.booker.common.access.Permission.WRITE_BOOKINGS;

/**
 * REST routes of bookings (paths of the original Booker, plus reschedule, history and the guest's
 * notifications) and of blocked tables. Every POST takes an {@code Idempotency-Key} header, which works like the body's
 * {@code idempotency_key}.
 */
final class BookingRoutes {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final BookingServiceClient bookings;
  private final NotifyServiceClient notify;

  BookingRoutes(BookingServiceClient bookings, NotifyServiceClient notify) {
    this.bookings = bookings;
    this.notify = notify;
  }

  void mount(Router api, Handler<RoutingContext> validate) {
    api.get("/bookings").handler(validate).handler(ctx -> {
      RouteAccess.require(ctx, READ_BOOKINGS, Rest.query(ctx, "venue_id"));
      ctx.next();
    }).handler(ctx -> Rest.reply(ctx, 200, bookings.listBookings(ListBookingsRequest.newBuilder()
      .setVenueId(Rest.query(ctx, "venue_id"))
      .setDate(Rest.query(ctx, "date"))
      .setStatus(String.join(",", statuses(ctx)))
      .setTableId(Rest.query(ctx, "table_id"))
      .setLimit(Rest.limit(ctx)).setOffset(Rest.queryInt(ctx, "offset")).build())));
    api.post("/bookings").handler(validate).handler(ctx -> {
      CreateBookingRequest.Builder request = ProtoJson.merge(Rest.body(ctx), CreateBookingRequest.newBuilder());
      RouteAccess.require(ctx, WRITE_BOOKINGS, request.getVenueId());
      Rest.reply(ctx, 201, bookings.createBooking(request.setIdempotencyKey(key(ctx, request.getIdempotencyKey())).build()));
    });
    api.get("/bookings/:id").handler(RouteAccess.requires(READ_BOOKINGS)).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      bookings.getBooking(GetBookingRequest.newBuilder().setId(ctx.pathParam("id")).build())));
    api.get("/bookings/:id/history").handler(RouteAccess.requires(READ_BOOKINGS)).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      bookings.getBookingHistory(GetBookingHistoryRequest.newBuilder().setId(ctx.pathParam("id")).build())));
    // The booking service answers first: a booking the caller may not see is 404 like a missing one,
    // whatever notify has recorded for it.
    api.get("/bookings/:id/notifications").handler(RouteAccess.requires(READ_BOOKINGS)).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      bookings.getBooking(GetBookingRequest.newBuilder().setId(ctx.pathParam("id")).build())
        .compose(b -> notify.listNotifications(ListNotificationsRequest.newBuilder().setBookingId(b.getId()).build()))));

    transition(api, validate, "confirm", ConfirmBookingRequest.newBuilder(), b -> bookings.confirmBooking(b.build()));
    transition(api, validate, "cancel", CancelBookingRequest.newBuilder(), b -> bookings.cancelBooking(b.build()));
    transition(api, validate, "seat", MarkSeatedRequest.newBuilder(), b -> bookings.markSeated(b.build()));
    transition(api, validate, "finish", MarkFinishedRequest.newBuilder(), b -> bookings.markFinished(b.build()));
    transition(api, validate, "no-show", MarkNoShowRequest.newBuilder(), b -> bookings.markNoShow(b.build()));
    transition(api, validate, "reschedule", RescheduleBookingRequest.newBuilder(), b -> bookings.rescheduleBooking(b.build()));

    // Blocked tables: hosts read them, admins and managers of the venue make and remove them.
    api.get("/venues/:venueId/blocks").handler(RouteAccess.requiresOnPathVenue(READ_BOOKINGS, "venueId")).handler(validate)
      .handler(ctx -> Rest.reply(ctx, 200, bookings.listBlocks(ListBlocksRequest.newBuilder()
        .setVenueId(ctx.pathParam("venueId")).setDate(Rest.query(ctx, "date"))
        .setFrom(unixSeconds(ctx, "from")).setTo(unixSeconds(ctx, "to")).build())));
    api.post("/venues/:venueId/blocks").handler(RouteAccess.requiresOnPathVenue(EDIT_SCHEDULE, "venueId")).handler(validate)
      .handler(ctx -> Rest.reply(ctx, 201, bookings.createBlock(ProtoJson.merge(Rest.body(ctx), CreateBlockRequest.newBuilder())
        .setVenueId(ctx.pathParam("venueId")).build())));
    api.delete("/blocks/:id").handler(RouteAccess.requires(EDIT_SCHEDULE)).handler(validate).handler(ctx -> Rest.reply(ctx, 204,
      bookings.deleteBlock(DeleteBlockRequest.newBuilder().setId(ctx.pathParam("id")).build())));
  }

  /**
   * {@code POST /bookings/:id/<action>}: the body (optional; {@code reason} for cancel, the new
   * slot and tables for reschedule) merged into the request, the id from the path.
   */
  private <B extends Message.Builder> void transition(Router api, Handler<RoutingContext> validate, String action, B prototype,
                                                      Function<B, io.vertx.core.Future<Booking>> call) {
    api.post("/bookings/:id/" + action).handler(RouteAccess.requires(WRITE_BOOKINGS)).handler(validate).handler(ctx -> {
      @SuppressWarnings("unchecked")
      B request = (B) ProtoJson.merge(Rest.body(ctx), prototype.clone().clear());
      var descriptor = request.getDescriptorForType();
      request.setField(descriptor.findFieldByName("id"), ctx.pathParam("id"));
      var keyField = descriptor.findFieldByName("idempotency_key");
      request.setField(keyField, key(ctx, (String) request.getField(keyField)));
      Rest.reply(ctx, 200, call.apply(request));
    });
  }

  /** The header's key, or the body's; both given and different is a client mistake. */
  private static String key(RoutingContext ctx, String fromBody) {
    String header = ctx.request().getHeader(IDEMPOTENCY_KEY);
    if (header == null) {
      return fromBody;
    }
    if (!fromBody.isEmpty() && !fromBody.equals(header)) {
      throw ServiceException.invalid("idempotency_key", "differs from the " + IDEMPOTENCY_KEY + " header");
    }
    return header;
  }

  /** A Unix-seconds query parameter: absent is 0 (none); given, it must be positive. */
  private static long unixSeconds(RoutingContext ctx, String name) {
    long v = Rest.queryLong(ctx, name);
    if (v <= 0 && ctx.request().getParam(name) != null) {
      throw ServiceException.invalid(name, "must be a Unix time in seconds");
    }
    return v;
  }

  /** {@code status=held,confirmed} or {@code status=held&status=confirmed}. */
  private static List<String> statuses(RoutingContext ctx) {
    return ctx.queryParam("status").stream()
      .flatMap(s -> java.util.Arrays.stream(s.split(",")))
      .map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
