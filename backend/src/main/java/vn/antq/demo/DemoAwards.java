package vn.antq.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.antq.award.AwardService;
import vn.antq.award.AwardService.Kind;
import vn.antq.award.AwardService.RecipientCommand;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueSeeder;
import vn.antq.common.db.Rows;

/**
 * Demo award decisions: Bạc Liêu's 10 collectives and 25 individuals of the programme's ten years
 * (seed article), a Giấy khen of the Cửa Lò town chairman before the district level ended, a ward
 * chairman's Giấy khen at the 2025 festival and Cà Mau's Bằng khen at the 2026 review conference.
 * People are made up.
 */
@ApplicationScoped
class DemoAwards {
  private static final String[] SURNAMES = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"
  };
  private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thanh", "Hoàng", "Ngọc"};
  private static final String[] GIVEN = {
    "An", "Bình", "Cường", "Dũng", "Hạnh", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc",
    "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân", "Yến", "Khoa", "Hiền", "Lộc"
  };
  private static final String[] POSITIONS = {
    "Trưởng khóm",
    "Tổ trưởng tổ tự quản",
    "Công an viên",
    "Phó Trưởng Công an phường",
    "Chủ tịch Ủy ban MTTQ phường",
    "Thành viên tổ bảo vệ ANTT",
    "Trưởng ban công tác Mặt trận"
  };

  @Inject EntityManager em;
  @Inject AwardService awards;

  private int person;

  int load(long caMau, long bacLieu, long ngheAn) {
    bacLieuTenYears(bacLieu);
    cuaLoTown();
    anXuyenFestival();
    return 3 + caMauReview(caMau);
  }

  private void bacLieuTenYears(long bacLieu) {
    // Bạc Liêu, 10 years of programme 09: "khen thưởng 10 tập thể và 25 cá nhân"
    List<Long> bacLieuWards =
        ids(
            "SELECT id FROM unit WHERE province_id = ?1 AND kind = 'WARD' AND valid_from <= DATE"
                + " '2023-08-10' AND (valid_to IS NULL OR valid_to > DATE '2023-08-10') ORDER BY id",
            bacLieu);
    List<RecipientCommand> tenYears = new ArrayList<>();
    for (long w : bacLieuWards) {
      tenYears.add(collective(w));
    }
    for (String name :
        List.of(
            "Công an tỉnh Bạc Liêu",
            "Ủy ban MTTQ Việt Nam tỉnh Bạc Liêu",
            "Hội Nông dân tỉnh Bạc Liêu")) {
      tenYears.add(collective(unitNamed(name, null)));
    }
    tenYears = new ArrayList<>(tenYears.subList(0, Math.min(10, tenYears.size())));
    for (int i = 0; i < 25; i++) {
      tenYears.add(individual(bacLieuWards.get(i % bacLieuWards.size())));
    }
    awards.create(
        decision(
            "1456/QĐ-UBND",
            LocalDate.of(2023, 8, 10),
            "CT_UBND_TINH",
            bacLieu,
            "Chủ tịch UBND tỉnh Bạc Liêu",
            "Phan Thanh Duy, Phó Chủ tịch UBND tỉnh",
            "BANG_KHEN",
            "CHUYEN_DE",
            "Đã có thành tích xuất sắc tiêu biểu trong 10 năm thực hiện Chương trình phối hợp số"
                + " 09/CTr-BCA-TTTW ngày 01/8/2013",
            null,
            null,
            tenYears));
  }

  private void cuaLoTown() {
    // Cửa Lò: "Tặng Giấy khen của UBND thị xã" (before the district level ended on 1/7/2025)
    long cuaLo = unitNamed("Thị xã Cửa Lò", null);
    List<Long> cuaLoWards =
        ids(
            "SELECT id FROM unit WHERE parent_id = ?1 AND kind = 'WARD' ORDER BY id LIMIT 3",
            cuaLo);
    List<RecipientCommand> town = new ArrayList<>();
    cuaLoWards.forEach(w -> town.add(collective(w)));
    for (int i = 0; i < 4; i++) {
      town.add(individual(cuaLoWards.get(i % cuaLoWards.size())));
    }
    awards.create(
        decision(
            "2107/QĐ-UBND",
            LocalDate.of(2024, 8, 16),
            "CT_UBND_HUYEN",
            cuaLo,
            "Chủ tịch UBND thị xã Cửa Lò",
            null,
            "GIAY_KHEN",
            "CHUYEN_DE",
            "Có thành tích trong công tác toàn dân bảo vệ an ninh Tổ quốc năm 2024",
            null,
            null,
            town));
  }

  private void anXuyenFestival() {
    // Phường An Xuyên, at its 19/8/2025 festival: the ward police, a model and two members
    long anXuyen = unitNamed("Phường An Xuyên");
    Long festival =
        first(
            "SELECT id FROM event WHERE unit_id = ?1 AND title LIKE 'Ngày hội%' ORDER BY id",
            anXuyen);
    List<RecipientCommand> ward = new ArrayList<>();
    ward.add(collective(unitNamed("Công an phường An Xuyên")));
    Long model =
        first(
            "SELECT id FROM community_model WHERE unit_id = ?1 AND established_on <= DATE"
                + " '2025-08-19' ORDER BY id",
            anXuyen);
    if (model != null) {
      ward.add(new RecipientCommand(Kind.COLLECTIVE, null, model, null, null, null));
      for (long m : ids("SELECT id FROM member WHERE model_id = ?1 ORDER BY id LIMIT 2", model)) {
        ward.add(new RecipientCommand(Kind.INDIVIDUAL, null, null, m, null, "Thành viên tổ"));
      }
    }
    awards.create(
        decision(
            "315/QĐ-UBND",
            LocalDate.of(2025, 8, 19),
            "CT_UBND_XA",
            anXuyen,
            "Chủ tịch UBND phường An Xuyên",
            null,
            "GIAY_KHEN",
            "DOT_XUAT",
            "Có thành tích xuất sắc trong tổ chức Ngày hội toàn dân bảo vệ ANTQ năm 2025",
            festival,
            null,
            ward));
  }

  /** Answers 1 when the review conference's day has come (0: not yet). */
  private int caMauReview(long caMau) {
    // Cà Mau, at the review conference of its police–front programme
    Long review =
        first("SELECT id FROM event WHERE title LIKE 'Hội nghị sơ kết 5 năm%' ORDER BY id");
    Long programme = first("SELECT id FROM programme WHERE number = '05/CTr-CAT-MTTQ'");
    List<RecipientCommand> province = new ArrayList<>();
    for (String w : List.of("Phường Bạc Liêu", "Phường An Xuyên", "Phường Hiệp Thành")) {
      province.add(collective(unitNamed(w)));
    }
    for (String w : List.of("Phường Bạc Liêu", "Phường Tân Thành", "Phường An Xuyên")) {
      province.add(individual(unitNamed(w)));
    }
    LocalDate reviewDay = LocalDate.of(2026, 3, 20);
    if (!reviewDay.isAfter(vn.antq.common.time.VietnamTime.today())) {
      awards.create(
          decision(
              "688/QĐ-UBND",
              reviewDay,
              "CT_UBND_TINH",
              caMau,
              "Chủ tịch UBND tỉnh Cà Mau",
              null,
              "BANG_KHEN",
              "CHUYEN_DE",
              "Có thành tích xuất sắc trong 5 năm thực hiện Chương trình phối hợp 05/CTr-CAT-MTTQ",
              review,
              programme,
              province));
      return 1;
    }
    return 0;
  }

  private AwardService.Command decision(
      String number,
      LocalDate day,
      String authority,
      long unitId,
      String issuer,
      String signer,
      String form,
      String type,
      String reason,
      Long eventId,
      Long programmeId,
      List<RecipientCommand> recipients) {
    return new AwardService.Command(
        number,
        day,
        CatalogueSeeder.idOf(Catalogue.AWARD_AUTHORITY, authority),
        unitId,
        issuer,
        signer,
        CatalogueSeeder.idOf(Catalogue.AWARD_FORM, form),
        CatalogueSeeder.idOf(Catalogue.AWARD_TYPE, type),
        reason,
        eventId,
        programmeId,
        recipients);
  }

  private static RecipientCommand collective(long unitId) {
    return new RecipientCommand(Kind.COLLECTIVE, unitId, null, null, null, null);
  }

  private RecipientCommand individual(long unitId) {
    int i = person++;
    String name =
        SURNAMES[i % SURNAMES.length]
            + " "
            + MIDDLE[(i / 3) % MIDDLE.length]
            + " "
            + GIVEN[(i * 7) % GIVEN.length];
    return new RecipientCommand(
        Kind.INDIVIDUAL, unitId, null, null, name, POSITIONS[i % POSITIONS.length]);
  }

  private long unitNamed(String name) {
    return unitNamed(name, "valid_to IS NULL");
  }

  private long unitNamed(String name, String condition) {
    return Rows.toLong(
        em.createNativeQuery(
                "SELECT id FROM unit WHERE name = ?1"
                    + (condition == null ? "" : " AND " + condition)
                    + " ORDER BY id LIMIT 1")
            .setParameter(1, name)
            .getSingleResult());
  }

  private List<Long> ids(String sql, Object param) {
    return ((List<?>) em.createNativeQuery(sql).setParameter(1, param).getResultList())
        .stream().map(o -> Rows.toLong(o)).toList();
  }

  private Long first(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    List<?> found = q.setMaxResults(1).getResultList();
    return found.isEmpty() ? null : Rows.toLong(found.get(0));
  }
}
