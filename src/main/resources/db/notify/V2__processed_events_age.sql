-- The periodic clean-up forgets handled event ids by age; without this it would scan the table.
CREATE INDEX processed_events_received_at ON processed_events (received_at);
