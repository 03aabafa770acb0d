package io.booker.it.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What Vert.x's blocked-thread checker reported in this JVM, so that a test node fails its test
 * when one of its event loops was blocked ({@link TestNodes.Started#close()}).
 *
 * <p>Every Vert.x instance runs the checker: a node ({@code app/Node}) and the clients' Vert.x
 * keep Vert.x's defaults, an event loop may run one task for 2 s (checked every second; a worker
 * 60 s). That is the threshold here too, on purpose: production runs with it, and a full suite on
 * a loaded 2-core box (embedded PostgreSQL, Kafka in a child JVM, Chromium, three-JVM clusters)
 * logged no report at it, whereas a few hundred milliseconds are within reach of a GC pause or of
 * the scheduler there. Code that blocks an event loop on I/O or a lock blocks it for longer than
 * that under load, and is caught.
 *
 * <p>The checker logs each report at WARN on {@value #CHECKER_LOGGER}; an appender on that logger
 * (added on first use, once per JVM) keeps them in order. Tests run one class at a time, so what
 * was reported between a node's start and its close happened while it ran.
 */
public final class BlockedThreads {

  /** The logger of {@code io.vertx.core.internal.threadchecker.BlockedThreadChecker}. */
  public static final String CHECKER_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";

  private static final List<String> reports = new ArrayList<>();
  private static boolean listening;

  private BlockedThreads() {
  }

  /** Starts listening (once per JVM); a mark for {@link #since(int)}: the number of reports so far. */
  public static synchronized int mark() {
    if (!listening) {
      Recorder recorder = new Recorder();
      recorder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
      recorder.start();
      ((Logger) LoggerFactory.getLogger(CHECKER_LOGGER)).addAppender(recorder);
      listening = true;
    }
    return reports.size();
  }

  /** The checker's reports since {@code mark}, oldest first ("Thread ... has been blocked for ... ms, time limit is ... ms"). */
  public static synchronized List<String> since(int mark) {
    return List.copyOf(reports.subList(Math.min(mark, reports.size()), reports.size()));
  }

  /** Fails when the checker reported a blocked thread since {@code mark}, naming {@code what} and the first reports. */
  public static void assertNoneSince(int mark, String what) {
    List<String> blocked = since(mark);
    if (!blocked.isEmpty()) {
      throw new AssertionError(what + ": Vert.x reported a blocked thread " + blocked.size() + " time(s) while it ran, first: "
        + String.join(" | ", blocked.subList(0, Math.min(3, blocked.size()))));
    }
  }

  private static synchronized void record(String report) {
    reports.add(report);
  }

  private static final class Recorder extends AppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
      record(event.getFormattedMessage());
    }
  }
}
