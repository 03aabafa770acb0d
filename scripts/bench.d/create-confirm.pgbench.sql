-- pgbench script: the database work of one REST create followed by its confirm, as PgBookingStore
-- sends it. This is the ceiling for scripts/bench's "create -> confirm" scenario, because the booking
-- service cannot do more of these than PostgreSQL can. Run it with -M prepared, as the service
-- prepares its statements (Vert.x pg client, cachePreparedStatements).
--
--   create  = insertHold: BEGIN; EXPIRE_IN_THE_WAY; INSERT_HOLD; COMMIT   (4 round trips, 1 commit)
--   confirm = LOAD; CHANGE_STATUS (autocommit)                            (2 round trips, 1 commit)
--
-- The statement texts are copied from src/main/java/io/booker/booking/adapter/BookingSql.java
-- (COLUMNS expanded, changes(n) expanded). Copy them again if BookingSql changes. Deviations:
--  * pgbench cannot bind arrays or client-made values, so every $n of the service is an expression
--    here (commented with its $n): ids are md5(...)::uuid of the run, client and counter; times are
--    to_timestamp() of an epoch; the single-element arrays are ARRAY[...]. Constants the service
--    binds ('confirmed', 'held', version 1, the null idempotency key) are literals here. This
--    costs the server a few md5()/format() calls per transaction and lets the planner fold
--    constants; both are small next to the writes.
--  * The service takes db_now from the first statement's result and binds it as created_at,
--    updated_at and expires_at - ttl; here they are now() of the same transaction (same value).
--  * The audit and outbox payloads are built with format() in the same JSON shape and size as
--    BookingEvents makes them (about 190 and 810 bytes for a hold; 2 and 800 for a confirm).
--  * No Idempotency-Key, as in the REST benchmark: the idempotency CTE (k) inserts nothing.
-- Beware when editing: pgbench replaces a colon followed by a letter or digit with a parameter even
-- inside string literals and comments, so the JSON numbers are format() arguments (not ":15") and
-- the time format is 'HH24":"MI'.
--
-- Variables (pgbench -D): run (a string unique per pgbench invocation), n=0 (per-client counter),
-- nclients (= -c), ntables (tables to spread over, 200 as in the REST test), base (epoch seconds
-- of the first slot, UTC). Transaction number n of client c is booking g = (n-1)*nclients + c, on
-- table g % ntables, in the 15-minute slot g / ntables after base: no two transactions of a run
-- ever compete, and the ids of a run (md5 of run/...) are new, so runs never meet either.
-- Run it in a scratch schema (search_path) built from the same migrations, as scripts/bench does:
-- same server, same database, same tables and indexes, but out of the outbox relay's sight.

\set n :n + 1
\set g (:n - 1) * :nclients + :client_id
\set tno :g % :ntables
\set t0 :base + (:g / :ntables) * 900
\set t1 :t0 + 900

BEGIN;

