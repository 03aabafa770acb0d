package io.booker.dev;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The line between the dev tools (src/dev/java) and the rest. Their libraries (embedded PostgreSQL,
 * Redis and Kafka, GreenMail) are of Maven's provided scope, on the main compile class path but not
 * in the production jar, so nothing but this test stops production code from using them; and the
 * dev tools compile on Maven's test class path, so nothing but this test stops them from using test
 * code or a test library that {@code scripts/run} does not put on its class path.
 */
class DevBoundaryTest {

  /** Where the build compiles src/dev/java alone (the dev-compile execution in pom.xml). */
  private static final Path DEV_CLASSES = Path.of("target", "dev-classes");

  @Test
  void productionCodeUsesNoDevToolNorDevLibrary() {
    JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.booker");
    noClasses().that().resideInAPackage("io.booker..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.booker.dev..", "io.booker.bench..", "io.zonky..", "redis.embedded..", "com.icegreen..", "kafka..", "scala..")
        .because("the production jar holds neither the dev tools nor their provided-scope libraries")
        .check(production);
  }

  @Test
  void devToolsUseNoTestCodeNorTestLibrary() {
    assertTrue(Files.isDirectory(DEV_CLASSES.resolve("io/booker/dev")),
        DEV_CLASSES.toAbsolutePath() + " has no dev classes: run the test through Maven, which compiles them there");
    JavaClasses dev = new ClassFileImporter().importPath(DEV_CLASSES);
    assertTrue(dev.contain(DevStack.class.getName()), "DevStack is not in " + DEV_CLASSES);
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "io.booker.testinfra..", "io.booker.it..", "org.junit..", "org.opentest4j..", "io.vertx.junit5..", "net.jqwik..",
            "com.tngtech.archunit..", "org.openqa.selenium..", "org.testcontainers..", "io.opentelemetry.sdk.testing..")
        .because("scripts/run starts the dev tools from target/classes, target/dev-classes and the dev class path, without the tests")
        .check(dev);
  }
}
