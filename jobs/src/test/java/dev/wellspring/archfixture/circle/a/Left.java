package dev.wellspring.archfixture.circle.a;

import dev.wellspring.archfixture.circle.b.Right;

/** Half of a package circle that ArchitectureTest must report: a uses b. */
public final class Left {
  private Left() {}

  public static int size(Right right) {
    return right.hashCode();
  }
}
