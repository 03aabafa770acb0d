package io.booker.dev.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a server left running by a dev stack that was killed hard (kill -9, a crashed IDE),
 * found through the pid file the server wrote into its persistent data directory.
 */
public final class StaleProcess {

  private StaleProcess() {
  }

  /**
   * If {@code pidFile} names a live process whose command contains {@code commandHint}, stop it
   * (TERM, then KILL after 10 s). Returns true when one was stopped.
   */
  public static boolean stopIfAlive(Path pidFile, String commandHint) {
    return stopIfAlive(pidFile, commandHint, null);
  }

  /** As above, and one of its arguments must contain {@code argumentHint} (when not null). */
  public static boolean stopIfAlive(Path pidFile, String commandHint, String argumentHint) {
    Optional<ProcessHandle> handle = readPid(pidFile).flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains(commandHint)).orElse(false))
        .filter(p -> argumentHint == null || p.info().arguments()
            .map(args -> Arrays.stream(args).anyMatch(a -> a.contains(argumentHint)))
            .orElse(false));
    if (handle.isEmpty()) {
      return false;
    }
    ProcessHandle process = handle.get();
    process.destroy();
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      process.onExit().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      process.destroyForcibly();
    }
    return true;
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
