package dev.wellspring.stage;

/**
 * Where a stage sends the lines the user sees while it runs. The orchestrator's {@code
 * pipeline.Progress} implements it (plain or JSON lines on stderr, quiet or verbose); a stage sees
 * only these four calls, so it never depends on the orchestrator.
 */
public interface StageProgress {
  /** A line printed unless the run is quiet. */
  void info(String text);

  /** Something the user should know although the run goes on (printed unless quiet). */
  void warn(String text);

  /** A line printed only when the run is verbose. */
  void debug(String text);

  /** A line another process (the report JVM) printed, passed on at every level. */
  void passthrough(String text);
}
