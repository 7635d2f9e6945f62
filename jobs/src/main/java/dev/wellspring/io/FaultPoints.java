package dev.wellspring.io;

/**
 * Fault injection for the crash-safety tests: when the system property {@value #PROPERTY} names a
 * point, the run prints {@code PAUSED <point>} to stderr there and sleeps until it is killed.
 * Points: {@code before:<stage>} (the pipeline, before each stage), {@code ingest:staged} (after
 * ingest wrote its staging copy), {@code publish:parked} (inside {@link Warehouse#publish} outside
 * a generation, between moving the old version away and moving the new one in), {@code
 * before:publish} (the pipeline, after the last stage), {@code publish:switch} and {@code
 * publish:switched} (inside {@link Warehouse#commit}, just before and just after the rename that
 * publishes the run date). Unset, it does nothing.
 */
public final class FaultPoints {
  /** The system property naming the point to fail at (tests of the failure paths). */
  public static final String FAIL_PROPERTY = "wellspring.test.failAt";

  /**
   * Throws at {@code point} when the system property {@value #FAIL_PROPERTY} is {@code
   * <point>=<kind>}: {@code oom} an {@link OutOfMemoryError}, {@code error} an {@link
   * AssertionError} (any Throwable that is not an exception), {@code nospace} an {@link
   * java.io.UncheckedIOException} whose cause says "No space left on device", {@code runtime} an
   * {@link IllegalStateException}.
   */
  public static void failAt(String point) {
    String spec = System.getProperty(FAIL_PROPERTY);
    if (spec == null || !spec.startsWith(point + "=")) {
      return;
    }
    String kind = spec.substring(point.length() + 1);
    switch (kind) {
      case "oom" -> throw new OutOfMemoryError("injected at " + point);
      case "error" -> throw new AssertionError("injected at " + point);
      case "nospace" ->
          throw new java.io.UncheckedIOException(
              new java.nio.file.FileSystemException(point, null, "No space left on device"));
      default -> throw new IllegalStateException("injected at " + point);
    }
  }

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
