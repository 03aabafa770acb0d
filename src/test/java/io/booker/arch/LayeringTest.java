package io.booker.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the design: domains are plain Java, adapters depend on them, never the reverse. */
class LayeringTest {

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.booker");
  }

  static Stream<ArchRule> rules() {
    return Stream.of(domainsArePlainJava, commonIsPlainJava, servicesDoNotReachIntoEachOther, bookingDoesNotReachIntoOthers,
      gatewayUsesContractsOnly, platformKnowsNoService);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void holds(ArchRule rule) {
    rule.check(classes);
  }

  static final ArchRule domainsArePlainJava = noClasses()
    .that().resideInAPackage("io.booker..domain..")
    .should().dependOnClassesThat().resideInAnyPackage(
      "io.vertx..", "io.netty..", "org.apache.kafka..", "com.hazelcast..", "com.google.protobuf..",
      "io.booker.proto..", "io.booker.platform..", "io.booker..adapter..", "java.sql..", "org.flywaydb..")
    .because("business rules must be testable without infrastructure");

  static final ArchRule commonIsPlainJava = noClasses()
    .that().resideInAPackage("io.booker.common..")
    .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.booker.platform..", "io.booker.proto..");

  static final ArchRule servicesDoNotReachIntoEachOther = noClasses()
    .that().resideInAPackage("io.booker.venue..")
    .should().dependOnClassesThat().resideInAnyPackage("io.booker.booking..", "io.booker.gateway..", "io.booker.notify..")
    .because("services talk through their contracts only");

  static final ArchRule bookingDoesNotReachIntoOthers = noClasses()
    .that().resideInAPackage("io.booker.booking..")
    .should().dependOnClassesThat().resideInAnyPackage("io.booker.venue..", "io.booker.gateway..", "io.booker.notify..");

  static final ArchRule gatewayUsesContractsOnly = noClasses()
    .that().resideInAPackage("io.booker.gateway..")
    .should().dependOnClassesThat().resideInAnyPackage("io.booker.venue..", "io.booker.booking..", "io.booker.notify..");

  static final ArchRule platformKnowsNoService = noClasses()
    .that().resideInAPackage("io.booker.platform..")
    .should().dependOnClassesThat().resideInAnyPackage("io.booker.venue..", "io.booker.booking..", "io.booker.gateway..", "io.booker.notify..", "io.booker.app..");
}
