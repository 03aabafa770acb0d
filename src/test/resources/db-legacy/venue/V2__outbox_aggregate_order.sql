-- The relay claims only the oldest pending event of each aggregate (per-aggregate order on Kafka);
-- this index answers "is there an older pending event of this aggregate?".
CREATE INDEX outbox_pending_by_aggregate ON outbox (aggregate_id, id) WHERE status = 'pending';
