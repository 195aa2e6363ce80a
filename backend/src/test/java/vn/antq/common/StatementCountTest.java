package vn.antq.common;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.AwardBuilder;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;

/**
 * No list endpoint issues a statement per row: each answers a page of 5 and a page of 50 with the
 * same number of SQL statements, and never more than its fixed budget (issue 9).
 */
@QuarkusTest
class StatementCountTest {
  /**
   * The fewest statements one GET took over five tries, counted on the request's threads only
   * ({@link RequestStatements}).
   */
  long statements(String path) {
    long fewest = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      Api.given().get(path).then().statusCode(200);
      long before = RequestStatements.COUNT.get();
      Api.given().get(path).then().statusCode(200);
      fewest = Math.min(fewest, RequestStatements.COUNT.get() - before);
    }
    return fewest;
  }

  static void push(String resource, List<Map<String, Object>> data) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("externalId", resource + "-" + i);
      r.put("data", data.get(i));
      records.add(r);
    }
    Api.json()
        .body(Map.of("records", records))
        .post("/api/imports/" + resource)
        .then()
        .statusCode(200);
  }

  @Test
  void listsCostTheSameNumberOfStatementsWhateverThePageSize() {
    long province = province("Tỉnh Đếm Lệnh").create();
    long commune = unit("COMMUNE", "Xã Đếm Lệnh").under(province).create();
    List<Map<String, Object>> models = new ArrayList<>();
    List<Map<String, Object>> events = new ArrayList<>();
    List<Map<String, Object>> awards = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      models.add(ModelBuilder.body("Tổ tự quản đếm " + i, commune));
      events.add(EventBuilder.body("Họp dân đếm " + i, commune));
      awards.add(AwardBuilder.wardDecision(commune));
    }
    push("models", models);
    push("events", events);
    push("awards", awards);
    long model = ModelBuilder.model("Mô hình có tổ", commune);
    long team = ModelBuilder.team(model, "Tổ 1", commune);
    for (int i = 0; i < 12; i++) {
      ModelBuilder.member(model, team, "Thành viên " + i, "MEMBER");
    }
    for (int i = 0; i < 8; i++) {
      unit("HAMLET", "Khóm đếm " + i).under(commune).create();
    }
    for (int i = 0; i < 7; i++) {
      Api.json()
          .body(EventBuilder.programme("Đ" + i + "/CTr", commune, List.of(commune, province)))
          .post("/api/programmes")
          .then()
          .statusCode(201);
    }
    // each list, its filter, and its budget of statements per request (measured 23/11/2026, the
    // sign-in check included); the change feed's units and models are still built one by one
    // with the single-record GET (issue 9), its events and awards in batches
    Map<String, Long> budget = new LinkedHashMap<>();
    budget.put("/api/units?ancestorId=" + province + "&size=", 6L);
    // models: count + the page with its names and roster counts in one statement (was 8)
    budget.put("/api/models?unitId=" + commune + "&size=", 4L);
    budget.put("/api/events?unitId=" + commune + "&size=", 11L);
    budget.put("/api/awards?unitId=" + commune + "&size=", 9L);
    budget.put("/api/members?unitId=" + commune + "&size=", 6L);
    budget.put("/api/members?q=thanh%20vien&unitId=" + commune + "&size=", 3L);
    budget.put("/api/import-jobs?size=", 3L);
    budget.put("/api/programmes?unitId=" + commune + "&size=", 8L);
    budget.put("/api/changes?types=EVENT&limit=", 10L);
    Map<String, String> measured = new LinkedHashMap<>();
    for (var e : budget.entrySet()) {
      long small = statements(e.getKey() + 5);
      long large = statements(e.getKey() + 50);
      measured.put(e.getKey(), small + "/" + large);
      assertThat(large).as(e.getKey() + " page of 50 vs 5 (" + measured + ")").isEqualTo(small);
      assertThat(large)
          .as(e.getKey() + " budget (" + measured + ")")
          .isLessThanOrEqualTo(e.getValue());
    }
    System.out.println("SQL statements per request, page of 5 / 50: " + measured);
  }
}
