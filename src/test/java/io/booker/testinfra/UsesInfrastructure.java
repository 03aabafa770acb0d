package io.booker.testinfra;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class outside {@code io.booker.it} that needs what the quick loop does without:
 * {@link TestInfra} (PostgreSQL, Redis, Kafka), a test node, a cluster or a {@link Browser}. Such a
 * class runs in the full suite ({@code ./scripts/test}) and not in {@code ./scripts/test --quick},
 * which leaves out the JUnit tag {@value #TAG} and the package {@code io.booker.it} (where every
 * class is an integration test). In the quick loop {@link TestInfra#endpoints()} and
 * {@link Browser#start()} fail, naming this annotation ({@link QuickLoop}), so a class that forgot
 * it fails there rather than slowing the loop down.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(UsesInfrastructure.TAG)
public @interface UsesInfrastructure {

  /** The JUnit tag the quick loop excludes. */
  String TAG = "infrastructure";
}
