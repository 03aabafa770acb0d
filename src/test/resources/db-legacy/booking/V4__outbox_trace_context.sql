-- The W3C traceparent of the request that wrote the event (null when it was not traced): the relay's
-- Kafka publish continues that trace and carries it on to the consumers in the record's headers.
ALTER TABLE outbox ADD COLUMN traceparent text;

-- The trace context of the request that made a hold: the expiry of a lapsed hold starts a span of its
-- own, linked to it.
ALTER TABLE bookings ADD COLUMN traceparent text;
