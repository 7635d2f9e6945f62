package dev.wellspring.generate;

/**
 * A generation request the generator refuses, or output it cannot write. Its message is the one
 * line a user sees; the {@code generate} command turns it into Wellspring's "unusable" exit code
 * (2), as it did when the generator lived in the jobs module. The generator has its own type
 * because it does not depend on the jobs module.
 */
public final class GeneratorException extends RuntimeException {
  private final String stage;

  public GeneratorException(String stage, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
  }

  /** A request the generator refuses; the message names the flag and the bad value. */
  public static GeneratorException unusable(String stage, String message) {
    return new GeneratorException(stage, message, null);
  }

  /** The stage the error came from (always {@code generate}). */
  public String stage() {
    return stage;
  }
}
