-- The version of the aggregate an event describes, sent as the Kafka header "version" when set.
ALTER TABLE outbox ADD COLUMN aggregate_version BIGINT;
