package dev.wellspring.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one SparkSession of the whole test run ({@code local[2]}, loopback, UI off, UTC), handed to
 * each test by JUnit: put {@code @ExtendWith(SparkExtension.class)} on the class and take a {@code
 * SparkSession} parameter in its constructor, a {@code @BeforeAll}/{@code @BeforeEach} method or a
 * test method. The session exists before the class's first test, so a stage a test runs through the
 * command line finds it ({@code getOrCreate}); it is stopped by a JVM shutdown hook, never by a
 * test. Fixture helpers that build frames outside a test's signature take it from {@link
 * #session()}.
 */
public final class SparkExtension implements BeforeAllCallback, ParameterResolver {
  private static SparkSession spark;

  @Override
  public void beforeAll(ExtensionContext context) {
    session();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session();
  }

  /** The run's session, made on first use (fixtures and child JVMs that JUnit does not call). */
  public static synchronized SparkSession session() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .appName("wellspring-tests")
              .master("local[2]")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.adaptive.enabled", "true")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
              .config("spark.ui.showConsoleProgress", "false")
              // As Sessions.open sets it: every test's writes go through LocalFiles.
              .config("spark.hadoop.fs.file.impl", dev.wellspring.io.LocalFiles.class.getName())
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }
}
