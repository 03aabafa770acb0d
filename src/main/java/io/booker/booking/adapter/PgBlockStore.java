package io.booker.booking.adapter;

import io.booker.booking.BlockStore;
import io.booker.booking.domain.Block;
import io.booker.booking.domain.Period;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.pg.Sql;
import io.booker.platform.tracing.Tracing;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Blocks on PostgreSQL. A create is one transaction of two statements: the per-table locks (the
 * booking writers' own), then the read of the overlapping active bookings, the block, its tables
 * and its outbox event in one statement, which sees every booking committed before the locks were
 * granted. A delete is one statement; it needs no lock, as removing a block can break no rule.
 */
public final class PgBlockStore implements BlockStore {

  private final Pool pool;

  public PgBlockStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Created> create(Block draft, boolean allowOverlap) {
    UUID[] tables = draft.tableIds().toArray(new UUID[0]);
    return Sql.timed(PgBookingStore.SERVICE, "insert_block", () -> pool.withTransaction(conn ->
        conn.preparedQuery(BlockSql.LOCK_TABLES).execute(Tuple.of(tables)).compose(locked -> {
          Instant now = Rows.instant(locked.iterator().next(), "db_now");
          Block block = new Block(draft.id(), draft.venueId(), draft.roomId(), draft.tableIds(), draft.period(), draft.reason(),
            draft.createdBy(), now);
          OutboxEvent event = BlockEvents.created(block);
          Tuple t = Tuple.tuple().addValue(tables).addValue(Rows.utc(block.period().start())).addValue(Rows.utc(block.period().end()))
            .addValue(block.id()).addValue(block.venueId()).addValue(block.roomId()).addValue(block.reason())
            .addValue(block.createdBy()).addValue(Rows.utc(now)).addValue(allowOverlap)
            .addValue(event.eventId()).addValue(event.topic()).addValue(event.aggregateId()).addValue(event.payload())
            .addValue(Tracing.traceparent());
          return conn.preparedQuery(BlockSql.INSERT).execute(t).map(rows -> {
            Row r = rows.iterator().next();
            List<UUID> overlapping = Arrays.asList(r.getArrayOfUUIDs("overlapping"));
            return new Created(r.getLong("n") > 0 ? Optional.of(block) : Optional.empty(), overlapping);
          });
        }))
      .recover(e -> Future.failedFuture(PgFailures.translate(e))));
  }

  @Override
  public Future<Optional<Block>> load(UUID id) {
    return Sql.timed(PgBookingStore.SERVICE, "select_block", () -> pool.preparedQuery(BlockSql.LOAD).execute(Tuple.of(id))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(block(rows.iterator().next()))));
  }

  @Override
  public Future<Boolean> delete(Block block, String actorId) {
    OutboxEvent event = BlockEvents.deleted(block, actorId, Instant.now());
    return Sql.timed(PgBookingStore.SERVICE, "delete_block", () -> pool.preparedQuery(BlockSql.DELETE)
      .execute(Tuple.of(block.id(), event.eventId(), event.topic(), event.aggregateId(), event.payload(), Tracing.traceparent()))
      .map(rows -> rows.iterator().next().getLong("n") > 0));
  }

  @Override
  public Future<List<Block>> list(UUID venueId, Period range) {
    return Sql.timed(PgBookingStore.SERVICE, "list_blocks", () -> (range == null
        ? pool.preparedQuery(BlockSql.LIST_UPCOMING).execute(Tuple.of(venueId, UPCOMING_DAYS))
        : pool.preparedQuery(BlockSql.LIST).execute(Tuple.of(venueId, Rows.utc(range.start()), Rows.utc(range.end()))))
      .map(rows -> {
        List<Block> out = new ArrayList<>();
        rows.forEach(r -> out.add(block(r)));
        return out;
      }));
  }

  private static Block block(Row r) {
    return new Block(r.getUUID("id"), r.getUUID("venue_id"), r.getUUID("room_id"), Arrays.asList(r.getArrayOfUUIDs("table_ids")),
      new Period(Rows.instant(r, "starts_at"), Rows.instant(r, "ends_at")), r.getString("reason"), r.getString("created_by"),
      Rows.instant(r, "created_at"));
  }
}
