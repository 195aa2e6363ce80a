package vn.antq.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.indicator.IndicatorResourceTest.indicator;
import static vn.antq.indicator.IndicatorResourceTest.reported;
import static vn.antq.indicator.IndicatorResourceTest.summary;
import static vn.antq.indicator.IndicatorResourceTest.values;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.Users;

/**
 * Figures in bulk (issue 26): periods pushed with the state they should reach, the reporting unit
 * by the sender's own id, the same rules as step by step; a replay changes nothing; other figures
 * edit a draft, correct an approved period as a new revision, and are refused while it waits.
 */
@QuarkusTest
class IndicatorImportTest {
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  /** the data of the last record {@link #period} made */
  private Map<String, Object> lastData;

  private Map<String, Object> period(String ext, Object unit, int month, String state, long... v) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (unit instanceof String s) {
      data.put("unitExternalId", run + s);
    } else {
      data.put("unitId", unit);
    }
    data.put("periodKind", "MONTH");
    data.put("year", 2023);
    data.put("number", month);
    data.put("values", values(v));
    if (state != null) {
      data.put("state", state);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("externalId", run + ext);
    r.put("data", data);
    lastData = data;
    return r;
  }

  private static io.restassured.response.Response push(
      String token, String resource, String mode, List<Map<String, Object>> rows) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("records", rows))
        .post("/api/imports/" + resource + (mode == null ? "" : "?mode=" + mode));
  }

  private static JsonPath ok(io.restassured.response.Response r) {
    return r.then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath report(String token, long id) {
    return Api.as(token)
        .get("/api/indicator-reports/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aProvincePushesItsCommunesAndTheirApprovedMonthsInTwoRequests() {
    long tips = indicator("TIN_BAO");
    long clarified = indicator("DOI_TUONG_LAM_RO");
    long prov = province("Tỉnh Số Lô").from("2008-01-01").create();
    String officer = Users.signedIn("PROVINCE_OFFICER", prov);
    Map<String, Object> unitData = new LinkedHashMap<>();
    unitData.put("name", "Xã Số Lô");
    unitData.put("kind", "COMMUNE");
    unitData.put("parentId", prov);
    unitData.put("validFrom", "2008-01-01");
    Map<String, Object> commune = new LinkedHashMap<>();
    commune.put("externalId", run + "XA");
    commune.put("data", unitData);
    long xa = ok(push(officer, "units", null, List.of(commune))).getLong("rows[0].id");

    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(period("T1", "XA", 1, "APPROVED", tips, 10, clarified, 2));
    rows.add(period("T2", "XA", 2, "APPROVED", tips, 20));
    rows.add(period("T3", "XA", 3, "SUBMITTED", tips, 30));
    rows.add(period("T4", "XA", 4, null, tips, 40));
    JsonPath done = ok(push(officer, "indicator-reports", null, rows));
    assertThat(done.getList("rows.outcome", String.class)).containsOnly("CREATED");
    long january = done.getLong("rows[0].id");
    assertThat(report(officer, january).getString("status")).isEqualTo("APPROVED");
    assertThat(report(officer, january).getLong("unit.id")).isEqualTo(xa);
    assertThat(report(officer, done.getLong("rows[2].id")).getString("status"))
        .isEqualTo("SUBMITTED");
    assertThat(report(officer, done.getLong("rows[3].id")).getString("status")).isEqualTo("DRAFT");
    // only the approved months count
    JsonPath year = summary(prov, "2023-01-01", "2023-12-31");
    assertThat(reported(year, "totals.indicators", tips)).isEqualTo(30);
    // every step is in the audit trail, as one by one
    assertThat(
            Api.as(officer)
                .queryParam("entityType", "INDICATOR_REPORT")
                .queryParam("entityId", january)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("content.action", String.class))
        .contains("CREATE", "SUBMIT", "APPROVE");

    // the same batch again: nothing new
    assertThat(ok(push(officer, "indicator-reports", null, rows)).getList("rows.outcome"))
        .containsOnly("UNCHANGED");

    // other figures: the draft is edited and submitted; the approved month needs a reason, then
    // becomes a new approved revision; the month waiting for approval is refused
    List<Map<String, Object>> changed = new ArrayList<>();
    changed.add(period("T4", "XA", 4, "SUBMITTED", tips, 41));
    changed.add(period("T1", "XA", 1, "APPROVED", tips, 11, clarified, 2));
    Map<String, Object> januaryData = lastData;
    changed.add(period("T3", "XA", 3, "SUBMITTED", tips, 31));
    JsonPath partial = ok(push(officer, "indicator-reports", "partial", changed));
    assertThat(partial.getList("rows.outcome", String.class))
        .containsExactly("UPDATED", "REJECTED", "REJECTED");
    assertThat(partial.getList("rows[1].violations.field", String.class))
        .containsExactly("data.revisionReason");
    assertThat(partial.getString("rows[2].violations[0].message")).contains("chờ duyệt");
    assertThat(report(officer, done.getLong("rows[3].id")).getString("status"))
        .isEqualTo("SUBMITTED");

    januaryData.put("revisionReason", "Số liệu tin báo tháng 1 được rà soát lại");
    JsonPath revised = ok(push(officer, "indicator-reports", "partial", changed.subList(1, 2)));
    assertThat(revised.getList("rows.outcome", String.class)).containsExactly("UPDATED");
    long correction = revised.getLong("rows[0].id");
    assertThat(correction).isNotEqualTo(january);
    JsonPath now = report(officer, correction);
    assertThat(now.getString("status")).isEqualTo("APPROVED");
    assertThat(now.getInt("revision")).isEqualTo(2);
    assertThat(report(officer, january).getString("status")).isEqualTo("SUPERSEDED");
    assertThat(reported(summary(prov, "2023-01-01", "2023-12-31"), "totals.indicators", tips))
        .isEqualTo(31);
    // the sender's id now stands for the correction: sent again, nothing changes
    assertThat(
            ok(push(officer, "indicator-reports", null, changed.subList(1, 2)))
                .getList("rows.outcome"))
        .containsExactly("UNCHANGED");
  }

  @Test
  void aCommuneMaySubmitButNotApproveItsOwnFiguresInBulkEither() {
    long tips = indicator("TIN_BAO");
    long prov = province("Tỉnh Tự Duyệt").from("2008-01-01").create();
    long xa = unit("COMMUNE", "Xã Tự Duyệt").under(prov).from("2008-01-01").create();
    long other = unit("COMMUNE", "Xã Khác Tỉnh").under(province("Tỉnh Xa").create()).create();
    String communeOfficer = Users.signedIn("COMMUNE_OFFICER", xa);
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(period("S", xa, 5, "SUBMITTED", tips, 5));
    rows.add(period("A", xa, 6, "APPROVED", tips, 6));
    rows.add(period("N", other, 5, "DRAFT", tips, 7));
    rows.add(period("U", "KHONG-CO", 5, "DRAFT", tips, 8));
    JsonPath partial = ok(push(communeOfficer, "indicator-reports", "partial", rows));
    assertThat(partial.getList("rows.outcome", String.class))
        .containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED");
    assertThat(partial.getString("rows[1].violations[0].message")).contains("duyệt");
    assertThat(partial.getList("rows[3].violations.field", String.class))
        .containsExactly("data.unitExternalId");
    // a rejected row wrote nothing: month 6 has no draft left behind
    assertThat(
            Api.as(communeOfficer)
                .queryParam("unitId", xa)
                .get("/api/indicator-reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("content.number", Integer.class))
        .containsExactly(5);
  }
}
