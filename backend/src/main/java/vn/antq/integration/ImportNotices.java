package vn.antq.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import vn.antq.common.db.Rows;
import vn.antq.notification.Audience;
import vn.antq.notification.Notice;
import vn.antq.notification.NotificationKind;
import vn.antq.notification.Notifier;

/**
 * The person who started an import job hears when it has finished or failed — in the transaction
 * that ends the job, once (a job's lanes may each look; the key tells them apart from nothing).
 * Previews (dry runs) tell nobody: their author is looking at them.
 */
@ApplicationScoped
class ImportNotices {
  static final Map<String, String> WHAT =
      Map.of(
          "units", "đơn vị",
          "models", "mô hình",
          "events", "sự kiện",
          "awards", "khen thưởng",
          "indicator-reports", "số liệu",
          "exemplary-police", "Công an xã điển hình");

  @Inject EntityManager em;
  @Inject Notifier notifier;

  /** Tells the job's author if the job has just ended (nothing when it is still running). */
  @Transactional(Transactional.TxType.MANDATORY)
  void ended(long jobId) {
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT state, resource, source_name, created, updated, unchanged, deleted,"
                        + " rejected, message, actor_id, actor_unit_id FROM import_job"
                        + " WHERE id = ?1 AND NOT dry_run AND actor_kind = 'USER'"
                        + " AND actor_id IS NOT NULL AND state IN ('SUCCEEDED', 'FAILED')")
                .setParameter(1, jobId));
    if (rows.isEmpty()) {
      return;
    }
    Object[] j = rows.get(0);
    boolean ok = "SUCCEEDED".equals(j[0]);
    String what = WHAT.getOrDefault((String) j[1], (String) j[1]);
    String source = j[2] == null ? "" : " «" + j[2] + "»";
    String title =
        ok
            ? "Nhập dữ liệu " + what + source + " đã xong"
            : "Nhập dữ liệu " + what + source + " thất bại";
    String body =
        ok
            ? "Thêm "
                + j[3]
                + ", cập nhật "
                + j[4]
                + ", không đổi "
                + j[5]
                + ", xóa "
                + j[6]
                + ", bị từ chối "
                + j[7]
                + " dòng (tác vụ số "
                + jobId
                + ")."
            : (j[8] == null
                ? "Tác vụ số " + jobId + " thất bại."
                : j[8] + " (tác vụ số " + jobId + ").");
    notifier.send(
        new Notice(
            ok ? NotificationKind.IMPORT_FINISHED : NotificationKind.IMPORT_FAILED,
            title,
            body,
            "/nhap-du-lieu?tacVu=" + jobId,
            Rows.toLongOrNull(j[10]),
            "import:" + jobId),
        Audience.users(List.of(Rows.toLong(j[9]))));
  }
}
