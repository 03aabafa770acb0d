package io.booker.dev.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs child servers in their own session, so that Ctrl-C in a terminal (SIGINT to the whole
 * foreground process group) reaches only the JVM, which then stops the node before the servers
 * it depends on. Without {@code setsid} (e.g. macOS) children run in the JVM's group.
 * (PostgreSQL needs nothing: pg_ctl already detaches the postmaster.)
 */
final class Setsid {

  private static final List<String> PREFIX = Files.isExecutable(Path.of("/usr/bin/setsid"))
      ? List.of("/usr/bin/setsid")
      : Files.isExecutable(Path.of("/bin/setsid")) ? List.of("/bin/setsid") : List.of();

  private Setsid() {
  }

  static List<String> prefix() {
    return PREFIX;
  }
}
