package dev.wellspring.stage;

/**
 * Row counts a stage reports on its progress line and in the manifest; -1 where a count would cost
 * an extra pass over the data.
 *
 * @param rowsIn the rows the stage read, or -1
 * @param rowsOut the rows the stage wrote, or -1
 */
public record StageResult(long rowsIn, long rowsOut) {
  /** Neither count is known. */
  public static final StageResult UNKNOWN = new StageResult(-1, -1);
}
