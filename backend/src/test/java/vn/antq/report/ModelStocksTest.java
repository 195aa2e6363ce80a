package vn.antq.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.antq.support.ModelBuilder;
import vn.antq.support.Sql;

/**
 * A province's report reads its model figures from the stocks kept by triggers (V21), corrected
 * with the models established outside the period; a ward's report groups its models. Both must give
 * the same figures, whatever side of the period the correction reads, after status, recognition and
 * date changes and a deletion.
 */
@QuarkusTest
class ModelStocksTest {
  @Inject EntityManager em;

  void sql(String statement, Object... params) {
    Sql.execute(em, statement, params);
  }

  static long model(String name, long unit, String establishedOn, String type) {
    Map<String, Object> body = ModelBuilder.body(name, unit);
    body.put("establishedOn", establishedOn);
    body.put("typeId", ModelBuilder.typeId(type));
    return ModelBuilder.create(body);
  }

  @Test
  void aProvincesModelFiguresFromTheStocksAreThoseOfItsWards() {
    long p = province("Tỉnh Kho Mô Hình").from("2000-01-01").create();
    long w1 = unit("WARD", "Phường Kho 1").under(p).from("2000-01-01").create();
    long w2 = unit("WARD", "Phường Kho 2").under(p).from("2000-01-01").create();
    long h = unit("HAMLET", "Khóm Kho").under(w2).from("2000-01-01").create();
    model("Kho 2010", w1, "2010-05-20", "TU_QUAN_DONG_TOC");
    long m2016 = model("Kho 2016", w1, "2016-03-10", "CAMERA_ANTT");
    model("Kho 2016 cuối", w2, "2016-03-31", "DAN_VAN_KHEO");
    long m2018 = model("Kho 2018", h, "2018-07-31", "CAMERA_ANTT");
    model("Kho 2020", w2, "2020-03-15", "TU_QUAN_DONG_TOC");
    long m2024 = model("Kho 2024", w1, "2024-11-02", "DAN_VAN_KHEO");
    model("Kho 2026", h, "2026-02-01", "TU_QUAN_DONG_TOC");
    long gone = model("Kho bỏ", w2, "2019-01-01", "CAMERA_ANTT");
    // changes the triggers follow: status, recognition, date, and a deletion
    sql("UPDATE community_model SET status = 'ACTIVE' WHERE id = ?1", m2016);
    sql("UPDATE community_model SET recognition_level = 3 WHERE id = ?1", m2018); // province
    sql("UPDATE community_model SET established_on = DATE '2024-12-31' WHERE id = ?1", m2024);
    sql("DELETE FROM community_model WHERE id = ?1", gone);

    for (String[] period :
        List.of(
            new String[] {"2000-01-01", "2030-12-31"}, // everything inside
            new String[] {"2016-03-11", "2020-03-15"}, // partial months at both edges
            new String[] {"2024-01-01", "2024-12-31"}, // most models before the start
            new String[] {"2011-01-01", "2012-12-31"}, // most models after the end
            new String[] {"2016-03-31", "2016-03-31"})) { // one day
      JsonPath province = ReportResourceTest.summary(p, period[0], period[1]);
      JsonPath ward1 = ReportResourceTest.summary(w1, period[0], period[1]);
      JsonPath ward2 = ReportResourceTest.summary(w2, period[0], period[1]);
      String at = period[0] + " – " + period[1];
      for (String figure :
          List.of(
              "totals.models",
              "totals.modelsRegistered",
              "totals.modelPlaces",
              "totals.replicationSites")) {
        assertThat(province.getLong(figure))
            .as(at + " " + figure)
            .isEqualTo(ward1.getLong(figure) + ward2.getLong(figure));
      }
      assertThat(ReportResourceTest.child(province, w1).get("models"))
          .as(at)
          .isEqualTo(ward1.getInt("totals.models"));
      for (String[] list :
          new String[][] {
            {"totals.modelsByStatus", "status"},
            {"totals.modelsByType", "item.code"},
            {"totals.modelsByField", "item.code"},
            {"totals.modelsByRecognition", "level"}
          }) {
        assertThat(counts(province, list[0], list[1]))
            .as(at + " " + list[0])
            .isEqualTo(sum(counts(ward1, list[0], list[1]), counts(ward2, list[0], list[1])));
      }
      assertThat(counts(province, "series", "period", "modelsRegistered"))
          .as(at + " series")
          .isEqualTo(
              sum(
                  counts(ward1, "series", "period", "modelsRegistered"),
                  counts(ward2, "series", "period", "modelsRegistered")));
    }
    // and by hand: 7 models (one deleted), the one of 2018 recognised by the province
    JsonPath all = ReportResourceTest.summary(p, "2000-01-01", "2030-12-31");
    assertThat(all.getLong("totals.models")).isEqualTo(7);
    assertThat(counts(all, "totals.modelsByRecognition", "level"))
        .isEqualTo(Map.of("PROVINCE", 1L));
    JsonPath mid = ReportResourceTest.summary(p, "2016-03-11", "2020-03-15");
    assertThat(mid.getLong("totals.models")).isEqualTo(5); // 2010 … 2020
    assertThat(mid.getLong("totals.modelsRegistered")).isEqualTo(3); // 31/3/2016, 2018, 2020
  }

