package vn.antq.indicator;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.antq.indicator.IndicatorResourceTest.act;
import static vn.antq.indicator.IndicatorResourceTest.body;
import static vn.antq.indicator.IndicatorResourceTest.create;
import static vn.antq.indicator.IndicatorResourceTest.indicator;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.common.time.VietnamTime;
import vn.antq.support.Api;
import vn.antq.support.Sql;
import vn.antq.support.UnitBuilder;
import vn.antq.support.Users;

/**
 * Who has reported: the communes expected in each period (across a merger), on time or late by the
 * first sending against the deadline in Vietnam time, the rates per commune and in total, and the
 * deadlines a province may tighten but not loosen.
 */
@QuarkusTest
class ReportingCompletenessTest {
  @Inject EntityManager em;

  /** A month's figures of a commune written and sent by its officer; its id. */
  long sent(String officer, long commune, int year, int month) {
    Response r = create(officer, body(commune, "MONTH", year, month, indicator("TIN_BAO"), 2));
    r.then().statusCode(201);
    act(officer, r.jsonPath().getLong("id"), r.header("ETag"), "SUBMIT", null)
        .then()
        .statusCode(200);
    return r.jsonPath().getLong("id");
  }

  void firstSentAt(long report, String vietnamTime) {
    Sql.execute(
        em,
        "UPDATE indicator_report SET first_submitted_at = ?1 WHERE id = ?2",
        OffsetDateTime.parse(vietnamTime + "+07:00"),
        report);
  }

