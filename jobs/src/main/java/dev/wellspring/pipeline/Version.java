package dev.wellspring.pipeline;

/** The version of Wellspring, from the jar's manifest (or "dev" when run from classes). */
public final class Version {
  private Version() {}

  public static String wellspring() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
