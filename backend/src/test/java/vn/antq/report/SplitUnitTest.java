package vn.antq.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.report.DatedHierarchyTest.rosterModel;
import static vn.antq.report.DatedHierarchyTest.summaryAsOf;
import static vn.antq.report.DatedHierarchyTest.tips;
import static vn.antq.report.DatedHierarchyTest.tipsOf;
import static vn.antq.report.ReportResourceTest.child;
import static vn.antq.report.ReportResourceTest.event;
import static vn.antq.report.ReportResourceTest.summary;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;

/**
 * A split (POST /api/units/{id}/split) divides a commune's hamlets between two new communes and its
 * own figures by stated shares: each successor's reports count the past of the hamlets it received
 * and its share, the split commune keeps its own past, and the province counts everything once.
 * Values counted by hand.
 */
@QuarkusTest
class SplitUnitTest {
  static Map<String, Object> part(long successor, List<Long> children, Number share) {
    Map<String, Object> p = new HashMap<>();
    p.put("successorId", successor);
    p.put("childIds", children);
    if (share != null) {
      p.put("share", share);
    }
    return p;
  }

  static Response split(long id, String date, Boolean retire, List<Map<String, Object>> parts) {
    Map<String, Object> body = new HashMap<>();
    body.put("date", date);
    body.put("parts", parts);
    body.put("note", "Nghị quyết chia tách");
    if (retire != null) {
      body.put("retire", retire);
    }
    return Api.json().body(body).post("/api/units/{id}/split", id);
  }

  @Test
  void aSplitCommuneDividesItsHamletsAndItsFiguresWithoutCountingTwice() {
    long pv = province("Tỉnh Chia Tách LS").from("2008-01-01").create();
    long p = unit("COMMUNE", "Xã Tân Phú LS").under(pv).from("2008-01-01").create();
    long h1 = unit("HAMLET", "Ấp 1 TP").under(p).from("2008-01-01").create();
    long h2 = unit("HAMLET", "Ấp 2 TP").under(p).from("2008-01-01").create();
    long h3 = unit("HAMLET", "Ấp 3 TP").under(p).from("2008-01-01").create();
    event(
        h1, "TUYEN_TRUYEN", "2015-03-10T08:00:00+07:00", "2015-03-10T10:00:00+07:00", 10, 1, null);
    event(
        h2, "TUYEN_TRUYEN", "2016-03-10T08:00:00+07:00", "2016-03-10T10:00:00+07:00", 20, 1, null);
    event(
        h3, "TUYEN_TRUYEN", "2017-03-10T08:00:00+07:00", "2017-03-10T10:00:00+07:00", 30, 1, null);
    event(p, "SO_KET", "2018-12-20T08:00:00+07:00", "2018-12-20T11:00:00+07:00", 40, 1, null);
    rosterModel("Tổ tự quản Ấp 1 TP", h1, h1, "2014-06-01", 3);
    rosterModel("Tổ tự quản xã Tân Phú", p, p, "2015-01-10", 4);
    tips(p, pv, 2019, 5, 101);

    long s1 = unit("COMMUNE", "Xã Tân Phú Đông LS").under(pv).from("2020-01-01").create();
    long s2 = unit("COMMUNE", "Xã Tân Phú Tây LS").under(pv).from("2020-01-01").create();
    JsonPath done =
        split(
                p,
                "2020-01-01",
                null,
                List.of(part(s1, List.of(h1, h2), 60), part(s2, List.of(h3), 40)))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(done.getString("validTo")).isEqualTo("2020-01-01");
    assertThat(done.getList("successors.changeKind", String.class)).containsOnly("SPLIT");
    assertThat(done.getDouble("successors.find { it.unit.id == " + s1 + " }.share"))
        .isEqualTo(60.0);
    assertThat(Api.given().get("/api/units/{id}", h3).jsonPath().getLong("parentId")).isEqualTo(s2);
    assertThat(Api.given().get("/api/units/{id}", s1).jsonPath().getList("predecessors.unit.id"))
        .containsExactly((int) p);
    event(h1, "TUYEN_TRUYEN", "2021-05-05T08:00:00+07:00", "2021-05-05T10:00:00+07:00", 5, 1, null);

    // the split commune over its life: everything it had, by its own hamlets
    JsonPath life = summary(p, "2013-01-01", "2019-12-31");
    assertThat(life.getLong("totals.events")).isEqualTo(4);
    assertThat(life.getLong("totals.attendance")).isEqualTo(100);
    assertThat(life.getLong("totals.models")).isEqualTo(2);
    assertThat(life.getLong("totals.members")).isZero(); // the rosters joined in 2020
    assertThat(tipsOf(life, "totals")).isEqualTo(101);
    assertThat(life.getList("children.unit.id", Long.class)).containsExactlyInAnyOrder(h1, h2, h3);

    // each successor: the past of the hamlets it received, and its share of the commune's figures
    JsonPath east = summary(s1, "2013-01-01", "2022-12-31");
    assertThat(east.getLong("totals.events")).isEqualTo(3);
    assertThat(east.getLong("totals.attendance")).isEqualTo(35);
    assertThat(east.getLong("totals.models")).isEqualTo(1);
    assertThat(east.getLong("totals.members")).isEqualTo(3);
    assertThat(tipsOf(east, "totals")).isEqualTo(60); // 60 % of 101, rounded down
    assertThat(east.getList("children.unit.id", Long.class)).containsExactlyInAnyOrder(h1, h2);
    assertThat(east.getList("mapChanges", String.class)).containsExactly("2020-01-01");
    JsonPath west = summary(s2, "2013-01-01", "2022-12-31");
    assertThat(west.getLong("totals.events")).isEqualTo(1);
    assertThat(west.getLong("totals.attendance")).isEqualTo(30);
    assertThat(west.getLong("totals.models")).isZero();
    assertThat(tipsOf(west, "totals")).isEqualTo(40);

    // the province: everything once; the commune's own records stay direct, its figures shared
    JsonPath all = summary(pv, "2013-01-01", "2022-12-31");
    assertThat(all.getLong("totals.events")).isEqualTo(5);
    assertThat(all.getLong("totals.models")).isEqualTo(2);
    assertThat(all.getLong("totals.members")).isEqualTo(7);
    assertThat(tipsOf(all, "totals")).isEqualTo(101);
    assertThat(all.getList("children.unit.id", Long.class)).containsExactlyInAnyOrder(s1, s2);
    assertThat(child(all, s1))
        .containsEntry("events", 3)
        .containsEntry("models", 1)
        .containsEntry("members", 3);
    assertThat(tipsOf(all, "children.find { it.unit.id == " + s1 + " }.figures")).isEqualTo(60);
    assertThat(child(all, s2)).containsEntry("events", 1).containsEntry("models", 0);
    assertThat(tipsOf(all, "children.find { it.unit.id == " + s2 + " }.figures")).isEqualTo(40);
    assertThat(all.getLong("direct.events")).isEqualTo(1);
    assertThat(all.getLong("direct.members")).isEqualTo(4);
    assertThat(tipsOf(all, "direct")).isEqualTo(1);

    // as the map was before the split: the commune is the row, with all of it
    JsonPath before = summaryAsOf(pv, "2013-01-01", "2022-12-31", "2019-06-30");
    assertThat(before.getList("children.unit.id", Long.class)).containsExactly(p);
    assertThat(child(before, p)).containsEntry("events", 5);
    assertThat(tipsOf(before, "children.find { it.unit.id == " + p + " }.figures")).isEqualTo(101);
  }