-- BookingSql.EXPIRE_IN_THE_WAY: $1 = the tables, [$2, $3) = the slot, $4 = the new booking's id.
-- Takes the table's transaction lock first (writers of one table queue), then expires the lapsed
-- holds in the way (one probe of the exclusion constraint's index per table).
WITH l AS MATERIALIZED (SELECT count(pg_advisory_xact_lock(s.k)) AS n FROM
    (SELECT DISTINCT hashtextextended(t.id::text, 0) AS k
       FROM unnest(ARRAY[md5(:run::text || '/table/' || :tno::text)::uuid]) AS t(id) ORDER BY 1) s),
  x AS (UPDATE bookings b SET status = 'expired', version = b.version + 1, updated_at = now()
    WHERE (SELECT n FROM l) >= 0
      AND b.status = 'held' AND b.expires_at <= now() AND b.id <> md5(:run::text || '/booking/' || :g::text)::uuid
      AND b.id IN (SELECT bt.booking_id
        FROM unnest(ARRAY[md5(:run::text || '/table/' || :tno::text)::uuid]) AS t(id)
        CROSS JOIN LATERAL (SELECT bt.booking_id, bt.table_id FROM booking_tables bt
          WHERE bt.table_id = t.id AND bt.active
            AND bt.during && tstzrange(to_timestamp(:t0::float8), to_timestamp(:t1::float8), '[)') OFFSET 0) bt)
    RETURNING b.id, b.venue_id, b.room_id, b.table_id, b.merged_room_id, b.merged_table_id, b.slot_date, b.start_time,
      b.duration_minutes, lower(b.during) AS starts_at, upper(b.during) AS ends_at, b.party_size, b.customer_name,
      b.customer_phone, b.customer_email, b.comment, b.status, b.version, b.admin_id, b.expires_at, b.created_at,
      b.updated_at, b.cancel_reason),
  t AS (UPDATE booking_tables SET active = false WHERE booking_id IN (SELECT id FROM x))
SELECT now() AS db_now, (SELECT n FROM l) AS locked, x.* FROM (SELECT 1) AS one LEFT JOIN x ON true;

-- BookingSql.INSERT_HOLD + changes(21): the booking, its table, its audit row and its outbox event.
WITH b AS (INSERT INTO bookings (id, venue_id, room_id, table_id, merged_room_id, merged_table_id, slot_date, start_time,
      duration_minutes, during, party_size, customer_name, customer_phone, customer_email, comment, status, admin_id,
      expires_at, version, created_at, updated_at)
    VALUES (
      md5(:run::text || '/booking/' || :g::text)::uuid,                               -- $1 id
      md5(:run::text || '/venue')::uuid,                                              -- $2 venue_id
      md5(:run::text || '/room')::uuid,                                               -- $3 room_id
      md5(:run::text || '/table/' || :tno::text)::uuid,                               -- $4 table_id
      NULL, NULL,                                                                     -- $5 $6 no merged table
      (to_timestamp(:t0::float8) AT TIME ZONE 'UTC')::date,                           -- $7 slot_date
      (to_timestamp(:t0::float8) AT TIME ZONE 'UTC')::time,                           -- $8 start_time
      15,                                                                             -- $9 duration_minutes
      tstzrange(to_timestamp(:t0::float8), to_timestamp(:t1::float8), '[)'),          -- $10 $11
      2, 'Bench Guest ' || :g::text, '+49 30 1234567', 'bench.guest@example.com', '', -- $12 .. $16
      'held', '',                                                                     -- status, $17 admin_id
      now() + interval '15 minutes', 1, now(), now())                                 -- $18, version, $19 $19
    RETURNING id, venue_id, during),
  t AS (INSERT INTO booking_tables (booking_id, table_id, venue_id, during)
    SELECT b.id, x.table_id, b.venue_id, b.during FROM b
      CROSS JOIN unnest(ARRAY[md5(:run::text || '/table/' || :tno::text)::uuid]::uuid[]) AS x(table_id) ORDER BY x.table_id), -- $20
  a AS (INSERT INTO booking_events (booking_id, event_type, actor_id, from_status, to_status, version, payload)
    SELECT x.booking_id, x.event_type, x.actor_id, NULLIF(x.from_status, ''), x.to_status, x.version, x.payload
    FROM unnest(
      ARRAY[md5(:run::text || '/booking/' || :g::text)::uuid]::uuid[],                -- $21 booking ids
      ARRAY['booking.held']::text[], ARRAY['']::text[], ARRAY['']::text[],            -- $22 $23 $24
      ARRAY['held']::text[], ARRAY[1]::int8[],                                        -- $25 $26
      ARRAY[format(                                                                   -- $27 audit payload
        '{"slot":{"date":"%1$s","start_time":"%2$s","duration_minutes":%6$s},"tables":["%3$s"],"party_size":%7$s,"customer_name":"%4$s","expires_at":%5$s}',
        to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
        to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'HH24":"MI'),
        md5(:run::text || '/table/' || :tno::text)::uuid, 'Bench Guest ' || :g::text,
        extract(epoch FROM now() + interval '15 minutes')::bigint, 15, 2)]::text[])
      AS x(booking_id, event_type, actor_id, from_status, to_status, version, payload)
    WHERE EXISTS (SELECT 1 FROM b)),
  o AS (INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, aggregate_version)
    SELECT * FROM unnest(
      ARRAY[md5(:run::text || '/event/held/' || :g::text)::uuid]::uuid[],            -- $28 event ids
      ARRAY['booking.held']::text[],                                                  -- $29 topics
      ARRAY[md5(:run::text || '/booking/' || :g::text)::uuid::text]::text[],          -- $30 keys
      ARRAY['booking.held']::text[],                                                  -- $31 event types
      ARRAY[format(                                                                   -- $32 payloads
        '{"headers":{"timestamp":"%1$s","source":"booking","event_id":"%2$s","event_type":"booking.held"},"booking_id":"%3$s","table":{"venue_id":"%4$s","room_id":"%5$s","table_id":"%6$s"},"slot":{"date":"%7$s","start_time":"%8$s","duration_minutes":%13$s},"party_size":%14$s,"customer_name":"%9$s","customer_phone":"+49 30 1234567","version":"1","tables":[{"venue_id":"%4$s","room_id":"%5$s","table_id":"%6$s"}],"held":{"expires_at":"%10$s"},"customer_email":"bench.guest@example.com","status":"held","starts_at":"%11$s","ends_at":"%12$s"}',
        extract(epoch FROM now())::bigint,
        md5(:run::text || '/event/held/' || :g::text)::uuid,
        md5(:run::text || '/booking/' || :g::text)::uuid,
        md5(:run::text || '/venue')::uuid, md5(:run::text || '/room')::uuid,
        md5(:run::text || '/table/' || :tno::text)::uuid,
        to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
        to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'HH24":"MI'),
        'Bench Guest ' || :g::text,
        extract(epoch FROM now() + interval '15 minutes')::bigint, :t0::bigint, :t1::bigint, 15, 2)]::text[],
      ARRAY[1]::int8[])                                                               -- $33 versions
    WHERE EXISTS (SELECT 1 FROM b)),
  k AS (INSERT INTO idempotency_keys (scope, idem_key, operation, request_hash, response, booking_id)
    SELECT NULL::text, NULL::text, NULL::text, NULL::bytea, NULL::bytea, NULL::uuid  -- $34 .. $39: no key
    WHERE NULL::text IS NOT NULL AND EXISTS (SELECT 1 FROM b))
 SELECT count(*) AS n FROM b;