  /** The model stocks of some provinces, one line per row. */
  @SuppressWarnings("unchecked")
  List<String> stocks(long... provinces) {
    String in = java.util.Arrays.toString(provinces).replace('[', '{').replace(']', '}');
    return ((List<Object>)
            em.createNativeQuery(
                    "SELECT concat_ws(' ', 'B', province_id, bucket_id, status, n) FROM"
                        + " stat_model_bucket WHERE province_id = ANY (CAST(?1 AS bigint[]))"
                        + " AND n <> 0 UNION ALL"
                        + " SELECT concat_ws(' ', 'A', province_id, attr, value, n) FROM"
                        + " stat_model_attr WHERE province_id = ANY (CAST(?1 AS bigint[]))"
                        + " AND n <> 0 UNION ALL"
                        + " SELECT concat_ws(' ', 'M', province_id, month, n) FROM stat_model_month"
                        + " WHERE province_id = ANY (CAST(?1 AS bigint[])) AND n <> 0 ORDER BY 1")
                .setParameter(1, in)
                .getResultList())
        .stream().map(String::valueOf).toList();
  }

  @Test
  void modelsInsertedByOneStatementAreCountedAsTheirRebuildCountsThem() {
    long p = province("Tỉnh Kho Lô").from("2000-01-01").create();
    long w = unit("WARD", "Phường Kho Lô").under(p).from("2000-01-01").create();
    long h = unit("HAMLET", "Khóm Kho Lô").under(w).from("2000-01-01").create();
    long q = province("Tỉnh Kho Lô Khác").from("2000-01-01").create();
    long c = unit("COMMUNE", "Xã Kho Lô").under(q).from("2000-01-01").create();
    model("Kho lô có sẵn", w, "2015-03-10", "CAMERA_ANTT");
    io.quarkus.narayana.jta.QuarkusTransaction.begin();
    try {
      // a batch as an import writes it: two provinces, repeated and distinct groups, a level
      // given to some and none to others (NULL, counted as its own value)
      em.createNativeQuery(
              "INSERT INTO community_model (name, type_id, field_id, unit_id, lead_orgs,"
                  + " target_communities, established_on, status, status_since,"
                  + " recognition_level) SELECT 'Kho lô ' || g, t.id, t.parent_id,"
                  + " (ARRAY[?1, ?2, ?3])[1 + g % 3], '{POLICE}', '{FAMILY_CLAN}',"
                  + " DATE '2015-01-15' + (g % 4) * 40, (ARRAY['REGISTERED', 'ACTIVE'])[1 + g % 2],"
                  + " DATE '2015-01-15' + (g % 4) * 40,"
                  + " CAST(CASE WHEN g % 5 = 0 THEN 2 END AS smallint)"
                  + " FROM generate_series(1, 30) g JOIN catalogue_item t ON t.code ="
                  + " (ARRAY['CAMERA_ANTT', 'TU_QUAN_DONG_TOC'])[1 + g % 2]")
          .setParameter(1, w)
          .setParameter(2, h)
          .setParameter(3, c)
          .executeUpdate();
      List<String> kept = stocks(p, q);
      assertThat(kept).isNotEmpty().anyMatch(l -> l.startsWith("A " + q + " R 2 "));
      em.createNativeQuery("SELECT f_stat_model_rebuild()").getSingleResult();
      assertThat(kept).isEqualTo(stocks(p, q));
    } finally {
      io.quarkus.narayana.jta.QuarkusTransaction.rollback();
    }
  }

  static Map<String, Long> counts(JsonPath r, String list, String key) {
    return counts(r, list, key, "count");
  }

  static Map<String, Long> counts(JsonPath r, String list, String key, String value) {
    Map<String, Long> out = new TreeMap<>();
    List<Map<String, Object>> rows = r.getList(list);
    for (int i = 0; i < rows.size(); i++) {
      long n = r.getLong(list + "[" + i + "]." + value);
      if (n != 0) {
        out.put(r.getString(list + "[" + i + "]." + key), n);
      }
    }
    return out;
  }

  static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> out = new TreeMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }
}
