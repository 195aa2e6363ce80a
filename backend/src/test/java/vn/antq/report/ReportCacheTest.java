package vn.antq.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;
import vn.antq.support.Sql;

/**
 * A summary report is kept in the database and served again, by any instance, while nothing it
 * counts has changed; a change to its provinces (or to units and catalogues) makes the next answer
 * a new computation, and a change elsewhere does not.
 */
@QuarkusTest
class ReportCacheTest {
  @Inject EntityManager em;
  @Inject ReportCacheHousekeeping housekeeping;
  @Inject ReportCache cache;

  static final String FROM = "2025-01-01";
  static final String TO = "2025-12-31";

  /** When the kept report of the unit for 2025 was computed (null: none kept). */
  Instant computedAt(long unit) {
    awaitKept();
    List<?> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery("SELECT computed_at FROM report_cache WHERE key LIKE ?1")
                        .setParameter(1, "%|summary|" + unit + "|" + FROM + "|" + TO + "|%")
                        .getResultList());
    assertThat(rows).hasSizeLessThanOrEqualTo(1);
    return rows.isEmpty() ? null : (Instant) rows.get(0);
  }

  long count(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
  }

  long events(long unit) {
    long events = ReportResourceTest.summary(unit, FROM, TO).getLong("totals.events");
    awaitKept();
    return events;
  }

  /** Reports are kept after they are answered: until this instance has kept what it computed. */
  void awaitKept() {
    long until = System.nanoTime() + 10_000_000_000L;
    while (!cache.idle()) {
      assertThat(System.nanoTime()).as("reports kept within 10 s").isLessThan(until);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void aKeptReportIsServedUntilSomethingItCountsChanges() {
    long p = province("Tỉnh Lưu Báo Cáo").from("2000-01-01").create();
    long w = unit("WARD", "Phường Lưu 1").under(p).from("2000-01-01").create();
    long other = province("Tỉnh Lưu Khác").from("2000-01-01").create();
    long ow = unit("WARD", "Phường Lưu Khác").under(other).from("2000-01-01").create();
    EventBuilder.event("Tuyên truyền lưu 1", w);

    assertThat(events(p)).isEqualTo(1);
    Instant first = computedAt(p);
    assertThat(first).isNotNull();
    assertThat(events(p)).isEqualTo(1);
    assertThat(computedAt(p)).as("served again, not computed").isEqualTo(first);

    // a write in another province leaves it kept
    EventBuilder.event("Tuyên truyền tỉnh khác", ow);
    assertThat(events(p)).isEqualTo(1);
    assertThat(computedAt(p)).isEqualTo(first);
    assertThat(events(other)).isEqualTo(1);

    // an event of the province: counted at once
    long e = EventBuilder.event("Tuyên truyền lưu 2", w);
    assertThat(events(p)).isEqualTo(2);
    Instant second = computedAt(p);
    assertThat(second).isAfter(first);

    // a change behind the API (a trigger records it too), and a deletion
    Sql.execute(em, "UPDATE event SET attendance = 7 WHERE id = ?1", e);
    assertThat(ReportResourceTest.summary(p, FROM, TO).getLong("totals.attendance")).isEqualTo(127);
    Sql.execute(em, "DELETE FROM event WHERE id = ?1", e);
    assertThat(events(p)).isEqualTo(1);

    // a model's member (a table that names only its model)
    long m = ModelBuilder.create(ModelBuilder.body("Mô hình lưu", w));
    long members = ReportResourceTest.summary(p, FROM, TO).getLong("totals.members");
    Instant beforeRoster = computedAt(p);
    Sql.execute(
        em,
        "INSERT INTO team (model_id, unit_id, name, established_on)"
            + " VALUES (?1, ?2, 'Tổ lưu', DATE '2025-03-01')",
        m,
        w);
    assertThat(computedAt(p)).isEqualTo(beforeRoster);
    ReportResourceTest.summary(p, FROM, TO);
    assertThat(computedAt(p)).isAfter(beforeRoster);
    assertThat(ReportResourceTest.summary(p, FROM, TO).getLong("totals.members"))
        .isEqualTo(members);

    // a unit renamed anywhere may move any report's rows: computed again
    Instant beforeUnit = computedAt(p);
    Sql.execute(em, "UPDATE unit SET name = 'Phường Lưu Khác Mới' WHERE id = ?1", ow);
    ReportResourceTest.summary(p, FROM, TO);
    assertThat(computedAt(p)).isAfter(beforeUnit);
  }

  /** The provinces kept with the unit's report from {@code from} to the end of 2025. */
  List<Long> keptProvinces(long unit, String from) {
    awaitKept();
    List<?> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT p FROM report_cache c, unnest(c.provinces) p"
                                + " WHERE c.key LIKE ?1 AND c.unit_id = ?2 ORDER BY p")
                        .setParameter(1, "%|summary|" + unit + "|" + from + "|" + TO + "|%")
                        .setParameter(2, unit)
                        .getResultList());
    return rows.stream().map(r -> ((Number) r).longValue()).toList();
  }

  @Test
  void theProvincesOfAKeptReportAreTakenAgainOnlyWhileTheMapIsTheSame() {
    long a = province("Tỉnh Lưu Vùng").from("2000-01-01").create();
    unit("WARD", "Phường Lưu Vùng").under(a).from("2000-01-01").create();
    long b = province("Tỉnh Lưu Vùng Nhập").from("2000-01-01").create();
    unit("WARD", "Phường Lưu Vùng Nhập").under(b).from("2000-01-01").create();
    ReportResourceTest.summary(a, "2025-01-01", TO);
    assertThat(keptProvinces(a, "2025-01-01")).containsExactly(a);
    // another period of the same unit on the same map: the provinces of the kept one
    ReportResourceTest.summary(a, "2024-01-01", TO);
    assertThat(keptProvinces(a, "2024-01-01")).containsExactly(a);
    // the map changes (a merger is recorded for every province): worked out again, with the
    // merged province, whose rows the successor's reports now count
    vn.antq.support.UnitBuilder.merge(List.of(b), a);
    ReportResourceTest.summary(a, "2023-01-01", TO);
    assertThat(keptProvinces(a, "2023-01-01")).containsExactlyInAnyOrder(a, b);
    ReportResourceTest.summary(a, "2022-01-01", TO);
    assertThat(keptProvinces(a, "2022-01-01")).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void aSuccessorsReportFollowsTheWritesOfTheUnitsItSucceeded() {
    long a = province("Tỉnh Lưu Nhận").from("2000-01-01").create();
    long b = province("Tỉnh Lưu Nhập").from("2000-01-01").create();
    long wb = unit("WARD", "Phường Lưu Nhập").under(b).from("2000-01-01").create();
    EventBuilder.event("Tuyên truyền trước sáp nhập", wb);
    vn.antq.support.UnitBuilder.merge(List.of(b), a);
    long before = events(a);
    long beforeMerged = events(b);
    Instant kept = computedAt(a);
    assertThat(events(a)).isEqualTo(before);
    assertThat(computedAt(a)).isEqualTo(kept);
    // an event recorded late, in March, for the ward that now belongs to the successor: the
    // successor counts it, and so does the merged province's own report (the ward was its own then)
    Sql.execute(
        em,
        "INSERT INTO event (type_id, title, starts_at, ends_at, unit_id, lead_unit_id, attendance)"
            + " SELECT type_id, 'Ghi muộn', TIMESTAMPTZ '2025-03-10 08:00+07',"
            + " TIMESTAMPTZ '2025-03-10 10:00+07', unit_id, lead_unit_id, attendance"
            + " FROM event WHERE unit_id = ?1",
        wb);
    assertThat(events(a)).isEqualTo(before + 1);
    assertThat(events(b)).isEqualTo(beforeMerged + 1);
  }

  /** Three award decisions per unit, written by one statement behind the API (as in bulk). */
  void decide(Long... units) {
    Sql.execute(
        em,
        "INSERT INTO award_decision (number, decided_on, authority_id, unit_id, issuer_name,"
            + " form_id, type_id) SELECT 'QĐ-LƯU-' || g || '-' || ?2, DATE '2025-05-02',"
            + " (SELECT id FROM catalogue_item WHERE code = 'CT_UBND_XA'), u, 'UBND',"
            + " (SELECT id FROM catalogue_item WHERE code = 'GIAY_KHEN'),"
            + " (SELECT id FROM catalogue_item WHERE code = 'CHUYEN_DE')"
            + " FROM unnest(CAST(?1 AS bigint[])) u, generate_series(1, 3) g",
        vn.antq.common.db.Rows.bigintArray(List.of(units)),
        System.nanoTime());
  }

  @Test
  void decisionsInsertedTogetherMarkTheProvincesOfTheirUnits() {
    long p = province("Tỉnh Lưu Khen").from("2000-01-01").create();
    long w = unit("WARD", "Phường Lưu Khen").under(p).from("2000-01-01").create();
    long other = province("Tỉnh Lưu Khen Khác").from("2000-01-01").create();
    long ow = unit("WARD", "Phường Lưu Khen Khác").under(other).from("2000-01-01").create();
    EventBuilder.event("Tuyên truyền khen", w);
    events(p);
    Instant kept = computedAt(p);
    decide(ow);
    events(p);
    assertThat(computedAt(p)).as("decisions of another province only").isEqualTo(kept);
    decide(ow, w);
    events(p);
    assertThat(computedAt(p)).isAfter(kept);
  }

  @Test
  void housekeepingDropsOldReportsAndTheChangesNoKeptReportNeeds() {
    long p = province("Tỉnh Lưu Dọn").from("2000-01-01").create();
    long w = unit("WARD", "Phường Lưu Dọn").under(p).from("2000-01-01").create();
    EventBuilder.event("Tuyên truyền dọn", w);
    events(p);
    assertThat(computedAt(p)).isNotNull();
    Sql.execute(
        em,
        "UPDATE report_cache SET computed_at = now() - interval '2 days' WHERE key LIKE ?1",
        "%|summary|" + p + "|%");
    Sql.execute(em, "UPDATE report_change SET changed_at = now() - interval '2 hours'");
    long changes = count("SELECT count(*) FROM report_change");
    assertThat(changes).isPositive();
    String done = QuarkusTransaction.requiringNew().call(housekeeping::run);
    assertThat(done).contains("báo cáo lưu sẵn");
    assertThat(computedAt(p)).isNull();
    // the changes left are only those a kept report's snapshot may not have seen, or recent ones
    assertThat(
            count(
                "SELECT count(*) FROM report_change WHERE changed_at < now() - interval '1 hour'"
                    + " AND xid < coalesce((SELECT min(pg_snapshot_xmin(CAST(snapshot AS"
                    + " pg_snapshot))) FROM report_cache), pg_snapshot_xmin(pg_current_snapshot()))"))
        .isZero();
    assertThat(count("SELECT count(*) FROM report_change")).isLessThan(changes);
    assertThat(events(p)).isEqualTo(1);
  }
}
