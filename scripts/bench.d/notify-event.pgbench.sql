-- pgbench script: the database work of notify's consumer for one booking's two events, booking.held
-- then booking.confirmed, as PgNotifyStore.handle sends it with the email channel on (the dev
-- system's). This is the ceiling for scripts/bench's "notify" scenario: notify's one consumer handles
-- records one after another, so run it with 1 client and -M prepared (the Vert.x pg client caches
-- its prepared statements). One pgbench transaction here = 2 events = 2 database transactions.
--
--   held      = BEGIN; INSERT_PROCESSED; LOCK_BOOKING_VERSION (no row yet); UPSERT_BOOKING (insert);
--               SUPERSEDE; CANCEL_REMINDERS; INSERT_NOTIFICATION x 1 (held email); APPEND_EVENT; COMMIT
--   confirmed = BEGIN; INSERT_PROCESSED; LOCK_BOOKING_VERSION; UPSERT_BOOKING (update to version 2);
--               SUPERSEDE (cancels the held email if still pending); CANCEL_REMINDERS;
--               INSERT_NOTIFICATION x 3 (confirmed email, reminders 24 h and 2 h before); APPEND_EVENT; COMMIT
--
-- The statement texts are copied from src/main/java/io/booker/notify/adapter/NotifySql.java. Copy them
-- again if NotifySql changes. Deviations:
--  * pgbench cannot bind client-made values, so every $n is an expression here (commented with its
--    $n): ids are md5(...)::uuid of the run and the booking number g; times are to_timestamp() of an
--    epoch; the channel array is ARRAY['email'].
--  * The service sends the notification rows of one event as one batch (executeBatch: one round
--    trip, one Execute per row); pgbench sends one statement per row (a round trip each).
--  * The held message's SUPERSEDE finds nothing; the confirmed one cancels the held email, which no
--    sender took meanwhile here. In the service the sender may have sent it first (then it updates
--    nothing). The event log's message is the WebSocket message in its real shape and size (~1,000
--    bytes of jsonb), built with format().
--  * No sender: its claim and mark-sent statements are not in this script (see docs/benchmarks.md).
-- Beware when editing: pgbench replaces a colon followed by a letter or digit with a variable even
-- in string literals and comments: the JSON is written with format() and '%s' placeholders.
--
-- Variables (pgbench -D): run (unique per pgbench invocation), n=0 (per-client counter), base (epoch
-- seconds of the first slot, UTC). Transaction n of client c is booking g = (n-1)*nclients + c,
-- starting base + g * 900 (far enough ahead that both reminders are still to come).

\set n :n + 1
\set g (:n - 1) * :nclients + :client_id
\set t0 :base + :g * 900
\set t1 :t0 + 900

-- booking.held, version 1
BEGIN;
-- NotifySql.INSERT_PROCESSED
INSERT INTO processed_events (event_id, event_type, topic, kafka_partition, kafka_offset)
  VALUES (md5(:run::text || '/event/held/' || :g::text)::uuid, 'booking.held', 'booking.held', 0, :g)
  ON CONFLICT (event_id) DO NOTHING RETURNING event_id;
-- NotifySql.LOCK_BOOKING_VERSION
SELECT version FROM booking_state WHERE booking_id = md5(:run::text || '/booking/' || :g::text)::uuid FOR UPDATE;
-- NotifySql.UPSERT_BOOKING ($1 .. $16)
INSERT INTO booking_state (booking_id, venue_id, version, status, slot_date, start_time, duration_minutes, starts_at, ends_at,
    party_size, customer_name, customer_email, customer_phone, expires_at, reason, event_time)
  VALUES (md5(:run::text || '/booking/' || :g::text)::uuid, md5(:run::text || '/venue')::uuid, 1, 'held',
    (to_timestamp(:t0::float8) AT TIME ZONE 'UTC')::date, (to_timestamp(:t0::float8) AT TIME ZONE 'UTC')::time, 15,
    to_timestamp(:t0::float8), to_timestamp(:t1::float8), 2, 'Bench Guest ' || :g::text, 'bench.guest@example.com',
    '+49 30 1234567', now() + interval '15 minutes', '', now())
  ON CONFLICT (booking_id) DO UPDATE SET venue_id = EXCLUDED.venue_id, version = EXCLUDED.version, status = EXCLUDED.status,
    slot_date = EXCLUDED.slot_date, start_time = EXCLUDED.start_time, duration_minutes = EXCLUDED.duration_minutes,
    starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, party_size = EXCLUDED.party_size,
    customer_name = EXCLUDED.customer_name, customer_email = EXCLUDED.customer_email,
    customer_phone = EXCLUDED.customer_phone, expires_at = EXCLUDED.expires_at, reason = EXCLUDED.reason,
    event_time = EXCLUDED.event_time, updated_at = now()
  WHERE booking_state.version < EXCLUDED.version RETURNING booking_id;
