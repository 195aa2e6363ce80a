package vn.antq.common.cluster;

/** Lets the tests claim a slot as a named instance would. */
public final class ClusterSchedulerAccess {
  private ClusterSchedulerAccess() {}

  public static Long claim(ClusterScheduler scheduler, String task, String instance) {
    return scheduler.claim(task, instance);
  }
}
