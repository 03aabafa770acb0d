-- Issue 19: a booking on a table combination occupies every table of it. booking_tables holds one
-- row per table, so the exclusion constraint keeps holding per table; the booking row names its
-- tables past the first two (a pair's are table_id and merged_table_id) and the combination booked.
ALTER TABLE bookings
  ADD COLUMN more_room_ids  UUID[] NOT NULL DEFAULT '{}',
  ADD COLUMN more_table_ids UUID[] NOT NULL DEFAULT '{}',
  ADD COLUMN combination_id UUID,
  ADD CONSTRAINT bookings_more_tables CHECK (cardinality(more_room_ids) = cardinality(more_table_ids)
    AND (cardinality(more_table_ids) = 0 OR merged_table_id IS NOT NULL));

-- A table's bookings (ListBookings by table_id) find those where it is a combination's third table on.
CREATE INDEX bookings_by_more_tables ON bookings USING gin (more_table_ids) WHERE cardinality(more_table_ids) > 0;
