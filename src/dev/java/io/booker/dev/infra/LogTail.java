package io.booker.dev.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a server's log, for start-up error messages. */
final class LogTail {

  private static final int LINES = 25;

  private LogTail() {
  }

  static String of(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(no log at " + file + ")";
    }
  }
}
