package io.booker.notify.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a venue event says: the event (id, type, time), the venue, and what changed. {@code name},
 * {@code timezone} and {@code language} are set for venue.created/updated (language may be empty);
 * {@code roomId}/{@code tableIds} for table.layout.updated; {@code scheduleDate} for
 * venue.schedule.updated (empty when the weekly hours changed).
 */
public record VenueFacts(UUID eventId, String eventType, Instant time, UUID venueId, String name, String timezone,
                         String language, String roomId, java.util.List<String> tableIds, String scheduleDate) {

  public static final String CREATED = "venue.created";
  public static final String UPDATED = "venue.updated";
  public static final String DELETED = "venue.deleted";
  public static final String LAYOUT_UPDATED = "table.layout.updated";
  public static final String SCHEDULE_UPDATED = "venue.schedule.updated";

  public VenueFacts {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(venueId, "venueId");
    name = name == null ? "" : name;
    timezone = timezone == null ? "" : timezone;
    language = language == null ? "" : language;
    roomId = roomId == null ? "" : roomId;
    tableIds = tableIds == null ? java.util.List.of() : java.util.List.copyOf(tableIds);
    scheduleDate = scheduleDate == null ? "" : scheduleDate;
  }

  /** Whether the event says what the venue is called and where (so the projection takes it). */
  public boolean describesVenue() {
    return CREATED.equals(eventType) || UPDATED.equals(eventType);
  }

  public boolean deletesVenue() {
    return DELETED.equals(eventType);
  }
}
