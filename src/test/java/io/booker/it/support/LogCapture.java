package io.booker.it.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every log event of the JVM while started (an appender on the root logger), kept with its MDC,
 * for tests that assert what was, or was never, logged.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> {

  private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing(); // keeps the MDC and message of the logging thread
    events.add(event);
  }

  @Override
  public void start() {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    setContext(ctx);
    super.start();
    root().addAppender(this);
  }

  @Override
  public void stop() {
    root().detachAppender(this);
    super.stop();
  }

  public List<ILoggingEvent> all() {
    return List.copyOf(events);
  }

  /** The events of {@code logger} (a class's name). */
  public List<ILoggingEvent> of(String logger) {
    return events.stream().filter(e -> e.getLoggerName().equals(logger)).toList();
  }

  /** The events at ERROR, as {@code logger: message} lines with the exception's class, for a failure message. */
  public List<String> errors() {
    return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
      .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage() + ")"))
      .toList();
  }

  public void clear() {
    events.clear();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
