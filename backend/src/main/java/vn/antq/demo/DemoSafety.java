package vn.antq.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import vn.antq.common.db.Rows;
import vn.antq.safety.ExemplaryPoliceService;
import vn.antq.safety.SafetyService;

/**
 * Demo safety-standard data: the 2025 assessment of Phường Bạc Liêu's residential areas (one falls
 * short on drugs) and the four model ward police units of Bình Thuận in 2024 (seed article; the
 * decision numbers are made up).
 */
@ApplicationScoped
class DemoSafety {
  @Inject EntityManager em;
  @Inject SafetyService safety;
  @Inject ExemplaryPoliceService designations;

  int load(long phuongBacLieu) {
    int n = 0;
    List<Long> hamlets =
        ids(
            "SELECT id FROM unit WHERE parent_id = ?1 AND kind = 'HAMLET' AND valid_to IS NULL"
                + " ORDER BY id",
            phuongBacLieu);
    for (int i = 0; i < hamlets.size(); i++) {
      SafetyService.Checklist list = safety.checklist(hamlets.get(i), 2025);
      boolean last = i == hamlets.size() - 1;
      List<SafetyService.CriterionCommand> marks =
          list.criteria().stream()
              .map(
                  c ->
                      new SafetyService.CriterionCommand(
                          c.id(),
                          !(last && c.code().endsWith("_MA_TUY")),
                          last && c.code().endsWith("_MA_TUY")
                              ? "Phát hiện 2 người nghiện mới trong kỳ"
                              : "Biên bản họp khu dân cư tháng 10/2025"))
              .toList();
      safety.create(
          new SafetyService.Command(
              hamlets.get(i),
              2025,
              marks,
              last ? null : "Chủ tịch UBND phường Bạc Liêu",
              last ? null : LocalDate.of(2025, 11, 10),
              last ? null : "215/QĐ-UBND",
              null));
      n++;
    }
    List<Long> police =
        ids(
            "SELECT u.id FROM unit u JOIN unit w ON w.id = u.parent_id WHERE u.kind = 'POLICE'"
                + " AND w.kind = 'WARD' AND u.name IN ('Công an phường Phú Thủy', 'Công an phường"
                + " Xuân An', 'Công an phường Tân Thiện', 'Công an phường Tân An')"
                + " AND u.valid_from <= ?1 ORDER BY u.id",
            LocalDate.of(2024, 12, 31));
    int number = 3101;
    for (long p : police) {
      designations.create(
          new ExemplaryPoliceService.PoliceCommand(
              p,
              2024,
              (number++) + "/QĐ-CAT-PV05",
              LocalDate.of(2024, 12, 16),
              "Giám đốc Công an tỉnh Bình Thuận",
              "Công an phường điển hình, kiểu mẫu năm 2024"));
      n++;
    }
    return n;
  }

  private List<Long> ids(String sql, Object param) {
    return ((List<?>) em.createNativeQuery(sql).setParameter(1, param).getResultList())
        .stream().map(o -> Rows.toLong(o)).toList();
  }
}
