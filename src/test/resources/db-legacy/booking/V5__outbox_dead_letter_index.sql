-- The outbox gauges count dead letters every few seconds; sent rows are kept, so without this
-- index that count would read the whole table. (Pending rows have theirs: outbox_pending.)
CREATE INDEX outbox_dead_letters ON outbox (id) WHERE status = 'dlq';
