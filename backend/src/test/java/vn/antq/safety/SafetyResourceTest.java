package vn.antq.safety;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
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
import vn.antq.support.UnitBuilder;
import vn.antq.support.Users;

/**
 * The safety-standard assessment: periods by target kind, every criterion assessed, the result,
 * recognition only when met, no self-assessment, one per unit and year, counts in the summary
 * through lineage; and the exemplary ward police designation.
 */
@QuarkusTest
class SafetyResourceTest {
  static JsonPath checklist(String token, long unitId, int year) {
    return Api.as(token)
        .queryParam("unitId", unitId)
        .queryParam("year", year)
        .get("/api/safety-assessments/checklist")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Every criterion of the checklist, met unless its index is in {@code failed}. */
  static Map<String, Object> body(JsonPath list, long unitId, int year, int... failed) {
    List<Map<String, Object>> criteria = new ArrayList<>();
    List<Integer> ids = list.getList("criteria.id");
    for (int i = 0; i < ids.size(); i++) {
      final int index = i;
      boolean met = java.util.Arrays.stream(failed).noneMatch(f -> f == index);
      criteria.add(Map.of("criterionId", ids.get(i), "met", met, "evidence", "Biên bản số " + i));
    }
    Map<String, Object> b = new HashMap<>();
    b.put("unitId", unitId);
    b.put("year", year);
    b.put("criteria", criteria);
    return b;
  }

  static Response post(String token, Map<String, Object> body) {
    return Api.as(token).contentType(ContentType.JSON).body(body).post("/api/safety-assessments");
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

  @Test
  void periodsCriteriaResultAndRecognition() throws java.io.IOException {
    long prov = province("Tỉnh An toàn A").from("2008-01-01").create();
    long ward = unit("WARD", "Phường An toàn A1").under(prov).from("2008-01-01").create();
    long kdc = unit("HAMLET", "Khóm An toàn A1").under(ward).from("2008-01-01").create();
    long police =
        unit("POLICE", "Công an phường An toàn A1").under(ward).from("2008-01-01").create();
    String wardOfficer = Users.signedIn("COMMUNE_OFFICER", ward);
    String provinceOfficer = Users.signedIn("PROVINCE_OFFICER", prov);

    // residential areas: 1/11 to 31/10; communes and wards: 16/11 to 15/11
    JsonPath k = checklist(wardOfficer, kdc, 2025);
    assertEquals("KDC", k.getString("target.code"));
    assertEquals("2024-11-01", k.getString("periodFrom"));
    assertEquals("2025-10-31", k.getString("periodTo"));
    assertEquals(6, k.getList("criteria").size());
    JsonPath w = checklist(provinceOfficer, ward, 2025);
    assertEquals("XA", w.getString("target.code"));
    assertEquals("2024-11-16", w.getString("periodFrom"));
    assertEquals("2025-11-15", w.getString("periodTo"));
    // a police unit is not assessed; a period that has not started cannot be
    Api.as(wardOfficer)
        .queryParam("unitId", police)
        .queryParam("year", 2025)
        .get("/api/safety-assessments/checklist")
        .then()
        .statusCode(422);
    Api.as(wardOfficer)
        .queryParam("unitId", kdc)
        .queryParam("year", 2099)
        .get("/api/safety-assessments/checklist")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("year"));

    // every criterion must be assessed, once
    Map<String, Object> partial = body(k, kdc, 2025);
    @SuppressWarnings("unchecked")
    List<Object> lines = (List<Object>) partial.get("criteria");
    partial.put("criteria", new ArrayList<>(lines.subList(0, 4)));
    post(wardOfficer, partial)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("criteria"))
        .body("detail", containsString("1 chỗ"));
    Map<String, Object> twice = body(k, kdc, 2025);
    @SuppressWarnings("unchecked")
    List<Object> l2 = new ArrayList<>((List<Object>) twice.get("criteria"));
    l2.add(l2.get(0));
    twice.put("criteria", l2);
    post(wardOfficer, twice)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("criteria[6].criterionId"));
    // a ward's criterion does not apply to a residential area
    Map<String, Object> foreign = body(k, kdc, 2025);
    @SuppressWarnings("unchecked")
    List<Object> l3 = new ArrayList<>((List<Object>) foreign.get("criteria"));
    l3.set(0, Map.of("criterionId", w.getList("criteria.id").get(5), "met", true));
    foreign.put("criteria", l3);
    post(wardOfficer, foreign)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("criteria[0].criterionId"));

    // one criterion not met: not met, and no recognition
    Map<String, Object> failing = body(k, kdc, 2025, 2);
    failing.put("recognisedBy", "Chủ tịch UBND phường An toàn A1");
    failing.put("recognisedOn", "2025-11-20");
    post(wardOfficer, failing)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("recognisedOn"));
    failing.remove("recognisedBy");
    failing.remove("recognisedOn");
    Response created = post(wardOfficer, failing);
    created.then().statusCode(201).body("met", equalTo(false)).body("metCount", equalTo(5));
    long id = created.jsonPath().getLong("id");
    // one assessment per unit and year
    post(wardOfficer, body(k, kdc, 2025)).then().statusCode(409);

    // fixed: all met, recognised by the ward chairman
    Map<String, Object> fixed = body(k, kdc, 2025);
    fixed.put("recognisedBy", "Chủ tịch UBND phường An toàn A1");
    fixed.put("recognisedOn", "2025-11-20");
    fixed.put("decisionNumber", "88/QĐ-UBND");
    Response updated =
        Api.as(wardOfficer)
            .contentType(ContentType.JSON)
            .header("If-Match", created.header("ETag"))
            .body(fixed)
            .put("/api/safety-assessments/" + id);
    updated.then().statusCode(200).body("met", equalTo(true));
    updated.then().body("criteria[0].evidence", equalTo("Biên bản số 0"));
    // stale ETag; unit and year never change
    Api.as(wardOfficer)
        .contentType(ContentType.JSON)
        .header("If-Match", created.header("ETag"))
        .body(fixed)
        .put("/api/safety-assessments/" + id)
        .then()
        .statusCode(412);
    Map<String, Object> moved = body(k, kdc, 2024);
    Api.as(wardOfficer)
        .contentType(ContentType.JSON)
        .header("If-Match", updated.header("ETag"))
        .body(moved)
        .put("/api/safety-assessments/" + id)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("year"));

    // the ward does not assess or recognise itself; the province does
    post(wardOfficer, body(w, ward, 2025)).then().statusCode(403);
    post(provinceOfficer, body(w, ward, 2025)).then().statusCode(201);

    JsonPath report = summary(prov, "2025-01-01", "2025-12-31");
    assertEquals(2, report.getLong("totals.safetyAssessed"));
    assertEquals(2, report.getLong("totals.safetyMet"));
    assertEquals(List.of("KDC", "XA"), report.getList("totals.safetyByTarget.target.code"));
    assertTrue(report.getString("text").contains("2 lượt đơn vị đạt chuẩn"));
    byte[] file = xlsx(prov, "2025-01-01", "2025-12-31");
    assertEquals(2, cell(file, "Tổng hợp", "Lượt đơn vị đạt chuẩn an toàn về ANTT"));
    assertEquals(
        1,
        cell(
            file,
            "Tổng hợp",
            "Đạt chuẩn an toàn về ANTT: Khu dân cư (thôn, ấp, khu phố, tổ dân phố)"));
    String text = docx(prov, "2025-01-01", "2025-12-31");
    assertTrue(text.contains("V. ĐÁNH GIÁ \"AN TOÀN VỀ AN NINH, TRẬT TỰ\""), text);
    assertTrue(text.contains("2 lượt đơn vị đạt chuẩn"), text);
    // the 2025 period of residential areas ends on 31/10/2025: not in a report ending 30/10
    assertEquals(0, summary(prov, "2025-01-01", "2025-10-30").getLong("totals.safetyAssessed"));
    // listed with filters
    Api.as(provinceOfficer)
        .queryParam("unitId", prov)
        .queryParam("met", true)
        .queryParam("year", 2025)
        .get("/api/safety-assessments")
        .then()
        .statusCode(200)
        .body("totalElements", equalTo(2));
    Api.as(provinceOfficer)
        .queryParam("entityType", "SAFETY_ASSESSMENT")
        .queryParam("entityId", id)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("content.action", hasItem("UPDATE"));
  }

  @Test
  void exemplaryWardPoliceAndLineage() {
    long oldProv = province("Tỉnh An toàn Cũ").from("2008-01-01").create();
    long newProv = province("Tỉnh An toàn Mới").from("2008-01-01").create();
    long ward = unit("WARD", "Phường An toàn Cũ").under(oldProv).from("2008-01-01").create();
    long commune = unit("COMMUNE", "Xã An toàn Cũ").under(oldProv).from("2008-01-01").create();
    long police =
        unit("POLICE", "Công an phường An toàn Cũ").under(ward).from("2008-01-01").create();
    long communePolice =
        unit("POLICE", "Công an xã An toàn Cũ").under(commune).from("2008-01-01").create();
    String officer = Users.signedIn("PROVINCE_OFFICER", oldProv);
    String own = Users.signedIn("COMMUNE_OFFICER", police);

    Map<String, Object> b = new HashMap<>();
    b.put("unitId", police);
    b.put("year", 2024);
    b.put("decisionNumber", "1234/QĐ-CAT");
    b.put("decidedOn", "2024-12-20");
    b.put("authority", "Giám đốc Công an tỉnh");
    // only the police of a ward; not by itself; the decision in the year or the next
    Map<String, Object> notWard = new HashMap<>(b);
    notWard.put("unitId", communePolice);
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(notWard)
        .post("/api/exemplary-police")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("unitId"));
    Api.as(own)
        .contentType(ContentType.JSON)
        .body(b)
        .post("/api/exemplary-police")
        .then()
        .statusCode(403);
    Map<String, Object> late = new HashMap<>(b);
    late.put("decidedOn", "2026-01-05");
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(late)
        .post("/api/exemplary-police")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("decidedOn"));
    Response created =
        Api.as(officer).contentType(ContentType.JSON).body(b).post("/api/exemplary-police");
    created.then().statusCode(201).body("ward.name", startsWith("Phường An toàn Cũ"));
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(b)
        .post("/api/exemplary-police")
        .then()
        .statusCode(409);

    // a residential area of the old province assessed before the merger
    long kdc = unit("HAMLET", "Khóm An toàn Cũ").under(ward).from("2008-01-01").create();
    JsonPath k = checklist(officer, kdc, 2024);
    post(officer, body(k, kdc, 2024)).then().statusCode(201);

    UnitBuilder.mergeRequest(List.of(oldProv), newProv).statusCode(200);
    JsonPath report = summary(newProv, "2024-01-01", "2025-12-31");
    assertEquals(1, report.getLong("totals.exemplaryPolice"));
    assertEquals(1, report.getLong("totals.safetyMet"));
    Api.given()
        .queryParam("unitId", newProv)
        .get("/api/exemplary-police")
        .then()
        .statusCode(200)
        .body("totalElements", equalTo(1))
        .body("content[0].unit.name", startsWith("Công an phường An toàn Cũ"));
    // after the merger the old province's officer no longer holds it; the administrator does
    Api.as(officer)
        .header("If-Match", created.header("ETag"))
        .delete("/api/exemplary-police/" + created.jsonPath().getLong("id"))
        .then()
        .statusCode(404);
    Api.given()
        .header("If-Match", created.header("ETag"))
        .delete("/api/exemplary-police/" + created.jsonPath().getLong("id"))
        .then()
        .statusCode(204);
  }
}
