package vn.antq.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monthly award stocks (what a report reads for awards by form) kept by triggers: recipients
 * inserted by one statement — as a bulk import writes them — and then changed one by one are
 * counted as the recipients themselves count.
 */
@QuarkusTest
class AwardStocksTest {
  @Inject EntityManager em;

  /** The stocks of the units, and the same figures counted from the recipients, one line each. */
  @SuppressWarnings("unchecked")
  List<String> stocks(String from, String in) {
    return ((List<Object>) em.createNativeQuery(from).setParameter(1, in).getResultList())
        .stream().map(String::valueOf).toList();
  }

  List<String> kept(String units) {
    return stocks(
        "SELECT concat_ws(' ', unit_id, month, form_id, collectives, individuals)"
            + " FROM stat_award_month WHERE unit_id = ANY (CAST(?1 AS bigint[]))"
            + " AND (collectives <> 0 OR individuals <> 0) ORDER BY 1",
        units);
  }

  List<String> counted(String units) {
    return stocks(
        "SELECT concat_ws(' ', r.unit_id, CAST(date_trunc('month', d.decided_on) AS date),"
            + " d.form_id, count(*) FILTER (WHERE r.kind = 'COLLECTIVE'),"
            + " count(*) FILTER (WHERE r.kind = 'INDIVIDUAL'))"
            + " FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id"
            + " WHERE r.unit_id = ANY (CAST(?1 AS bigint[])) GROUP BY r.unit_id, date_trunc('month', d.decided_on), d.form_id"
            + " ORDER BY 1",
        units);
  }

  @Test
  void recipientsInsertedByOneStatementAreCountedAsTheyCount() {
    long p = province("Tỉnh Kho Khen").from("2000-01-01").create();
    long w = unit("WARD", "Phường Kho Khen").under(p).from("2000-01-01").create();
    long c = unit("COMMUNE", "Xã Kho Khen").under(p).from("2000-01-01").create();
    String units = "{" + w + "," + c + "}";
    QuarkusTransaction.begin();
    try {
      // 12 decisions over three months and two forms, each naming both units (a collective)
      // and two people of one of them
      em.createNativeQuery(
              "INSERT INTO award_decision (number, decided_on, authority_id, unit_id,"
                  + " issuer_name, form_id, type_id) SELECT 'QĐ-KHO-' || g, DATE '2025-01-20'"
                  + " + (g % 3) * 31, (SELECT id FROM catalogue_item WHERE code = 'CT_UBND_XA'),"
                  + " ?1, 'UBND', (SELECT id FROM catalogue_item WHERE code ="
                  + " (ARRAY['GIAY_KHEN', 'BANG_KHEN'])[1 + g % 2]),"
                  + " (SELECT id FROM catalogue_item WHERE code = 'CHUYEN_DE')"
                  + " FROM generate_series(1, 12) g")
          .setParameter(1, w)
          .executeUpdate();
      em.createNativeQuery(
              "INSERT INTO award_recipient (decision_id, kind, unit_id, name, unit_name,"
                  + " position_no) SELECT d.id, r.kind, r.unit_id, r.name, 'Đơn vị', r.no"
                  + " FROM award_decision d CROSS JOIN LATERAL (VALUES"
                  + " ('COLLECTIVE', ?1, 'Phường', 1), ('COLLECTIVE', ?2, 'Xã', 2),"
                  + " ('INDIVIDUAL', CASE WHEN d.id % 2 = 0 THEN ?1 ELSE ?2 END, 'Người A', 3),"
                  + " ('INDIVIDUAL', CASE WHEN d.id % 2 = 0 THEN ?1 ELSE ?2 END, 'Người B', 4))"
                  + " AS r(kind, unit_id, name, no) WHERE d.number LIKE 'QĐ-KHO-%'"
                  + " AND d.unit_id = ?1")
          .setParameter(1, w)
          .setParameter(2, c)
          .executeUpdate();
      List<String> after = kept(units);
      assertThat(after).hasSizeGreaterThanOrEqualTo(6).isEqualTo(counted(units));
      // one by one afterwards (the row triggers): a person moved, a collective removed
      em.createNativeQuery(
              "UPDATE award_recipient SET unit_id = ?2 WHERE id = (SELECT min(id) FROM"
                  + " award_recipient WHERE unit_id = ?1 AND kind = 'INDIVIDUAL')")
          .setParameter(1, w)
          .setParameter(2, c)
          .executeUpdate();
      em.createNativeQuery(
              "DELETE FROM award_recipient WHERE id = (SELECT min(id) FROM award_recipient"
                  + " WHERE unit_id = ?1 AND kind = 'COLLECTIVE')")
          .setParameter(1, c)
          .executeUpdate();
      assertThat(kept(units)).isNotEqualTo(after).isEqualTo(counted(units));
    } finally {
      QuarkusTransaction.rollback();
    }
  }
}
