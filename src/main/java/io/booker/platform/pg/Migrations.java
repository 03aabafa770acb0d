package io.booker.platform.pg;

import io.booker.platform.config.PgSettings;

/**
 * How a database's schema is brought up to date at start-up: {@link PgDatabases#location one Flyway
 * location}, or a service's location beside the ones it shares (the outbox's). Blocking (Flyway
 * speaks JDBC): {@link PgDatabases} runs it on a worker thread.
 */
@FunctionalInterface
public interface Migrations {

  void migrate(PgSettings pg, String database);
}
