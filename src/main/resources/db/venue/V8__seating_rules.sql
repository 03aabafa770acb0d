-- Issue 19: a venue's seating rules (turn times, service periods with pacing, booking window), one
-- document per venue, validated as a whole by the service before it is written. A venue without a
-- row has no rules and behaves as before.
CREATE TABLE seating_rules (
  venue_id   UUID PRIMARY KEY REFERENCES venues (id) ON DELETE CASCADE,
  rules      JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
