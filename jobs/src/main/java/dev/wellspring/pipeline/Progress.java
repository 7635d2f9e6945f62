package dev.wellspring.pipeline;

import java.io.PrintStream;

/** Progress lines on stderr: one per stage, and a final one. Quiet prints only errors. */
public final class Progress {
  public enum Level {
    QUIET,
    NORMAL,
    VERBOSE
  }

  private final PrintStream out;
  private final Level level;

  public Progress(PrintStream out, Level level) {
    this.out = out;
    this.level = level;
  }

  public Level level() {
    return level;
  }

  public void stage(String stage, StageResult r, double seconds) {
    if (level == Level.QUIET) {
      return;
    }
    out.printf(
        "wellspring: %-9s rows in %s, rows out %s, %.1f s%n",
        stage, count(r.rowsIn()), count(r.rowsOut()), seconds);
  }

  public void info(String line) {
    if (level != Level.QUIET) {
      out.println("wellspring: " + line);
    }
  }

  /** Something the user should know although the run goes on (printed unless quiet). */
  public void warn(String line) {
    if (level != Level.QUIET) {
      out.println("wellspring: warning: " + line);
    }
  }

  public void debug(String line) {
    if (level == Level.VERBOSE) {
      out.println("wellspring: " + line);
    }
  }

  public void error(String line) {
    out.println("wellspring: error: " + line);
  }

  private static String count(long n) {
    return n < 0 ? "-" : String.format("%,d", n);
  }
}
