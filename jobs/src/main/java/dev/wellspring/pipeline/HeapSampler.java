package dev.wellspring.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Samples this JVM's used heap (the driver, and in local mode its executors) on a daemon thread
 * every 50 ms, and the heap left after every collection; started with the first run of this JVM.
 * The manifest's {@code driver_peak_heap_mb} and {@code driver_peak_live_heap_mb} come from here.
 */
final class HeapSampler implements Runnable {
  static final HeapSampler INSTANCE = new HeapSampler();
  private final AtomicLong peak = new AtomicLong();

  private final AtomicLong peakLive = new AtomicLong();

  private HeapSampler() {
    Thread t = new Thread(this, "wellspring-heap-sampler");
    t.setDaemon(true);
    t.start();
    // The heap in use right after each collection: what the run really keeps (the sampled peak
    // also counts garbage the collector had not reached yet).
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (n, handback) -> {
              if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                  n.getType())) {
                return;
              }
              var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
              long after = 0;
              for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                var usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && usage != null) {
                  after += usage.getUsed();
                }
              }
              long live = after;
              peakLive.accumulateAndGet(live, Math::max);
            },
            null,
            null);
      }
    }
  }

  /** The most heap left in use after any one collection so far. */
  long peakLiveBytes() {
    return peakLive.get();
  }

  /** The most heap in use at any one sample so far, this moment included. */
  long peakBytes() {
    sample();
    return peak.get();
  }

  private void sample() {
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    peak.accumulateAndGet(used, Math::max);
  }

  @Override
  public void run() {
    while (true) {
      sample();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
