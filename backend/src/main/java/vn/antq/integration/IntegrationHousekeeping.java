package vn.antq.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.common.cluster.ScheduledTask;

/** Expired idempotency keys and the stored rows of jobs finished long ago go, once per cluster. */
@ApplicationScoped
public class IntegrationHousekeeping implements ScheduledTask {
  @Inject EntityManager em;
  @Inject Idempotency idempotency;

  @ConfigProperty(name = "antq.housekeeping.interval", defaultValue = "PT1H")
  Duration interval;

  @Override
  public String name() {
    return "integration-housekeeping";
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public String run() {
    int keys = idempotency.purge();
    em.createNativeQuery(
            "DELETE FROM import_job_done d USING import_job j WHERE d.job_id = j.id"
                + " AND j.finished_at < now() - make_interval(days => ?1)")
        .setParameter(1, ImportJobs.ROWS_KEPT_DAYS)
        .executeUpdate();
    int rows =
        em.createNativeQuery(
                "DELETE FROM import_job_row r USING import_job j WHERE r.job_id = j.id"
                    + " AND j.finished_at < now() - make_interval(days => ?1)")
            .setParameter(1, ImportJobs.ROWS_KEPT_DAYS)
            .executeUpdate();
    return keys + " khóa chống gửi lặp hết hạn, " + rows + " dòng của lệnh nhập cũ đã xóa";
  }
}
