package vn.antq.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.antq.common.cluster.ClusterScheduler;
import vn.antq.common.cluster.ClusterSchedulerAccess;

/**
 * Periodic work runs once per slot for the whole cluster: instances racing for a due task, one
 * wins; slots missed while no instance ran are not run twice; housekeeping purges what has expired
 * and keeps the rest (issue 10).
 */
@QuarkusTest
class ClusterSchedulerTest {
  @Inject ClusterScheduler scheduler;
  @Inject TickTask tick;
  @Inject EntityManager em;

  void sql(String statement) {
    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
  }

  Object value(String query) {
    return QuarkusTransaction.requiringNew()
        .call(() -> em.createNativeQuery(query).getSingleResult());
  }

  void due(String task) {
    sql(
        "UPDATE scheduled_task SET next_run_at = now() - interval '1 second' WHERE name = '"
            + task
            + "'");
  }

  @Test
  void aDueTaskRunsOnceThenWaitsForItsNextSlot() {
    scheduler.tick();
    due(TickTask.NAME);
    int before = tick.runs.get();
    assertThat(scheduler.tick()).isGreaterThanOrEqualTo(1);
    assertThat(tick.runs.get()).isEqualTo(before + 1);
    // not due again for ten minutes
    scheduler.tick();
    assertThat(tick.runs.get()).isEqualTo(before + 1);
    Object[] last =
        (Object[])
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        em.createNativeQuery(
                                "SELECT succeeded, outcome, finished_at IS NOT NULL FROM scheduled_run"
                                    + " WHERE task = ?1 ORDER BY id DESC LIMIT 1")
                            .setParameter(1, TickTask.NAME)
                            .getSingleResult());
    assertThat(last[0]).isEqualTo(true);
    assertThat((String) last[1]).isEqualTo("lần " + (before + 1));
    assertThat(last[2]).isEqualTo(true);
  }

  @Test
  void instancesRacingForADueSlotLeaveItToOne() throws Exception {
    scheduler.tick();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (int round = 0; round < 15; round++) {
        due(TickTask.NAME);
        List<Callable<Long>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          String who = "instance-" + i;
          racers.add(() -> ClusterSchedulerAccess.claim(scheduler, TickTask.NAME, who));
        }
        long winners = 0;
        for (Future<Long> f : pool.invokeAll(racers, 30, TimeUnit.SECONDS)) {
          winners += f.get() == null ? 0 : 1;
        }
        assertThat(winners).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    // every slot recorded once (the unique key would refuse a second)
    assertThat(
            ((Number)
                    value(
                        "SELECT count(*) - count(DISTINCT slot) FROM scheduled_run WHERE task = '"
                            + TickTask.NAME
                            + "'"))
                .longValue())
        .isZero();
  }

  @Test
  void slotsMissedWhileEveryInstanceWasDownAreNotRunTwice() {
    scheduler.tick();
    sql(
        "UPDATE scheduled_task SET next_run_at = now() - interval '95 minutes' WHERE name = '"
            + TickTask.NAME
            + "'");
    Object oldNext =
        value("SELECT next_run_at FROM scheduled_task WHERE name = '" + TickTask.NAME + "'");
    assertThat(ClusterSchedulerAccess.claim(scheduler, TickTask.NAME, "late")).isNotNull();
    assertThat(ClusterSchedulerAccess.claim(scheduler, TickTask.NAME, "late")).isNull();
    // the next slot is the first one after now, on the task's ten-minute grid
    Object[] next =
        (Object[])
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        em.createNativeQuery(
                                "SELECT next_run_at > now(), next_run_at <= now() + interval '10"
                                    + " minutes', CAST(extract(epoch FROM next_run_at - ?1) AS"
                                    + " bigint) % 600 FROM scheduled_task WHERE name = ?2")
                            .setParameter(1, oldNext)
                            .setParameter(2, TickTask.NAME)
                            .getSingleResult());
    assertThat(next[0]).isEqualTo(true);
    assertThat(next[1]).isEqualTo(true);
    assertThat(((Number) next[2]).longValue()).isZero();
  }

  @Test
  void housekeepingPurgesWhatExpiredAndKeepsTheRest() {
    scheduler.tick();
    sql(
        "INSERT INTO revoked_access_token (jti, expires_at) VALUES"
            + " ('hk-old', now() - interval '1 minute'), ('hk-live', now() + interval '10 minutes')");
    sql(
        "INSERT INTO rate_limit (bucket, window_start, hits) VALUES"
            + " ('hk-bucket', now() - interval '2 hours', 3), ('hk-bucket', now(), 1)");
    due("security-housekeeping");
    due("integration-housekeeping");
    scheduler.tick();
    assertThat(
            ((Number) value("SELECT count(*) FROM revoked_access_token WHERE jti LIKE 'hk-%'"))
                .longValue())
        .isEqualTo(1);
    assertThat(value("SELECT jti FROM revoked_access_token WHERE jti LIKE 'hk-%'"))
        .isEqualTo("hk-live");
    assertThat(
            ((Number) value("SELECT count(*) FROM rate_limit WHERE bucket = 'hk-bucket'"))
                .longValue())
        .isEqualTo(1);
    Object outcome =
        value(
            "SELECT outcome FROM scheduled_run WHERE task = 'security-housekeeping'"
                + " AND succeeded ORDER BY id DESC LIMIT 1");
    assertThat(Objects.toString(outcome)).matches("\\d+ thu hồi token đã hết hạn, .*");
    assertThat(
            value(
                "SELECT succeeded FROM scheduled_run WHERE task = 'integration-housekeeping'"
                    + " ORDER BY id DESC LIMIT 1"))
        .isEqualTo(true);
  }
}