-- NotifySql.SUPERSEDE ($1 booking, $2 channels, $3 event type, $4 version)
UPDATE notifications SET status = 'cancelled', last_error = 'superseded by ' || 'booking.held', updated_at = now()
  WHERE booking_id = md5(:run::text || '/booking/' || :g::text)::uuid AND status = 'pending' AND template <> 'reminder'
    AND channel = ANY(ARRAY['email']) AND version < 1;
-- NotifySql.CANCEL_REMINDERS ($2 = null: a held booking keeps no reminders)
UPDATE notifications SET status = 'cancelled', last_error = 'booking is held', updated_at = now()
  WHERE booking_id = md5(:run::text || '/booking/' || :g::text)::uuid AND status = 'pending' AND template = 'reminder'
    AND booking_starts_at IS DISTINCT FROM NULL::timestamptz;
-- NotifySql.INSERT_NOTIFICATION: the held email
INSERT INTO notifications (id, event_id, event_type, booking_id, venue_id, version, channel, recipient, template,
    due_at, next_attempt_at, booking_starts_at)
  VALUES (md5(:run::text || '/n/held/' || :g::text)::uuid, md5(:run::text || '/event/held/' || :g::text)::uuid, 'booking.held',
    md5(:run::text || '/booking/' || :g::text)::uuid, md5(:run::text || '/venue')::uuid, 1, 'email', 'bench.guest@example.com',
    'held', now(), now(), NULL) ON CONFLICT DO NOTHING;
-- NotifySql.APPEND_EVENT
INSERT INTO events (event_id, venue_id, topic, message)
  VALUES (md5(:run::text || '/event/held/' || :g::text)::uuid, md5(:run::text || '/venue')::uuid, 'booking.held',
    format('{"time": %1$s, "type": "booking.held", "booking": {"id": "%2$s", "slot": {"date": "%3$s", "start_time": "%4$s", "duration_minutes": 15}, "table": {"room_id": "%5$s", "table_id": "%6$s", "venue_id": "%7$s"}, "status": "held", "tables": [{"room_id": "%5$s", "table_id": "%6$s", "venue_id": "%7$s"}], "comment": "", "ends_at": %8$s, "version": 1, "admin_id": "", "venue_id": "%7$s", "starts_at": %9$s, "created_at": 0, "expires_at": %10$s, "party_size": 2, "updated_at": %1$s, "cancel_reason": "", "customer_name": "Bench Guest %11$s", "customer_email": "bench.guest@example.com", "customer_phone": "+49 30 1234567"}, "version": 1, "event_id": "%12$s", "venue_id": "%7$s"}',
      extract(epoch FROM now())::bigint, md5(:run::text || '/booking/' || :g::text)::uuid,
      to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'HH24":"MI'),
      md5(:run::text || '/room')::uuid, md5(:run::text || '/table')::uuid, md5(:run::text || '/venue')::uuid,
      :t1::bigint, :t0::bigint, extract(epoch FROM now() + interval '15 minutes')::bigint, :g::bigint,
      md5(:run::text || '/event/held/' || :g::text)::uuid)::jsonb)
  RETURNING seq;
COMMIT;

-- booking.confirmed, version 2
BEGIN;
INSERT INTO processed_events (event_id, event_type, topic, kafka_partition, kafka_offset)
  VALUES (md5(:run::text || '/event/confirmed/' || :g::text)::uuid, 'booking.confirmed', 'booking.confirmed', 0, :g)
  ON CONFLICT (event_id) DO NOTHING RETURNING event_id;
SELECT version FROM booking_state WHERE booking_id = md5(:run::text || '/booking/' || :g::text)::uuid FOR UPDATE;
INSERT INTO booking_state (booking_id, venue_id, version, status, slot_date, start_time, duration_minutes, starts_at, ends_at,
    party_size, customer_name, customer_email, customer_phone, expires_at, reason, event_time)
  VALUES (md5(:run::text || '/booking/' || :g::text)::uuid, md5(:run::text || '/venue')::uuid, 2, 'confirmed',
    (to_timestamp(:t0::float8) AT TIME ZONE 'UTC')::date, (to_timestamp(:t0::float8) AT TIME ZONE 'UTC')::time, 15,
    to_timestamp(:t0::float8), to_timestamp(:t1::float8), 2, 'Bench Guest ' || :g::text, 'bench.guest@example.com',
    '+49 30 1234567', NULL, '', now())
  ON CONFLICT (booking_id) DO UPDATE SET venue_id = EXCLUDED.venue_id, version = EXCLUDED.version, status = EXCLUDED.status,
    slot_date = EXCLUDED.slot_date, start_time = EXCLUDED.start_time, duration_minutes = EXCLUDED.duration_minutes,
    starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, party_size = EXCLUDED.party_size,
    customer_name = EXCLUDED.customer_name, customer_email = EXCLUDED.customer_email,
    customer_phone = EXCLUDED.customer_phone, expires_at = EXCLUDED.expires_at, reason = EXCLUDED.reason,
    event_time = EXCLUDED.event_time, updated_at = now()
  WHERE booking_state.version < EXCLUDED.version RETURNING booking_id;
