package dev.wellspring.archfixture.circle.b;

import dev.wellspring.archfixture.circle.a.Left;

/** The other half of the package circle: b uses a. */
public final class Right {
  public Class<?> partner() {
    return Left.class;
  }
}
