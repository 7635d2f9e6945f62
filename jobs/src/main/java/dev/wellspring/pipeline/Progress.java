package dev.wellspring.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wellspring.stage.StageProgress;
import dev.wellspring.stage.StageResult;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Progress lines on stderr. Every line starts with the UTC time; a stage prints a line when it
 * starts and one when it ends, a long stage a heartbeat ({@link SparkProgress}) in between, and the
 * run ends with the manifest's path. Quiet prints only errors (and the manifest's path).
 *
 * <p>Formats: {@link Format#PLAIN} ({@code 2026-01-31T02:30:05Z wellspring: ingest started}),
 * {@link Format#JSON} (one object a line, for schedulers: {@code {"time":..., "level":...,
 * "event":..., ...}}). On a terminal the plain heartbeat is a progress bar redrawn in place.
 */
public final class Progress implements StageProgress {
  public enum Level {
    QUIET,
    NORMAL,
    VERBOSE
  }

  public enum Format {
    PLAIN,
    JSON
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final Level level;
  private final Format format;
  private final boolean bar;

  /** A progress bar is on screen without its newline. */
  private boolean barOpen;

  public Progress(PrintStream out, Level level) {
    this(out, level, Format.PLAIN, false);
  }

  /**
   * @param bar redraw the heartbeat in place as a bar (a terminal); ignored for JSON
   */
  public Progress(PrintStream out, Level level, Format format, boolean bar) {
    this.out = out;
    this.level = level;
    this.format = format;
    this.bar = bar && format == Format.PLAIN;
  }

  /** Progress on stderr, with a bar when stderr and stdout are a terminal. */
  public static Progress toStderr(Level level, Format format) {
    return new Progress(System.err, level, format, System.console() != null);
  }

  public Level level() {
    return level;
  }

  /** Whether heartbeats redraw a bar in place (a terminal) rather than print lines. */
  public boolean bar() {
    return bar;
  }

  public synchronized void stageStarted(String stage) {
    if (level == Level.QUIET) {
      return;
    }
    if (format == Format.JSON) {
      emit(event("info", "stage_start").put("stage", stage));
    } else {
      line(String.format("%-9s started", stage));
    }
  }

  public synchronized void stage(String stage, StageResult r, double seconds) {
    if (level == Level.QUIET) {
      return;
    }
    if (format == Format.JSON) {
      ObjectNode e = event("info", "stage_end").put("stage", stage).put("seconds", round(seconds));
      if (r.rowsIn() >= 0) {
        e.put("rows_in", r.rowsIn());
      }
      if (r.rowsOut() >= 0) {
        e.put("rows_out", r.rowsOut());
      }
      emit(e);
    } else {
      line(
          String.format(
              "%-9s rows in %s, rows out %s, %.1f s",
              stage, count(r.rowsIn()), count(r.rowsOut()), seconds));
    }
  }

  /**
   * A long stage's heartbeat: Spark tasks finished of those started so far, and the rows its
   * finished tasks read.
   */
  public synchronized void heartbeat(
      String stage, long tasksDone, long tasksTotal, long rows, double seconds) {
    if (level == Level.QUIET) {
      return;
    }
    if (format == Format.JSON) {
      emit(
          event("info", "heartbeat")
              .put("stage", stage)
              .put("tasks_done", tasksDone)
              .put("tasks_total", tasksTotal)
              .put("rows", rows)
              .put("seconds", round(seconds)));
      return;
    }
    String text =
        tasksTotal == 0
            ? String.format(
                "%-9s running %.0f s: no Spark tasks yet (starting Spark, listing files)",
                stage, seconds)
            : String.format(
                "%-9s running %.0f s: tasks %,d/%,d, rows %s",
                stage, seconds, tasksDone, tasksTotal, count(rows));
    if (bar) {
      int width = 20;
      int filled = tasksTotal <= 0 ? 0 : (int) Math.min(width, width * tasksDone / tasksTotal);
      out.print(
          "\r"
              + stamp()
              + " wellspring: "
              + String.format("%-9s [%s%s] ", stage, "#".repeat(filled), ".".repeat(width - filled))
              + String.format(
                  "%.0f s, tasks %,d/%,d, rows %s   ",
                  seconds, tasksDone, tasksTotal, count(rows)));
      out.flush();
      barOpen = true;
    } else {
      line(text);
    }
  }

  public synchronized void info(String text) {
    if (level == Level.QUIET) {
      return;
    }
    if (format == Format.JSON) {
      emit(event("info", "info").put("message", text));
    } else {
      line(text);
    }
  }

  /** Something the user should know although the run goes on (printed unless quiet). */
  public synchronized void warn(String text) {
    if (level == Level.QUIET) {
      return;
    }
    if (format == Format.JSON) {
      emit(event("warn", "warning").put("message", text));
    } else {
      line("warning: " + text);
    }
  }

  public synchronized void debug(String text) {
    if (level != Level.VERBOSE) {
      return;
    }
    if (format == Format.JSON) {
      emit(event("debug", "debug").put("message", text));
    } else {
      line(text);
    }
  }

  public synchronized void error(String text) {
    if (format == Format.JSON) {
      emit(event("error", "error").put("message", text));
    } else {
      line("error: " + text);
    }
  }

  /** A line another process (the report JVM) printed, with this run's time stamp. */
  public synchronized void passthrough(String text) {
    if (format == Format.JSON) {
      emit(event("info", "report").put("message", text));
    } else {
      closeBar();
      out.println(stamp() + " " + text);
    }
  }

  /** The last line of a run: where its manifest is. Printed at every level. */
  public synchronized void manifest(java.nio.file.Path file, int exitCode) {
    if (format == Format.JSON) {
      emit(
          event(exitCode == 0 ? "info" : "error", "finished")
              .put("exit_code", exitCode)
              .put("manifest", file.toString()));
    } else {
      line("manifest " + file);
    }
  }

  private void line(String text) {
    closeBar();
    out.println(stamp() + " wellspring: " + text);
  }

  private void closeBar() {
    if (barOpen) {
      out.println();
      barOpen = false;
    }
  }

  private ObjectNode event(String lvl, String event) {
    ObjectNode n = JSON.createObjectNode();
    n.put("time", stamp());
    n.put("level", lvl);
    n.put("event", event);
    return n;
  }

  private void emit(ObjectNode n) {
    try {
      out.println(JSON.writeValueAsString(n));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      out.println("{\"level\":\"error\",\"message\":\"cannot format a progress line\"}");
    }
  }

  /** The current UTC time to the second, ISO-8601 ({@code 2026-01-31T02:30:05Z}). */
  static String stamp() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }

  private static String count(long n) {
    return n < 0 ? "-" : String.format("%,d", n);
  }
}
