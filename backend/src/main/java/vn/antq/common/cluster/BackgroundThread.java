package vn.antq.common.cluster;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The one daemon thread of a background worker (import jobs, scheduler, heartbeat). */
public final class BackgroundThread {
  private BackgroundThread() {}

  public static ScheduledExecutorService start(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** Lets the current run finish (up to {@code grace}), then interrupts it. */
  public static void stop(ScheduledExecutorService worker, Duration grace) {
    if (worker == null) {
      return;
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException ie) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
