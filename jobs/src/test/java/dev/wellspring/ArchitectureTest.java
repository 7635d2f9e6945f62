package dev.wellspring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.zip.ZipFile;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the house changeable one room at a time (issue 25): no import circle between
 * packages, no stage importing the orchestrator, file IO only in {@code dev.wellspring.io}. Checked
 * on the main classes of the jobs module; the fixtures under {@code dev.wellspring.archfixture}
 * (test sources) prove that each rule can fail.
 */
class ArchitectureTest {

  /** Every package is a slice, sub-packages included: {@code ingest} and {@code ingest.vendor}. */
  static final ArchRule NO_PACKAGE_CIRCLES =
      slices()
          .matching("dev.wellspring.(**)")
          .as("packages of dev.wellspring")
          .should()
          .beFreeOfCycles();

  static final ArchRule STAGES_BELOW_THE_ORCHESTRATOR =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.wellspring.ingest..",
              "dev.wellspring.classify..",
              "dev.wellspring.attribution..",
              "dev.wellspring.aggregate..",
              "dev.wellspring.incrementality..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.wellspring.pipeline..")
          .because("stages see the run through dev.wellspring.stage, the orchestrator sits above");

  /**
   * The types through which bytes reach a file. {@code Path} and {@code File} only name files and
   * may be passed around anywhere.
   */
  static final DescribedPredicate<JavaClass> FILE_IO =
      JavaClass.Predicates.belongToAnyOf(
              Files.class,
              FileInputStream.class,
              FileOutputStream.class,
              FileReader.class,
              FileWriter.class,
              RandomAccessFile.class,
              ZipFile.class,
              DataFrameReader.class,
              DataFrameWriter.class)
          .as("file IO (Files, File streams, readers and writers, ZipFile, Spark's DataFrame IO)");

  /** Deliberate exceptions to the IO rule, each with its reason. None today. */
  static final DescribedPredicate<JavaClass> ALLOWED_IO =
      DescribedPredicate.<JavaClass>alwaysFalse().as("a listed exception");

  static final ArchRule FILE_IO_ONLY_IN_IO =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.wellspring.io..")
          .and(DescribedPredicate.not(ALLOWED_IO))
          .should()
          .dependOnClassesThat(FILE_IO)
          .because("only dev.wellspring.io reads and writes files (STYLE.md, guideline 2)");

  private static JavaClasses main;

  @BeforeAll
  static void importMain() {
    // The jobs module's own classes only: the vocabulary and the generator are modules of their
    // own on this class path (the generator writes its files itself; it is not production code).
    String jobsClasses =
        dev.wellspring.pipeline.Pipeline.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation()
            .getPath();
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> location.contains(jobsClasses))
            .importPackages("dev.wellspring");
  }

  @Test
  void mainClassesWereImported() {
    // A rule checked on no classes passes whatever it says: make sure the import found the code.
    assertThat(main.contain("dev.wellspring.pipeline.Pipeline")).isTrue();
    assertThat(main.contain("dev.wellspring.archfixture.circle.a.Left")).isFalse();
    assertThat(main.contain("dev.wellspring.generate.Generator")).isFalse();
  }

  @Test
  void noImportCircleBetweenPackages() {
    NO_PACKAGE_CIRCLES.check(main);
  }

  @Test
  void noStageImportsTheOrchestrator() {
    STAGES_BELOW_THE_ORCHESTRATOR.check(main);
  }

  @Test
  void fileIoOnlyInTheIoPackage() {
    FILE_IO_ONLY_IN_IO.check(main);
  }

  @Test
  void theCircleRuleReportsACircle() {
    EvaluationResult result = NO_PACKAGE_CIRCLES.evaluate(fixtures("circle"));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains("Cycle detected")
        .contains("archfixture.circle.a.Left")
        .contains("archfixture.circle.b.Right");
  }

  @Test
  void theIoRuleReportsAFileReadOutsideIo() {
    EvaluationResult result = FILE_IO_ONLY_IN_IO.evaluate(fixtures("io"));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains("archfixture.io.ReadsAFile.read(java.nio.file.Path)")
        .contains("java.nio.file.Files.readString(java.nio.file.Path)");
  }

  private static JavaClasses fixtures(String name) {
    return new ClassFileImporter().importPackages("dev.wellspring.archfixture." + name);
  }
}