  static JsonPath completeness(long unit, String from, String to) {
    return Api.given()
        .queryParam("unitId", unit)
        .queryParam("from", from)
        .queryParam("to", to)
        .get("/api/reporting/completeness")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void communesAcrossAMergerOnTimeByMidnightInVietnamAndTheRates() {
    long prov = province("Tỉnh Hạn Báo Cáo").from("2020-01-01").create();
    long a = unit("COMMUNE", "Xã An Hạn").under(prov).from("2020-01-01").create();
    long b = unit("COMMUNE", "Xã Bình Hạn").under(prov).from("2020-01-01").create();
    long c = unit("COMMUNE", "Xã Cường Hạn").under(prov).from("2020-01-01").create();
    String officerA = Users.signedIn("COMMUNE_OFFICER", a);
    String officerB = Users.signedIn("COMMUNE_OFFICER", b);
    String officerC = Users.signedIn("COMMUNE_OFFICER", c);
    String provinceOfficer = Users.signedIn("PROVINCE_OFFICER", prov);

    // June 2025 (due by the end of 5 July, Vietnam time): A one second before midnight, B one
    // second after, C nothing
    firstSentAt(sent(officerA, a, 2025, 6), "2025-07-05T23:59:59");
    firstSentAt(sent(officerB, b, 2025, 6), "2025-07-06T00:00:01");
    // July: A sent before it was merged into B on 1 July (B's July counts it), C approved
    long aJuly = sent(officerA, a, 2025, 7);
    long cJuly = sent(officerC, c, 2025, 7);
    Api.given().get("/api/indicator-reports/{id}", cJuly).then().statusCode(200);
    act(
            provinceOfficer,
            cJuly,
            Api.given().get("/api/indicator-reports/{id}", cJuly).header("ETag"),
            "APPROVE",
            null)
        .then()
        .statusCode(200);
    UnitBuilder.merge(List.of(a), b);

    JsonPath r = completeness(prov, "2025-06-01", "2025-07-31");
    // the periods: June expects A, B and C; July only B and C (A is gone)
    assertPeriod(r, 0, "Tháng 6/2025", "2025-07-05", 3, 2, 1, 0);
    assertPeriod(r, 1, "Tháng 7/2025", "2025-08-05", 2, 2, 0, 1);
    org.hamcrest.MatcherAssert.assertThat(
        r.getList("periods[0].missing.unit.id"), contains((int) c));
    org.hamcrest.MatcherAssert.assertThat(r.getList("periods[1].missing"), equalTo(List.of()));
    // totals over both (due) periods: 5 expected, 4 sent, 1 on time, 1 approved
    assertCounts(r, "total", 5, 4, 1, 1);
    org.junit.jupiter.api.Assertions.assertEquals(0.8, r.getDouble("total.submittedRate"));
    org.junit.jupiter.api.Assertions.assertEquals(0.2, r.getDouble("total.onTimeRate"));

    // one row per commune, by name: A, B, C
    org.hamcrest.MatcherAssert.assertThat(
        r.getList("rows.unit.id"), contains((int) a, (int) b, (int) c));
    org.hamcrest.MatcherAssert.assertThat(
        r.getList("rows[0].cells.state"), contains("SUBMITTED", "NOT_EXPECTED"));
    org.hamcrest.MatcherAssert.assertThat(r.getList("rows[0].cells.onTime"), contains(true, null));
    org.hamcrest.MatcherAssert.assertThat(
        r.getList("rows[1].cells.state"), contains("SUBMITTED", "SUBMITTED"));
    org.hamcrest.MatcherAssert.assertThat(
        r.getList("rows[1].cells.onTime"), contains(false, false));
    org.junit.jupiter.api.Assertions.assertEquals(aJuly, r.getLong("rows[1].cells[1].reportId"));
    org.hamcrest.MatcherAssert.assertThat(
        r.getList("rows[2].cells.state"), contains("NOT_STARTED", "APPROVED"));
    assertCounts(r, "rows[2].counts", 2, 1, 0, 1);
    org.junit.jupiter.api.Assertions.assertEquals(0.5, r.getDouble("rows[2].counts.approvedRate"));

    // B's own view holds the commune merged into it; B's officer cannot see the province's
    JsonPath own =
        Api.as(officerB)
            .queryParam("unitId", b)
            .queryParam("from", "2025-06-01")
            .queryParam("to", "2025-07-31")
            .get("/api/reporting/completeness")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    org.hamcrest.MatcherAssert.assertThat(own.getList("rows.unit.id"), contains((int) a, (int) b));
    Api.as(officerB)
        .queryParam("unitId", prov)
        .queryParam("from", "2025-06-01")
        .queryParam("to", "2025-07-31")
        .get("/api/reporting/completeness")
        .then()
        .statusCode(404);
  }

  @Test
  void theSummaryReportsLineAndItsFiles() throws Exception {
    long prov = province("Tỉnh Dòng Báo Cáo").from("2020-01-01").create();
    long a = unit("COMMUNE", "Xã An Dòng").under(prov).from("2020-01-01").create();
    long b = unit("COMMUNE", "Xã Bình Dòng").under(prov).from("2020-01-01").create();
    String officerA = Users.signedIn("COMMUNE_OFFICER", a);
    String officerB = Users.signedIn("COMMUNE_OFFICER", b);
    String provinceOfficer = Users.signedIn("PROVINCE_OFFICER", prov);
    // June 2025: A on time, B a day late; July: B on time and approved, A nothing
    firstSentAt(sent(officerA, a, 2025, 6), "2025-07-05T23:59:59");
    firstSentAt(sent(officerB, b, 2025, 6), "2025-07-06T00:00:01");
    long bJuly = sent(officerB, b, 2025, 7);
    firstSentAt(bJuly, "2025-08-01T09:00:00");
    act(
            provinceOfficer,
            bJuly,
            Api.given().get("/api/indicator-reports/{id}", bJuly).header("ETag"),
            "APPROVE",
            null)
        .then()
        .statusCode(200);

    // the report's range January–July: seven due months, two communes each
    JsonPath line = line(provinceOfficer, prov, "2025-01-01", "2025-07-31");
    org.junit.jupiter.api.Assertions.assertEquals("Tháng 7/2025", line.getString("periodLabel"));
    org.junit.jupiter.api.Assertions.assertEquals("2025-08-05", line.getString("deadline"));
    assertCounts(line, "last", 2, 1, 1, 1);
    org.junit.jupiter.api.Assertions.assertEquals(7, line.getInt("months"));
    assertCounts(line, "overall", 14, 3, 2, 1);
    String text =
        "Tháng 7/2025: 1/2 xã, phường báo cáo đúng hạn (1 đã gửi, 1 đã được duyệt);"
            + " 7 tháng gần nhất: 2/14 lượt đúng hạn.";
    org.junit.jupiter.api.Assertions.assertEquals(text, line.getString("text"));
    // one month: no second half; more than twelve: the last twelve only
    org.junit.jupiter.api.Assertions.assertEquals(
        "Tháng 6/2025: 1/2 xã, phường báo cáo đúng hạn (2 đã gửi, 0 đã được duyệt).",
        line(provinceOfficer, prov, "2025-06-01", "2025-06-30").getString("text"));
    org.junit.jupiter.api.Assertions.assertEquals(
        12, line(provinceOfficer, prov, "2021-01-01", "2025-07-31").getInt("months"));
    // nothing due yet in the range: no line
    String today = VietnamTime.today().toString();
    Api.as(provinceOfficer)
        .queryParam("unitId", prov)
        .queryParam("from", today)
        .queryParam("to", today)
        .get("/api/reporting/summary-line")
        .then()
        .statusCode(204);

    // the files carry it: four figures and the sentence in the workbook, the sentence in the DOCX
    byte[] xlsx = file(provinceOfficer, prov, "/api/reports/summary.xlsx");
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      Map<String, Object> cells = new java.util.HashMap<>();
      for (var row : wb.getSheetAt(0)) {
        var label = row.getCell(0);
        var value = row.getCell(1);
        if (label != null) {
          cells.put(
              label.getStringCellValue(),
              value == null || value.getCellType() != org.apache.poi.ss.usermodel.CellType.NUMERIC
                  ? ""
                  : value.getNumericCellValue());
        }
      }
      org.junit.jupiter.api.Assertions.assertEquals(
          2.0, cells.get("Gửi số liệu Tháng 7/2025: xã, phường phải báo cáo"));
      org.junit.jupiter.api.Assertions.assertEquals(
          1.0, cells.get("Gửi số liệu Tháng 7/2025: xã, phường gửi đúng hạn"));
      org.junit.jupiter.api.Assertions.assertTrue(
          cells.containsKey("Tình hình gửi số liệu: " + text), cells.keySet().toString());
    }
    byte[] docx = file(provinceOfficer, prov, "/api/reports/summary.docx");
    try (var doc =
        new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
      org.hamcrest.MatcherAssert.assertThat(
          doc.getParagraphs().stream().map(p -> p.getText()).toList(),
          org.hamcrest.Matchers.hasItem("Tình hình gửi số liệu báo cáo: " + text));
    }
  }

