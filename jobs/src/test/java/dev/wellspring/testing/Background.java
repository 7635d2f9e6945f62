package dev.wellspring.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Independent test work (child JVM runs) started in the background and joined with its own
 * exception: the integration tests run two such runs at once on the machine's two cores.
 */
public final class Background {
  private Background() {}

  /** Work that may throw. */
  public interface Work<T> {
    T call() throws Exception;
  }

  /** Starts {@code work} on the common pool. */
  public static <T> CompletableFuture<T> start(Work<T> work) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return work.call();
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
  }

  /** Waits for {@code f}; rethrows what the work threw, not its wrapper. */
  public static <T> T join(CompletableFuture<T> f) throws Exception {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }
}
