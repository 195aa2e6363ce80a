package vn.antq.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;
import vn.antq.support.UnitBuilder;
import vn.antq.support.Users;

/** Award decisions, recipients and the powers of 1/7/2025: every rule of issue 6 via the API. */
@QuarkusTest
class AwardResourceTest {
  static long cat(String catalogue, String code) {
    return EventBuilder.catalogueId(catalogue, code);
  }

  static String number() {
    return UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND";
  }

  static Map<String, Object> collective(long unitId) {
    return Map.of("kind", "COLLECTIVE", "unitId", unitId);
  }

  static Map<String, Object> model(long modelId) {
    return Map.of("kind", "COLLECTIVE", "modelId", modelId);
  }

  static Map<String, Object> person(String name, String position, long unitId) {
    return Map.of("kind", "INDIVIDUAL", "fullName", name, "position", position, "unitId", unitId);
  }

  static Map<String, Object> decision(
      String authority, String form, String day, long unitId, List<Map<String, Object>> who) {
    Map<String, Object> body = new HashMap<>();
    body.put("number", number());
    body.put("decidedOn", day);
    body.put("authorityId", cat("AWARD_AUTHORITY", authority));
    body.put("unitId", unitId);
    body.put("formId", cat("AWARD_FORM", form));
    body.put("typeId", cat("AWARD_TYPE", "CHUYEN_DE"));
    body.put("reason", "Có thành tích xuất sắc trong phong trào toàn dân bảo vệ ANTQ");
    body.put("recipients", who);
    return body;
  }

  static JsonPath create(Map<String, Object> body) {
    return Api.json().body(body).post("/api/awards").then().statusCode(201).extract().jsonPath();
  }

  static String etag(long id) {
    return Api.given().get("/api/awards/{id}", id).then().statusCode(200).extract().header("ETag");
  }

  // ------------------------------------------------------------------ powers and dates

  @Test
  void theRuleInForceOnTheDecisionDateApplies() {
    long province = province("Tỉnh Thẩm Quyền").from("2008-01-01").create();
    long district =
        unit("DISTRICT", "Thị xã Thẩm Quyền")
            .under(province)
            .from("2008-01-01")
            .to("2025-07-01")
            .create();
    long ward = unit("WARD", "Phường Thẩm Quyền").under(province).from("2008-01-01").create();
    List<Map<String, Object>> one = List.of(collective(ward));

    // the town chairman's Giấy khen: valid on 30/6/2025, the town and its power end on 1/7/2025
    create(decision("CT_UBND_HUYEN", "GIAY_KHEN", "2025-06-30", district, one));
    Api.json()
        .body(decision("CT_UBND_HUYEN", "GIAY_KHEN", "2025-07-01", district, one))
        .post("/api/awards")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("authorityId"))
        .body("detail", containsString("không có hiệu lực vào ngày 01/07/2025"));

