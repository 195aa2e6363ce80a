package vn.antq.report;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;
import vn.antq.support.UnitBuilder;
import vn.antq.support.Users;

/**
 * The summary report against hand-counted values: a Bạc Liêu-like province merged into a Cà Mau-
 * like one, facts recorded before and after, at every level, across month edges in Vietnam time.
 */
@QuarkusTest
class ReportResourceTest {
  static long cat(String catalogue, String code) {
    return EventBuilder.catalogueId(catalogue, code);
  }

  static long event(
      long unitId,
      String type,
      String startsAt,
      String endsAt,
      int attendance,
      int sessions,
      Integer leaflets) {
    Map<String, Object> body = EventBuilder.body("Sự kiện " + type + " " + startsAt, unitId);
    body.put("typeId", cat("EVENT_TYPE", type));
    body.put("startsAt", startsAt);
    body.put("endsAt", endsAt);
    body.put("attendance", attendance);
    body.put("sessions", sessions);
    if (leaflets != null) {
      body.put(
          "materials",
          List.of(Map.of("materialTypeId", cat("MATERIAL_TYPE", "TO_ROI"), "quantity", leaflets)));
    }
    return Api.json()
        .body(body)
        .post("/api/events")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static void award(
      String authority, String form, String day, long unitId, List<Map<String, Object>> who) {
    Map<String, Object> body = new HashMap<>();
    body.put("number", UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND");
    body.put("decidedOn", day);
    body.put("authorityId", cat("AWARD_AUTHORITY", authority));
    body.put("unitId", unitId);
    body.put("formId", cat("AWARD_FORM", form));
    body.put("typeId", cat("AWARD_TYPE", "CHUYEN_DE"));
    body.put("recipients", who);
    Api.json().body(body).post("/api/awards").then().statusCode(201);
  }

  static Map<String, Object> collective(long unitId) {
    return Map.of("kind", "COLLECTIVE", "unitId", unitId);
  }

  static Map<String, Object> person(String name, long unitId) {
    return Map.of("kind", "INDIVIDUAL", "fullName", name, "unitId", unitId);
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
  void bacLieuMergedIntoCaMauAddsUpByChildAndOverTime() {
    long bacLieu = province("Tỉnh Bạc Liêu BC").from("2008-01-01").create();
    long caMau = province("Tỉnh Cà Mau BC").from("2008-01-01").create();
    long w1 = unit("WARD", "Phường 1 BC").under(bacLieu).from("2008-01-01").create();
    long h1 = unit("HAMLET", "Khóm 1 BC").under(w1).from("2008-01-01").create();
    long w2 = unit("WARD", "Phường 2 BC").under(bacLieu).from("2008-01-01").create();
    long w3 = unit("WARD", "Phường Tân Xuyên BC").under(caMau).from("2008-01-01").create();

    event(
        w1, "TUYEN_TRUYEN", "2015-03-10T08:00:00+07:00", "2015-03-10T10:00:00+07:00", 100, 2, 500);
    event(
        h1, "TUYEN_TRUYEN", "2020-06-15T19:00:00+07:00", "2020-06-15T21:00:00+07:00", 50, 1, null);
    event(
        w3, "NGAY_HOI_19_8", "2019-08-19T07:00:00+07:00", "2019-08-19T11:00:00+07:00", 300, 1, 200);
    // 23:30 on 31/12/2024 in Vietnam is still 2024 there (16:30 UTC)
    long late =
        event(
            w2,
            "TUYEN_TRUYEN",
            "2024-12-31T23:30:00+07:00",
            "2025-01-01T00:30:00+07:00",
            10,
            1,
            null);
    event(bacLieu, "SO_KET", "2023-08-01T08:00:00+07:00", "2023-08-01T11:00:00+07:00", 80, 1, null);

    long m1 = ModelBuilder.model("Tổ tự quản BC 1", w1);
    long team = ModelBuilder.team(m1, "Tổ 1", h1);
    ModelBuilder.member(m1, team, "Nguyễn Văn Một", "LEADER");
    ModelBuilder.member(m1, team, "Trần Thị Hai", "MEMBER");
    ModelBuilder.model("Tổ tự quản BC 2", w3);

    award(
        "CT_UBND_TINH",
        "BANG_KHEN",
        "2023-08-10",
        bacLieu,
        List.of(
            collective(w1),
            collective(w2),
            person("Lê Văn Ba", h1),
            person("Phạm Thị Bốn", w1),
            person("Võ Văn Năm", w2)));
    award(
        "CT_UBND_XA",
        "GIAY_KHEN",
        "2021-05-05",
        w3,
        List.of(collective(w3), person("Đặng Văn Sáu", w3)));

    // 1/7/2025: wards 1 and 2 become Phường Mới (with the hamlet), Bạc Liêu joins Cà Mau
    long wNew = unit("WARD", "Phường Mới BC").under(caMau).from("2025-07-01").create();
    UnitBuilder.merge(List.of(w1, w2), wNew);
    UnitBuilder.merge(List.of(bacLieu), caMau);

    JsonPath r = summary(caMau, "2013-01-01", "2026-06-30");
    // totals: every fact of both provinces, counted once
    org.assertj.core.api.Assertions.assertThat(r.getString("groupBy")).isEqualTo("YEAR");
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.events")).isEqualTo(5);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.sessions")).isEqualTo(6);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.attendance")).isEqualTo(540);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.materials[0].count"))
        .isEqualTo(700);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.models")).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.modelsRegistered")).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.teams")).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.members")).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.awardDecisions")).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.awardedCollectives")).isEqualTo(3);
    org.assertj.core.api.Assertions.assertThat(r.getLong("totals.awardedIndividuals")).isEqualTo(4);
    org.assertj.core.api.Assertions.assertThat(r.getList("totals.eventsByType.type.code"))
        .containsExactly("TUYEN_TRUYEN", "SO_KET", "NGAY_HOI_19_8");
    org.assertj.core.api.Assertions.assertThat(r.getList("totals.modelsByStatus.status"))
        .containsExactly("REGISTERED");

    // per child in force at the end: Phường Mới holds what wards 1 and 2 and the hamlet recorded
    Map<String, Object> fresh = child(r, wNew);
    Map<String, Object> tanXuyen = child(r, w3);
    org.assertj.core.api.Assertions.assertThat(fresh)
        .containsEntry("events", 3)
        .containsEntry("sessions", 4)
        .containsEntry("attendance", 160)
        .containsEntry("models", 1)
        .containsEntry("teams", 1)
        .containsEntry("members", 2)
        .containsEntry("awardDecisions", 1)
        .containsEntry("awardedCollectives", 2)
        .containsEntry("awardedIndividuals", 3);
    org.assertj.core.api.Assertions.assertThat(tanXuyen)
        .containsEntry("events", 1)
        .containsEntry("attendance", 300)
        .containsEntry("models", 1)
        .containsEntry("awardDecisions", 1)
        .containsEntry("awardedCollectives", 1)
        .containsEntry("awardedIndividuals", 1);
    // the province-level review conference of Bạc Liêu belongs to no ward
    org.assertj.core.api.Assertions.assertThat(r.getLong("direct.events")).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(r.getLong("direct.attendance")).isEqualTo(80);

    // the series by year, every year present
    Map<String, Map<String, Object>> years = new HashMap<>();
    for (Map<String, Object> p : r.<Map<String, Object>>getList("series")) {
      years.put((String) p.get("period"), p);
    }
    org.assertj.core.api.Assertions.assertThat(years).hasSize(14);
    org.assertj.core.api.Assertions.assertThat(years.get("2015")).containsEntry("events", 1);
    org.assertj.core.api.Assertions.assertThat(years.get("2016")).containsEntry("events", 0);
    org.assertj.core.api.Assertions.assertThat(years.get("2020"))
        .containsEntry("events", 1)
        .containsEntry("modelsRegistered", 2);
    org.assertj.core.api.Assertions.assertThat(years.get("2021"))
        .containsEntry("awardedCollectives", 1)
        .containsEntry("awardedIndividuals", 1);
    org.assertj.core.api.Assertions.assertThat(years.get("2023"))
        .containsEntry("events", 1)
        .containsEntry("awardedCollectives", 2)
        .containsEntry("awardedIndividuals", 3);
    org.assertj.core.api.Assertions.assertThat(years.get("2024")).containsEntry("events", 1);

    // the new ward's own report reaches back through its predecessors
    JsonPath ward = summary(wNew, "2013-01-01", "2026-06-30");
    org.assertj.core.api.Assertions.assertThat(ward.getLong("totals.events")).isEqualTo(3);
    org.assertj.core.api.Assertions.assertThat(ward.getLong("totals.awardedIndividuals"))
        .isEqualTo(3);

    // Vietnam days and partial months: the late session is on 31/12/2024 only
    org.assertj.core.api.Assertions.assertThat(
            summary(caMau, "2024-12-31", "2024-12-31").getLong("totals.events"))
        .isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(
            summary(caMau, "2024-12-01", "2024-12-31").getLong("totals.events"))
        .isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(
            summary(caMau, "2025-01-01", "2025-01-31").getLong("totals.events"))
        .isEqualTo(0);
    org.assertj.core.api.Assertions.assertThat(
            summary(caMau, "2015-03-11", "2015-12-31").getLong("totals.events"))
        .isEqualTo(0);
    JsonPath march = summary(caMau, "2015-03-10", "2015-04-30");
    org.assertj.core.api.Assertions.assertThat(march.getString("groupBy")).isEqualTo("MONTH");
    org.assertj.core.api.Assertions.assertThat(march.getLong("totals.materials[0].count"))
        .isEqualTo(500);
    org.assertj.core.api.Assertions.assertThat(march.getList("series.period"))
        .containsExactly("2015-03", "2015-04");

    // the pre-aggregates follow edits and deletions in the same transaction
    var current = Api.given().get("/api/events/{id}", late).then().extract();
    Map<String, Object> moved = EventBuilder.body("Tuyên truyền dời ngày", w3);
    moved.put("startsAt", "2025-01-05T19:00:00+07:00");
    moved.put("endsAt", "2025-01-05T21:00:00+07:00");
    Api.json()
        .header("If-Match", current.header("ETag"))
        .body(moved)
        .put("/api/events/{id}", late)
        .then()
        .statusCode(200);
    org.assertj.core.api.Assertions.assertThat(
            summary(caMau, "2024-12-01", "2024-12-31").getLong("totals.events"))
        .isEqualTo(0);
    JsonPath january = summary(caMau, "2025-01-01", "2025-01-31");
    org.assertj.core.api.Assertions.assertThat(january.getLong("totals.events")).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(child(january, w3)).containsEntry("events", 1);
    Api.given()
        .header("If-Match", Api.given().get("/api/events/{id}", late).header("ETag"))
        .delete("/api/events/{id}", late)
        .then()
        .statusCode(204);
    org.assertj.core.api.Assertions.assertThat(
            summary(caMau, "2025-01-01", "2025-01-31").getLong("totals.events"))
        .isEqualTo(0);
    org.assertj.core.api.Assertions.assertThat(
            summary(caMau, "2013-01-01", "2026-06-30").getLong("totals.events"))
        .isEqualTo(4);
  }

  @Test
  void teamsAndMembersInForceAddUpTheSameFromTheRollUpAndFromTheRegistry() {
    long p = province("Tỉnh Sổ Tổ").from("2008-01-01").create();
    long a = unit("COMMUNE", "Xã Sổ Tổ A").under(p).from("2008-01-01").create();
    long b = unit("COMMUNE", "Xã Sổ Tổ B").under(p).from("2008-01-01").create();
    long hamlet = unit("HAMLET", "Ấp Sổ Tổ").under(b).from("2008-01-01").create();
    long modelA = ModelBuilder.model("Tổ sổ tổ A", a);
    long teamA = ModelBuilder.team(modelA, "Tổ A1", a); // established 1/4/2020
    ModelBuilder.member(modelA, teamA, "Nguyễn Văn Một", "LEADER"); // joined 1/5/2020
    long leaving = ModelBuilder.member(modelA, teamA, "Trần Thị Hai", "MEMBER");
    long modelB = ModelBuilder.model("Tổ sổ tổ B", b);
    long teamB = ModelBuilder.team(modelB, "Tổ B1", hamlet);
    ModelBuilder.member(modelB, teamB, "Lê Văn Ba", "LEADER");
    // Hai leaves on 1/1/2022; team B1 is dissolved on 30/6/2023
    Map<String, Object> hai = new HashMap<>();
    hai.put("fullName", "Trần Thị Hai");
    hai.put("gender", "FEMALE");
    hai.put("role", "MEMBER");
    hai.put("joinedOn", "2020-05-01");
    hai.put("leftOn", "2022-01-01");
    Api.json()
        .header("If-Match", "\"0\"")
        .body(hai)
        .put("/api/models/{id}/members/{memberId}", modelA, leaving)
        .then()
        .statusCode(200);
    Api.json()
        .header("If-Match", "\"0\"")
        .body(
            Map.of(
                "name",
                "Tổ B1",
                "unitId",
                hamlet,
                "establishedOn",
                "2020-04-01",
                "dissolvedOn",
                "2023-06-30"))
        .put("/api/models/{id}/teams/{teamId}", modelB, teamB)
        .then()
        .statusCode(200);
    // [end of the period, teams and members of A, of B]
    int[][] expected = {
      {20200331, 0, 0, 0, 0},
      {20200430, 1, 0, 1, 0},
      {20211231, 1, 2, 1, 1},
      {20220101, 1, 1, 1, 1},
      {20230629, 1, 1, 1, 1},
      {20230630, 1, 1, 0, 0},
    };
    for (int[] e : expected) {
      String to = String.format("%d-%02d-%02d", e[0] / 10000, e[0] / 100 % 100, e[0] % 100);
      // the province's report reads the per-commune roll-up; a commune's, the registry
      JsonPath province = summary(p, "2019-01-01", to);
      Map<String, Object> childA = child(province, a);
      Map<String, Object> childB = child(province, b);
      org.assertj.core.api.Assertions.assertThat(
              List.of(
                  childA.get("teams"), childA.get("members"),
                  childB.get("teams"), childB.get("members")))
          .as("province report to " + to)
          .isEqualTo(List.of(e[1], e[2], e[3], e[4]));
      JsonPath commune = summary(a, "2019-01-01", to);
      org.assertj.core.api.Assertions.assertThat(
              List.of(commune.getInt("totals.teams"), commune.getInt("totals.members")))
          .as("commune report to " + to)
          .isEqualTo(List.of(e[1], e[2]));
    }
  }

  @Test
  void modelsWithoutARosterCountTheirDeclaredTotalsUntilOneIsEntered() {
    long p = province("Tỉnh Khai Báo").from("2008-01-01").create();
    long a = unit("COMMUNE", "Xã Khai Báo A").under(p).from("2008-01-01").create();
    long b = unit("COMMUNE", "Xã Khai Báo B").under(p).from("2008-01-01").create();
    // A declares 12 teams and 150 members and has no roster; B declares too, but its roster of
    // one team (from 1/4/2020) and one member (from 1/5/2020) takes over from then
    Map<String, Object> declaredA = ModelBuilder.body("Mô hình khai báo A", a);
    // a kind the articles name ("Tổ công nhân dịch vụ đô thị tự quản về ANTT")
    declaredA.put("typeId", ModelBuilder.typeId("TO_CONG_NHAN_DO_THI"));
    declaredA.put("declaredTeams", 12);
    declaredA.put("declaredMembers", 150);
    ModelBuilder.create(declaredA);
    Map<String, Object> declaredB = ModelBuilder.body("Mô hình khai báo B", b);
    declaredB.put("declaredTeams", 4);
    declaredB.put("declaredMembers", 40);
    long modelB = ModelBuilder.create(declaredB);
    long team = ModelBuilder.team(modelB, "Tổ B1", b);
    ModelBuilder.member(modelB, team, "Hồ Văn Khai", "LEADER");
    // [end of the period, teams, members, of them declared: models, teams, members]
    int[][] expected = {
      {20200301, 0, 0, 0, 0, 0}, // before both were founded (15/3/2020)
      {20200320, 16, 190, 2, 16, 190},
      {20200420, 13, 150, 1, 12, 150}, // B's team counts, its member not yet
      {20200601, 13, 151, 1, 12, 150},
    };
    for (int[] e : expected) {
      String to = String.format("%d-%02d-%02d", e[0] / 10000, e[0] / 100 % 100, e[0] % 100);
      for (long unit : List.of(p, a)) {
        JsonPath r = summary(unit, "2019-01-01", to);
        boolean whole = unit == p;
        org.assertj.core.api.Assertions.assertThat(
                List.of(
                    r.getInt("totals.teams"),
                    r.getInt("totals.members"),
                    r.getInt("totals.modelsDeclared"),
                    r.getInt("totals.teamsDeclared"),
                    r.getInt("totals.membersDeclared")))
            .as((whole ? "province" : "commune A") + " report to " + to)
            .isEqualTo(
                whole
                    ? List.of(e[1], e[2], e[3], e[4], e[5])
                    : List.of(
                        e[3] > 0 ? 12 : 0,
                        e[3] > 0 ? 150 : 0,
                        e[3] > 0 ? 1 : 0,
                        e[3] > 0 ? 12 : 0,
                        e[3] > 0 ? 150 : 0));
      }
    }
    JsonPath r = summary(p, "2019-01-01", "2020-06-01");
    Map<String, Object> childA = child(r, a);
    org.assertj.core.api.Assertions.assertThat(childA.get("teamsDeclared")).isEqualTo(12);
    org.assertj.core.api.Assertions.assertThat(child(r, b).get("teamsDeclared")).isEqualTo(0);
    org.assertj.core.api.Assertions.assertThat(r.getString("text"))
        .contains("với 13 tổ, 151 thành viên (2 mô hình thành lập trong kỳ; trong đó 12 tổ,")
        .contains("150 thành viên theo số mô hình khai báo)");
    org.assertj.core.api.Assertions.assertThat(r.getList("notes", String.class))
        .contains(
            "Tổ, thành viên của 1 mô hình chưa có danh sách tổ vào cuối kỳ được tính theo số mô"
                + " hình khai báo: 12 tổ, 150 thành viên; các mô hình khác được đếm theo danh"
                + " sách.");
  }

  static void transition(long model, String to, String date, Map<String, Object> more) {
    Map<String, Object> body = new HashMap<>(more);
    body.put("toStatus", to);
    body.put("date", date);
    String etag = Api.given().get("/api/models/{id}", model).then().extract().header("ETag");
    Api.json()
        .header("If-Match", etag)
        .body(body)
        .post("/api/models/{id}/transitions", model)
        .then()
        .statusCode(200);
  }

  @Test
  void kindsFieldsPlacesAndSitesAreCountedOnceForTheModelsInForce() {
    long p = province("Tỉnh Đếm Loại").from("2008-01-01").create();
    long a = unit("COMMUNE", "Xã Đếm Loại A").under(p).from("2008-01-01").create();
    long b = unit("COMMUNE", "Xã Đếm Loại B").under(p).from("2008-01-01").create();
    long h = unit("HAMLET", "Ấp Đếm Loại").under(a).from("2008-01-01").create();
    // two kinds at the hamlet and at commune A; a third at B, retired on 1/1/2022; the club at A
    // replicated to B and to the hamlet on 1/3/2021
    Map<String, Object> m1 = ModelBuilder.body("Dòng tộc đếm loại", h);
    ModelBuilder.create(m1);
    Map<String, Object> m2 = ModelBuilder.body("CLB đếm loại A", a);
    m2.put("typeId", ModelBuilder.typeId("CLB_3_TICH_CUC"));
    long club = ModelBuilder.create(m2);
    Map<String, Object> m3 = ModelBuilder.body("CLB đếm loại ấp", h);
    m3.put("typeId", ModelBuilder.typeId("CLB_3_TICH_CUC"));
    ModelBuilder.create(m3);
    Map<String, Object> m4 = ModelBuilder.body("Dân vận khéo đếm loại", b);
    m4.put("typeId", ModelBuilder.typeId("DAN_VAN_KHEO"));
    long retired = ModelBuilder.create(m4);
    transition(retired, "RETIRED", "2022-01-01", Map.of("reason", "Sáp nhập vào mô hình khác"));
    transition(club, "ACTIVE", "2020-06-01", Map.of());
    transition(club, "REVIEWED", "2021-01-01", Map.of());
    transition(club, "FINAL_REVIEWED", "2021-02-01", Map.of());
    transition(club, "REPLICATED", "2021-03-01", Map.of("siteUnitIds", List.of(b, h)));
    // [end of the period, kinds, fields, places (hamlets, communes), sites]
    Object[][] expected = {
      {"2021-02-15", 3, 3, 1, 2, 0},
      {"2021-12-31", 3, 3, 1, 2, 2},
      {"2022-06-30", 2, 2, 1, 1, 2},
    };
    for (Object[] e : expected) {
      JsonPath r = summary(p, "2019-01-01", (String) e[0]);
      org.assertj.core.api.Assertions.assertThat(
              List.of(
                  r.getInt("totals.modelKinds"),
                  r.getInt("totals.modelFields"),
                  r.getInt("totals.modelPlacesByKind.find { it.kind == 'HAMLET' }.count"),
                  r.getInt("totals.modelPlacesByKind.find { it.kind == 'COMMUNE' }.count"),
                  r.getInt("totals.replicationSites")))
          .as("province report to " + e[0])
          .isEqualTo(List.of(e[1], e[2], e[3], e[4], e[5]));
      org.assertj.core.api.Assertions.assertThat(r.getInt("totals.modelPlaces"))
          .isEqualTo((Integer) e[3] + (Integer) e[4]);
    }
    JsonPath r = summary(p, "2019-01-01", "2021-12-31");
    // per child: A holds two kinds at two places (itself and its hamlet) and the sites
    Map<String, Object> childA = child(r, a);
    org.assertj.core.api.Assertions.assertThat(
            List.of(
                childA.get("modelKinds"),
                childA.get("modelPlaces"),
                childA.get("replicationSites"),
                child(r, b).get("modelKinds"),
                child(r, b).get("modelPlaces")))
        .isEqualTo(List.of(2, 2, 2, 1, 1));
    // a commune's report reads the registry, and says the same
    JsonPath commune = summary(a, "2019-01-01", "2021-12-31");
    org.assertj.core.api.Assertions.assertThat(
            List.of(commune.getInt("totals.modelKinds"), commune.getInt("totals.modelPlaces")))
        .isEqualTo(List.of(2, 2));
    org.assertj.core.api.Assertions.assertThat(r.getString("text"))
        .contains(
            "có 4 mô hình tự phòng, tự quản (còn hiệu lực: thuộc 3 loại, 3 lĩnh vực, tại 3 nơi,"
                + " nhân rộng tại 2 nơi) với");
  }

  @Test
  void aWardMovedToAnotherProvinceTakesItsModelsAlong() {
    long a = province("Tỉnh Chuyển Đi").from("2008-01-01").create();
    long b = province("Tỉnh Chuyển Đến").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Chuyển").under(a).from("2008-01-01").create();
    ModelBuilder.model("Mô hình theo phường", ward);
    org.assertj.core.api.Assertions.assertThat(
            summary(a, "2020-01-01", "2025-12-31").getLong("totals.models"))
        .isEqualTo(1);
    var current = Api.given().get("/api/units/{id}", ward).then().extract();
    Map<String, Object> move = new HashMap<>();
    move.put("name", current.jsonPath().getString("name"));
    move.put("kind", "WARD");
    move.put("parentId", b);
    move.put("validFrom", "2008-01-01");
    Api.json()
        .header("If-Match", current.header("ETag"))
        .body(move)
        .put("/api/units/{id}", ward)
        .then()
        .statusCode(200);
    // the ward moved today: a report over the past counts it where it stood then
    org.assertj.core.api.Assertions.assertThat(
            summary(a, "2020-01-01", "2025-12-31").getLong("totals.models"))
        .isEqualTo(1);
    // under today's map province reports find models through their province, kept when it moves
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    org.assertj.core.api.Assertions.assertThat(
            DatedHierarchyTest.summaryAsOf(a, "2020-01-01", "2025-12-31", today)
                .getLong("totals.models"))
        .isEqualTo(0);
    JsonPath there = DatedHierarchyTest.summaryAsOf(b, "2020-01-01", "2025-12-31", today);
    org.assertj.core.api.Assertions.assertThat(there.getString("asOf")).isEqualTo(today);
    org.assertj.core.api.Assertions.assertThat(there.getLong("totals.models")).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(child(there, ward)).containsEntry("models", 1);
    org.assertj.core.api.Assertions.assertThat(there.getList("totals.modelsByType")).hasSize(1);
  }

  @Test
  void reportsStayInTheTerritory() {
    long province = province("Tỉnh Báo Cáo Riêng").create();
    long ward = unit("WARD", "Phường Báo Cáo Riêng").under(province).create();
    long other = province("Tỉnh Báo Cáo Khác").create();
    String wardOfficer = Users.signedIn("COMMUNE_OFFICER", ward);
    Api.as(wardOfficer)
        .queryParam("unitId", ward)
        .queryParam("from", "2025-01-01")
        .queryParam("to", "2025-12-31")
        .get("/api/reports/summary")
        .then()
        .statusCode(200)
        .body("unit.id", equalTo((int) ward))
        .body("series.period", org.hamcrest.Matchers.hasSize(12));
    Api.as(wardOfficer)
        .queryParam("unitId", province)
        .queryParam("from", "2025-01-01")
        .queryParam("to", "2025-12-31")
        .get("/api/reports/summary")
        .then()
        .statusCode(404);
    Api.as(Users.signedIn("PROVINCE_OFFICER", other))
        .queryParam("unitId", ward)
        .queryParam("from", "2025-01-01")
        .queryParam("to", "2025-12-31")
        .get("/api/reports/summary")
        .then()
        .statusCode(404);
    // without a unit: the officer's own territory; the whole country, by root unit, for admins
    Api.as(wardOfficer)
        .queryParam("from", "2025-01-01")
        .queryParam("to", "2025-12-31")
        .get("/api/reports/summary")
        .then()
        .statusCode(200)
        .body("unit.id", equalTo((int) ward))
        .body("national", equalTo(false));
    JsonPath national =
        Api.given()
            .queryParam("from", "2025-01-01")
            .queryParam("to", "2025-12-31")
            .get("/api/reports/summary")
            .then()
            .statusCode(200)
            .body("national", equalTo(true))
            .body("text", org.hamcrest.Matchers.containsString("trên phạm vi toàn quốc"))
            .extract()
            .jsonPath();
    org.assertj.core.api.Assertions.assertThat(national.getList("children.unit.id", Long.class))
        .contains(province, other);
    Api.given()
        .queryParam("from", "2025-01-01")
        .queryParam("to", "2025-12-31")
        .get("/api/reports/summary.xlsx")
        .then()
        .statusCode(200)
        .header(
            "Content-Disposition",
            equalTo(
                "attachment; filename=\"bao-cao-tong-hop-toan-quoc-2025-01-01-2025-12-31.xlsx\""));
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("from", "2025-02-01")
        .queryParam("to", "2025-01-01")
        .get("/api/reports/summary")
        .then()
        .statusCode(400)
        .body("violations.field", contains("to"));
  }

  @Test
  void theSummaryIsExportedAsWorkbookAndAdministrativeReport() throws Exception {
    long province = province("Tỉnh Xuất Báo Cáo").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Đông Xuất").under(province).from("2008-01-01").create();
    event(
        ward,
        "TUYEN_TRUYEN",
        "2024-05-10T08:00:00+07:00",
        "2024-05-10T10:00:00+07:00",
        1250,
        3,
        18143);
    award("CT_UBND_XA", "GIAY_KHEN", "2024-06-01", ward, List.of(collective(ward)));
    String name = Api.given().get("/api/units/{id}", province).jsonPath().getString("name");

    var xlsx =
        Api.given()
            .queryParam("unitId", province)
            .queryParam("from", "2024-01-01")
            .queryParam("to", "2024-12-31")
            .get("/api/reports/summary.xlsx")
            .then()
            .statusCode(200)
            .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .extract();
    org.assertj.core.api.Assertions.assertThat(xlsx.header("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"bao-cao-tong-hop-"
                + ReportText.slug(name)
                + "-2024-01-01-2024-12-31.xlsx\"")
        .startsWith("attachment; filename=\"bao-cao-tong-hop-tinh-xuat-bao-cao-");
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.asByteArray()))) {
      org.assertj.core.api.Assertions.assertThat(
              List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
          .containsExactly("Tổng hợp", "Theo đơn vị", "Theo thời gian");
      var totals = wb.getSheet("Tổng hợp");
      org.assertj.core.api.Assertions.assertThat(totals.getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("Địa bàn: " + name);
      org.assertj.core.api.Assertions.assertThat(valueOf(totals, "Sự kiện, hoạt động"))
          .isEqualTo(1);
      org.assertj.core.api.Assertions.assertThat(valueOf(totals, "Số buổi")).isEqualTo(3);
      org.assertj.core.api.Assertions.assertThat(valueOf(totals, "Lượt người tham dự"))
          .isEqualTo(1250);
      org.assertj.core.api.Assertions.assertThat(valueOf(totals, "Tài liệu: Tờ rơi (tờ)"))
          .isEqualTo(18143);
      org.assertj.core.api.Assertions.assertThat(valueOf(totals, "Lượt tập thể được khen thưởng"))
          .isEqualTo(1);
      var children = wb.getSheet("Theo đơn vị");
      org.assertj.core.api.Assertions.assertThat(children.getRow(5).getCell(0).getStringCellValue())
          .startsWith("Phường Đông Xuất");
      org.assertj.core.api.Assertions.assertThat(
              children.getRow(5).getCell(3).getNumericCellValue())
          .isEqualTo(1250);
      var series = wb.getSheet("Theo thời gian");
      org.assertj.core.api.Assertions.assertThat(series.getRow(5).getCell(0).getStringCellValue())
          .isEqualTo("2024-01");
      org.assertj.core.api.Assertions.assertThat(series.getRow(9).getCell(0).getStringCellValue())
          .isEqualTo("2024-05");
      org.assertj.core.api.Assertions.assertThat(series.getRow(9).getCell(1).getNumericCellValue())
          .isEqualTo(1);
    }

    var docx =
        Api.given()
            .queryParam("unitId", province)
            .queryParam("from", "2024-01-01")
            .queryParam("to", "2024-12-31")
            .get("/api/reports/summary.docx")
            .then()
            .statusCode(200)
            .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .extract();
    org.assertj.core.api.Assertions.assertThat(docx.header("Content-Disposition"))
        .endsWith("-2024-01-01-2024-12-31.docx\"");
    try (var doc =
            new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(docx.asByteArray()));
        var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
      String all = text.getText();
      org.assertj.core.api.Assertions.assertThat(all)
          .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
          .contains("Độc lập - Tự do - Hạnh phúc")
          .contains("BÁO CÁO")
          .contains("(Từ ngày 01/01/2024 đến ngày 31/12/2024)")
          .contains(
              "Từ 01/01/2024 đến 31/12/2024, trên địa bàn "
                  + name
                  + " đã tổ chức 1 sự kiện, hoạt động (3 buổi) với 1.250 lượt người tham dự;")
          .contains("1 tập thể, 0 cá nhân được khen thưởng theo 1 quyết định.")
          .contains("Số:")
          .contains("NGƯỜI LẬP BÁO CÁO");
      // A4, Times New Roman everywhere
      var size = doc.getDocument().getBody().getSectPr().getPgSz();
      org.assertj.core.api.Assertions.assertThat(size.getW().toString()).isEqualTo("11906");
      org.assertj.core.api.Assertions.assertThat(size.getH().toString()).isEqualTo("16838");
      doc.getParagraphs().stream()
          .flatMap(p -> p.getRuns().stream())
          .forEach(
              r ->
                  org.assertj.core.api.Assertions.assertThat(r.getFontFamily())
                      .isEqualTo("Times New Roman"));
      // the totals table reads the numbers with dots
      var table = doc.getTables().get(1);
      org.assertj.core.api.Assertions.assertThat(table.getRow(3).getCell(1).getText())
          .isEqualTo("Lượt người tham dự");
      org.assertj.core.api.Assertions.assertThat(table.getRow(3).getCell(2).getText())
          .isEqualTo("1.250");
    }
  }

  static double valueOf(org.apache.poi.ss.usermodel.Sheet sheet, String label) {
    for (var row : sheet) {
      if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
        return row.getCell(1).getNumericCellValue();
      }
    }
    throw new AssertionError("no row " + label);
  }

  @SuppressWarnings("unchecked")
  /**
   * A province's award figures come from its recipients, which carry their decision's day and form
   * (V19): correcting the decision's day or form moves its recipients in the report.
   */
  @Test
  void aCorrectedAwardDecisionTakesItsRecipientsToItsNewMonthAndForm() {
    long province = province("Tỉnh Sửa Ngày Khen").create();
    long ward = unit("WARD", "Phường Sửa Ngày Khen").under(province).create();
    var created =
        Api.json()
            .body(vn.antq.support.AwardBuilder.wardDecision(ward))
            .post("/api/awards")
            .then()
            .statusCode(201)
            .extract();
    long id = created.jsonPath().getLong("id");
    JsonPath september = summary(province, "2025-09-01", "2025-09-30");
    org.assertj.core.api.Assertions.assertThat(september.getLong("totals.awardDecisions"))
        .isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(child(september, ward))
        .containsEntry("awardDecisions", 1)
        .containsEntry("awardedCollectives", 1)
        .containsEntry("awardedIndividuals", 1);

    Map<String, Object> body = vn.antq.support.AwardBuilder.wardDecision(ward);
    body.put("number", created.jsonPath().getString("number"));
    body.put("decidedOn", "2025-10-15");
    body.put("authorityId", cat("AWARD_AUTHORITY", "CT_UBND_TINH"));
    body.put("formId", cat("AWARD_FORM", "BANG_KHEN"));
    Api.json()
        .header("If-Match", created.header("ETag"))
        .body(body)
        .put("/api/awards/{id}", id)
        .then()
        .statusCode(200);
    org.assertj.core.api.Assertions.assertThat(
            summary(province, "2025-09-01", "2025-09-30").getLong("totals.awardDecisions"))
        .isZero();
    JsonPath october = summary(province, "2025-10-01", "2025-10-31");
    org.assertj.core.api.Assertions.assertThat(october.getLong("totals.awardDecisions"))
        .isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(october.getLong("totals.awardedIndividuals"))
        .isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(
            october.getList("totals.awardsByForm.form.code", String.class))
        .containsExactly("BANG_KHEN");
  }

  static Map<String, Object> child(JsonPath r, long unitId) {
    return r.<String, Object>getMap("children.find { it.unit.id == " + unitId + " }.figures");
  }
}
