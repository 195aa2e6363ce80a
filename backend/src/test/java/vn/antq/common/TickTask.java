package vn.antq.common;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import vn.antq.common.cluster.ScheduledTask;

/** A task of the tests only: counts its runs (a singleton: the test reads its field). */
@Singleton
public class TickTask implements ScheduledTask {
  static final String NAME = "test-tick";
  final AtomicInteger runs = new AtomicInteger();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration interval() {
    return Duration.ofMinutes(10);
  }

  @Override
  public String run() {
    return "lần " + runs.incrementAndGet();
  }
}