    // "Chiến sĩ thi đua cơ sở" moved from the district to the commune chairman on 1/7/2025
    create(decision("CT_UBND_HUYEN", "CSTD_CO_SO", "2025-06-30", district, one));
    Api.json()
        .body(decision("CT_UBND_XA", "CSTD_CO_SO", "2025-06-30", ward, one))
        .post("/api/awards")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("formId"))
        .body(
            "detail",
            equalTo(
                "«Chủ tịch UBND cấp xã» không có thẩm quyền tặng «Danh hiệu \"Chiến sĩ thi đua cơ"
                    + " sở\"» vào ngày 30/06/2025; thẩm quyền này chỉ có từ 01/07/2025"));
    create(decision("CT_UBND_XA", "CSTD_CO_SO", "2025-07-01", ward, one));

    // never: a commune chairman does not grant a Bằng khen
    Api.json()
        .body(decision("CT_UBND_XA", "BANG_KHEN", "2024-03-01", ward, one))
        .post("/api/awards")
        .then()
        .statusCode(422)
        .body(
            "detail",
            equalTo(
                "«Chủ tịch UBND cấp xã» không có thẩm quyền tặng «Bằng khen» vào ngày 01/03/2024"));
  }

  @Test
  void administratorsKeepThePowersAndOldDecisionsStayValid() {
    long province = province("Tỉnh Thẩm Quyền Mới").from("2008-01-01").create();
    // a new authority with its own power, ended by the administrator later
    String code = "GD_SO_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    long authority =
        Api.json()
            .body(Map.of("code", code, "name", "Giám đốc Sở Thử nghiệm", "validFrom", "2020-01-01"))
            .post("/api/catalogues/AWARD_AUTHORITY")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    long giayKhen = cat("AWARD_FORM", "GIAY_KHEN");
    Map<String, Object> power = new HashMap<>();
    power.put("authorityId", authority);
    power.put("formId", giayKhen);
    power.put("validFrom", "2020-01-01");
    power.put("legalBasis", "Quyết định thử nghiệm");
    var created = Api.json().body(power).post("/api/award-powers").then().statusCode(201).extract();
    long powerId = created.jsonPath().getLong("id");
    assertThat(created.jsonPath().getString("authority.name")).isEqualTo("Giám đốc Sở Thử nghiệm");
    // an overlapping second row for the same pair is refused
    Map<String, Object> overlap = new HashMap<>(power);
    overlap.put("validFrom", "2024-01-01");
    Api.json().body(overlap).post("/api/award-powers").then().statusCode(409);

    Map<String, Object> body =
        decision(code, "GIAY_KHEN", "2025-03-01", province, List.of(collective(province)));
    body.put("authorityId", authority);
    long old = create(body).getLong("id");

    power.put("validTo", "2025-07-01");
    Api.json()
        .header("If-Match", created.header("ETag"))
        .body(power)
        .put("/api/award-powers/{id}", powerId)
        .then()
        .statusCode(200)
        .body("validTo", equalTo("2025-07-01"))
        .body("active", equalTo(false));
    body.put("number", number());
    body.put("decidedOn", "2025-07-01");
    Api.json()
        .body(body)
        .post("/api/awards")
        .then()
        .statusCode(422)
        .body("detail", containsString("chỉ có từ 01/01/2020 đến hết 30/06/2025"));
    body.put("decidedOn", "2025-06-30");
    create(body);
    Api.given().get("/api/awards/{id}", old).then().statusCode(200);
    Api.given()
        .queryParam("authorityId", authority)
        .queryParam("activeOn", "2025-07-01")
        .get("/api/award-powers")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    Api.given()
        .queryParam("entityType", "AWARD_POWER")
        .queryParam("entityId", powerId)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("content.action", contains("UPDATE", "CREATE"));
  }

  // ------------------------------------------------------------------ a decision and its lists

  @Test
  void aProvincialChairmansBangKhenForCollectivesAndIndividuals() {
    long province = province("Tỉnh Khen Thưởng").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Khen Thưởng").under(province).from("2008-01-01").create();
    long hamlet = unit("HAMLET", "Khóm Khen Thưởng").under(ward).from("2008-01-01").create();
    long otherWard = unit("WARD", "Phường Bên Cạnh").under(province).from("2008-01-01").create();
    long modelId = ModelBuilder.model("Tổ tự quản dòng họ Khen Thưởng", ward);
    long team = ModelBuilder.team(modelId, "Tổ 1", hamlet);
    long member = ModelBuilder.member(modelId, team, "Lê Thị Hoa", "LEADER");
    long event = EventBuilder.event("Hội nghị tổng kết 10 năm", ward);
    String officer = Users.signedIn("PROVINCE_OFFICER", province);

    Map<String, Object> body =
        decision(
            "CT_UBND_TINH",
            "BANG_KHEN",
            "2025-08-19",
            province,
            List.of(
                collective(ward),
                model(modelId),
                person("Nguyễn Văn An", "Trưởng khóm", hamlet),
                person("Trần Minh Đức", "Phó Trưởng Công an phường", otherWard),
                Map.of("kind", "INDIVIDUAL", "memberId", member)));
    body.put("signer", "Phan Thanh Duy, Phó Chủ tịch");
    body.put("issuerName", "Chủ tịch UBND tỉnh Khen Thưởng");
    body.put("eventId", event);
    var created =
        Api.as(officer)
            .contentType("application/json")
            .body(body)
            .post("/api/awards")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/awards/"))
            .body("collectiveCount", equalTo(2))
            .body("individualCount", equalTo(3))
            .body("form.name", equalTo("Bằng khen"))
            .body("authority.name", equalTo("Chủ tịch UBND tỉnh"))
            .body("issuerName", equalTo("Chủ tịch UBND tỉnh Khen Thưởng"))
            .body("event.id", equalTo((int) event))
            .body(
                "recipients.kind",
                contains("COLLECTIVE", "COLLECTIVE", "INDIVIDUAL", "INDIVIDUAL", "INDIVIDUAL"))
            .body("recipients[1].model.id", equalTo((int) modelId))
            .body("recipients[1].unit.id", equalTo((int) ward))
            .body("recipients[2].position", equalTo("Trưởng khóm"))
            // the member's name and unit come from the roster
            .body("recipients[4].name", equalTo("Lê Thị Hoa"))
            .body("recipients[4].unit.id", equalTo((int) hamlet))
            .body("recipients[4].memberId", equalTo((int) member))
            .extract();
    long id = created.jsonPath().getLong("id");

    Api.given()
        .get("/api/awards/{id}/recipients", id)
        .then()
        .statusCode(200)
        .body("name[2]", equalTo("Nguyễn Văn An"))
        .body("unitName[2]", containsString("Khóm Khen Thưởng"));

    // filters: the ward's subtree holds 4 recipients (not the neighbour's deputy police chief)
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("formId", cat("AWARD_FORM", "BANG_KHEN"))
        .queryParam("from", "2025-08-19")
        .queryParam("to", "2025-08-19")
        .get("/api/awards")
        .then()
        .statusCode(200)
        .body("content.id", contains((int) id))
        .body("content[0].recipients", nullValue());
    Api.given()
        .queryParam("unitId", ward)
        .get("/api/awards/counts")
        .then()
        .statusCode(200)
        .body("decisions", equalTo(1))
        .body("collectives", equalTo(2))
        .body("individuals", equalTo(2))
        .body("byForm[0].form.code", equalTo("BANG_KHEN"));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("recipientKind", "INDIVIDUAL")
        .get("/api/awards/counts")
        .then()
        .body("collectives", equalTo(0))
        .body("individuals", equalTo(3));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("to", "2025-08-18")
        .get("/api/awards/counts")
        .then()
        .body("decisions", equalTo(0));
    // words without diacritics, in any order, over recipients' names; or the decision number
    Api.given()
        .queryParam("q", "duc tran")
        .queryParam("unitId", province)
        .get("/api/awards")
        .then()
        .body("content.id", contains((int) id));
    Api.given()
        .queryParam("q", created.jsonPath().getString("number").toLowerCase())
        .get("/api/awards")
        .then()
        .body("content.id", contains((int) id));
    Api.given()
        .queryParam("eventId", event)
        .get("/api/awards")
        .then()
        .body("content.id", contains((int) id));
    // the export: the same filter, one line per decision with its counts
    String csv =
        Api.given()
            .queryParam("format", "csv")
            .queryParam("q", "duc tran")
            .queryParam("unitId", province)
            .get("/api/awards/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("Số quyết định");
    assertThat(lines.get(1))
        .startsWith(id + "," + created.jsonPath().getString("number") + ",19/08/2025,")
        .contains(",Bằng khen,")
        .contains(",2,3,");

    // unit, model and person pages
    Api.given()
        .queryParam("unitId", hamlet)
        .get("/api/award-recipients")
        .then()
        .statusCode(200)
        .body("content.recipient.name", contains("Nguyễn Văn An", "Lê Thị Hoa"))
        .body("content[0].award.id", equalTo((int) id))
        .body("content[0].award.form.name", equalTo("Bằng khen"));
    Api.given()
        .queryParam("modelId", modelId)
        .get("/api/award-recipients")
        .then()
        .body("content.recipient.name", contains("Tổ tự quản dòng họ Khen Thưởng", "Lê Thị Hoa"));
    Api.given()
        .queryParam("memberId", member)
        .get("/api/award-recipients")
        .then()
        .body("totalElements", equalTo(1));

    // the officer of the neighbouring ward sees the decision naming their deputy police chief
    // but cannot change the province's decision
    String neighbour = Users.signedIn("COMMUNE_OFFICER", otherWard);
    Api.as(neighbour).get("/api/awards/{id}", id).then().statusCode(200);
    Api.as(neighbour)
        .queryParam("unitId", otherWard)
        .get("/api/award-recipients")
        .then()
        .body("content.recipient.name", contains("Trần Minh Đức"));
    Api.as(neighbour)
        .contentType("application/json")
        .header("If-Match", created.header("ETag"))
        .body(body)
        .put("/api/awards/{id}", id)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    // another province does not see it at all
    long elsewhere = province("Tỉnh Khác Xa").create();
    Api.as(Users.signedIn("PROVINCE_OFFICER", elsewhere))
        .get("/api/awards/{id}", id)
        .then()
        .statusCode(404);

    // the history is kept
    Api.given()
        .queryParam("entityType", "AWARD")
        .queryParam("entityId", id)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("content[0].action", equalTo("CREATE"));
  }

  // ------------------------------------------------------------------ rules

  @Test
  void aRecipientAppearsOncePerDecisionAndNothingIsHalfWritten() {
    long province = province("Tỉnh Một Lần").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Một Lần").under(province).from("2008-01-01").create();
    long other = unit("WARD", "Phường Hai Lần").under(province).from("2008-01-01").create();
    Map<String, Object> body =
        decision(
            "CT_UBND_TINH",
            "BANG_KHEN",
            "2025-05-01",
            province,
            List.of(
                person("Nguyễn Văn Bình", "Tổ trưởng", ward),
                collective(ward),
                person("nguyen van  binh", "Tổ viên", ward)));
    Api.json()
        .body(body)
        .post("/api/awards")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("recipients[2]"))
        .body("detail", containsString("đã có ở dòng 1"));
    Api.given()
        .queryParam("q", body.get("number"))
        .get("/api/awards")
        .then()
        .body("totalElements", equalTo(0));
    // the same name in another unit is another person
    body.put(
        "recipients",
        List.of(
            person("Nguyễn Văn Bình", "Tổ trưởng", ward),
            person("Nguyễn Văn Bình", "Tổ viên", other)));
    var created = create(body);
    long id = created.getLong("id");
    String version = etag(id);

    // adding: the same collective twice is refused, a new one goes to the end
    Api.json()
        .header("If-Match", version)
        .body(Map.of("recipients", List.of(person("NGUYỄN VĂN BÌNH", "Tổ trưởng", other))))
        .post("/api/awards/{id}/recipients", id)
        .then()
        .statusCode(422)
        .body("detail", containsString("đã có trong quyết định"));
    String after =
        Api.json()
            .header("If-Match", version)
            .body(Map.of("recipients", List.of(collective(other))))
            .post("/api/awards/{id}/recipients", id)
            .then()
            .statusCode(200)
            .body("recipients.name[2]", containsString("Phường Hai Lần"))
            .body("collectiveCount", equalTo(1))
            .extract()
            .header("ETag");
    assertThat(after).isNotEqualTo(version);
    // a stale version is refused
    Api.json()
        .header("If-Match", version)
        .body(Map.of("recipients", List.of(collective(ward))))
        .post("/api/awards/{id}/recipients", id)
        .then()
        .statusCode(412);
    // removing down to one, never to none
    List<Integer> ids =
        Api.given().get("/api/awards/{id}/recipients", id).then().extract().path("id");
    String v = after;
    for (int i = 0; i < 2; i++) {
      v =
          Api.given()
              .header("If-Match", v)
              .delete("/api/awards/{id}/recipients/{r}", id, ids.get(i))
              .then()
              .statusCode(200)
              .extract()
              .header("ETag");
    }
    Api.given()
        .header("If-Match", v)
        .delete("/api/awards/{id}/recipients/{r}", id, ids.get(2))
        .then()
        .statusCode(422);
    Api.given().get("/api/awards/{id}/recipients", id).then().body("$", hasSize(1));
    Api.given().header("If-Match", v).delete("/api/awards/{id}", id).then().statusCode(204);
    Api.given().get("/api/awards/{id}", id).then().statusCode(404);
  }

  @Test
  void decisionNumbersAreUniquePerAuthorityAndYear() {
    long province = province("Tỉnh Số Hiệu").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Số Hiệu").under(province).from("2008-01-01").create();
    Map<String, Object> body =
        decision("CT_UBND_TINH", "BANG_KHEN", "2025-02-01", province, List.of(collective(ward)));
    body.put("number", "12/QĐ-UBND");
    create(body);
    // same number, same authority, same year: even written with other spaces and case
    body.put("number", "12 / qđ-ubnd");
    body.put("decidedOn", "2025-12-31");
    Api.json()
        .body(body)
        .post("/api/awards")
        .then()
        .statusCode(409)
        .body("detail", containsString("12 / qđ-ubnd năm 2025"));
    // next year, or another authority (the front committee numbers its own decisions)
    body.put("decidedOn", "2026-01-02");
    create(body);
    body.put("decidedOn", "2025-12-31");
    body.put("authorityId", cat("AWARD_AUTHORITY", "UB_MTTQ_TINH"));
    create(body);
  }

  @Test
  void parallelDecisionsWithOneNumberGiveOneSuccess() throws Exception {
    long province = province("Tỉnh Song Song KT").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Song Song KT").under(province).from("2008-01-01").create();
    Map<String, Object> body =
        decision("CT_UBND_TINH", "BANG_KHEN", "2025-02-01", province, List.of(collective(ward)));
    var pool = Executors.newFixedThreadPool(5);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(() -> Api.json().body(body).post("/api/awards").statusCode());
    }
    List<Integer> codes = new ArrayList<>();
    for (var f : pool.invokeAll(calls)) {
      codes.add(f.get());
    }
    pool.shutdown();
    assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
    assertThat(codes).filteredOn(c -> c != 201).allMatch(c -> c == 409);
  }

  @Test
  void decisionsStayInTheirTerritoryAndDate() {
    long province = province("Tỉnh Địa Bàn KT").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Địa Bàn KT").under(province).from("2008-01-01").create();
    long foreign = unit("WARD", "Phường Xa KT").under(province("Tỉnh Xa KT").create()).create();
    String wardOfficer = Users.signedIn("COMMUNE_OFFICER", ward);
    // the ward officer records the ward chairman's Giấy khen…
    Map<String, Object> own =
        decision("CT_UBND_XA", "GIAY_KHEN", "2025-09-02", ward, List.of(collective(ward)));
    Api.as(wardOfficer)
        .contentType("application/json")
        .body(own)
        .post("/api/awards")
        .then()
        .statusCode(201);
    // …but not the province's decision, nor one naming a ward of another province
    Map<String, Object> provincial =
        decision("CT_UBND_TINH", "BANG_KHEN", "2025-09-02", province, List.of(collective(ward)));
    Api.as(wardOfficer)
        .contentType("application/json")
        .body(provincial)
        .post("/api/awards")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("unitId"));
    Map<String, Object> withForeign =
        decision(
            "CT_UBND_XA",
            "GIAY_KHEN",
            "2025-09-02",
            ward,
            List.of(collective(ward), person("Phạm Văn Xa", "Công dân", foreign)));
    Api.as(wardOfficer)
        .contentType("application/json")
        .body(withForeign)
        .post("/api/awards")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("recipients[1].unitId"));
    // no decision from the future; a viewer writes nothing
    Map<String, Object> future =
        decision(
            "CT_UBND_XA",
            "GIAY_KHEN",
            java.time.LocalDate.now().plusDays(3).toString(),
            ward,
            List.of(collective(ward)));
    Api.json()
        .body(future)
        .post("/api/awards")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("decidedOn"));
    Api.as(Users.signedIn("VIEWER", ward))
        .contentType("application/json")
        .body(own)
        .post("/api/awards")
        .then()
        .statusCode(403);
    // a collective is a unit or a model, not both, not neither
    Map<String, Object> both =
        decision(
            "CT_UBND_XA", "GIAY_KHEN", "2025-09-02", ward, List.of(Map.of("kind", "COLLECTIVE")));
    Api.json()
        .body(both)
        .post("/api/awards")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("recipients[0]"));
  }

  @Test
  void namesAreSnapshotsThatSurviveRenamesAndMergers() {
    long bacLieu = province("Tỉnh Bạc Liêu KT").from("2008-01-01").create();
    long caMau = province("Tỉnh Cà Mau KT").from("2008-01-01").create();
    long ward = unit("WARD", "Phường 1 KT").under(bacLieu).from("2008-01-01").create();
    Map<String, Object> body =
        decision(
            "CT_UBND_TINH",
            "BANG_KHEN",
            "2023-08-01",
            bacLieu,
            List.of(collective(ward), person("Võ Thị Sáu", "Tổ trưởng", ward)));
    body.put("issuerName", null);
    JsonPath created = create(body);
    long id = created.getLong("id");
    String oldWardName = created.getString("recipients[0].name");
    assertThat(created.getString("issuerName")).startsWith("Chủ tịch UBND tỉnh (Tỉnh Bạc Liêu KT");

    // the ward is renamed, then Bạc Liêu merges into Cà Mau and the ward follows
    var unitNow = Api.given().get("/api/units/{id}", ward).then().extract();
    Map<String, Object> rename = new HashMap<>();
    rename.put("name", "Phường Bạc Liêu KT " + UUID.randomUUID().toString().substring(0, 4));
    rename.put("kind", "WARD");
    rename.put("parentId", bacLieu);
    rename.put("validFrom", "2008-01-01");
    Api.json()
        .header("If-Match", unitNow.header("ETag"))
        .body(rename)
        .put("/api/units/{id}", ward)
        .then()
        .statusCode(200);
    UnitBuilder.merge(List.of(bacLieu), caMau);

    Api.given()
        .get("/api/awards/{id}", id)
        .then()
        .body("recipients[0].name", equalTo(oldWardName))
        .body("recipients[0].unit.name", equalTo(rename.get("name")))
        .body("recipients[1].unitName", equalTo(oldWardName))
        .body("issuerName", containsString("Tỉnh Bạc Liêu KT"));
    // Cà Mau's totals include what Bạc Liêu's people received
    Api.given()
        .queryParam("unitId", caMau)
        .get("/api/awards/counts")
        .then()
        .body("collectives", equalTo(1))
        .body("individuals", equalTo(1));
    // and Cà Mau's officers see the decision of the former province
    Api.as(Users.signedIn("PROVINCE_OFFICER", caMau))
        .get("/api/awards/{id}", id)
        .then()
        .statusCode(200);
  }
}
