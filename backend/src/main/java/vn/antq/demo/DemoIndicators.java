package vn.antq.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueSeeder;
import vn.antq.common.db.Rows;
import vn.antq.common.time.VietnamTime;
import vn.antq.indicator.IndicatorService;
import vn.antq.indicator.IndicatorService.Action;
import vn.antq.indicator.IndicatorService.ValueCommand;
import vn.antq.indicator.Period;

/**
 * Demo reported figures: Bạc Liêu's wards by quarter in 2023–2024 (approved, before the merger),
 * Phường Bạc Liêu by month since the merger (approved, the last month submitted and waiting for the
 * province), and one period of another Cà Mau ward returned for correction.
 */
@ApplicationScoped
class DemoIndicators {
  private static final String[] CODES = {
    "TIN_BAO", "NGUON_TIN", "DOI_TUONG_LAM_RO", "TRUY_NA", "VU_KHI", "CAM_HOA", "KHONG_TAI_PHAM"
  };

  @Inject EntityManager em;
  @Inject IndicatorService indicators;

  int load(long caMau, long bacLieu, long phuongBacLieu) {
    int n = 0;
    List<Long> oldWards =
        ids(
            "SELECT id FROM unit WHERE province_id = ?1 AND kind = 'WARD' AND valid_from <= DATE"
                + " '2023-01-01' AND (valid_to IS NULL OR valid_to > DATE '2024-12-31') ORDER BY id",
            bacLieu);
    int seed = 0;
    for (long ward : oldWards) {
      for (int year = 2023; year <= 2024; year++) {
        for (int q = 1; q <= 4; q++) {
          report(ward, Period.of(Period.Kind.QUARTER, year, q), seed++, "APPROVE", null);
          n++;
        }
      }
    }
    YearMonth last = YearMonth.from(VietnamTime.today()).minusMonths(1);
    for (YearMonth m = YearMonth.of(2025, 7); !m.isAfter(last); m = m.plusMonths(1)) {
      Period p = Period.of(Period.Kind.MONTH, m.getYear(), m.getMonthValue());
      report(phuongBacLieu, p, seed++, m.equals(last) ? "SUBMIT" : "APPROVE", null);
      n++;
    }
    Long other =
        first(
            "SELECT id FROM unit WHERE province_id = ?1 AND kind = 'WARD' AND id <> ?2 AND"
                + " valid_to IS NULL AND valid_from <= ?3 ORDER BY id",
            caMau,
            phuongBacLieu,
            last.atDay(1));
    if (other != null) {
      report(
          other,
          Period.of(Period.Kind.MONTH, last.getYear(), last.getMonthValue()),
          seed,
          "RETURN",
          "Số tin báo chưa khớp với sổ tiếp nhận, đề nghị kiểm tra lại");
      n++;
    }
    return n;
  }

  private void report(long unit, Period p, int seed, String until, String comment) {
    List<ValueCommand> values = new ArrayList<>();
    for (int i = 0; i < CODES.length; i++) {
      long base = i == 0 ? 380 : i == 1 ? 45 : i == 2 ? 60 : 3;
      long value = base * p.months() / 3 + (seed * 7L + i * 13L) % Math.max(3, base / 4);
      values.add(new ValueCommand(CatalogueSeeder.idOf(Catalogue.INDICATOR, CODES[i]), value));
    }
    var created = indicators.create(new IndicatorService.Command(unit, p, null, values));
    var submitted = indicators.transition(created.id(), created.version(), Action.SUBMIT, null);
    if (!until.equals("SUBMIT")) {
      indicators.transition(submitted.id(), submitted.version(), Action.valueOf(until), comment);
    }
    // (written after the review, which would write the entity's own times back)
    // sent a few days after the period, as a commune would (most on time, some late)
    java.time.Instant sent =
        p.end().plusDays(1 + seed % 8).atTime(9, 30).atZone(VietnamTime.ZONE).toInstant();
    if (sent.isBefore(java.time.Instant.now())) {
      em.createNativeQuery(
              "UPDATE indicator_report SET submitted_at = ?1, first_submitted_at = ?1 WHERE id = ?2")
          .setParameter(1, sent)
          .setParameter(2, submitted.id())
          .executeUpdate();
    }
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
