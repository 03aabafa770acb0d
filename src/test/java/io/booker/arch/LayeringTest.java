package io.booker.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the design: domains are plain Java, adapters depend on them, never the reverse. */
@AnalyzeClasses(packages = "io.booker", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule domainsArePlainJava = noClasses()
    .that().resideInAPackage("io.booker..domain..")
    .should().dependOnClassesThat().resideInAnyPackage(
      "io.vertx..", "io.netty..", "org.apache.kafka..", "com.hazelcast..", "com.google.protobuf..",
      "io.booker.proto..", "io.booker.platform..", "io.booker..adapter..", "java.sql..", "org.flywaydb..")
    .because("business rules must be testable without infrastructure");

  @ArchTest
  static final ArchRule commonIsPlainJava = noClasses()
    .that().resideInAPackage("io.booker.common..")
    .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.booker.platform..", "io.booker.proto..");

  @ArchTest
  static final ArchRule servicesDoNotReachIntoEachOther = noClasses()
    .that().resideInAPackage("io.booker.venue..")
    .should().dependOnClassesThat().resideInAnyPackage("io.booker.booking..", "io.booker.gateway..", "io.booker.notify..")
    .because("services talk through their contracts only");

  @ArchTest
  static final ArchRule bookingDoesNotReachIntoOthers = noClasses()
    .that().resideInAPackage("io.booker.booking..")
    .should().dependOnClassesThat().resideInAnyPackage("io.booker.venue..", "io.booker.gateway..", "io.booker.notify..");

  @ArchTest
  static final ArchRule gatewayUsesContractsOnly = noClasses()
    .that().resideInAPackage("io.booker.gateway..")
    .should().dependOnClassesThat().resideInAnyPackage("io.booker.venue..", "io.booker.booking..", "io.booker.notify..");

  @ArchTest
  static final ArchRule platformKnowsNoService = noClasses()
    .that().resideInAPackage("io.booker.platform..")
    .should().dependOnClassesThat().resideInAnyPackage("io.booker.venue..", "io.booker.booking..", "io.booker.gateway..", "io.booker.notify..", "io.booker.app..");
}
