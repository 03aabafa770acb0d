-- Blocked tables: a venue's tables taken out of service for a time ("private event", "broken
-- chair"). They live beside the bookings they limit, so that the race between a block and a booking
-- of the same table is decided in this database (see docs/seating.md). Deleting a block deletes its
-- rows for good (its outbox event and the log line say it existed).

CREATE TABLE blocks (
  id         UUID PRIMARY KEY,
  venue_id   UUID NOT NULL,
  room_id    UUID,                -- set when the block was asked for a whole room
  reason     TEXT NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
  starts_at  TIMESTAMPTZ NOT NULL,
  ends_at    TIMESTAMPTZ NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT blocks_range CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '31 days')
);
-- A venue's blocks over a time range: a block lasts at most 31 days, so those overlapping [s, e)
-- start in (s - 31 days, e), one range scan of this index.
CREATE INDEX blocks_by_venue ON blocks (venue_id, starts_at, id);

-- Every table a block takes, with its venue and time: "blocks of these tables overlapping [s, e)"
-- is one probe of the GiST index (table, time range) per table, as for booking_tables.
CREATE TABLE block_tables (
  block_id UUID NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
  table_id UUID NOT NULL,
  venue_id UUID NOT NULL,
  during   TSTZRANGE NOT NULL,
  PRIMARY KEY (block_id, table_id)
);
CREATE INDEX block_tables_by_table ON block_tables USING gist (table_id, during);
