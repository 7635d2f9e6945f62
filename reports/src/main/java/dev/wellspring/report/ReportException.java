package dev.wellspring.report;

/**
 * The one failure type of the report module. Its message is the single line the user sees; its exit
 * code is the one {@link ReportMain} returns (2 unusable input or invocation, 1 internal).
 */
public final class ReportException extends RuntimeException {
  /** Exit code 1: a bug or an environment failure. */
  public static final int INTERNAL = 1;

  /** Exit code 2: unusable invocation or input (a missing or malformed CSV or manifest). */
  public static final int UNUSABLE = 2;

  private final int exitCode;

  public ReportException(int exitCode, String message) {
    this(exitCode, message, null);
  }

  public ReportException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** An unusable input or invocation (exit code 2). */
  public static ReportException unusable(String message) {
    return new ReportException(UNUSABLE, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
