-- Issue 19: table combinations. A manager lets 2 to 8 tables of one room seat one party together,
-- for the party sizes given. The tables are checked (and key-share locked) in the writing
-- transaction; a table's delete removes the combinations that contain it in its own transaction,
-- a room's or venue's delete takes its combinations with it (ON DELETE CASCADE).
CREATE TABLE table_combinations (
  id             UUID PRIMARY KEY,
  venue_id       UUID NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  room_id        UUID NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  table_ids      UUID[] NOT NULL CHECK (cardinality(table_ids) BETWEEN 2 AND 8),
  min_party_size INT NOT NULL CHECK (min_party_size BETWEEN 1 AND 100),
  max_party_size INT NOT NULL CHECK (max_party_size BETWEEN 1 AND 100),
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT table_combinations_sizes CHECK (min_party_size <= max_party_size)
);
CREATE INDEX table_combinations_by_venue ON table_combinations (venue_id);
CREATE INDEX table_combinations_by_room ON table_combinations (room_id, created_at, id);
CREATE INDEX table_combinations_by_table ON table_combinations USING gin (table_ids);
