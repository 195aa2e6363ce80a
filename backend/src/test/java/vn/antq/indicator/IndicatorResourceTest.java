package vn.antq.indicator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.antq.support.ReportFiles.cell;
import static vn.antq.support.ReportFiles.docx;
import static vn.antq.support.ReportFiles.xlsx;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EventBuilder;
import vn.antq.support.UnitBuilder;
import vn.antq.support.Users;

/**
 * Reported figures: entry by a ward, submission, return with a comment, approval by the province,
 * locked approved periods, corrections as revisions, months and quarters never overlapping, and the
 * summary report counting only the approved revision in force, through lineage.
 */
@QuarkusTest
class IndicatorResourceTest {
  static long indicator(String code) {
    return EventBuilder.catalogueId("INDICATOR", code);
  }

  static Map<String, Object> body(long unitId, String kind, int year, int number, long... pairs) {
    Map<String, Object> b = new HashMap<>();
    b.put("unitId", unitId);
    b.put("periodKind", kind);
    b.put("year", year);
    b.put("number", number);
    b.put("values", values(pairs));
    return b;
  }

  /** indicatorId, value, indicatorId, value… */
  static List<Map<String, Object>> values(long... pairs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(Map.of("indicatorId", pairs[i], "value", pairs[i + 1]));
    }
    return out;
  }

  static Response create(String token, Map<String, Object> body) {
    return Api.as(token).contentType(ContentType.JSON).body(body).post("/api/indicator-reports");
  }

  static Response act(String token, long id, String etag, String action, String comment) {
    Map<String, Object> b = new HashMap<>();
    b.put("action", action);
    if (comment != null) {
      b.put("comment", comment);
    }
    return Api.as(token)
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(b)
        .post("/api/indicator-reports/" + id + "/transitions");
  }

  static JsonPath summary(long unitId, String from, String to) {
    return Api.given()
        .queryParam("unitId", unitId)
        .queryParam("from", from)
        .queryParam("to", to)
        .get("/api/reports/summary")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static long reported(JsonPath report, String path, long indicatorId) {
    List<Map<String, Object>> items = report.getList(path);
    return items.stream()
        .filter(m -> ((Number) ((Map<?, ?>) m.get("item")).get("id")).longValue() == indicatorId)
        .mapToLong(m -> ((Number) m.get("count")).longValue())
        .sum();
  }

  @Test
  void aWardEntersSubmitsIsReturnedCorrectsAndTheProvinceApproves() throws java.io.IOException {
    long prov = province("Tỉnh Chỉ tiêu A").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Chỉ tiêu A1").under(prov).from("2008-01-01").create();
    String wardOfficer = Users.signedIn("COMMUNE_OFFICER", ward);
    String provinceOfficer = Users.signedIn("PROVINCE_OFFICER", prov);
    String viewer = Users.signedIn("VIEWER", prov);
    long tips = indicator("TIN_BAO");
    long clarified = indicator("DOI_TUONG_LAM_RO");

    Response created = create(wardOfficer, body(ward, "MONTH", 2025, 8, tips, 120, clarified, 7));
    created.then().statusCode(201).body("status", equalTo("DRAFT"));
    long id = created.jsonPath().getLong("id");
    JsonPath r = created.jsonPath();
    assertEquals("Tháng 8/2025", r.getString("periodLabel"));
    assertEquals("2025-08-31", r.getString("periodEnd"));
    assertEquals(1, r.getInt("revision"));
    assertTrue(r.getBoolean("canEdit"));
    assertEquals(2, r.getList("values").size());

    // a draft counts nowhere yet
    assertEquals(0, reported(summary(prov, "2025-01-01", "2025-12-31"), "totals.indicators", tips));
    // the viewer reads it but writes nothing; the ward cannot review its own figures
    Api.as(viewer).get("/api/indicator-reports/" + id).then().statusCode(200);
    create(viewer, body(ward, "MONTH", 2025, 9, tips, 1)).then().statusCode(403);

    // the ward corrects the draft, then submits it
    String etag = created.header("ETag");
    Response edited =
        Api.as(wardOfficer)
            .contentType(ContentType.JSON)
            .header("If-Match", etag)
            .body(Map.of("note", "Số liệu tháng 8", "values", values(tips, 125, clarified, 7)))
            .put("/api/indicator-reports/" + id);
    edited.then().statusCode(200).body("note", equalTo("Số liệu tháng 8"));
    // a stale ETag is refused
    act(wardOfficer, id, etag, "SUBMIT", null).then().statusCode(412);
    Response submitted = act(wardOfficer, id, edited.header("ETag"), "SUBMIT", null);
    submitted.then().statusCode(200).body("status", equalTo("SUBMITTED"));
    act(wardOfficer, id, submitted.header("ETag"), "APPROVE", null).then().statusCode(403);
    // submitted figures are no longer editable
    Api.as(wardOfficer)
        .contentType(ContentType.JSON)
        .header("If-Match", submitted.header("ETag"))
        .body(Map.of("values", values(tips, 1)))
        .put("/api/indicator-reports/" + id)
        .then()
        .statusCode(409);

    // the province sees it waiting and returns it: a comment is required
    Api.as(provinceOfficer)
        .queryParam("awaitingMe", true)
        .get("/api/indicator-reports")
        .then()
        .statusCode(200)
        .body("content.id", hasItem((int) id))
        .body("content.find { it.id == " + id + " }.canReview", equalTo(true));
    Api.as(wardOfficer)
        .queryParam("awaitingMe", true)
        .get("/api/indicator-reports")
        .then()
        .body("content.id", not(hasItem((int) id)));
    act(provinceOfficer, id, submitted.header("ETag"), "RETURN", " ")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("comment"));
    Response returned =
        act(provinceOfficer, id, submitted.header("ETag"), "RETURN", "Kiểm tra lại số tin báo");
    returned.then().statusCode(200).body("status", equalTo("RETURNED"));
    returned.then().body("reviewComment", equalTo("Kiểm tra lại số tin báo"));

    // the ward fixes and resubmits; the province approves
    Response fixed =
        Api.as(wardOfficer)
            .contentType(ContentType.JSON)
            .header("If-Match", returned.header("ETag"))
            .body(Map.of("values", values(tips, 130, clarified, 7)))
            .put("/api/indicator-reports/" + id);
    fixed.then().statusCode(200);
    Response resubmitted = act(wardOfficer, id, fixed.header("ETag"), "SUBMIT", null);
    Response approved = act(provinceOfficer, id, resubmitted.header("ETag"), "APPROVE", null);
    approved.then().statusCode(200).body("status", equalTo("APPROVED"));
    approved.then().body("canEdit", equalTo(false));

    JsonPath year = summary(prov, "2025-01-01", "2025-12-31");
    assertEquals(130, reported(year, "totals.indicators", tips));
    assertEquals(7, reported(year, "totals.indicators", clarified));
    assertEquals(130, reported(year, "children[0].figures.indicators", tips));
    assertTrue(year.getString("text").contains("130 tin"), year.getString("text"));
    // a period that only partly lies in the report's range is not counted
    assertEquals(0, reported(summary(prov, "2025-08-15", "2025-12-31"), "totals.indicators", tips));

    // locked: no edit, no delete, not even straight in the database
    Api.as(wardOfficer)
        .contentType(ContentType.JSON)
        .header("If-Match", approved.header("ETag"))
        .body(Map.of("values", values(tips, 1)))
        .put("/api/indicator-reports/" + id)
        .then()
        .statusCode(409)
        .body("detail", containsString("bản điều chỉnh"));
    Api.as(wardOfficer)
        .header("If-Match", approved.header("ETag"))
        .delete("/api/indicator-reports/" + id)
        .then()
        .statusCode(409);

    // a correction: a new revision; the approved one counts until the correction is approved
    Api.as(wardOfficer)
        .contentType(ContentType.JSON)
        .header("If-Match", approved.header("ETag"))
        .body(Map.of("reason", " "))
        .post("/api/indicator-reports/" + id + "/revisions")
        .then()
        .statusCode(422);
    Response revision =
        Api.as(wardOfficer)
            .contentType(ContentType.JSON)
            .header("If-Match", approved.header("ETag"))
            .body(Map.of("reason", "Bổ sung tin báo nhận muộn"))
            .post("/api/indicator-reports/" + id + "/revisions");
    revision.then().statusCode(201).body("revision", equalTo(2)).body("status", equalTo("DRAFT"));
    long rev = revision.jsonPath().getLong("id");
    assertEquals(2, revision.jsonPath().getList("values").size());
    // only one correction at a time
    Api.as(wardOfficer)
        .contentType(ContentType.JSON)
        .header("If-Match", approved.header("ETag"))
        .body(Map.of("reason", "Lần nữa"))
        .post("/api/indicator-reports/" + id + "/revisions")
        .then()
        .statusCode(409);
    Response revEdited =
        Api.as(wardOfficer)
            .contentType(ContentType.JSON)
            .header("If-Match", revision.header("ETag"))
            .body(Map.of("values", values(tips, 140, clarified, 9)))
            .put("/api/indicator-reports/" + rev);
    assertEquals(
        130, reported(summary(prov, "2025-01-01", "2025-12-31"), "totals.indicators", tips));
    Response revSubmitted = act(wardOfficer, rev, revEdited.header("ETag"), "SUBMIT", null);
    act(provinceOfficer, rev, revSubmitted.header("ETag"), "APPROVE", "Đồng ý")
        .then()
        .statusCode(200);
    year = summary(prov, "2025-01-01", "2025-12-31");
    assertEquals(140, reported(year, "totals.indicators", tips));
    assertEquals(9, reported(year, "totals.indicators", clarified));
    // the files people file carry them too
    assertEquals(
        140,
        cell(
            xlsx(prov, "2025-01-01", "2025-12-31"),
            "Tổng hợp",
            "Số liệu báo cáo: Tin báo, tố giác tội phạm do Nhân dân cung cấp (tin)"));
    String text = docx(prov, "2025-01-01", "2025-12-31");
    assertTrue(text.contains("IV. SỐ LIỆU BÁO CÁO ĐỊNH KỲ (CÁC KỲ ĐÃ DUYỆT)"), text);
    assertTrue(text.contains("tin báo, tố giác tội phạm do Nhân dân cung cấp: 140 tin"), text);

    // both revisions are kept; the list shows the latest by default
    Api.as(provinceOfficer)
        .get("/api/indicator-reports/" + id + "/revisions")
        .then()
        .statusCode(200)
        .body("revision", equalTo(List.of(2, 1)))
        .body("status", equalTo(List.of("APPROVED", "SUPERSEDED")))
        .body("[1].values.find { it.indicator.id == " + tips + " }.value", equalTo(130));
    Api.as(provinceOfficer)
        .queryParam("unitId", ward)
        .get("/api/indicator-reports")
        .then()
        .body("totalElements", equalTo(1))
        .body("content[0].revision", equalTo(2));
    Api.as(provinceOfficer)
        .queryParam("unitId", ward)
        .queryParam("allRevisions", true)
        .get("/api/indicator-reports")
        .then()
        .body("totalElements", equalTo(2));
    // the audit trail holds every step
    Api.as(provinceOfficer)
        .queryParam("entityType", "INDICATOR_REPORT")
        .queryParam("entityId", id)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("content.action", hasItem("APPROVE"));
  }

  @Test
  void periodsRulesAndTerritory() {
    long prov = province("Tỉnh Chỉ tiêu B").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Chỉ tiêu B1").under(prov).from("2008-01-01").create();
    long hamlet = unit("HAMLET", "Khóm Chỉ tiêu B1").under(ward).from("2008-01-01").create();
    long other = province("Tỉnh Chỉ tiêu C").from("2008-01-01").create();
    String officer = Users.signedIn("COMMUNE_OFFICER", ward);
    long tips = indicator("TIN_BAO");

    create(officer, body(ward, "QUARTER", 2025, 3, tips, 10)).then().statusCode(201);
    // the same quarter twice, or a month inside it: 409 naming what exists
    create(officer, body(ward, "QUARTER", 2025, 3, tips, 10))
        .then()
        .statusCode(409)
        .body("detail", containsString("quý III/2025"));
    create(officer, body(ward, "MONTH", 2025, 8, tips, 10))
        .then()
        .statusCode(409)
        .body("violations[0].field", equalTo("periodKind"));
    create(officer, body(ward, "MONTH", 2025, 10, tips, 10)).then().statusCode(201);
    // bad periods and lines
    create(officer, body(ward, "QUARTER", 2025, 5, tips, 10))
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("number"));
    create(officer, body(ward, "MONTH", 2099, 1, tips, 10)).then().statusCode(422);
    create(officer, body(ward, "MONTH", 2025, 1, tips, 1, tips, 2, 999_999_999, 3))
        .then()
        .statusCode(422)
        .body(
            "violations.field", equalTo(List.of("values[1].indicatorId", "values[2].indicatorId")));
    // an award form is not an indicator
    create(
            officer,
            body(ward, "MONTH", 2025, 1, EventBuilder.catalogueId("AWARD_FORM", "BANG_KHEN"), 1))
        .then()
        .statusCode(422);
    // hamlets do not report; nor does anyone outside their territory (nothing written)
    create(officer, body(hamlet, "MONTH", 2025, 1, tips, 1))
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("unitId"));
    create(officer, body(other, "MONTH", 2025, 1, tips, 1)).then().statusCode(422);
    Api.as(officer)
        .queryParam("unitId", ward)
        .get("/api/indicator-reports")
        .then()
        .body("totalElements", equalTo(2));
    // an empty draft cannot be submitted
    Response empty = create(officer, body(ward, "MONTH", 2025, 2));
    empty.then().statusCode(201);
    act(officer, empty.jsonPath().getLong("id"), empty.header("ETag"), "SUBMIT", null)
        .then()
        .statusCode(422);
    // a draft can be deleted
    Api.as(officer)
        .header("If-Match", empty.header("ETag"))
        .delete("/api/indicator-reports/" + empty.jsonPath().getLong("id"))
        .then()
        .statusCode(204);
    // another province's officer does not see this ward's figures
    String stranger = Users.signedIn("PROVINCE_OFFICER", other);
    long id =
        Api.as(officer)
            .queryParam("unitId", ward)
            .get("/api/indicator-reports")
            .jsonPath()
            .getLong("content[0].id");
    Api.as(stranger).get("/api/indicator-reports/" + id).then().statusCode(404);
  }

  @Test
  void mergedWardsFiguresCountForTheirSuccessor() {
    long oldProv = province("Tỉnh Chỉ tiêu Cũ").from("2008-01-01").create();
    long newProv = province("Tỉnh Chỉ tiêu Mới").from("2008-01-01").create();
    long oldWard = unit("WARD", "Phường Chỉ tiêu Cũ").under(oldProv).from("2008-01-01").create();
    long tips = indicator("NGUON_TIN");
    String admin = Api.adminToken();
    Response r = create(admin, body(oldWard, "QUARTER", 2024, 2, tips, 41));
    Response s = act(admin, r.jsonPath().getLong("id"), r.header("ETag"), "SUBMIT", null);
    act(admin, r.jsonPath().getLong("id"), s.header("ETag"), "APPROVE", null)
        .then()
        .statusCode(200);
    UnitBuilder.merge(List.of(oldProv), newProv);
    JsonPath report = summary(newProv, "2024-01-01", "2025-12-31");
    assertEquals(41, reported(report, "totals.indicators", tips));
  }

  @Test
  void periodsStraddlingTheRangeAreNamedAsLeftOut() throws java.io.IOException {
    long prov = province("Tỉnh Chỉ tiêu Vắt").from("2008-01-01").create();
    long ward =
        unit("WARD", "Phường").exactName("Phường Vắt Kỳ").under(prov).from("2008-01-01").create();
    long tips = indicator("NGUON_TIN");
    String admin = Api.adminToken();
    // Q3/2013 straddles a report from 1/8/2013; October and November 2013 lie inside one to
    // 30/11/2013; December 2013 straddles one to 15/12/2013
    for (Map<String, Object> b :
        List.of(
            body(ward, "QUARTER", 2013, 3, tips, 7),
            body(ward, "MONTH", 2013, 10, tips, 5),
            body(ward, "MONTH", 2013, 11, tips, 3),
            body(ward, "MONTH", 2013, 12, tips, 2))) {
      Response r = create(admin, b);
      Response s = act(admin, r.jsonPath().getLong("id"), r.header("ETag"), "SUBMIT", null);
      act(admin, r.jsonPath().getLong("id"), s.header("ETag"), "APPROVE", null)
          .then()
          .statusCode(200);
    }
    JsonPath report = summary(prov, "2013-08-01", "2013-11-30");
    assertEquals(8, reported(report, "totals.indicators", tips));
    assertEquals(1, report.getLong("leftOut.total"));
    assertEquals("QUARTER", report.getString("leftOut.periods[0].periodKind"));
    assertEquals(2013, report.getInt("leftOut.periods[0].year"));
    assertEquals(3, report.getInt("leftOut.periods[0].number"));
    assertEquals("2013-07-01", report.getString("leftOut.periods[0].from"));
    assertEquals("2013-09-30", report.getString("leftOut.periods[0].to"));
    assertEquals(ward, report.getLong("leftOut.periods[0].unit.id"));
    List<String> notes = report.getList("notes");
    assertEquals(
        "Số liệu báo cáo định kỳ chỉ tính các kỳ (tháng, quý) đã duyệt nằm trọn trong khoảng thời"
            + " gian từ 01/08/2013 đến 30/11/2013.",
        notes.get(0));
    assertEquals(
        "Không tính 1 kỳ báo cáo vắt qua ngày đầu hoặc ngày cuối của khoảng thời gian: quý III/2013"
            + " của Phường Vắt Kỳ (01/07/2013–30/09/2013).",
        notes.get(1));
    // at the end as well, and both edges at once
    JsonPath both = summary(prov, "2013-08-01", "2013-12-15");
    assertEquals(8, reported(both, "totals.indicators", tips));
    assertEquals(2, both.getLong("leftOut.total"));
    assertEquals("MONTH", both.getString("leftOut.periods[1].periodKind"));
    assertEquals(12, both.getInt("leftOut.periods[1].number"));
    // a range that holds every period leaves nothing out, and says only the rule and the map
    JsonPath whole = summary(prov, "2013-07-01", "2013-12-31");
    assertEquals(17, reported(whole, "totals.indicators", tips));
    assertEquals(0, whole.getLong("leftOut.total"));
    assertEquals(
        List.of(
            "Số liệu báo cáo định kỳ chỉ tính các kỳ (tháng, quý) đã duyệt nằm trọn trong khoảng"
                + " thời gian từ 01/07/2013 đến 31/12/2013.",
            "Số liệu được tính theo địa giới hành chính vào ngày phát sinh; trong khoảng thời gian"
                + " báo cáo địa giới của địa bàn không thay đổi."),
        whole.getList("notes"));
    // the files say it too
    assertTrue(
        docx(prov, "2013-08-01", "2013-11-30").contains("quý III/2013 của Phường Vắt Kỳ"),
        "the DOCX names the period left out");
  }
}
