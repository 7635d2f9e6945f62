package dev.wellspring.pipeline;

import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;

/**
 * What every stage of one run shares: the configuration, the output folder and the manifest
 * being built, and where progress lines go.
 */
public record RunContext(
    WellspringConfig config, Warehouse warehouse, Manifest manifest, Progress progress) {}
