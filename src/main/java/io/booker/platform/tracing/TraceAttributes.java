package io.booker.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The span attributes an operator filters on. Ids, states and error codes only: a guest's name,
 * phone or email never goes into a span.
 */
public final class TraceAttributes {

  public static final AttributeKey<String> BOOKING_ID = AttributeKey.stringKey("booker.booking_id");
  public static final AttributeKey<String> VENUE_ID = AttributeKey.stringKey("booker.venue_id");
  public static final AttributeKey<String> BOOKING_STATUS = AttributeKey.stringKey("booker.booking_status");
  /** The Booker error code (ErrorCode name) a call or request failed with. */
  public static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("booker.error_code");
  public static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("booker.event_id");
  public static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("booker.event_type");

  private TraceAttributes() {
  }
}
