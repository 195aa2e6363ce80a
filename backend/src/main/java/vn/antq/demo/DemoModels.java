package vn.antq.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueSeeder;
import vn.antq.common.db.Rows;
import vn.antq.model.ModelService;
import vn.antq.model.ModelStatus;
import vn.antq.model.ModelViews;
import vn.antq.model.RecognitionLevel;
import vn.antq.model.RosterImporter;

/**
 * Demo models with teams and rosters in the demo wards, enough to page through: the kinds the
 * articles name (dòng tộc, giáo dân, hoàn lương, 3 tích cực, dân vận khéo, phường sạch ma túy…) at
 * every stage of their life cycle. Names and phone numbers are made up.
 */
@ApplicationScoped
class DemoModels {
  private static final String[] SURNAMES = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"
  };
  private static final String[] MIDDLE_MALE = {"Văn", "Minh", "Quốc", "Thanh", "Hữu", "Đức"};
  private static final String[] MIDDLE_FEMALE = {"Thị", "Ngọc", "Thu", "Kim", "Bích", "Mỹ"};
  private static final String[] GIVEN_MALE = {
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Sơn", "Tài"
  };
  private static final String[] GIVEN_FEMALE = {
    "Anh", "Châu", "Diễm", "Hoa", "Hương", "Lan", "Mai", "Nga", "Oanh", "Phượng", "Thảo", "Yến"
  };

  /** Type code and how a model of it is named after its place. */
  private static final String[][] KINDS = {
    {"TU_QUAN_DONG_TOC", "Tổ tự quản dòng tộc họ %s"},
    {"TO_BAO_VE_ANTT", "Tổ bảo vệ an ninh, trật tự %s"},
    {"CLB_HOAN_LUONG", "Câu lạc bộ người hoàn lương %s"},
    {"CLB_3_TICH_CUC", "Câu lạc bộ 3 tích cực %s"},
    {"GIAO_DAN_TU_QUAN", "Tổ giáo dân tự quản, tự phòng %s"},
    {"DAN_VAN_KHEO", "Dân vận khéo %s"},
    {"CAMERA_ANTT", "Camera an ninh %s"},
    {"TO_TU_QUAN_KDC", "Tổ tự quản %s"}
  };

  private static final ModelStatus[] PATH = {
    ModelStatus.ACTIVE, ModelStatus.REVIEWED, ModelStatus.FINAL_REVIEWED, ModelStatus.REPLICATED
  };

  @Inject EntityManager em;
  @Inject vn.antq.catalogue.CatalogueService catalogues;
  @Inject ModelService models;
  @Inject RosterImporter roster;

  private int person;

  /** Models in every active ward and commune of the given provinces. */
  int load(List<Long> provinceIds, int perWard) {
    List<Object[]> wards =
        Rows.of(
            em.createNativeQuery(
                    "SELECT id, name FROM unit WHERE province_id IN (:p) AND kind IN ('WARD', 'COMMUNE')"
                        + " AND valid_to IS NULL ORDER BY id")
                .setParameter("p", provinceIds));
    int n = 0;
    for (Object[] w : wards) {
      long wardId = Rows.toLong(w[0]);
      String ward = (String) w[1];
      List<Object[]> hamlets =
          Rows.of(
              em.createNativeQuery(
                      "SELECT id, name FROM unit WHERE parent_id = ?1 AND kind = 'HAMLET'"
                          + " AND valid_to IS NULL ORDER BY id")
                  .setParameter(1, wardId));
      for (int i = 0; i < perWard; i++, n++) {
        String[] kind = KINDS[n % KINDS.length];
        Object[] hamlet = hamlets.isEmpty() ? null : hamlets.get(i % hamlets.size());
        String place = hamlet == null ? ward : ((String) hamlet[1]).split(",")[0];
        String name =
            kind[0].equals("TU_QUAN_DONG_TOC")
                ? kind[1].formatted(SURNAMES[n % SURNAMES.length]) + " – " + ward
                : kind[1].formatted(place + (hamlet == null ? "" : ", " + ward));
        model(n, name, type(kind[0]), wardId, hamlet == null ? wardId : Rows.toLong(hamlet[0]));
      }
      if (ward.contains("Cửa Lò")) {
        model(n++, "Phường Cửa Lò sạch ma túy", type("PHUONG_SACH_MA_TUY"), wardId, wardId);
      }
    }
    return n;
  }

  private long type(String code) {
    return catalogues.idOf("MODEL_TYPE", code).orElseThrow();
  }

  private void model(int n, String name, long typeId, long wardId, long teamPlace) {
    LocalDate established = LocalDate.of(2014 + n % 9, 1 + n % 12, 1 + n % 27);
    ModelViews.Detail d =
        models.create(
            new ModelService.Command(
                name,
                typeId,
                wardId,
                n % 3 == 0 ? List.of("POLICE", "FRONT", "WOMEN_UNION") : List.of("POLICE", "FRONT"),
                established,
                "Mô hình do Công an và Mặt trận phối hợp xây dựng, họp định kỳ hằng quý.",
                List.of(n % 4 == 0 ? "FAMILY_CLAN" : "GENERAL"),
                n % 5 == 4 ? 3 + n % 4 : null,
                n % 5 == 4 ? 40 + n : null,
                // some serve the Khmer community (Bạc Liêu, Cà Mau), with its Buddhist pagodas
                n % 7 == 3 ? CatalogueSeeder.idOf(Catalogue.ETHNIC_GROUP, "DT05") : null,
                n % 14 == 3 ? CatalogueSeeder.idOf(Catalogue.RELIGION, "TG01") : null,
                // most models have their meeting place on the map
                n % 4 == 1 ? null : DemoEvents.near(wardId, 10 + n % 7)));
    long id = d.summary().id();
    long version = d.summary().version();
    // a roster for most models; some only carry declared totals
    if (n % 5 != 4) {
      roster(n, id, established, wardId, teamPlace);
      version = models.get(id).summary().version();
    }
    // walk the life cycle to a stage that depends on n
    int stage = n % 7; // 0 registered, 1..4 along the path, 5 retired, 6 active
    LocalDate day = walk(id, version, stage, established, wardId, teamPlace);
    version = models.get(id).summary().version();
    if (n % 6 == 2 && stage != 5) {
      models.recognize(
          id,
          version,
          new ModelService.RecognitionCommand(
              n % 12 == 2 ? RecognitionLevel.PROVINCE : RecognitionLevel.COMMUNE,
              (100 + n) + "/QĐ-UBND",
              day.plusDays(20).isAfter(LocalDate.of(2025, 6, 30)) ? day : day.plusDays(20),
              n % 12 == 2 ? "Chủ tịch UBND tỉnh" : "Chủ tịch UBND phường"));
    }
  }

  /** A roster of one to three teams of three to seven members, all joined when it was founded. */
  private void roster(int n, long id, LocalDate established, long wardId, long teamPlace) {
    String area =
        teamPlace == wardId
            ? ""
            : (String)
                em.createNativeQuery("SELECT name FROM unit WHERE id = ?1")
                    .setParameter(1, teamPlace)
                    .getSingleResult();
    List<RosterImporter.Row> rows = new ArrayList<>();
    int teams = 1 + n % 3;
    for (int t = 1; t <= teams; t++) {
      int size = 3 + (n + t) % 5;
      for (int m = 0; m < size; m++) {
        rows.add(
            row(
                "Tổ " + t,
                area,
                m == 0 ? "Tổ trưởng" : m == 1 ? "Tổ phó" : "Tổ viên",
                established));
      }
    }
    roster.importRoster(id, false, established, rows);
  }

  /** Takes the model to {@code stage} of its life cycle, 8 months a step; answers the last day. */
  private LocalDate walk(
      long id, long version, int stage, LocalDate established, long wardId, long teamPlace) {
    LocalDate day = established;
    List<ModelStatus> steps = new ArrayList<>();
    if (stage >= 1 && stage <= 4) {
      steps.addAll(List.of(PATH).subList(0, stage));
    } else if (stage == 6) {
      steps.add(ModelStatus.ACTIVE);
    } else if (stage == 5) {
      steps.add(ModelStatus.ACTIVE);
      steps.add(ModelStatus.RETIRED);
    }
    for (ModelStatus to : steps) {
      day = day.plusMonths(8);
      if (day.isAfter(LocalDate.of(2025, 6, 30))) {
        day = LocalDate.of(2025, 6, 30);
      }
      List<Long> sites = null;
      if (to == ModelStatus.REPLICATED) {
        Long site = wardId == teamPlace ? siteFor(wardId) : Long.valueOf(teamPlace);
        if (site == null) {
          break;
        }
        sites = List.of(site);
      }
      version =
          models
              .transition(
                  id,
                  version,
                  new ModelService.Transition(
                      to,
                      day,
                      to == ModelStatus.RETIRED
                          ? "Địa bàn đã sắp xếp, thành viên chuyển sang mô hình khác"
                          : null,
                      to == ModelStatus.REVIEWED
                          ? "Sơ kết: duy trì sinh hoạt đều, không phát sinh vụ việc phức tạp"
                          : null,
                      sites))
              .summary()
              .version();
    }
    return day;
  }

  /** Another active ward of the same province, where a model is replicated. */
  private Long siteFor(long wardId) {
    List<Long> other =
        Rows.longs(
            em.createNativeQuery(
                    "SELECT o.id FROM unit o JOIN unit w ON w.id = ?1 WHERE o.province_id = w.province_id"
                        + " AND o.kind IN ('WARD', 'COMMUNE') AND o.valid_to IS NULL AND o.id <> w.id"
                        + " ORDER BY o.id LIMIT 1")
                .setParameter(1, wardId)
                .getResultList());
    return other.isEmpty() ? null : Rows.toLong(other.get(0));
  }

  private RosterImporter.Row row(String team, String area, String role, LocalDate from) {
    int p = person++;
    boolean female = p % 3 == 1;
    String name =
        SURNAMES[p % SURNAMES.length]
            + " "
            + (female ? MIDDLE_FEMALE : MIDDLE_MALE)[(p / 3) % 6]
            + " "
            + (female ? GIVEN_FEMALE : GIVEN_MALE)[(p * 7) % 12];
    return new RosterImporter.Row(
        team,
        area,
        name,
        female ? "Nữ" : "Nam",
        String.valueOf(1955 + p % 45),
        role,
        "09" + String.format("%08d", (p * 7919L) % 100_000_000L),
        "Số " + (1 + p % 120) + ", đường " + (p % 2 == 0 ? "Trần Phú" : "Lê Lợi"),
        from.plusDays(p % 30).toString());
  }
}
