-- The booking life cycle: merged tables, versions, guests' email, cancellation reasons, audit
-- statuses, idempotency keys. (The version header of outbox events: db/outbox V3.)

ALTER TABLE bookings
  ADD COLUMN merged_room_id  UUID,
  ADD COLUMN merged_table_id UUID,
  ADD COLUMN customer_email  TEXT NOT NULL DEFAULT '',
  ADD COLUMN cancel_reason   TEXT NOT NULL DEFAULT '',
  ADD COLUMN version         BIGINT NOT NULL DEFAULT 1,
  ADD CONSTRAINT bookings_merged_pair CHECK ((merged_table_id IS NULL) = (merged_room_id IS NULL) AND merged_table_id IS DISTINCT FROM table_id),
  ADD CONSTRAINT bookings_hold_expires CHECK (status <> 'held' OR expires_at IS NOT NULL),
  ADD CONSTRAINT bookings_version_positive CHECK (version >= 1);

-- Lists: a venue's bookings by date and start time; a table's (either of a merged pair's).
DROP INDEX bookings_by_venue_date;
CREATE INDEX bookings_by_venue_date ON bookings (venue_id, slot_date, start_time, id);
CREATE INDEX bookings_by_table ON bookings (table_id, slot_date, start_time, id);
CREATE INDEX bookings_by_merged_table ON bookings (merged_table_id, slot_date, start_time, id) WHERE merged_table_id IS NOT NULL;

-- The audit trail says which status a change left and reached, and the version it made.
ALTER TABLE booking_events
  ADD COLUMN from_status TEXT,
  ADD COLUMN to_status   TEXT NOT NULL DEFAULT '',
  ADD COLUMN version     BIGINT NOT NULL DEFAULT 0;

-- The first answer to a client's idempotency key, written in the transaction of the change it
-- answers; kept 24 hours.
CREATE TABLE idempotency_keys (
  scope        TEXT NOT NULL,
  idem_key     TEXT NOT NULL,
  operation    TEXT NOT NULL,
  request_hash BYTEA NOT NULL,
  response     BYTEA NOT NULL,
  booking_id   UUID NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
