package vn.antq.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.report.DatedHierarchyTest.rosterModel;
import static vn.antq.report.ReportResourceTest.child;
import static vn.antq.report.ReportResourceTest.event;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;

/**
 * A breakdown deeper than one level ({@code depth}): the communes and their hamlets, each row with
 * its whole subtree, right after the row above it; the same rows and totals as at depth 1.
 */
@QuarkusTest
public class ReportDepthTest {
  public static JsonPath summary(long unitId, String from, String to, int depth) {
    return Api.given()
        .queryParam("unitId", unitId)
        .queryParam("from", from)
        .queryParam("to", to)
        .queryParam("depth", depth)
        .get("/api/reports/summary")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void communesAndTheirHamletsEachWithTheirSubtree() {
    long pv = province("Tỉnh Nhiều Cấp LS").from("2008-01-01").create();
    long c1 = unit("COMMUNE", "Xã An Nhiều Cấp").under(pv).from("2008-01-01").create();
    long a = unit("HAMLET", "Ấp A Nhiều Cấp").under(c1).from("2008-01-01").create();
    long b = unit("HAMLET", "Ấp B Nhiều Cấp").under(c1).from("2008-01-01").create();
    long c2 = unit("COMMUNE", "Xã Bình Nhiều Cấp").under(pv).from("2008-01-01").create();
    event(a, "TUYEN_TRUYEN", "2021-03-10T08:00:00+07:00", "2021-03-10T10:00:00+07:00", 10, 1, null);
    event(b, "TUYEN_TRUYEN", "2021-04-10T08:00:00+07:00", "2021-04-10T10:00:00+07:00", 20, 1, null);
    event(c1, "SO_KET", "2021-12-10T08:00:00+07:00", "2021-12-10T10:00:00+07:00", 30, 1, null);
    event(c2, "SO_KET", "2021-12-11T08:00:00+07:00", "2021-12-11T10:00:00+07:00", 40, 1, null);
    rosterModel("Tổ tự quản Ấp A Nhiều Cấp", a, a, "2019-01-01", 3);

    JsonPath deep = summary(pv, "2021-01-01", "2021-12-31", 2);
    assertThat(deep.getList("children.unit.id", Long.class)).containsExactly(c1, a, b, c2);
    assertThat(deep.getList("children.level", Integer.class)).containsExactly(1, 2, 2, 1);
    assertThat(deep.getList("children.parentId")).containsExactly(null, (int) c1, (int) c1, null);
    assertThat(child(deep, c1))
        .containsEntry("events", 3)
        .containsEntry("attendance", 60)
        .containsEntry("models", 1)
        .containsEntry("members", 3);
    assertThat(child(deep, a)).containsEntry("events", 1).containsEntry("members", 3);
    assertThat(child(deep, b)).containsEntry("events", 1).containsEntry("models", 0);
    assertThat(child(deep, c2)).containsEntry("events", 1);
    assertThat(deep.getLong("totals.events")).isEqualTo(4);

    // depth 1: the same communes with the same figures, no hamlets
    JsonPath flat = summary(pv, "2021-01-01", "2021-12-31", 1);
    assertThat(flat.getList("children.unit.id", Long.class)).containsExactly(c1, c2);
    assertThat(child(flat, c1)).isEqualTo(child(deep, c1));
    assertThat(flat.getMap("totals")).isEqualTo(deep.getMap("totals"));

    // the exports carry the rows; a depth out of range is a 400 problem
    Api.given()
        .queryParam("unitId", pv)
        .queryParam("from", "2021-01-01")
        .queryParam("to", "2021-12-31")
        .queryParam("depth", 2)
        .get("/api/reports/summary.docx")
        .then()
        .statusCode(200);
    Api.given()
        .queryParam("unitId", pv)
        .queryParam("from", "2021-01-01")
        .queryParam("to", "2021-12-31")
        .queryParam("depth", 4)
        .get("/api/reports/summary")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
