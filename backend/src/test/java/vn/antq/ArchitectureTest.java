package vn.antq;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import vn.antq.archfixture.FixtureEntity;

/**
 * The layout of docs/architecture.md, checked on every build. Each top-level package under {@code
 * vn.antq} is a feature (a slice); {@code common} is shared code and {@code api} the generated
 * contract. Every rule is shown failing on a small set of violating classes ({@code
 * vn.antq.archfixture}, test sources), so none of them can pass by matching nothing.
 */
class ArchitectureTest {
  private static final String ROOT = "vn.antq";
  private static final String FIXTURE = "vn.antq.archfixture";

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages(FIXTURE);

  // ------------------------------------------------------------------------ the rules

  /** Features depend on each other one way only (no package cycle, direct or through others). */
  static ArchRule featuresFreeOfCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  /** A feature's rows are its own: others go through its services and views. */
  static ArchRule noOtherFeaturesEntity(String root, Class<? extends Annotation> entity) {
    return classes()
        .that()
        .resideInAPackage(root + ".*..")
        .should(
            crossing(
                root,
                "use no other feature's @" + entity.getSimpleName(),
                t -> t.isAnnotatedWith(entity)));
  }

  /** Resources are HTTP faces: no feature calls another feature's resource. */
  static ArchRule noOtherFeaturesResource(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".*..")
        .should(
            crossing(
                root,
                "call no other feature's resource",
                t -> t.getSimpleName().endsWith("Resource")));
  }

  /** Shared code knows no feature (only itself and the generated contract). */
  static ArchRule commonDependsOnNoFeature(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".common..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(root + "..")
                .and(not(resideInAnyPackage(root + ".common..", root + ".api.."))));
  }

  /** The application's sizes: a class a reader can hold in mind, a method that fits a screen. */
  static final int MAX_CLASS_LINES = 500;

  static final int MAX_METHOD_LINES = 60;

  /**
   * No top-level class's source file over {@code maxLines} lines, no method body over {@code
   * maxMethodLines} (see {@link SourceSize}); the generated contract ({@code api}) aside.
   */
  static ArchRule sizeLimits(String root, Path sources, int maxLines, int maxMethodLines) {
    return onSources(
        root,
        sources,
        "have at most " + maxLines + " lines and methods of at most " + maxMethodLines,
        (c, file) -> {
          List<String> out = new ArrayList<>();
          int lines = SourceSize.lines(file);
          if (lines > maxLines) {
            out.add(c.getName() + " has " + lines + " lines (at most " + maxLines + ")");
          }
          for (SourceSize.Method m : SourceSize.methods(file)) {
            if (m.lines() > maxMethodLines) {
              out.add(
                  c.getName()
                      + "."
                      + m.name()
                      + " (line "
                      + m.line()
                      + ") has "
                      + m.lines()
                      + " lines (at most "
                      + maxMethodLines
                      + ")");
            }
          }
          return out;
        });
  }

  /**
   * Native rows read through {@code common/db/Rows} or records: no suppressed unchecked conversion,
   * no cast to {@code Number} (see {@link SourceSize#untypedReads}).
   */
  static ArchRule typedReads(String root, Path sources) {
    return onSources(
        root,
        sources,
        "read rows without unchecked conversions or Number casts",
        (c, file) ->
            SourceSize.untypedReads(file).stream().map(l -> c.getName() + " line " + l).toList());
  }

  /**
   * A rule on the source file of each top-level class under {@code root} (the generated contract
   * aside): {@code check} answers the violations found in it.
   */
  private static ArchRule onSources(
      String root,
      Path sources,
      String description,
      BiFunction<JavaClass, Path, List<String>> check) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(root + ".api..")
        .and()
        .areTopLevelClasses()
        .should(
            new ArchCondition<>(description) {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                Path file = sources.resolve(c.getName().replace('.', '/') + ".java");
                List<String> found =
                    Files.exists(file) ? check.apply(c, file) : List.of("no source file " + file);
                for (String violation : found) {
                  events.add(SimpleConditionEvent.violated(c, violation));
                }
              }
            });
  }

  /** The feature of a class: the first package under the root. */
  static String feature(String root, JavaClass c) {
    String rest = c.getPackageName().substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** Dependencies on classes of another feature that match {@code target}. */
  private static ArchCondition<JavaClass> crossing(
      String root, String description, Predicate<JavaClass> target) {
    return new ArchCondition<>(description) {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        String own = feature(root, c);
        for (Dependency d : c.getDirectDependenciesFromSelf()) {
          JavaClass t = d.getTargetClass();
          if (t.getPackageName().startsWith(root + ".")
              && !feature(root, t).equals(own)
              && target.test(t)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }

  // ------------------------------------------------------------------------ on the application

  @Test
  void featuresAreFreeOfCycles() {
    featuresFreeOfCycles(ROOT).check(MAIN);
  }

  @Test
  void noFeatureUsesAnotherFeaturesEntity() {
    noOtherFeaturesEntity(ROOT, Entity.class).check(MAIN);
  }

  @Test
  void noFeatureCallsAnotherFeaturesResource() {
    noOtherFeaturesResource(ROOT).check(MAIN);
  }

  @Test
  void commonKnowsNoFeature() {
    commonDependsOnNoFeature(ROOT).check(MAIN);
  }

  @Test
  void resourcesImplementTheGeneratedContract() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Resource")
        .and()
        .resideOutsideOfPackage("vn.antq.api..")
        .should()
        .implement(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a generated API interface",
                (JavaClass c) -> c.getPackageName().equals("vn.antq.api")))
        .check(MAIN);
  }

  @Test
  void classesAndMethodsStayWithinTheSizeLimits() {
    sizeLimits(ROOT, Path.of("src/main/java"), MAX_CLASS_LINES, MAX_METHOD_LINES).check(MAIN);
  }

  @Test
  void rowsAreReadTyped() {
    typedReads(ROOT, Path.of("src/main/java")).check(MAIN);
  }

  // ------------------------------------------------------------------------ each rule bites

  @Test
  void aCycleBetweenTwoFeaturesFails() {
    assertThatThrownBy(() -> featuresFreeOfCycles(FIXTURE).check(VIOLATIONS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("alpha")
        .hasMessageContaining("beta");
  }

  @Test
  void usingAnotherFeaturesEntityFails() {
    assertThatThrownBy(() -> noOtherFeaturesEntity(FIXTURE, FixtureEntity.class).check(VIOLATIONS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("BetaService")
        .hasMessageContaining("AlphaEntity");
  }

  @Test
  void callingAnotherFeaturesResourceFails() {
    assertThatThrownBy(() -> noOtherFeaturesResource(FIXTURE).check(VIOLATIONS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("AlphaResource.format");
  }

  @Test
  void commonKnowingAFeatureFails() {
    assertThatThrownBy(() -> commonDependsOnNoFeature(FIXTURE).check(VIOLATIONS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Helper")
        .hasMessageContaining("AlphaService");
  }

  @Test
  void aClassOrMethodOverTheLimitFails() {
    // the fixture's LongWinded: 19 lines, its method sum's body 10 (the limits scaled down)
    assertThatThrownBy(() -> sizeLimits(FIXTURE, Path.of("src/test/java"), 15, 8).check(VIOLATIONS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LongWinded has 19 lines (at most 15)")
        .hasMessageContaining("LongWinded.sum (line 5) has 10 lines (at most 8)")
        .hasMessageNotContaining("LongWinded.twice");
  }

  @Test
  void anUncheckedRowReadFails() {
    assertThatThrownBy(() -> typedReads(FIXTURE, Path.of("src/test/java")).check(VIOLATIONS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("RawRows line 10: @SuppressWarnings(\"unchecked\")")
        .hasMessageContaining("RawRows line 13: return (Number) rows.get(0)[0];")
        .hasMessageNotContaining("LongWinded");
  }
}
