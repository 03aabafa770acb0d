package io.booker.dev.infra;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Main class of the child JVM that runs the embedded Kafka broker. It makes the broker exit when
 * the JVM that started it is gone (even after kill -9), formats the storage directory in-process
 * when asked (saving a JVM start), then hands over to {@code kafka.Kafka.main}.
 *
 * <p>Usage: {@code ParentWatchdogMain [--format <clusterId>] <server.properties>}. System
 * properties: {@code booker.parentPid} (the parent to watch; defaults to the real parent) and
 * {@code booker.watchStdin=true} (also exit when stdin reaches EOF, i.e. the parent's end of the
 * pipe closed).
 */
public final class ParentWatchdogMain {

  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

  private ParentWatchdogMain() {
  }

  public static void main(String[] args) throws Exception {
    watchParent();
    if (Boolean.getBoolean("booker.watchStdin")) {
      daemon("stdin-watchdog", ParentWatchdogMain::watchStdin);
    }
    String[] rest = args;
    if (args.length >= 3 && args[0].equals("--format")) {
      String[] format = {"format", "--ignore-formatted", "-t", args[1], "-c", args[2]};
      int rc = kafka.tools.StorageTool.execute(format, System.out);
      if (rc != 0) {
        System.err.println("kafka storage format failed with " + rc);
        System.exit(rc);
      }
      rest = Arrays.copyOfRange(args, 2, args.length);
    }
    kafka.Kafka.main(rest);
  }

  private static void watchParent() {
    long parentPid = Long.getLong("booker.parentPid",
        ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid).filter(ProcessHandle::isAlive);
    if (parent.isEmpty()) {
      exitBecause("parent process " + parentPid + " is not running");
      return;
    }
    parent.get().onExit().thenRun(() -> exitBecause("parent process " + parentPid + " exited"));
  }

  private static void watchStdin() {
    try {
      while (System.in.read() != -1) {
        // the parent never writes; reading only detects the pipe closing
      }
    } catch (IOException ignored) {
      // a broken pipe means the same as EOF
    }
    exitBecause("stdin closed (the parent is stopping this broker, or is gone)");
  }

  /** Clean exit (runs Kafka's shutdown hook); halts if that takes longer than the grace time. */
  private static void exitBecause(String reason) {
    System.err.println("[parent-watchdog] " + reason + ", shutting down");
    daemon("parent-watchdog-halt", () -> {
      long deadline = System.nanoTime() + GRACE_NANOS;
      for (long left = GRACE_NANOS; left > 0; left = deadline - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
      Runtime.getRuntime().halt(1);
    });
    daemon("parent-watchdog-exit", () -> System.exit(0));
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
