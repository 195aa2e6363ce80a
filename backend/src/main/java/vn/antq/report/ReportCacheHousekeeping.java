package vn.antq.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.common.cluster.ScheduledTask;

/**
 * Kept reports older than a day go (their key holds the day they were asked on), and with them the
 * recorded changes no kept report can be stale by, once per cluster.
 */
@ApplicationScoped
public class ReportCacheHousekeeping implements ScheduledTask {
  @Inject EntityManager em;

  @ConfigProperty(name = "antq.housekeeping.interval", defaultValue = "PT1H")
  Duration interval;

  @Override
  public String name() {
    return "report-cache-housekeeping";
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public String run() {
    int reports =
        em.createNativeQuery(
                "DELETE FROM report_cache WHERE computed_at < now() - interval '1 day'")
            .executeUpdate();
    // a change older than every kept report's snapshot makes none stale; one recorded in the last
    // hour may be newer than the snapshot of a report still being computed (not kept yet)
    int changes =
        em.createNativeQuery(
                "DELETE FROM report_change WHERE changed_at < now() - interval '1 hour'"
                    + " AND xid < coalesce((SELECT min(pg_snapshot_xmin(CAST(snapshot AS"
                    + " pg_snapshot))) FROM report_cache), pg_snapshot_xmin(pg_current_snapshot()))")
            .executeUpdate();
    return reports + " báo cáo lưu sẵn quá một ngày, " + changes + " thay đổi cũ đã xóa";
  }
}
