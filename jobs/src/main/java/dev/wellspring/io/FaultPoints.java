package dev.wellspring.io;

/**
 * Fault injection for the crash-safety tests: when the system property {@value #PROPERTY} names
 * a point, the run prints {@code PAUSED <point>} to stderr there and sleeps until it is killed.
 * Points: {@code before:<stage>} (the pipeline, before each stage), {@code ingest:staged} (after
 * ingest wrote its staging copy), {@code publish:parked} (inside {@link Warehouse#publish},
 * between moving the old version away and moving the new one in). Unset, it does nothing.
 */
public final class FaultPoints {
  /** The system property naming the point to pause at. */
  public static final String PROPERTY = "wellspring.test.pauseAt";

  private FaultPoints() {}

  /** Pauses forever if {@code point} is the configured one. */
  public static void pauseAt(String point) {
    if (!point.equals(System.getProperty(PROPERTY))) {
      return;
    }
    System.err.println("PAUSED " + point);
    System.err.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