UPDATE notifications SET status = 'cancelled', last_error = 'superseded by ' || 'booking.confirmed', updated_at = now()
  WHERE booking_id = md5(:run::text || '/booking/' || :g::text)::uuid AND status = 'pending' AND template <> 'reminder'
    AND channel = ANY(ARRAY['email']) AND version < 2;
-- CANCEL_REMINDERS ($2 = the start: the reminders of this start stay)
UPDATE notifications SET status = 'cancelled', last_error = 'booking was moved', updated_at = now()
  WHERE booking_id = md5(:run::text || '/booking/' || :g::text)::uuid AND status = 'pending' AND template = 'reminder'
    AND booking_starts_at IS DISTINCT FROM to_timestamp(:t0::float8);
-- INSERT_NOTIFICATION x 3: the confirmed email and the two reminders
INSERT INTO notifications (id, event_id, event_type, booking_id, venue_id, version, channel, recipient, template,
    due_at, next_attempt_at, booking_starts_at)
  VALUES (md5(:run::text || '/n/confirmed/' || :g::text)::uuid, md5(:run::text || '/event/confirmed/' || :g::text)::uuid,
    'booking.confirmed', md5(:run::text || '/booking/' || :g::text)::uuid, md5(:run::text || '/venue')::uuid, 2, 'email',
    'bench.guest@example.com', 'confirmed', now(), now(), NULL) ON CONFLICT DO NOTHING;
INSERT INTO notifications (id, event_id, event_type, booking_id, venue_id, version, channel, recipient, template,
    due_at, next_attempt_at, booking_starts_at)
  VALUES (md5(:run::text || '/n/r24/' || :g::text)::uuid, md5(:run::text || '/event/confirmed/' || :g::text)::uuid,
    'booking.confirmed', md5(:run::text || '/booking/' || :g::text)::uuid, md5(:run::text || '/venue')::uuid, 2, 'email',
    'bench.guest@example.com', 'reminder', to_timestamp(:t0::float8) - interval '24 hours',
    to_timestamp(:t0::float8) - interval '24 hours', to_timestamp(:t0::float8)) ON CONFLICT DO NOTHING;
INSERT INTO notifications (id, event_id, event_type, booking_id, venue_id, version, channel, recipient, template,
    due_at, next_attempt_at, booking_starts_at)
  VALUES (md5(:run::text || '/n/r2/' || :g::text)::uuid, md5(:run::text || '/event/confirmed/' || :g::text)::uuid,
    'booking.confirmed', md5(:run::text || '/booking/' || :g::text)::uuid, md5(:run::text || '/venue')::uuid, 2, 'email',
    'bench.guest@example.com', 'reminder', to_timestamp(:t0::float8) - interval '2 hours',
    to_timestamp(:t0::float8) - interval '2 hours', to_timestamp(:t0::float8)) ON CONFLICT DO NOTHING;
INSERT INTO events (event_id, venue_id, topic, message)
  VALUES (md5(:run::text || '/event/confirmed/' || :g::text)::uuid, md5(:run::text || '/venue')::uuid, 'booking.confirmed',
    format('{"time": %1$s, "type": "booking.confirmed", "booking": {"id": "%2$s", "slot": {"date": "%3$s", "start_time": "%4$s", "duration_minutes": 15}, "table": {"room_id": "%5$s", "table_id": "%6$s", "venue_id": "%7$s"}, "status": "confirmed", "tables": [{"room_id": "%5$s", "table_id": "%6$s", "venue_id": "%7$s"}], "comment": "", "ends_at": %8$s, "version": 2, "admin_id": "", "venue_id": "%7$s", "starts_at": %9$s, "created_at": 0, "expires_at": 0, "party_size": 2, "updated_at": %1$s, "cancel_reason": "", "customer_name": "Bench Guest %10$s", "customer_email": "bench.guest@example.com", "customer_phone": "+49 30 1234567"}, "version": 2, "event_id": "%11$s", "venue_id": "%7$s"}',
      extract(epoch FROM now())::bigint, md5(:run::text || '/booking/' || :g::text)::uuid,
      to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'HH24":"MI'),
      md5(:run::text || '/room')::uuid, md5(:run::text || '/table')::uuid, md5(:run::text || '/venue')::uuid,
      :t1::bigint, :t0::bigint, :g::bigint, md5(:run::text || '/event/confirmed/' || :g::text)::uuid)::jsonb)
  RETURNING seq;
COMMIT;
