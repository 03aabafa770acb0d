-- The trace context of the request that made a hold: the expiry of a lapsed hold starts a span of its
-- own, linked to it.
ALTER TABLE bookings ADD COLUMN traceparent text;