  @Test
  void aSplitNamesEveryChildOnceAndSharesAtMostTheWhole() {
    long pv = province("Tỉnh Chia Tách Sai LS").from("2008-01-01").create();
    long p = unit("COMMUNE", "Xã Chia Sai LS").under(pv).from("2008-01-01").create();
    long h1 = unit("HAMLET", "Ấp A CS").under(p).from("2008-01-01").create();
    long h2 = unit("HAMLET", "Ấp B CS").under(p).from("2008-01-01").create();
    long s1 = unit("COMMUNE", "Xã Chia Sai Một LS").under(pv).from("2020-01-01").create();
    long s2 = unit("COMMUNE", "Xã Chia Sai Hai LS").under(pv).from("2020-01-01").create();
    long hamlet = unit("HAMLET", "Ấp Không Cùng Cấp").under(s1).from("2020-01-01").create();

    assertProblem(
        split(p, "2020-01-01", null, List.of(part(s1, List.of(h1), null))), 422, "Ấp B CS");
    assertProblem(
        split(p, "2020-01-01", null, List.of(part(s1, List.of(h1), 70), part(s2, List.of(h2), 50))),
        422,
        "quá 100%");
    assertProblem(
        split(p, "2020-01-01", false, List.of(part(s1, List.of(h1), 50))), 422, "tiếp tục");
    assertProblem(
        split(
            p,
            "2020-01-01",
            null,
            List.of(part(s1, List.of(h1, h2), null), part(s2, List.of(h2), null))),
        422,
        "phần khác");
    assertProblem(
        split(p, "2020-01-01", null, List.of(part(hamlet, List.of(h1, h2), null))),
        422,
        "cùng cấp");
    assertProblem(
        split(p, "2019-06-01", null, List.of(part(s1, List.of(h1, h2), null))), 422, "sau ngày");
    assertProblem(
        split(999_999_999L, "2020-01-01", null, List.of(part(s1, List.of(), null))), 404, "");
    // nothing was written by the refused requests
    assertThat(Api.given().get("/api/units/{id}", h1).jsonPath().getLong("parentId")).isEqualTo(p);

    // the commune carries on with the hamlet it kept
    split(p, "2020-01-01", false, List.of(part(s1, List.of(h1), null))).then().statusCode(200);
    JsonPath kept = Api.given().get("/api/units/{id}", p).jsonPath();
    assertThat(kept.getString("validTo")).isNull();
    assertThat(Api.given().get("/api/units/{id}", h2).jsonPath().getLong("parentId")).isEqualTo(p);
    assertThat(Api.given().get("/api/units/{id}", h1).jsonPath().getLong("parentId")).isEqualTo(s1);
    // the same link twice is a conflict
    assertProblem(split(p, "2021-01-01", false, List.of(part(s1, List.of(), null))), 409, "đã có");
  }

  private static void assertProblem(Response r, int status, String text) {
    r.then().statusCode(status).contentType("application/problem+json");
    assertThat(r.asString()).contains(text);
  }
}
