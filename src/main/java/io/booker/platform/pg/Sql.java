package io.booker.platform.pg;

import io.booker.platform.metrics.Metrics;
import io.vertx.core.Future;

import java.util.function.Supplier;

/** Times a query for the {@code database_queries_total} / {@code database_query_duration_seconds} metrics. */
public final class Sql {

  private Sql() {
  }

  public static <T> Future<T> timed(String service, String operation, Supplier<Future<T>> query) {
    long start = System.nanoTime();
    return query.get().andThen(ar -> Metrics.databaseQuery(service, operation, System.nanoTime() - start));
  }
}
