package vn.antq.common.cluster;

import java.time.Duration;

/**
 * Periodic work that must run once per cluster, not once per instance: a CDI bean implementing this
 * is picked up by {@link ClusterScheduler}.
 */
public interface ScheduledTask {
  /** Stable name, the key of its row in {@code scheduled_task}. */
  String name();

  /** Time between two runs (slots are spaced by it, whichever instance runs them). */
  Duration interval();

  /** Does the work in its own transaction; returns a short account of what it did. */
  String run();
}