  static JsonPath line(String token, long unit, String from, String to) {
    return Api.as(token)
        .queryParam("unitId", unit)
        .queryParam("from", from)
        .queryParam("to", to)
        .get("/api/reporting/summary-line")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static byte[] file(String token, long unit, String path) {
    return Api.as(token)
        .queryParam("unitId", unit)
        .queryParam("from", "2025-01-01")
        .queryParam("to", "2025-07-31")
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .asByteArray();
  }

  static void assertPeriod(
      JsonPath r,
      int i,
      String label,
      String deadline,
      int expected,
      int submitted,
      int onTime,
      int approved) {
    org.junit.jupiter.api.Assertions.assertEquals(
        label, r.getString("periods[" + i + "].periodLabel"));
    org.junit.jupiter.api.Assertions.assertEquals(
        deadline, r.getString("periods[" + i + "].deadline"));
    org.junit.jupiter.api.Assertions.assertTrue(r.getBoolean("periods[" + i + "].due"));
    assertCounts(r, "periods[" + i + "].counts", expected, submitted, onTime, approved);
  }

  static void assertCounts(
      JsonPath r, String at, int expected, int submitted, int onTime, int approved) {
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(expected, submitted, onTime, approved),
        List.of(
            r.getInt(at + ".expected"),
            r.getInt(at + ".submitted"),
            r.getInt(at + ".onTime"),
            r.getInt(at + ".approved")),
        at);
  }

