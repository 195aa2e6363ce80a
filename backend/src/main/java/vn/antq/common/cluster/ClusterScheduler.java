package vn.antq.common.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.antq.common.db.Rows;

/**
 * Runs every {@link ScheduledTask} once per slot for the whole cluster. Each instance looks every
 * few seconds; the first to find a task due moves its {@code next_run_at} on and records the run in
 * one statement ({@code FOR UPDATE SKIP LOCKED}), so no two instances ever run the same slot. An
 * instance that dies during a run loses that slot only: the next one is claimed as usual.
 */
@ApplicationScoped
public class ClusterScheduler {
  private static final Logger LOG = Logger.getLogger(ClusterScheduler.class);
  static final int RUNS_KEPT_DAYS = 30;

  @Inject EntityManager em;
  @Inject InstanceId instance;
  @Inject Instance<ScheduledTask> tasks;

  @ConfigProperty(name = "antq.scheduler.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "antq.scheduler.poll", defaultValue = "PT5S")
  Duration poll;

  private ScheduledExecutorService timer;
  private volatile boolean registered;

  void start(@Observes StartupEvent e) {
    if (!enabled) {
      return;
    }
    timer = BackgroundThread.start("antq-scheduler");
    timer.scheduleWithFixedDelay(this::tickQuietly, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent e) {
    BackgroundThread.stop(timer, Duration.ofSeconds(10));
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException ex) {
      LOG.error("The scheduler failed; it looks again at the next tick", ex);
    }
  }

  /** Runs, one after the other, the tasks that are due and that this instance claims first. */
  public int tick() {
    register();
    int ran = 0;
    for (ScheduledTask task : tasks) {
      Long run = claim(task.name(), instance.value());
      if (run != null) {
        execute(task, run);
        ran++;
      }
    }
    return ran;
  }

  /** Every task has its row; a changed interval applies from now on. */
  private void register() {
    if (registered) {
      return;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (ScheduledTask task : tasks) {
                em.createNativeQuery(
                        "INSERT INTO scheduled_task (name, interval_seconds, next_run_at)"
                            + " VALUES (?1, ?2, now()) ON CONFLICT (name) DO UPDATE SET"
                            + " interval_seconds = EXCLUDED.interval_seconds,"
                            + " next_run_at = least(scheduled_task.next_run_at,"
                            + " now() + make_interval(secs => EXCLUDED.interval_seconds))")
                    .setParameter(1, task.name())
                    .setParameter(2, (int) Math.max(1, task.interval().toSeconds()))
                    .executeUpdate();
              }
            });
    registered = true;
  }

  /**
   * Takes the task's due slot for {@code who}: the slot moves to the first one after now (slots
   * missed while every instance was down are not run twice) and the run is recorded. Returns the
   * run's id, or null when the task is not due or another instance holds it.
   */
  Long claim(String task, String who) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Long> ids =
                  Rows.longs(
                      em.createNativeQuery(
                              "WITH due AS (SELECT name, next_run_at FROM scheduled_task"
                                  + " WHERE name = ?1 AND next_run_at <= now() FOR UPDATE SKIP LOCKED),"
                                  + " moved AS (UPDATE scheduled_task s SET next_run_at ="
                                  + " due.next_run_at + make_interval(secs => s.interval_seconds *"
                                  + " (floor(extract(epoch FROM now() - due.next_run_at)"
                                  + " / s.interval_seconds) + 1)),"
                                  + " last_run_at = now(), last_instance = ?2, runs = s.runs + 1"
                                  + " FROM due WHERE s.name = due.name RETURNING due.next_run_at AS slot)"
                                  + " INSERT INTO scheduled_run (task, slot, instance)"
                                  + " SELECT ?1, slot, ?2 FROM moved RETURNING id")
                          .setParameter(1, task)
                          .setParameter(2, who)
                          .getResultList());
              return ids.isEmpty() ? null : Rows.toLong(ids.get(0));
            });
  }

  private void execute(ScheduledTask task, long run) {
    String outcome;
    boolean ok;
    try {
      outcome = QuarkusTransaction.requiringNew().call(task::run);
      ok = true;
    } catch (RuntimeException ex) {
      LOG.errorf(ex, "Scheduled task %s failed", task.name());
      outcome = String.valueOf(ex.getMessage());
      ok = false;
    }
    String said = outcome == null ? "" : outcome;
    boolean succeeded = ok;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "UPDATE scheduled_run SET finished_at = now(), succeeded = ?2, outcome = ?3"
                          + " WHERE id = ?1")
                  .setParameter(1, run)
                  .setParameter(2, succeeded)
                  .setParameter(3, said.length() > 500 ? said.substring(0, 500) : said)
                  .executeUpdate();
              em.createNativeQuery(
                      "DELETE FROM scheduled_run WHERE task = ?1"
                          + " AND started_at < now() - make_interval(days => ?2)")
                  .setParameter(1, task.name())
                  .setParameter(2, RUNS_KEPT_DAYS)
                  .executeUpdate();
            });
    LOG.debugf("Scheduled task %s (run %d): %s", task.name(), run, said);
  }
}
