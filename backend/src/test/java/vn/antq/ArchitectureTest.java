package vn.antq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/** The layout rules of ENGINEERING.md, checked on every build. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("vn.antq");

  @Test
  void entitiesNeverCrossHttp() {
    noClasses()
        .that()
        .resideInAPackage("vn.antq.api..")
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(Entity.class)
        .check(CLASSES);
  }

  @Test
  void commonDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("vn.antq.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("vn.antq.unit..", "vn.antq.demo..")
        .check(CLASSES);
  }

  @Test
  void otherPackagesUseUnitsThroughTheirService() {
    // a feature's resource, mapper and lineage rows are its own; others go through its service
    DescribedPredicate<JavaClass> unitInternals =
        JavaClass.Predicates.resideInAPackage("vn.antq.unit..")
            .and(
                JavaClass.Predicates.simpleNameEndingWith("Resource")
                    .or(JavaClass.Predicates.simpleNameEndingWith("Mapper"))
                    .or(JavaClass.Predicates.simpleName("UnitLineageEntity")));
    noClasses()
        .that()
        .resideOutsideOfPackage("vn.antq.unit..")
        .should()
        .dependOnClassesThat(unitInternals)
        .check(CLASSES);
  }

  @Test
  void resourcesImplementTheGeneratedContract() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .haveSimpleNameEndingWith("Resource")
        .and()
        .resideOutsideOfPackage("vn.antq.api..")
        .should()
        .implement(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a generated API interface",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    c.getPackageName().equals("vn.antq.api")))
        .check(CLASSES);
  }
}
