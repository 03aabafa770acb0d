package io.booker.platform.rpc;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What the RPC layer keeps to one class each: Vert.x internal API ({@link VertxInternals}) and reflection ({@link RpcMethod}). */
class RpcConfinementTest {

  static JavaClasses rpc;

  @BeforeAll
  static void importClasses() {
    rpc = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.booker.platform.rpc");
  }

  @Test
  void onlyVertxInternalsUsesVertxInternalApi() {
    noClasses().that().resideInAPackage("io.booker.platform.rpc..")
      .and().haveNameNotMatching(itAndItsNestedClasses(VertxInternals.class))
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx.core.internal..", "io.vertx.core.impl..", "io.vertx..impl..")
      .because("Vert.x internal API is confined to VertxInternals, which VertxInternalsTest checks on every upgrade")
      .check(rpc);
  }

  @Test
  void onlyRpcMethodUsesReflection() {
    noClasses().that().resideInAPackage("io.booker.platform.rpc..")
      .and().haveNameNotMatching(itAndItsNestedClasses(RpcMethod.class))
      .should().dependOnClassesThat().resideInAnyPackage("java.lang.reflect..")
      .because("the generated code is called typed; what it does not cover (the event bus) is confined to RpcMethod")
      .check(rpc);
  }

  private static String itAndItsNestedClasses(Class<?> type) {
    return java.util.regex.Pattern.quote(type.getName()) + "(\\$.*)?";
  }
}
