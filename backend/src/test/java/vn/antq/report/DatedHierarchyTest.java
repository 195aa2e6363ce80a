package vn.antq.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.report.ReportResourceTest.award;
import static vn.antq.report.ReportResourceTest.child;
import static vn.antq.report.ReportResourceTest.collective;
import static vn.antq.report.ReportResourceTest.event;
import static vn.antq.report.ReportResourceTest.person;
import static vn.antq.report.ReportResourceTest.summary;
import static vn.antq.support.UnitBuilder.merge;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;
import vn.antq.support.Users;

/**
 * The unit tree is dated (V23): facts count under the units their unit stood under on the fact's
 * day, so a unit retired by the 2025 reform keeps its own past, its successor adds it up through
 * lineage, and a report can be asked under the map of one day. Values counted by hand.
 */
@QuarkusTest
class DatedHierarchyTest {
  static JsonPath summaryAsOf(long unitId, String from, String to, String asOf) {
    return Api.given()
        .queryParam("unitId", unitId)
        .queryParam("from", from)
        .queryParam("to", to)
        .queryParam("asOf", asOf)
        .get("/api/reports/summary")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** An approved month of tips reported by a ward. */
  static void tips(long ward, long province, int year, int month, long value) {
    long tips = EventBuilder.catalogueId("INDICATOR", "TIN_BAO");
    String officer = Users.signedIn("COMMUNE_OFFICER", ward);
    Map<String, Object> body = new HashMap<>();
    body.put("unitId", ward);
    body.put("periodKind", "MONTH");
    body.put("year", year);
    body.put("number", month);
    body.put("values", List.of(Map.of("indicatorId", tips, "value", value)));
    var created =
        Api.as(officer).contentType(ContentType.JSON).body(body).post("/api/indicator-reports");
    created.then().statusCode(201);
    long id = created.jsonPath().getLong("id");
    var submitted = act(officer, id, created.header("ETag"), "SUBMIT");
    act(Users.signedIn("PROVINCE_OFFICER", province), id, submitted.header("ETag"), "APPROVE");
  }

  private static io.restassured.response.Response act(
      String token, long id, String etag, String action) {
    var r =
        Api.as(token)
            .contentType(ContentType.JSON)
            .header("If-Match", etag)
            .body(Map.of("action", action))
            .post("/api/indicator-reports/" + id + "/transitions");
    r.then().statusCode(200);
    return r;
  }

  static long tipsOf(JsonPath r, String path) {
    List<Map<String, Object>> items = r.getList(path + ".indicators");
    return items.stream().mapToLong(m -> ((Number) m.get("count")).longValue()).sum();
  }

  /** Closes a unit on a day through the API, as an abolished district is closed. */
  static void retire(long id, String day) {
    var current = Api.given().get("/api/units/{id}", id).then().statusCode(200).extract();
    JsonPath u = current.jsonPath();
    Map<String, Object> body = new HashMap<>();
    body.put("name", u.getString("name"));
    body.put("kind", u.getString("kind"));
    body.put("parentId", u.get("parentId"));
    body.put("validFrom", u.getString("validFrom"));
    body.put("validTo", day);
    Api.json()
        .header("If-Match", current.header("ETag"))
        .body(body)
        .put("/api/units/{id}", id)
        .then()
        .statusCode(200);
  }

  static long rosterModel(String name, long unitId, long teamUnit, String founded, int members) {
    Map<String, Object> body = ModelBuilder.body(name, unitId);
    body.put("establishedOn", founded);
    long model = ModelBuilder.create(body);
    long team = ModelBuilder.team(model, "Tổ " + name, teamUnit);
    for (int i = 0; i < members; i++) {
      ModelBuilder.member(model, team, "Thành viên " + (i + 1), i == 0 ? "LEADER" : "MEMBER");
    }
    return model;
  }

  @Test
  void aMergedProvinceKeepsItsPastAndItsSuccessorAddsItUp() {
    long bacLieu = province("Tỉnh Bạc Liêu LS").from("2008-01-01").create();
    long caMau = province("Tỉnh Cà Mau LS").from("2008-01-01").create();
    long w1 = unit("WARD", "Phường 1 LS").under(bacLieu).from("2008-01-01").create();
    long h1 = unit("HAMLET", "Khóm 1 LS").under(w1).from("2008-01-01").create();
    long w2 = unit("WARD", "Phường 2 LS").under(bacLieu).from("2008-01-01").create();
    long w3 = unit("WARD", "Phường Tân Thành LS").under(caMau).from("2008-01-01").create();

    event(w1, "TUYEN_TRUYEN", "2015-03-10T08:00:00+07:00", "2015-03-10T10:00:00+07:00", 100, 2, 50);
    event(
        h1, "TUYEN_TRUYEN", "2020-06-15T19:00:00+07:00", "2020-06-15T21:00:00+07:00", 40, 1, null);
    event(
        w3, "TUYEN_TRUYEN", "2019-08-19T07:00:00+07:00", "2019-08-19T11:00:00+07:00", 300, 1, null);
    event(bacLieu, "SO_KET", "2023-05-20T08:00:00+07:00", "2023-05-20T11:00:00+07:00", 80, 1, null);
    rosterModel("Tổ tự quản LS 1", w1, h1, "2014-06-01", 3);
    rosterModel("Tổ tự quản LS 2", w2, w2, "2016-01-10", 2);
    ModelBuilder.model("Tổ tự quản LS 3", w3);
    award(
        "CT_UBND_TINH",
        "BANG_KHEN",
        "2023-05-25",
        bacLieu,
        List.of(collective(w1), person("Lê Văn Ba LS", h1), person("Võ Văn Năm LS", w2)));
    tips(w1, bacLieu, 2022, 3, 40);
    tips(w2, bacLieu, 2022, 3, 7);

    // 1/7/2025: wards 1 and 2 become Phường Mới (the hamlet moves with them), Bạc Liêu joins Cà Mau
    long wNew = unit("WARD", "Phường Mới LS").under(caMau).from("2025-07-01").create();
    merge(List.of(w1, w2), wNew);
    merge(List.of(bacLieu), caMau);
    // after the merger the hamlet records under its new ward
    event(
        h1, "TUYEN_TRUYEN", "2026-03-02T08:00:00+07:00", "2026-03-02T10:00:00+07:00", 25, 1, null);

    // Bạc Liêu over its own life: everything it had, by its own wards, as it stood
    JsonPath life = summary(bacLieu, "2013-01-01", "2025-06-30");
    assertThat(life.getLong("totals.events")).isEqualTo(3);
    assertThat(life.getLong("totals.attendance")).isEqualTo(220);
    assertThat(life.getLong("totals.models")).isEqualTo(2);
    assertThat(life.getLong("totals.teams")).isEqualTo(2);
    assertThat(life.getLong("totals.members")).isEqualTo(5);
    assertThat(life.getLong("totals.awardedCollectives")).isEqualTo(1);
    assertThat(life.getLong("totals.awardedIndividuals")).isEqualTo(2);
    assertThat(tipsOf(life, "totals")).isEqualTo(47);
    assertThat(life.getList("children.unit.id", Long.class)).containsExactlyInAnyOrder(w1, w2);
    assertThat(child(life, w1))
        .containsEntry("events", 2)
        .containsEntry("models", 1)
        .containsEntry("teams", 1)
        .containsEntry("members", 3)
        .containsEntry("awardedIndividuals", 1);
    assertThat(child(life, w2))
        .containsEntry("events", 0)
        .containsEntry("models", 1)
        .containsEntry("members", 2)
        .containsEntry("awardedIndividuals", 1);
    assertThat(life.getLong("direct.events")).isEqualTo(1);
    assertThat(life.getList("mapChanges")).isEmpty();
    assertThat(life.getList("notes", String.class))
        .anyMatch(n -> n.contains("địa giới của địa bàn không thay đổi"));

    // past its end the hamlet's new events are Cà Mau's, not Bạc Liêu's
    JsonPath beyond = summary(bacLieu, "2013-01-01", "2026-06-30");
    assertThat(beyond.getLong("totals.events")).isEqualTo(3);
    assertThat(beyond.getList("mapChanges", String.class)).containsExactly("2025-07-01");
    assertThat(beyond.getList("children.unit.id", Long.class)).containsExactlyInAnyOrder(w1, w2);

    // the successor adds up both provinces' past and its own present, by today's wards
    JsonPath now = summary(caMau, "2013-01-01", "2026-06-30");
    assertThat(now.getLong("totals.events")).isEqualTo(5);
    assertThat(now.getLong("totals.models")).isEqualTo(3);
    assertThat(now.getLong("totals.members")).isEqualTo(5);
    assertThat(tipsOf(now, "totals")).isEqualTo(47);
    assertThat(now.getList("mapChanges", String.class)).containsExactly("2025-07-01");
    assertThat(now.getList("children.unit.id", Long.class)).containsExactlyInAnyOrder(w3, wNew);
    assertThat(child(now, wNew))
        .containsEntry("events", 3)
        .containsEntry("models", 2)
        .containsEntry("members", 5)
        .containsEntry("awardedIndividuals", 2);
    assertThat(tipsOf(now, "children.find { it.unit.id == " + wNew + " }.figures")).isEqualTo(47);
    assertThat(child(now, w3)).containsEntry("events", 1).containsEntry("models", 1);
    assertThat(now.getLong("direct.events")).isEqualTo(1);
    assertThat(now.getList("notes", String.class))
        .anyMatch(n -> n.startsWith("Địa giới của địa bàn thay đổi ngày 01/07/2025"));
    assertThat(now.getString("asOf")).isNull();
    // the new ward reaches back through its predecessors
    assertThat(summary(wNew, "2013-01-01", "2026-06-30").getLong("totals.events")).isEqualTo(3);

    // as the map was on 30/6/2025: the old wards are the rows, the hamlet's 2026 event is ward 1's
    JsonPath old = summaryAsOf(caMau, "2013-01-01", "2026-06-30", "2025-06-30");
    assertThat(old.getString("asOf")).isEqualTo("2025-06-30");
    assertThat(old.getList("children.unit.id", Long.class)).containsExactlyInAnyOrder(w1, w2, w3);
    assertThat(old.getLong("totals.events")).isEqualTo(5);
    assertThat(child(old, w1)).containsEntry("events", 3).containsEntry("members", 3);
    assertThat(child(old, w2)).containsEntry("members", 2);
    assertThat(old.getList("notes", String.class))
        .anyMatch(n -> n.contains("theo địa giới hành chính ngày 30/06/2025"));
    // and Bạc Liêu under that map has the hamlet's later event too
    assertThat(
            summaryAsOf(bacLieu, "2013-01-01", "2026-06-30", "2025-06-30").getLong("totals.events"))
        .isEqualTo(4);

    // a map of a day to come is refused
    Api.given()
        .queryParam("unitId", caMau)
        .queryParam("from", "2013-01-01")
        .queryParam("to", "2026-06-30")
        .queryParam("asOf", "2099-01-01")
        .get("/api/reports/summary")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void anAbolishedDistrictKeepsItsPastWhenItsWardsMergeIntoOne() {
    long ngheAn = province("Tỉnh Nghệ An LS").from("2008-01-01").create();
    long town = unit("DISTRICT", "Thị xã Cửa Lò LS").under(ngheAn).from("2008-01-01").create();
    long a = unit("WARD", "Phường Nghi Thủy LS").under(town).from("2008-01-01").create();
    long b = unit("WARD", "Phường Thu Thủy LS").under(town).from("2008-01-01").create();
    long ka = unit("HAMLET", "Khối 1").under(a).from("2008-01-01").exactName("Khối 1").create();
    long kb = unit("HAMLET", "Khối 1").under(b).from("2008-01-01").exactName("Khối 1").create();

    event(a, "TUYEN_TRUYEN", "2015-04-01T08:00:00+07:00", "2015-04-01T10:00:00+07:00", 60, 1, null);
    event(
        ka, "TUYEN_TRUYEN", "2020-09-01T19:00:00+07:00", "2020-09-01T21:00:00+07:00", 30, 1, null);
    event(town, "SO_KET", "2022-12-20T08:00:00+07:00", "2022-12-20T11:00:00+07:00", 90, 1, null);
    rosterModel("Tổ tự quản Khối 1 LS", b, kb, "2018-02-01", 4);
    award(
        "CT_UBND_TINH",
        "BANG_KHEN",
        "2019-11-11",
        town,
        List.of(collective(a), person("Hồ Thị Lan LS", kb)));

    // 1/7/2025: the two wards become Phường Cửa Lò under the province; the town is abolished
    long cuaLo = unit("WARD", "Phường Cửa Lò LS").under(ngheAn).from("2025-07-01").create();
    merge(List.of(a, b), cuaLo);
    retire(town, "2025-07-01");
    event(
        ka, "TUYEN_TRUYEN", "2026-02-10T08:00:00+07:00", "2026-02-10T10:00:00+07:00", 20, 1, null);

    // the town over 2013–2023 is what it had then (before: only its own conference counted)
    JsonPath townPast = summary(town, "2013-01-01", "2023-12-31");
    assertThat(townPast.getLong("totals.events")).isEqualTo(3);
    assertThat(townPast.getLong("totals.models")).isEqualTo(1);
    assertThat(townPast.getLong("totals.teams")).isEqualTo(1);
    assertThat(townPast.getLong("totals.members")).isEqualTo(4);
    assertThat(townPast.getLong("totals.awardedCollectives")).isEqualTo(1);
    assertThat(townPast.getLong("totals.awardedIndividuals")).isEqualTo(1);
    assertThat(townPast.getList("children.unit.id", Long.class)).containsExactlyInAnyOrder(a, b);
    assertThat(child(townPast, a))
        .containsEntry("events", 2)
        .containsEntry("awardedCollectives", 1);
    assertThat(child(townPast, b))
        .containsEntry("members", 4)
        .containsEntry("awardedIndividuals", 1);
    // over its whole life and beyond: the hamlet's 2026 event is Phường Cửa Lò's
    assertThat(summary(town, "2013-01-01", "2026-06-30").getLong("totals.events")).isEqualTo(3);

    // the province today: Phường Cửa Lò holds its predecessors' past and its hamlets' present
    JsonPath province = summary(ngheAn, "2013-01-01", "2026-06-30");
    assertThat(province.getLong("totals.events")).isEqualTo(4);
    assertThat(province.getList("children.unit.id", Long.class)).containsExactly(cuaLo);
    assertThat(child(province, cuaLo))
        .containsEntry("events", 3)
        .containsEntry("models", 1)
        .containsEntry("members", 4)
        .containsEntry("awardedCollectives", 1);
    assertThat(province.getLong("direct.events")).isEqualTo(1); // the town's own conference

    // the province under the old map: the town is the row, and holds everything
    JsonPath asTown = summaryAsOf(ngheAn, "2013-01-01", "2026-06-30", "2024-12-31");
    assertThat(asTown.getList("children.unit.id", Long.class)).containsExactly(town);
    assertThat(child(asTown, town))
        .containsEntry("events", 4)
        .containsEntry("models", 1)
        .containsEntry("members", 4)
        .containsEntry("awardedIndividuals", 1);
  }

  static void recognise(long model, String level, String day) {
    String etag = Api.given().get("/api/models/{id}", model).then().extract().header("ETag");
    Api.json()
        .header("If-Match", etag)
        .body(Map.of("level", level, "decisionNumber", "12/QĐ-UBND", "decisionDate", day))
        .post("/api/models/{id}/recognitions", model)
        .then()
        .statusCode(org.hamcrest.Matchers.lessThan(300));
  }

  static Map<String, Integer> counts(JsonPath r, String list, String key) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    for (Map<String, Object> e : r.<Map<String, Object>>getList("totals." + list)) {
      Object k = e.get(key) instanceof Map<?, ?> item ? item.get("code") : e.get(key);
      out.put(String.valueOf(k), ((Number) e.get("count")).intValue());
    }
    return out;
  }

  @Test
  void modelsCountAsTheyStoodAtTheEndOfThePeriod() {
    long p = province("Tỉnh Như Lúc Đó").from("2008-01-01").create();
    long c = unit("COMMUNE", "Xã Như Lúc Đó").under(p).from("2008-01-01").create();
    Map<String, Object> b1 = ModelBuilder.body("Tổ tự quản thanh loại", c);
    b1.put("establishedOn", "2018-01-01");
    long retired = ModelBuilder.create(b1);
    Map<String, Object> b2 = ModelBuilder.body("CLB hoạt động", c);
    b2.put("typeId", ModelBuilder.typeId("CLB_3_TICH_CUC"));
    b2.put("establishedOn", "2019-01-01");
    long club = ModelBuilder.create(b2);
    Map<String, Object> b3 = ModelBuilder.body("Tổ tự quản điển hình", c);
    b3.put("establishedOn", "2019-05-01");
    long exemplary = ModelBuilder.create(b3);
    ReportResourceTest.transition(
        retired, "RETIRED", "2022-06-01", Map.of("reason", "Không còn hoạt động"));
    ReportResourceTest.transition(club, "ACTIVE", "2020-06-01", Map.of());
    ReportResourceTest.transition(club, "REVIEWED", "2023-01-01", Map.of());
    recognise(exemplary, "PROVINCE", "2023-03-01");
    String clubType = "CLB_3_TICH_CUC";

    // the province reads its kept stocks, the commune its registry: both say the same
    for (long unit : List.of(p, c)) {
      JsonPath y2021 = summary(unit, "2019-01-01", "2021-12-31");
      assertThat(y2021.getLong("totals.models")).isEqualTo(3);
      assertThat(y2021.getLong("totals.modelsInForce")).isEqualTo(3);
      assertThat(counts(y2021, "modelsByStatus", "status"))
          .isEqualTo(Map.of("ACTIVE", 1, "REGISTERED", 2));
      assertThat(counts(y2021, "modelsByRecognition", "level")).isEmpty();

      JsonPath y2022 = summary(unit, "2019-01-01", "2022-12-31");
      assertThat(y2022.getLong("totals.models")).isEqualTo(3);
      assertThat(y2022.getLong("totals.modelsInForce")).isEqualTo(2);
      assertThat(counts(y2022, "modelsByStatus", "status"))
          .isEqualTo(Map.of("ACTIVE", 1, "REGISTERED", 1, "RETIRED", 1));
      assertThat(counts(y2022, "modelsByType", "item"))
          .as("by type, the models in force only")
          .containsEntry(clubType, 1)
          .hasSize(2);
      assertThat(y2022.getString("text"))
          .contains("có 3 mô hình tự phòng, tự quản (còn hiệu lực: 2 mô hình, thuộc 2 loại");

      JsonPath y2023 = summary(unit, "2019-01-01", "2023-12-31");
      assertThat(counts(y2023, "modelsByStatus", "status"))
          .isEqualTo(Map.of("REGISTERED", 1, "RETIRED", 1, "REVIEWED", 1));
      assertThat(counts(y2023, "modelsByRecognition", "level")).isEqualTo(Map.of("PROVINCE", 1));
      assertThat(counts(y2023, "modelsByType", "item").values().stream().mapToInt(i -> i).sum())
          .isEqualTo(2);
    }
  }
}
