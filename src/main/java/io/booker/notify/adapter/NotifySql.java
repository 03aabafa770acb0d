package io.booker.notify.adapter;

/** SQL of the notify service (database {@code notify}, migrations in {@code db/notify}). */
final class NotifySql {

  private NotifySql() {
  }

  /** Claims an event id; no row back means notify handled it before (a duplicate). */
  static final String INSERT_PROCESSED =
    "INSERT INTO processed_events (event_id, event_type, topic, kafka_partition, kafka_offset) VALUES ($1, $2, $3, $4, $5) "
      + "ON CONFLICT (event_id) DO NOTHING RETURNING event_id";

  static final String MARK_STALE = "UPDATE processed_events SET stale = true WHERE event_id = $1";

  /** The version notify knows of a booking, locked until the transaction ends. */
  static final String LOCK_BOOKING_VERSION = "SELECT version FROM booking_state WHERE booking_id = $1 FOR UPDATE";

  /**
   * The booking's newest state. The version guard also settles two first events of one booking
   * handled at once (neither saw a row to lock): the older one gets no row back and is stale.
   */
  static final String UPSERT_BOOKING =
    "INSERT INTO booking_state (booking_id, venue_id, version, status, slot_date, start_time, duration_minutes, starts_at, ends_at, "
      + "  party_size, customer_name, customer_email, customer_phone, expires_at, reason, event_time) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
      + "ON CONFLICT (booking_id) DO UPDATE SET venue_id = EXCLUDED.venue_id, version = EXCLUDED.version, status = EXCLUDED.status, "
      + "  slot_date = EXCLUDED.slot_date, start_time = EXCLUDED.start_time, duration_minutes = EXCLUDED.duration_minutes, "
      + "  starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, party_size = EXCLUDED.party_size, "
      + "  customer_name = EXCLUDED.customer_name, customer_email = EXCLUDED.customer_email, "
      + "  customer_phone = EXCLUDED.customer_phone, expires_at = EXCLUDED.expires_at, reason = EXCLUDED.reason, "
      + "  event_time = EXCLUDED.event_time, updated_at = now() "
      + "WHERE booking_state.version < EXCLUDED.version RETURNING booking_id";

  /** Older pending event messages of booking $1 on channels $2, replaced by those of event $3 (version $4). */
  static final String SUPERSEDE =
    "UPDATE notifications SET status = 'cancelled', last_error = 'superseded by ' || $3, updated_at = now() "
      + "WHERE booking_id = $1 AND status = 'pending' AND template <> 'reminder' AND channel = ANY($2) AND version < $4";

  /** Pending reminders of booking $1 that are not about a start at $2 (null: all of them), with reason $3. */
  static final String CANCEL_REMINDERS =
    "UPDATE notifications SET status = 'cancelled', last_error = $3, updated_at = now() "
      + "WHERE booking_id = $1 AND status = 'pending' AND template = 'reminder' AND booking_starts_at IS DISTINCT FROM $2";

  /** A notification; one that exists already (same event and channel, or same reminder) is left alone. */
  static final String INSERT_NOTIFICATION =
    "INSERT INTO notifications (id, event_id, event_type, booking_id, venue_id, version, channel, recipient, template, "
      + "  due_at, next_attempt_at, booking_starts_at, traceparent) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12) ON CONFLICT DO NOTHING";

  /** The venue as created or updated: the events carry its whole name, zone and language (empty: English). */
  static final String UPSERT_VENUE =
    "INSERT INTO venues (venue_id, name, timezone, language) VALUES ($1, $2, $3, $4) "
      + "ON CONFLICT (venue_id) DO UPDATE SET name = EXCLUDED.name, timezone = EXCLUDED.timezone, "
      + "  language = EXCLUDED.language, "
      + "  deleted = false, updated_at = now()";

  /** A venue looked up from the venue service: kept unless an event told notify about it meanwhile. */
  static final String REMEMBER_VENUE =
    "INSERT INTO venues (venue_id, name, timezone, language) VALUES ($1, $2, $3, $4) ON CONFLICT (venue_id) DO NOTHING";

  static final String DELETE_VENUE =
    "INSERT INTO venues (venue_id, deleted) VALUES ($1, true) "
      + "ON CONFLICT (venue_id) DO UPDATE SET deleted = true, updated_at = now()";

  static final String APPEND_EVENT =
    "INSERT INTO events (event_id, venue_id, topic, message) VALUES ($1, $2, $3, $4) RETURNING seq";

  static final String INSERT_POISONED =
    "INSERT INTO poisoned_events (topic, kafka_partition, kafka_offset, record_key, error, payload) "
      + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING";

  /**
   * Claims up to $1 due notifications for $2 seconds (a lease: another node claims a row again only
   * when the sender that holds it died before recording the outcome), with what writing them needs.
   */
  static final String CLAIM_DUE =
    "WITH due AS (SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= now() "
      + "  ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) "
      + "UPDATE notifications n SET next_attempt_at = now() + make_interval(secs => $2), updated_at = now() "
      + "FROM due, booking_state b LEFT JOIN venues v ON v.venue_id = b.venue_id "
      + "WHERE n.id = due.id AND b.booking_id = n.booking_id "
      + "RETURNING n.id, n.booking_id, n.channel, n.recipient, n.template, n.attempts, n.booking_starts_at, n.traceparent, "
      + "  b.status, b.slot_date, b.start_time, b.duration_minutes, b.starts_at, b.party_size, b.customer_name, b.expires_at, "
      + "  b.reason, b.event_time, b.venue_id, v.venue_id IS NOT NULL AS venue_known, v.name AS venue_name, "
      + "  v.timezone AS venue_timezone, v.language AS venue_language";

  static final String MARK_SENT =
    "UPDATE notifications SET status = 'sent', attempts = attempts + 1, sent_at = now(), language = $2, subject = $3, "
      + "  last_error = '', updated_at = now() WHERE id = $1 AND status = 'pending'";

  static final String MARK_RETRY =
    "UPDATE notifications SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3), "
      + "  updated_at = now() WHERE id = $1 AND status = 'pending'";

  static final String MARK_FAILED =
    "UPDATE notifications SET status = 'failed', attempts = attempts + 1, last_error = $2, updated_at = now() "
      + "WHERE id = $1 AND status = 'pending'";

  static final String MARK_CANCELLED =
    "UPDATE notifications SET status = 'cancelled', last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending'";

  static final String LIST_FOR_BOOKING =
    "SELECT id, booking_id, venue_id, event_id, event_type, channel, recipient, template, language, status, attempts, "
      + "  last_error, due_at, sent_at, created_at, updated_at, subject "
      + "FROM notifications WHERE booking_id = $1 ORDER BY created_at, due_at, id";

  static final String EVENT_SEQ = "SELECT seq FROM events WHERE event_id = $1";

  static final String EVENTS_AFTER =
    "SELECT seq, event_id, venue_id, message::text AS message FROM events WHERE venue_id = ANY($1) AND seq > $2 "
      + "ORDER BY seq LIMIT $3";

  static final String EVENTS_SINCE =
    "SELECT seq, event_id, venue_id, message::text AS message FROM events WHERE venue_id = ANY($1) AND received_at >= $2 "
      + "ORDER BY seq LIMIT $3";

  static final String DELETE_OLD_PROCESSED =
    "DELETE FROM processed_events WHERE received_at < now() - make_interval(hours => $1)";

  static final String DELETE_OLD_EVENTS =
    "DELETE FROM events WHERE received_at < now() - make_interval(hours => $1)";
}
