package dev.wellspring.pipeline;

/** Row counts a stage reports on its progress line; -1 where a count would cost an extra pass. */
public record StageResult(long rowsIn, long rowsOut) {
  public static final StageResult UNKNOWN = new StageResult(-1, -1);
}
