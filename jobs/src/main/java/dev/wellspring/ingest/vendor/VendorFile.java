package dev.wellspring.ingest.vendor;

import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import java.io.Serializable;

/**
 * One vendor export to read with an adapter; shipped to the Spark task that parses it.
 *
 * @param path absolute path of the file
 * @param name path relative to the input folder, with '/' separators: the {@code source_file} of
 *     its rows and the {@code file} of its manifest entry
 * @param adapter the adapter that recognised it (the first of {@code ExportAdapters.all()} to)
 * @param order position among the vendor files in file order ("first one wins" for activities
 *     exported twice)
 */
public record VendorFile(String path, String name, ExportAdapter adapter, int order)
    implements Serializable {}
