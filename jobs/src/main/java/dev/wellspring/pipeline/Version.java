package dev.wellspring.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of Wellspring and the commit it was built from, from {@value #RESOURCE} (written at
 * build time by the jobs module's pom; "dev" and "unknown" when run from classes without it, or
 * built where git was missing).
 */
public final class Version {
  static final String RESOURCE = "/dev/wellspring/version.properties";

  private static final Properties BUILD = load();

  private Version() {}

  public static String wellspring() {
    String v = BUILD.getProperty("version");
    if (v == null || v.isBlank() || v.startsWith("${")) {
      v = Version.class.getPackage().getImplementationVersion();
    }
    return v == null ? "dev" : v;
  }

  /** The git commit of the build, or "unknown". */
  public static String commit() {
    String c = BUILD.getProperty("commit", "").strip();
    return c.isEmpty() || c.startsWith("${") ? "unknown" : c;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // no build information: dev
    }
    return p;
  }
}
