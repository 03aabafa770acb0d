-- Issue 19: pacing counts the parties starting in a window of a venue, inside the transaction that
-- writes a booking (BookingSql.PACING_COUNT); this index answers it with one range scan.
CREATE INDEX bookings_starting ON bookings (venue_id, lower(during))
  WHERE status IN ('held', 'confirmed', 'seated', 'finished');
