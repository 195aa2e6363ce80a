package vn.antq.integration;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.antq.common.cluster.BackgroundThread;
import vn.antq.common.cluster.InstanceId;
import vn.antq.common.db.Rows;
import vn.antq.security.ActingAs;

/**
 * The worker of {@link ImportJobs}: any instance's worker claims a queued job (or one whose lease
 * ran out because its instance died) with {@code FOR UPDATE SKIP LOCKED}, so each job runs on one
 * instance at a time and survives restarts: {@code partial} jobs go on from the last committed row
 * (progress commits with the rows), {@code all} jobs start again (their single transaction was
 * rolled back, nothing was applied).
 */
@ApplicationScoped
class ImportWorker {
  private static final Logger LOG = Logger.getLogger(ImportWorker.class);
  static final int MAX_ATTEMPTS = 5;

  @Inject EntityManager em;
  @Inject ImportEngine engine;
  @Inject JobRows stored;
  @Inject InstanceId instance;
  @Inject ImportNotices notices;

  @ConfigProperty(name = "antq.jobs.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "antq.jobs.lease-seconds", defaultValue = "30")
  int leaseSeconds;

  @ConfigProperty(name = "antq.jobs.poll-millis", defaultValue = "1000")
  long pollMillis;

  private ScheduledExecutorService worker;

  void start(@Observes StartupEvent e) {
    if (!enabled) {
      return;
    }
    worker = BackgroundThread.start("antq-import-jobs");
    worker.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * On shutdown the running job stops at its next chunk and stays RUNNING: its lease runs out and
   * an instance (this one restarted, or another) goes on with it.
   */
  void stop(@Observes ShutdownEvent e) {
    stopping = true;
    BackgroundThread.stop(worker, Duration.ofSeconds(10));
  }

  private volatile boolean stopping;

  /** Thrown at a chunk's end when the instance shuts down, to leave the job to be resumed. */
  private static final class Stopping extends RuntimeException {
    Stopping() {
      super("the instance is shutting down", null, false, false);
    }
  }

  void wake() {
    if (worker != null) {
      worker.execute(this::poll);
    }
  }

  /** Runs every claimable job, one after the other (housekeeping is IntegrationHousekeeping). */
  void poll() {
    try {
      Long id;
      while (!stopping && (id = claim()) != null) {
        run(id);
      }
    } catch (RuntimeException e) {
      LOG.error("The import worker failed; it tries again at the next poll", e);
    }
  }

  /** Claims the oldest queued job, or a running one whose instance stopped renewing its lease. */
  Long claim() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Long> ids =
                  Rows.longs(
                      em.createNativeQuery(
                              "UPDATE import_job SET state = 'RUNNING', lease_owner = ?1,"
                                  + " lease_until = now() + make_interval(secs => ?2),"
                                  + " attempts = attempts + 1, started_at = coalesce(started_at,"
                                  + " now()) WHERE id = (SELECT id FROM import_job WHERE state ="
                                  + " 'QUEUED' OR (state = 'RUNNING' AND lease_until < now()) ORDER"
                                  + " BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id")
                          .setParameter(1, instance.value())
                          .setParameter(2, leaseSeconds)
                          .getResultList());
              return ids.isEmpty() ? null : Rows.toLong(ids.get(0));
            });
  }

  /** A claimed job as its row says: what to apply, how, how far it got, and on whose behalf. */
  private record Claimed(
      String resource, boolean partial, boolean dryRun, int done, int attempts, ActingAs actor) {}

  private Claimed claimed(long id) {
    Object[] j =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        em.createNativeQuery(
                                "SELECT resource, mode, dry_run, done, attempts, actor_kind,"
                                    + " actor_id, actor_name, actor_role, actor_unit_id FROM"
                                    + " import_job WHERE id = ?1")
                            .setParameter(1, id)
                            .getSingleResult());
    return new Claimed(
        (String) j[0],
        "PARTIAL".equals(j[1]),
        (Boolean) j[2],
        Rows.toInt(j[3]),
        Rows.toInt(j[4]),
        new ActingAs(
            (String) j[5],
            Rows.toLongOrNull(j[6]),
            (String) j[7],
            (String) j[8],
            Rows.toLongOrNull(j[9])));
  }

  private void run(long id) {
    Claimed job = claimed(id);
    if (job.attempts() > MAX_ATTEMPTS) {
      finish(id, "FAILED", "Tác vụ bị gián đoạn " + MAX_ATTEMPTS + " lần; hãy gửi lại", null);
      return;
    }
    // only a partial job that writes keeps what it committed; everything else starts again
    java.util.BitSet finished =
        job.partial() && !job.dryRun() ? finished(id, job.done()) : new java.util.BitSet();
    if (finished.isEmpty()) {
      restart(id);
    }
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      Arc.container()
          .instance(CurrentIdentityAssociation.class)
          .get()
          .setIdentity(job.actor().identity());
      apply(id, job, finished);
    } catch (RuntimeException e) {
      if (stopping) {
        LOG.infof("Import job %d left to be resumed: the instance is shutting down", id);
        return;
      }
      LOG.errorf(e, "Import job %d failed", id);
      finish(id, "FAILED", "Tác vụ dừng vì lỗi hệ thống; hãy báo cho quản trị viên", null);
    } finally {
      request.terminate();
    }
  }

  /** A job that starts again: its counts, reported rows and committed ranges cleared. */
  private void restart(long id) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "UPDATE import_job SET done = 0, created = 0, updated = 0, unchanged ="
                          + " 0, deleted = 0, rejected = 0, errors = '[]' WHERE id = ?1")
                  .setParameter(1, id)
                  .executeUpdate();
              em.createNativeQuery("DELETE FROM import_job_done WHERE job_id = ?1")
                  .setParameter(1, id)
                  .executeUpdate();
            });
  }

  /** Applies the job's rows as the caller who submitted it; its outcome recorded. */
  private void apply(long id, Claimed job, java.util.BitSet finished) {
    ImportTarget target = engine.target(job.resource());
    ImportEngine.Result result =
        engine.run(
            target, stored.source(id), job.partial(), job.dryRun(), finished, new JobProgress(id));
    if (job.dryRun()) {
      finishDryRun(id, result.rows());
    } else if (!result.applied()) {
      List<ImportEngine.RowResult> bad =
          result.rows().stream().filter(r -> r.outcome() == ImportEngine.Outcome.REJECTED).toList();
      finish(id, "FAILED", "Có " + bad.size() + " dòng không hợp lệ; không dòng nào được lưu", bad);
    }
  }

  /**
   * The positions a job committed before it stopped: the ranges each commit recorded, or, for a job
   * stopped before ranges were recorded (one chunk after the other), its first {@code done} rows.
   */
  private java.util.BitSet finished(long id, int done) {
    List<Object[]> ranges =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Rows.of(
                        em.createNativeQuery(
                                "SELECT from_pos, to_pos FROM import_job_done WHERE job_id = ?1")
                            .setParameter(1, id)));
    java.util.BitSet out = new java.util.BitSet();
    for (Object[] r : ranges) {
      out.set(Rows.toInt(r[0]), Rows.toInt(r[1]));
    }
    if (ranges.isEmpty() && done > 0) {
      out.set(0, done);
    }
    return out;
  }

  /**
   * Progress of a job: committed with the rows (several lanes may commit at once: the counts are
   * added, and the positions recorded for a resumed job), ticks on their own.
   */
  private final class JobProgress implements ImportEngine.Progress {
    private final long id;

    JobProgress(long id) {
      this.id = id;
    }

    @Override
    public void committed(int from, int end, List<ImportEngine.RowResult> rows) {
      if (stopping) {
        throw new Stopping();
      }
      ImportEngine.Counts c = ImportEngine.Counts.of(rows);
      List<ImportEngine.RowResult> bad =
          rows.stream().filter(r -> r.outcome() == ImportEngine.Outcome.REJECTED).toList();
      em.createNativeQuery(
              "INSERT INTO import_job_done (job_id, from_pos, to_pos) VALUES (?1, ?2, ?3)")
          .setParameter(1, id)
          .setParameter(2, from)
          .setParameter(3, end)
          .executeUpdate();
      // the job's row last: lanes wait for each other's commit here only
      int n =
          em.createNativeQuery(
                  "UPDATE import_job SET done = least(total, done + ?2), created = created + ?3,"
                      + " updated = updated + ?4, unchanged = unchanged + ?5, deleted = deleted +"
                      + " ?6, rejected = rejected + ?7, errors = CASE WHEN"
                      + " jsonb_array_length(errors) < ?8 THEN errors || CAST(?9 AS jsonb) ELSE"
                      + " errors END, lease_until = now() + make_interval(secs => ?10),"
                      + " state = CASE WHEN done + ?2 >= total THEN 'SUCCEEDED' ELSE state END,"
                      + " finished_at = CASE WHEN done + ?2 >= total THEN now() END"
                      + " WHERE id = ?1 AND lease_owner = ?11")
              .setParameter(1, id)
              .setParameter(2, end - from)
              .setParameter(3, c.created())
              .setParameter(4, c.updated())
              .setParameter(5, c.unchanged())
              .setParameter(6, c.deleted())
              .setParameter(7, c.rejected())
              .setParameter(8, ImportEngine.MAX_REPORTED)
              .setParameter(9, stored.writeResults(bad))
              .setParameter(10, leaseSeconds)
              .setParameter(11, instance.value())
              .executeUpdate();
      if (n == 0) {
        throw new IllegalStateException("Import job " + id + " was taken over by another worker");
      }
      if (end - from > 0 && lastChunk(id)) {
        notices.ended(id);
      }
    }

    @Override
    public void tick(int done) {
      if (stopping) {
        throw new Stopping();
      }
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "UPDATE import_job SET done = ?2, lease_until = now() +"
                              + " make_interval(secs => ?3) WHERE id = ?1 AND lease_owner = ?4")
                      .setParameter(1, id)
                      .setParameter(2, done)
                      .setParameter(3, leaseSeconds)
                      .setParameter(4, instance.value())
                      .executeUpdate());
    }
  }

  private void finishDryRun(long id, List<ImportEngine.RowResult> all) {
    ImportEngine.Counts c = ImportEngine.Counts.of(all);
    List<ImportEngine.RowResult> bad =
        all.stream().filter(r -> r.outcome() == ImportEngine.Outcome.REJECTED).toList();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE import_job SET state = 'SUCCEEDED', done = total, created = ?2,"
                            + " updated = ?3, unchanged = ?4, deleted = ?5, rejected = ?6,"
                            + " errors = CAST(?7 AS jsonb), finished_at = now() WHERE id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, c.created())
                    .setParameter(3, c.updated())
                    .setParameter(4, c.unchanged())
                    .setParameter(5, c.deleted())
                    .setParameter(6, c.rejected())
                    .setParameter(7, stored.writeResults(bad))
                    .executeUpdate());
  }

  private void finish(long id, String state, String message, List<ImportEngine.RowResult> bad) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "UPDATE import_job SET state = ?2, message = ?3, finished_at = now(),"
                          + " rejected = ?4, errors = CAST(?5 AS jsonb),"
                          + " done = CASE WHEN ?6 THEN total ELSE done END WHERE id = ?1")
                  .setParameter(1, id)
                  .setParameter(2, state)
                  .setParameter(3, message)
                  .setParameter(4, bad == null ? 0 : bad.size())
                  .setParameter(5, stored.writeResults(bad == null ? List.of() : bad))
                  .setParameter(6, bad != null)
                  .executeUpdate();
              notices.ended(id);
            });
  }

  /** Whether the job's row says it has just been completed (by this chunk or a lane's). */
  private boolean lastChunk(long id) {
    return Boolean.TRUE.equals(
        em.createNativeQuery("SELECT state = 'SUCCEEDED' FROM import_job WHERE id = ?1")
            .setParameter(1, id)
            .getSingleResult());
  }
}
