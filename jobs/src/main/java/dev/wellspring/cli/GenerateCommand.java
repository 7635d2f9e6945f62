package dev.wellspring.cli;

import dev.wellspring.WellspringException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: synthetic exports at any scale. Not built yet. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write synthetic exports of any size (deterministic for a seed).")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "DIR")
  String output;

  @Option(names = "--owners", defaultValue = "3")
  int owners;

  @Option(names = "--activities", defaultValue = "10000")
  long activities;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Override
  public Integer call() {
    throw WellspringException.unusable("generate", "generate is not built yet");
  }
}
