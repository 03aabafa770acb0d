package io.booker.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails a test class during which Vert.x's blocked-thread checker reported a blocked thread, in
 * whatever Vert.x instance it ran: a node started by {@link TestNodes} or {@link NodeHarness}, a
 * cluster member a test builds itself, a test's client. Registered for every test class by JUnit's
 * extension auto-detection ({@code META-INF/services}, enabled in {@code junit-platform.properties}),
 * so a new test cannot forget it. {@link TestNodes} also checks each node as it closes, naming it.
 *
 * <p>The threshold is Vert.x's own (see {@link BlockedThreads}). A class that blocks a thread on
 * purpose says so with {@link BlocksThreadsOnPurpose}.
 */
public final class NoBlockedThreads implements BeforeAllCallback, AfterAllCallback {

  /** A test class that blocks an event loop on purpose (to show the check works). */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface BlocksThreadsOnPurpose {
  }

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoBlockedThreads.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NS).put("mark", BlockedThreads.mark());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Integer mark = context.getStore(NS).get("mark", Integer.class);
    if (mark == null || context.getRequiredTestClass().isAnnotationPresent(BlocksThreadsOnPurpose.class)) {
      return;
    }
    BlockedThreads.assertNoneSince(mark, context.getRequiredTestClass().getSimpleName());
  }
}
