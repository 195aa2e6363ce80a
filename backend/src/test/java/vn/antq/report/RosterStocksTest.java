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
import vn.antq.support.ModelBuilder;
import vn.antq.support.Sql;

/**
 * Members inserted by one statement (a roster upload, an import) get, from one statement trigger,
 * the name keys the roster search reads and their days in the roster stock — the same as the
 * rebuild computes and as each member's own name gives; a member changed afterwards one by one too.
 * The change feed tells of each model once for the statement.
 */
@QuarkusTest
class RosterStocksTest {
  @Inject EntityManager em;

  @SuppressWarnings("unchecked")
  List<String> lines(String sql, String param) {
    return ((List<Object>) em.createNativeQuery(sql).setParameter(1, param).getResultList())
        .stream().map(String::valueOf).toList();
  }

  List<String> stock(String buckets) {
    return lines(
        "SELECT concat_ws(' ', bucket_id, province_id, day, teams, members) FROM stat_roster_day"
            + " WHERE bucket_id = ANY (CAST(?1 AS bigint[])) AND (teams <> 0 OR members <> 0)"
            + " ORDER BY 1",
        buckets);
  }

  List<String> keys(String models) {
    return lines(
        "SELECT concat_ws(' ', k.member_id, k.key, k.province_id) FROM member_name_key k"
            + " JOIN member x ON x.id = k.member_id WHERE x.model_id = ANY (CAST(?1 AS bigint[]))"
            + " ORDER BY 1",
        models);
  }

  List<String> keysFromNames(String models) {
    return lines(
        "SELECT concat_ws(' ', x.id, s, m.province_id) FROM member x"
            + " JOIN community_model m ON m.id = x.model_id, f_name_suffixes(x.full_name) s"
            + " WHERE s <> '' AND x.model_id = ANY (CAST(?1 AS bigint[])) ORDER BY 1",
        models);
  }

  long team(long model, long unit, String from, String to) {
    Sql.execute(
        em,
        "INSERT INTO team (model_id, unit_id, name, established_on, dissolved_on) VALUES (?1, ?2,"
            + " 'Tổ kho ' || ?3, CAST(?3 AS date), CAST(?4 AS date))",
        model,
        unit,
        from,
        to);
    return ((Number)
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        em.createNativeQuery("SELECT max(id) FROM team WHERE model_id = ?1")
                            .setParameter(1, model)
                            .getSingleResult()))
        .longValue();
  }

  @Test
  void membersInsertedByOneStatementAreKeyedAndCountedAsOneByOne() {
    long p = province("Tỉnh Kho Danh Sách").from("2000-01-01").create();
    long w = unit("WARD", "Phường Kho Danh Sách").under(p).from("2000-01-01").create();
    long h = unit("HAMLET", "Tổ dân phố Kho").under(w).from("2000-01-01").create();
    long c = unit("COMMUNE", "Xã Kho Danh Sách").under(p).from("2000-01-01").create();
    long m1 = ModelBuilder.model("Tổ kho danh sách một", h);
    long m2 = ModelBuilder.model("Tổ kho danh sách hai", c);
    long t1 = team(m1, h, "2018-03-01", null);
    long t2 = team(m2, c, "2019-01-01", "2024-07-01");
    String buckets = "{" + w + "," + c + "}";
    String models = "{" + m1 + "," + m2 + "}";
    QuarkusTransaction.begin();
    try {
      String feed =
          "SELECT concat(count(*)) FROM change_log WHERE entity_type = 'MODEL'"
              + " AND entity_id = ANY (CAST(?1 AS bigint[]))";
      String feedBefore = lines(feed, models).get(0);
      // joined before, with and after the team; left after it ended, on the day they joined, never
      em.createNativeQuery(
              "INSERT INTO member (team_id, model_id, full_name, gender, role, joined_on,"
                  + " left_on) SELECT t.id, t.model_id, 'Lê Thị Kho ' || g || ' Đặng',"
                  + " (ARRAY['MALE', 'FEMALE'])[1 + g % 2], 'MEMBER',"
                  + " (ARRAY[NULL, DATE '2017-05-01', DATE '2020-02-10', DATE '2020-02-10'])[1 + g"
                  + " % 4], (ARRAY[NULL, DATE '2025-01-01', DATE '2020-02-10', NULL, DATE"
                  + " '2022-09-30'])[1 + g % 5] FROM generate_series(1, 40) g"
                  + " JOIN team t ON t.id = (ARRAY[?1, ?2])[1 + g % 2]")
          .setParameter(1, t1)
          .setParameter(2, t2)
          .executeUpdate();
      assertThat(keys(models)).hasSizeGreaterThan(40).isEqualTo(keysFromNames(models));
      // the change feed: each model changed once for the statement, not once per member
      assertThat(Long.parseLong(lines(feed, models).get(0)) - Long.parseLong(feedBefore))
          .isEqualTo(2);
      List<String> kept = stock(buckets);
      // one by one afterwards (the row triggers): a member leaves, another is renamed
      em.createNativeQuery(
              "UPDATE member SET left_on = DATE '2023-03-01', full_name = 'Phan Văn Đổi'"
                  + " WHERE id = (SELECT min(id) FROM member WHERE team_id = ?1)")
          .setParameter(1, t1)
          .executeUpdate();
      List<String> changed = stock(buckets);
      assertThat(keys(models)).isEqualTo(keysFromNames(models));
      em.createNativeQuery("SELECT f_stat_roster_rebuild()").getSingleResult();
      assertThat(changed).isNotEqualTo(kept).isEqualTo(stock(buckets));
    } finally {
      QuarkusTransaction.rollback();
    }
  }
}
