-- Booking service: bookings, the tables they occupy, their audit trail, and the outbox.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE bookings (
  id               UUID PRIMARY KEY,
  venue_id         UUID NOT NULL,
  room_id          UUID NOT NULL,
  table_id         UUID NOT NULL,
  slot_date        DATE NOT NULL,
  start_time       TIME NOT NULL,
  duration_minutes INT NOT NULL CHECK (duration_minutes > 0),
  during           TSTZRANGE NOT NULL,
  party_size       INT NOT NULL CHECK (party_size >= 1),
  customer_name    TEXT NOT NULL,
  customer_phone   TEXT NOT NULL DEFAULT '',
  comment          TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'seated', 'finished', 'cancelled', 'expired', 'no_show')),
  admin_id         TEXT NOT NULL DEFAULT '',
  expires_at       TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX bookings_by_venue_date ON bookings (venue_id, slot_date, start_time);
CREATE INDEX bookings_holds ON bookings (expires_at) WHERE status = 'held';

-- Every table a booking occupies (two when tables are merged). The exclusion constraint is what
-- makes a double booking impossible: no two active rows may share a table over overlapping time.
CREATE TABLE booking_tables (
  booking_id UUID NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  table_id   UUID NOT NULL,
  venue_id   UUID NOT NULL,
  during     TSTZRANGE NOT NULL,
  active     BOOLEAN NOT NULL DEFAULT true,
  PRIMARY KEY (booking_id, table_id),
  CONSTRAINT booking_tables_no_overlap EXCLUDE USING gist (table_id WITH =, during WITH &&) WHERE (active)
);
CREATE INDEX booking_tables_future ON booking_tables (venue_id, table_id) WHERE active;

CREATE TABLE booking_events (
  id         BIGSERIAL PRIMARY KEY,
  booking_id UUID NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  event_type TEXT NOT NULL,
  actor_id   TEXT NOT NULL DEFAULT '',
  payload    TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX booking_events_by_booking ON booking_events (booking_id, id);

CREATE TABLE outbox (
  id              BIGSERIAL PRIMARY KEY,
  event_id        UUID NOT NULL UNIQUE,
  topic           TEXT NOT NULL,
  aggregate_id    TEXT NOT NULL,
  event_type      TEXT NOT NULL,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dlq')),
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error      TEXT,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  sent_at         TIMESTAMPTZ
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE status = 'pending';
