package vn.antq.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.antq.common.db.Rows;
import vn.antq.common.time.VietnamTime;
import vn.antq.event.EventService;
import vn.antq.event.ProgrammeService;
import vn.antq.territory.Position;

/**
 * Demo events in the 2025 wards: the 19/8 festival of 2025 in each ward (ward police leading, the
 * ward front co-organising where the demo has one), monthly propaganda sessions with leaflets, and
 * a review conference of Cà Mau's police–front programme; some fall in the current month so the
 * calendar opens on something. Made up, like the other demo data.
 */
@ApplicationScoped
class DemoEvents {
  @Inject EntityManager em;
  @Inject vn.antq.catalogue.CatalogueService catalogues;
  @Inject EventService events;
  @Inject ProgrammeService programmes;

  /** The event and material types the demo events use. */
  private record Types(long festival, long propaganda, long review, long leaflets, long speakers) {}

  int load(long caMau, List<Long> provinceIds) {
    long police = unitByName("Công an tỉnh Cà Mau");
    long front = unitByName("Ủy ban MTTQ Việt Nam tỉnh Cà Mau");
    long programme = programme(caMau, police, front);
    Types t =
        new Types(
            type("EVENT_TYPE", "NGAY_HOI_19_8"),
            type("EVENT_TYPE", "TUYEN_TRUYEN"),
            type("EVENT_TYPE", "SO_KET"),
            type("MATERIAL_TYPE", "TO_ROI"),
            type("MATERIAL_TYPE", "LOA"));
    int n = 0;
    for (Object[] w : wards(provinceIds)) {
      n = wardEvents(Rows.toLong(w[0]), (String) w[1], programme, t, n);
    }
    long review = t.review();
    create(
        review,
        "Hội nghị sơ kết 5 năm thực hiện chương trình phối hợp 05/CTr-CAT-MTTQ",
        LocalDate.of(2026, 3, 20),
        LocalTime.of(8, 0),
        4,
        "Hội trường Công an tỉnh Cà Mau",
        new Position(9.176, 105.1524, null),
        caMau,
        police,
        Set.of(front),
        programme,
        180,
        1,
        List.of());
    return n + 1;
  }

  private long programme(long caMau, long police, long front) {
    return programmes
        .create(
            new ProgrammeService.ProgrammeCommand(
                "05/CTr-CAT-MTTQ",
                "Chương trình phối hợp giữa Công an tỉnh và Ủy ban MTTQ Việt Nam tỉnh về phát"
                    + " huy sức mạnh toàn dân bảo vệ an ninh Tổ quốc",
                LocalDate.of(2021, 3, 15),
                new java.util.LinkedHashSet<>(List.of(police, front)),
                caMau,
                LocalDate.of(2021, 3, 15),
                null,
                "IN_FORCE",
                null))
        .id();
  }

  private List<Object[]> wards(List<Long> provinceIds) {
    List<Object[]> wards =
        Rows.of(
            em.createNativeQuery(
                    "SELECT id, name FROM unit WHERE province_id IN (:p) AND kind IN ('WARD', 'COMMUNE')"
                        + " AND valid_to IS NULL AND valid_from <= DATE '2025-07-01' ORDER BY id")
                .setParameter("p", provinceIds));
    return wards;
  }

  /**
   * A ward's festival day (19/8/2025) and its propaganda sessions of the last months; {@code n}
   * counts the events so far (it varies the figures), the answer counts them after.
   */
  private int wardEvents(long ward, String name, long programme, Types t, int n) {
    LocalDate today = VietnamTime.today();
    Long wardPolice = child(ward, "POLICE");
    Long wardFront = child(ward, "FRONT_COMMITTEE");
    long lead = wardPolice == null ? ward : wardPolice;
    Set<Long> co = wardFront == null ? Set.of() : Set.of(wardFront);
    create(
        t.festival(),
        "Ngày hội toàn dân bảo vệ ANTQ " + name + " năm 2025",
        LocalDate.of(2025, 8, 19),
        LocalTime.of(7, 30),
        4,
        "Sân văn hóa " + name,
        near(ward, 0),
        ward,
        lead,
        co,
        programme,
        300 + 37 * n % 400,
        1,
        List.of(new EventService.Material(t.leaflets(), 500 + 50 * n)));
    n++;
    // propaganda sessions: the three months before today, and one this month
    for (int m = 3; m >= 0; m--) {
      LocalDate day = today.minusMonths(m).withDayOfMonth(Math.min(5 + n % 20, 28));
      if (day.isBefore(LocalDate.of(2025, 7, 2))) {
        continue;
      }
      create(
          t.propaganda(),
          "Tuyên truyền phòng, chống lừa đảo qua mạng tại " + name,
          day,
          LocalTime.of(19, 0),
          2,
          "Nhà văn hóa khu dân cư",
          near(ward, m + 1),
          ward,
          lead,
          co,
          m % 2 == 0 ? programme : null,
          60 + 7 * (n + m) % 90,
          1 + m % 3,
          List.of(
              new EventService.Material(t.leaflets(), 200 + 10 * n),
              new EventService.Material(t.speakers(), 2)));
      n++;
    }
    return n;
  }

  private void create(
      long type,
      String title,
      LocalDate day,
      LocalTime at,
      int hours,
      String location,
      Position position,
      long unit,
      long lead,
      Set<Long> co,
      Long programme,
      int attendance,
      int sessions,
      List<EventService.Material> materials) {
    ZonedDateTime start = day.atTime(at).atZone(VietnamTime.ZONE);
    events.create(
        new EventService.Command(
            type,
            title,
            start.toInstant(),
            start.plusHours(hours).toInstant(),
            location,
            position,
            unit,
            lead,
            co,
            programme,
            Set.of(),
            attendance,
            sessions,
            new ArrayList<>(materials),
            null));
  }

  /**
   * A made-up place in the Cà Mau peninsula for a ward's events (the demo has no surveyed
   * positions): the ward's spot, and a few hundred metres away for each further event.
   */
  static Position near(long ward, int k) {
    double lat = 9.18 + ((ward % 17) - 8) * 0.035 + k * 0.0021;
    double lon = 105.15 + ((ward % 13) - 6) * 0.045 + k * 0.0017;
    return new Position(Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6, 15.0);
  }

  private long type(String catalogue, String code) {
    return catalogues.idOf(catalogue, code).orElseThrow();
  }

  private long unitByName(String name) {
    return Rows.toLong(
        em.createNativeQuery("SELECT id FROM unit WHERE name = ?1 AND valid_to IS NULL")
            .setParameter(1, name)
            .getSingleResult());
  }

  private Long child(long parent, String kind) {
    List<Long> found =
        Rows.longs(
            em.createNativeQuery(
                    "SELECT id FROM unit WHERE parent_id = ?1 AND kind = ?2 AND valid_to IS NULL"
                        + " AND valid_from <= DATE '2025-07-01' ORDER BY id LIMIT 1")
                .setParameter(1, parent)
                .setParameter(2, kind)
                .getResultList());
    return found.isEmpty() ? null : Rows.toLong(found.get(0));
  }
}
