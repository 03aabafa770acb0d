-- The W3C traceparent of the event handling that planned a notification (null when not traced): its
-- send continues that trace (a reminder, sent much later, links to it instead).
ALTER TABLE notifications ADD COLUMN traceparent text;
