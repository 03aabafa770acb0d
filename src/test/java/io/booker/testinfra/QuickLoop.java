package io.booker.testinfra;

/**
 * The quick loop ({@code ./scripts/test --quick}, Maven profile {@code quick}) runs the tests that
 * need no infrastructure; its test JVM has the system property {@value #PROPERTY} set to true.
 */
public final class QuickLoop {

  /** The system property the quick loop sets to {@code true} in the test JVM. */
  public static final String PROPERTY = "booker.test.quick";

  private QuickLoop() {
  }

  /** Fails when this JVM runs the quick loop: {@code what} needs infrastructure (called by the fixtures that start it). */
  static void refuse(String what) {
    if (Boolean.getBoolean(PROPERTY)) {
      throw new IllegalStateException(what + " is not started in the quick loop (scripts/test --quick): a test that needs it"
        + " belongs in io.booker.it or is annotated @UsesInfrastructure");
    }
  }
}
