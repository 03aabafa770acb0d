package io.booker.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
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
    return Stream.concat(
      Stream.of(domainsArePlainJava, commonIsPlainJava, servicesDoNotReachIntoEachOther, bookingDoesNotReachIntoOthers,
        gatewayUsesContractsOnly, platformKnowsNoService),
      Stream.concat(SERVICES.stream().flatMap(s -> Stream.of(s.onlyAdaptersAndWiringSeeInfrastructure(), s.portsNameNoAdapter())),
        CONTRACT_EDGES.stream().map(ContractEdge::onlyTheEdgeSeesTheContract)));
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

  /** What only a service's adapters (and the classes that wire them in) may use: its adapters and the infrastructure clients. */
  static final String[] INFRASTRUCTURE = {"io.booker..adapter..", "io.vertx.sqlclient..", "io.vertx.redis..", "io.vertx.kafka.."};

  /**
   * The four services in booking's shape: the service package holds the use cases and their ports
   * (interfaces), {@code domain/} the pure rules, {@code adapter/} what implements the ports with
   * PostgreSQL, Redis, Kafka or RPC. The only other classes that may see adapters are the service's
   * wiring, named here: its verticle, its deps record, and the gRPC edges of booking, venue and
   * notify (which read and write the contract's messages through {@code adapter.BookingProtos},
   * {@code adapter.VenueProtos} and {@code adapter.NotifyProtos}).
   */
  static final List<Service> SERVICES = List.of(
    new Service("io.booker.venue", Set.of("VenueVerticle", "VenueDeps", "VenueServiceImpl")),
    new Service("io.booker.booking", Set.of("BookingVerticle", "BookingDeps", "BookingServiceImpl")),
    new Service("io.booker.notify", Set.of("NotifyVerticle", "NotifyServiceImpl")),
    new Service("io.booker.gateway", Set.of("GatewayVerticle")));

  /**
   * The services whose use cases and ports speak their own domain's language: only the classes
   * named here (the gRPC edge, the verticle that binds it, booking's request readers) and the
   * adapters ({@code adapter.*Protos} map the contract's messages to domain records and back) use
   * the generated contract types.
   */
  static final List<ContractEdge> CONTRACT_EDGES = List.of(
    new ContractEdge("io.booker.venue", Set.of("VenueServiceImpl", "VenueVerticle")),
    new ContractEdge("io.booker.booking", Set.of("BookingServiceImpl", "BookingRequests", "BlockRequests", "BookingVerticle")),
    new ContractEdge("io.booker.notify", Set.of("NotifyServiceImpl", "NotifyVerticle")));

  record ContractEdge(String pkg, Set<String> edge) {

    /** The use cases and ports (the service package itself, all but the edge) use no contract message. */
    ArchRule onlyTheEdgeSeesTheContract() {
      return noClasses()
        .that().resideInAPackage(pkg)
        .and(DescribedPredicate.not(DescribedPredicate.describe("the contract edge of " + pkg + " " + edge,
          (JavaClass c) -> edge.stream().map(name -> pkg + "." + name)
            .anyMatch(name -> c.getName().equals(name) || c.getName().startsWith(name + "$")))))
        .should().dependOnClassesThat().resideInAnyPackage("io.booker.proto..", "com.google.protobuf..")
        .because("use cases and ports take and answer domain records; the edge maps the contract's messages");
    }
  }

  record Service(String pkg, Set<String> wiring) {

    /** Use cases, ports, domain and edges (all but the adapters and the wiring) use neither adapters nor infrastructure clients. */
    ArchRule onlyAdaptersAndWiringSeeInfrastructure() {
      return noClasses()
        .that().resideInAPackage(pkg + "..")
        .and().resideOutsideOfPackage(pkg + "..adapter..")
        .and(DescribedPredicate.not(wiringClass()))
        .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
        .because("use cases depend on ports only; adapters are wired in by " + String.join(", ", wiring));
    }

    /**
     * A port (an interface outside the adapters, with the types nested in it) names no adapter or
     * infrastructure type. A service without ports passes.
     */
    ArchRule portsNameNoAdapter() {
      return noClasses()
        .that().resideInAPackage(pkg + "..")
        .and().resideOutsideOfPackage(pkg + "..adapter..")
        .and(portType())
        .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
        .because("a port is what the use cases need, in their own terms; its adapters implement it")
        .allowEmptyShould(true);
    }

    private DescribedPredicate<JavaClass> wiringClass() {
      return DescribedPredicate.describe("the wiring of " + pkg + " " + wiring, c -> wiring.stream()
        .map(name -> pkg + "." + name)
        .anyMatch(name -> c.getName().equals(name) || c.getName().startsWith(name + "$")));
    }

    private static DescribedPredicate<JavaClass> portType() {
      return DescribedPredicate.describe("ports (interfaces and the types nested in them)", c -> c.isInterface()
        || c.getEnclosingClass().map(JavaClass::isInterface).orElse(false));
    }
  }
}
