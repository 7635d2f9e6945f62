package dev.wellspring.ingest.canonical;

import dev.wellspring.ingest.staging.Kind;
import java.io.Serializable;

/**
 * One input file to read as a canonical kind; shipped to the Spark task that parses it.
 *
 * @param path absolute path of the file
 * @param name path relative to the input folder, with '/' separators: the {@code source_file} of
 *     its rows and the {@code file} of its manifest entry
 * @param kind what the file holds
 * @param order position in the deterministic file order (duplicates keep the first by (order,
 *     line))
 */
public record InputFile(String path, String name, Kind kind, int order) implements Serializable {}