  @Test
  void theCurrentPeriodIsNotDueAndRangesAreChecked() {
    long prov = province("Tỉnh Kỳ Này").from("2020-01-01").create();
    unit("COMMUNE", "Xã Kỳ Này").under(prov).from("2020-01-01").create();
    String today = VietnamTime.today().toString();
    JsonPath r = completeness(prov, today, today);
    org.junit.jupiter.api.Assertions.assertFalse(r.getBoolean("periods[0].due"));
    org.junit.jupiter.api.Assertions.assertEquals(1, r.getInt("periods[0].counts.expected"));
    org.junit.jupiter.api.Assertions.assertNull(r.get("periods[0].counts.submittedRate"));
    assertCounts(r, "total", 0, 0, 0, 0);
    Api.given()
        .queryParam("unitId", prov)
        .queryParam("from", "2020-01-01")
        .queryParam("to", "2025-12-31")
        .get("/api/reporting/completeness")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("from"));
    Api.given()
        .queryParam("unitId", prov)
        .queryParam("from", "2025-02-01")
        .queryParam("to", "2025-01-01")
        .get("/api/reporting/completeness")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("to"));
    Api.given()
        .queryParam("unitId", prov)
        .queryParam("from", "2025-02-01")
        .get("/api/reporting/completeness")
        .then()
        .statusCode(400);
  }

  /** A province's monthly rule from 1 January 2026, as {@code token}. */
  static io.restassured.response.ValidatableResponse setRule(String token, long prov, int days) {
    return Api.as(token)
        .contentType("application/json")
        .body(
            Map.of(
                "periodKind",
                "MONTH",
                "provinceId",
                prov,
                "daysAfter",
                days,
                "validFrom",
                "2026-01-01"))
        .post("/api/reporting/deadlines")
        .then();
  }

  @Test
  void aProvinceTightensItsDeadlinesButCannotLoosenThem() {
    long prov = province("Tỉnh Hạn Riêng").from("2020-01-01").create();
    long commune = unit("COMMUNE", "Xã Hạn Riêng").under(prov).from("2020-01-01").create();
    String provinceOfficer = Users.signedIn("PROVINCE_OFFICER", prov);
    String communeOfficer = Users.signedIn("COMMUNE_OFFICER", commune);
    Map<String, Object> rule =
        Map.of(
            "periodKind", "MONTH", "provinceId", prov, "daysAfter", 3, "validFrom", "2025-01-01");
    Api.as(provinceOfficer)
        .contentType("application/json")
        .body(rule)
        .post("/api/reporting/deadlines")
        .then()
        .statusCode(201)
        .body("province.id", equalTo((int) prov))
        .body("daysAfter", equalTo(3))
        .body("validTo", nullValue());
    Api.as(provinceOfficer)
        .contentType("application/json")
        .body(rule)
        .post("/api/reporting/deadlines")
        .then()
        .statusCode(409);
    setRule(provinceOfficer, prov, 8)
        .statusCode(422)
        .body("violations[0].field", equalTo("daysAfter"))
        .body("detail", containsString("không được muộn hơn hạn toàn quốc"));
    Api.as(provinceOfficer)
        .contentType("application/json")
        .body(Map.of("periodKind", "MONTH", "daysAfter", 4, "validFrom", "2026-01-01"))
        .post("/api/reporting/deadlines")
        .then()
        .statusCode(403);
    setRule(communeOfficer, prov, 2).statusCode(403);

    // the commune's officer reads its province's rules: national defaults first, then its own
    Api.as(communeOfficer)
        .get("/api/reporting/deadlines")
        .then()
        .statusCode(200)
        .body("findAll { it.province == null && it.periodKind == 'MONTH' }.daysAfter", contains(5))
        .body("findAll { it.province != null }.daysAfter", contains(3));
    // and its periods are due 3 days after their end
    JsonPath r = completeness(commune, "2025-03-01", "2025-03-31");
    org.junit.jupiter.api.Assertions.assertEquals("2025-04-03", r.getString("periods[0].deadline"));
    // before the province's rule: the national one
    r = completeness(commune, "2024-12-01", "2024-12-31");
    org.junit.jupiter.api.Assertions.assertEquals("2025-01-05", r.getString("periods[0].deadline"));
  }
}
