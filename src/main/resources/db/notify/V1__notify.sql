-- The notify service's own store: which events it handled (idempotency), the latest state of each
-- booking it heard of (the version rule), the venues' names, zones and languages (for templates),
-- the guests' notifications (the outbox of messages to send), the event log that reconnecting
-- WebSocket clients catch up from, and the records it could not read.

-- One row per handled event id: a redelivered or duplicated event conflicts here and is skipped.
CREATE TABLE processed_events (
  event_id     uuid PRIMARY KEY,
  event_type   text NOT NULL,
  topic        text NOT NULL,
  kafka_partition integer NOT NULL,
  kafka_offset bigint NOT NULL,
  stale        boolean NOT NULL DEFAULT false,
  received_at  timestamptz NOT NULL DEFAULT now()
);

-- The newest known state of each booking; an event whose version is not newer is stale.
CREATE TABLE booking_state (
  booking_id       uuid PRIMARY KEY,
  venue_id         uuid NOT NULL,
  version          bigint NOT NULL,
  status           text NOT NULL,
  slot_date        date,
  start_time       time,
  duration_minutes integer NOT NULL DEFAULT 0,
  starts_at        timestamptz,
  ends_at          timestamptz,
  party_size       integer NOT NULL DEFAULT 0,
  customer_name    text NOT NULL DEFAULT '',
  customer_email   text NOT NULL DEFAULT '',
  customer_phone   text NOT NULL DEFAULT '',
  expires_at       timestamptz,
  reason           text NOT NULL DEFAULT '',
  event_time       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Projection of the venue events: what a message says about the venue.
CREATE TABLE venues (
  venue_id   uuid PRIMARY KEY,
  name       text NOT NULL DEFAULT '',
  timezone   text NOT NULL DEFAULT '',
  language   text NOT NULL DEFAULT '',
  deleted    boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The guests' messages. An event message has the event's id; a reminder has the event that
-- scheduled it and the booking start it reminds of (booking_starts_at), re-checked at send time.
CREATE TABLE notifications (
  id                uuid PRIMARY KEY,
  event_id          uuid NOT NULL,
  event_type        text NOT NULL,
  booking_id        uuid NOT NULL,
  venue_id          uuid NOT NULL,
  version           bigint NOT NULL,
  channel           text NOT NULL,
  recipient         text NOT NULL,
  template          text NOT NULL,
  language          text NOT NULL DEFAULT '',
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
  attempts          integer NOT NULL DEFAULT 0,
  last_error        text NOT NULL DEFAULT '',
  due_at            timestamptz NOT NULL,
  next_attempt_at   timestamptz NOT NULL,
  sent_at           timestamptz,
  subject           text NOT NULL DEFAULT '',
  booking_starts_at timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);

-- One message per event, channel and template.
CREATE UNIQUE INDEX notifications_event_message ON notifications (event_id, channel, template) WHERE template <> 'reminder';
-- One reminder per booking, channel and due time, whichever event scheduled it.
CREATE UNIQUE INDEX notifications_reminder ON notifications (booking_id, channel, template, due_at) WHERE template = 'reminder';
-- The sender's claim: pending rows by next attempt.
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';
-- A booking's notifications, oldest first.
CREATE INDEX notifications_booking ON notifications (booking_id, created_at);

-- The event log: the WebSocket message of every event notify published, in arrival order (seq),
-- kept notify.event_log_retention_hours for clients that reconnect and ask what they missed.
CREATE TABLE events (
  seq         bigserial PRIMARY KEY,
  event_id    uuid NOT NULL UNIQUE,
  venue_id    uuid NOT NULL,
  topic       text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  message     jsonb NOT NULL
);
CREATE INDEX events_venue_seq ON events (venue_id, seq);
CREATE INDEX events_received_at ON events (received_at);

-- Records that could not be read (not JSON, no ids): kept for a person to look at, then skipped.
CREATE TABLE poisoned_events (
  id              bigserial PRIMARY KEY,
  topic           text NOT NULL,
  kafka_partition integer NOT NULL,
  kafka_offset    bigint NOT NULL,
  record_key      text,
  error           text NOT NULL,
  payload         text,
  received_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (topic, kafka_partition, kafka_offset)
);
