package dev.wellspring.pipeline;

import dev.wellspring.io.Folders;
import dev.wellspring.io.TextFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The log file of one run, {@code runs/<date>.log}: Spark's and Hadoop's log lines and the stack
 * trace of a failure go there, never to the terminal, which gets Wellspring's own lines only (a
 * full disk used to end in a 189-line trace with the cause buried in it).
 *
 * <p>While open, the console appender ({@code log4j2.properties}) serves only the {@code
 * dev.wellspring} loggers; every logger also writes to the file. Where the logging configuration
 * has no console appender (an embedding application, the tests) only the file is added.
 */
final class RunLog implements AutoCloseable {
  private static final String APPENDER = "wellspring-run-log";
  private final Path file;
  private final boolean attached;
  private final boolean consoleMoved;

  private RunLog(Path file, boolean attached, boolean consoleMoved) {
    this.file = file;
    this.attached = attached;
    this.consoleMoved = consoleMoved;
  }

  /** Starts logging into {@code file}; never fails (a run on a full disk must still report). */
  static RunLog open(Path file) {
    try {
      Folders.createParents(file);
      if (!(LogManager.getContext(false) instanceof LoggerContext ctx)) {
        return new RunLog(file, false, false);
      }
      Configuration cfg = ctx.getConfiguration();
      if (cfg.getAppender(APPENDER) != null) {
        return new RunLog(file, false, false); // a run inside a run (tests): the outer one logs
      }
      PatternLayout layout =
          PatternLayout.newBuilder()
              .withConfiguration(cfg)
              .withCharset(StandardCharsets.UTF_8)
              .withPattern("%d{yyyy-MM-dd HH:mm:ss} %p %c{1}: %m%n%ex")
              .build();
      FileAppender appender =
          FileAppender.newBuilder()
              .setName(APPENDER)
              .withFileName(file.toString())
              .withAppend(true)
              .setLayout(layout)
              .setConfiguration(cfg)
              .build();
      if (appender == null) {
        return new RunLog(file, false, false);
      }
      // A log that cannot be written (a full disk) must not put Log4j's own error lines on the
      // terminal: the run reports the fault itself, in one line.
      appender.setHandler(
          new org.apache.logging.log4j.core.ErrorHandler() {
            @Override
            public void error(String msg) {}

            @Override
            public void error(String msg, Throwable t) {}

            @Override
            public void error(
                String msg, org.apache.logging.log4j.core.LogEvent event, Throwable t) {}
          });
      appender.start();
      cfg.addAppender(appender);
      cfg.getRootLogger().addAppender(appender, null, null);
      Appender console = cfg.getAppender("console");
      boolean moved = false;
      if (console != null && cfg.getRootLogger().getAppenders().containsKey("console")) {
        cfg.getRootLogger().removeAppender("console");
        LoggerConfig own = cfg.getLoggerConfig("dev.wellspring");
        if (own.getName().equals("dev.wellspring")) {
          own.addAppender(console, Level.WARN, null);
        }
        moved = true;
      }
      ctx.updateLoggers();
      return new RunLog(file, true, moved);
    } catch (IOException | RuntimeException e) {
      return new RunLog(file, false, false);
    }
  }

  Path file() {
    return file;
  }

  /** Appends a failure's stack trace; false when even that cannot be written (a full disk). */
  boolean trace(String heading, Throwable t) {
    StringWriter text = new StringWriter();
    try (PrintWriter w = new PrintWriter(text)) {
      w.println(java.time.Instant.now() + " " + heading);
      t.printStackTrace(w);
    }
    try {
      TextFiles.append(file, text.toString());
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (!attached || !(LogManager.getContext(false) instanceof LoggerContext ctx)) {
      return;
    }
    Configuration cfg = ctx.getConfiguration();
    Appender appender = cfg.getAppender(APPENDER);
    cfg.getRootLogger().removeAppender(APPENDER);
    if (consoleMoved) {
      Appender console = cfg.getAppender("console");
      LoggerConfig own = cfg.getLoggerConfig("dev.wellspring");
      if (own.getName().equals("dev.wellspring")) {
        own.removeAppender("console");
      }
      cfg.getRootLogger().addAppender(console, null, null);
    }
    ctx.updateLoggers();
    if (appender != null) {
      appender.stop();
      cfg.getAppenders().remove(APPENDER);
    }
  }
}
