package dev.wellspring.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * What one generation wrote.
 *
 * @param files every CSV written, in writing order, with its data rows and bytes
 * @param truthFile the {@code generator-truth.json} beside them
 * @param activities activity rows written (warts included)
 * @param outcomes outcome rows written (warts included)
 * @param expectedLift the lift the planted rates imply
 * @param attributableLift the lift of what was actually drawn, counting only outcomes the pipeline
 *     can attribute; every attribution model should reproduce it
 */
public record GenerationResult(
    List<File> files,
    Path truthFile,
    long activities,
    long outcomes,
    double expectedLift,
    Double attributableLift) {

  public GenerationResult {
    files = List.copyOf(files);
  }

  /** One written CSV file. */
  public record File(String name, long rows, long bytes) {}

  /** Bytes of all CSV files together. */
  public long totalBytes() {
    return files.stream().mapToLong(File::bytes).sum();
  }
}
