package dev.wellspring;

/**
 * The one exception type of Wellspring. It always names the stage it came from and the exit code
 * the command line turns it into (see DESIGN.md "Exit codes"); its message is the single line a
 * user sees.
 */
public final class WellspringException extends RuntimeException {
  /** Exit code 1: a bug or an environment failure. */
  public static final int INTERNAL = 1;

  /** Exit code 2: unusable invocation, configuration or input structure. */
  public static final int UNUSABLE = 2;

  /** Exit code 3: reject ratio above the configured maximum. */
  public static final int TOO_MANY_REJECTS = 3;

  private final String stage;
  private final int exitCode;

  public WellspringException(String stage, int exitCode, String message) {
    this(stage, exitCode, message, null);
  }

  public WellspringException(String stage, int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
    this.exitCode = exitCode;
  }

  /** An unusable invocation, configuration or input (exit code 2). */
  public static WellspringException unusable(String stage, String message) {
    return new WellspringException(stage, UNUSABLE, message);
  }

  public String stage() {
    return stage;
  }

  public int exitCode() {
    return exitCode;
  }
}