COMMIT;

-- BookingSql.LOAD: the confirm reads the booking (and the database's clock) ...
SELECT b.id, b.venue_id, b.room_id, b.table_id, b.merged_room_id, b.merged_table_id, b.slot_date, b.start_time,
    b.duration_minutes, lower(b.during) AS starts_at, upper(b.during) AS ends_at, b.party_size, b.customer_name,
    b.customer_phone, b.customer_email, b.comment, b.status, b.version, b.admin_id, b.expires_at, b.created_at,
    b.updated_at, b.cancel_reason, now() AS db_now
  FROM bookings b WHERE b.id = md5(:run::text || '/booking/' || :g::text)::uuid;

-- ... then BookingSql.CHANGE_STATUS + changes(9), autocommit: held at version 1 -> confirmed.
WITH b AS (UPDATE bookings SET status = 'confirmed', version = version + 1, updated_at = now(), -- $2 $5
      expires_at = NULL, cancel_reason = ''                                                     -- $6 $7
    WHERE id = md5(:run::text || '/booking/' || :g::text)::uuid AND status = 'held' AND version = 1 -- $1 $3 $4
      AND 'confirmed' <> 'held'
      AND ('confirmed' <> 'confirmed' OR expires_at > now())
      AND ('confirmed' <> 'expired' OR expires_at <= now())
      AND ('confirmed' <> 'no_show' OR lower(during) <= now())
    RETURNING id),
  t AS (UPDATE booking_tables SET active = false WHERE NOT true::boolean AND booking_id IN (SELECT id FROM b)), -- $8
  a AS (INSERT INTO booking_events (booking_id, event_type, actor_id, from_status, to_status, version, payload)
    SELECT x.booking_id, x.event_type, x.actor_id, NULLIF(x.from_status, ''), x.to_status, x.version, x.payload
    FROM unnest(
      ARRAY[md5(:run::text || '/booking/' || :g::text)::uuid]::uuid[],                -- $9
      ARRAY['booking.confirmed']::text[], ARRAY['']::text[], ARRAY['held']::text[],   -- $10 $11 $12
      ARRAY['confirmed']::text[], ARRAY[2]::int8[], ARRAY['{}']::text[])              -- $13 $14 $15
      AS x(booking_id, event_type, actor_id, from_status, to_status, version, payload)
    WHERE EXISTS (SELECT 1 FROM b)),
  o AS (INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, aggregate_version)
    SELECT * FROM unnest(
      ARRAY[md5(:run::text || '/event/confirmed/' || :g::text)::uuid]::uuid[],       -- $16
      ARRAY['booking.confirmed']::text[],                                             -- $17
      ARRAY[md5(:run::text || '/booking/' || :g::text)::uuid::text]::text[],          -- $18
      ARRAY['booking.confirmed']::text[],                                             -- $19
      ARRAY[format(                                                                   -- $20
        '{"headers":{"timestamp":"%1$s","source":"booking","event_id":"%2$s","event_type":"booking.confirmed"},"booking_id":"%3$s","table":{"venue_id":"%4$s","room_id":"%5$s","table_id":"%6$s"},"slot":{"date":"%7$s","start_time":"%8$s","duration_minutes":%12$s},"party_size":%13$s,"customer_name":"%9$s","customer_phone":"+49 30 1234567","version":"2","tables":[{"venue_id":"%4$s","room_id":"%5$s","table_id":"%6$s"}],"confirmed":{},"customer_email":"bench.guest@example.com","status":"confirmed","starts_at":"%10$s","ends_at":"%11$s"}',
        extract(epoch FROM now())::bigint,
        md5(:run::text || '/event/confirmed/' || :g::text)::uuid,
        md5(:run::text || '/booking/' || :g::text)::uuid,
        md5(:run::text || '/venue')::uuid, md5(:run::text || '/room')::uuid,
        md5(:run::text || '/table/' || :tno::text)::uuid,
        to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
        to_char(to_timestamp(:t0::float8) AT TIME ZONE 'UTC', 'HH24":"MI'),
        'Bench Guest ' || :g::text, :t0::bigint, :t1::bigint, 15, 2)]::text[],
      ARRAY[2]::int8[])                                                               -- $21
    WHERE EXISTS (SELECT 1 FROM b)),
  k AS (INSERT INTO idempotency_keys (scope, idem_key, operation, request_hash, response, booking_id)
    SELECT NULL::text, NULL::text, NULL::text, NULL::bytea, NULL::bytea, NULL::uuid  -- $22 .. $27: no key
    WHERE NULL::text IS NOT NULL AND EXISTS (SELECT 1 FROM b))
 SELECT count(*) AS n FROM b;
