package vn.antq.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.ModelBuilder;

/** The register of models, teams and members: every rule of issue 4 through the API. */
@QuarkusTest
class ModelResourceTest {
  static String user(String role, long unitId) {
    return vn.antq.support.Users.signedIn(role, unitId);
  }

  static String etag(long modelId) {
    return Api.given()
        .get("/api/models/{id}", modelId)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  static ValidatableResponse transition(long id, String to, String date, Map<String, Object> more) {
    Map<String, Object> body = new HashMap<>(more);
    body.put("toStatus", to);
    body.put("date", date);
    return Api.json()
        .header("If-Match", etag(id))
        .body(body)
        .post("/api/models/{id}/transitions", id)
        .then();
  }

  // ------------------------------------------------------------------ catalogues

  @Test
  void catalogueIsSeededEffectiveDatedAndAdministeredByAdministrators() {
    Api.given()
        .get("/api/catalogues/MODEL_TYPE")
        .then()
        .statusCode(200)
        .body("name", hasItem("Câu lạc bộ người hoàn lương"))
        .body("name", hasItem("Tổ giáo dân tự quản, tự phòng"))
        .body(
            "find { it.code == 'DAN_VAN_KHEO' }.parent.name",
            equalTo("Dân vận, xây dựng khu dân cư"));
    long field =
        Api.given()
            .get("/api/catalogues/MODEL_FIELD")
            .jsonPath()
            .getLong("find { it.code == 'DAN_VAN' }.id");
    String code = "T" + System.nanoTime();
    var created =
        Api.json()
            .body(
                Map.of(
                    "code", code, "name", "Loại thử", "parentId", field, "validFrom", "2020-01-01"))
            .post("/api/catalogues/MODEL_TYPE")
            .then()
            .statusCode(201)
            .body("active", equalTo(true))
            .extract();
    long typeId = created.jsonPath().getLong("id");
    // a type needs its field; codes are unique
    Api.json()
        .body(
            Map.of(
                "code",
                "X" + System.nanoTime(),
                "name",
                "Không lĩnh vực",
                "validFrom",
                "2020-01-01"))
        .post("/api/catalogues/MODEL_TYPE")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("parentId"));
    Api.json()
        .body(Map.of("code", code, "name", "Trùng", "parentId", field, "validFrom", "2020-01-01"))
        .post("/api/catalogues/MODEL_TYPE")
        .then()
        .statusCode(409);
    // ended: no longer offered for today, nor accepted for a new model
    Api.json()
        .header("If-Match", created.header("ETag"))
        .body(
            Map.of(
                "code",
                code,
                "name",
                "Loại thử",
                "parentId",
                field,
                "validFrom",
                "2020-01-01",
                "validTo",
                "2024-12-31"))
        .put("/api/catalogues/MODEL_TYPE/{id}", typeId)
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
    Api.given()
        .queryParam("activeOn", java.time.LocalDate.now().toString())
        .get("/api/catalogues/MODEL_TYPE")
        .then()
        .body("id", not(hasItem((int) typeId)));
    long commune =
        unit("COMMUNE", "Xã Danh Mục").under(province("Tỉnh Danh Mục").create()).create();
    Map<String, Object> body = ModelBuilder.body("Mô hình loại cũ", commune);
    body.put("typeId", typeId);
    Api.json()
        .body(body)
        .post("/api/models")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("typeId"))
        .body("violations[0].message", containsString("hết hiệu lực"));
  }

  // ------------------------------------------------------------------ models

  @Test
  void registersAModelWithItsFieldFromItsTypeAndChecksInput() {
    long commune = unit("COMMUNE", "Xã Đăng Ký").under(province("Tỉnh Đăng Ký").create()).create();
    Api.json()
        .body(ModelBuilder.body("Tổ tự quản dòng tộc Nguyễn", commune))
        .post("/api/models")
        .then()
        .statusCode(201)
        .header("ETag", equalTo("\"0\""))
        .body("status", equalTo("REGISTERED"))
        .body("statusSince", equalTo("2020-03-15"))
        .body("type.name", equalTo("Tổ tự quản dòng tộc về an ninh trật tự"))
        .body("field.name", equalTo("Dòng họ, tôn giáo, dân tộc"))
        .body("unit.id", equalTo((int) commune))
        .body("leadOrganisations", contains("POLICE", "FRONT"))
        .body("teamCount", equalTo(0))
        .body("allowedTransitions", contains("ACTIVE", "RETIRED"));
    Map<String, Object> bad = ModelBuilder.body("", commune);
    bad.put("leadOrganisations", List.of());
    Api.json()
        .body(bad)
        .post("/api/models")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("name"));
    Map<String, Object> future = ModelBuilder.body("Tương lai", commune);
    future.put("establishedOn", "2999-01-01");
    Api.json().body(future).post("/api/models").then().statusCode(422);
    Api.json()
        .body(ModelBuilder.body("Không đơn vị", 999_999_999L))
        .post("/api/models")
        .then()
        .statusCode(422);
  }

  @Test
  void theLifeCycleAllowsOnlyItsTransitionsWithDatesInOrder() {
    long province = province("Tỉnh Vòng Đời").create();
    long commune = unit("COMMUNE", "Xã Vòng Đời").under(province).create();
    long other = unit("COMMUNE", "Xã Nhân Rộng").under(province).create();
    long id = ModelBuilder.model("Câu lạc bộ vòng đời", commune);
    transition(id, "FINAL_REVIEWED", "2021-01-01", Map.of())
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("từ «Đăng ký» sang «Đã tổng kết»"));
    transition(id, "ACTIVE", "2020-01-01", Map.of())
        .statusCode(422)
        .body("violations[0].field", equalTo("date"));
    transition(id, "ACTIVE", "2020-06-01", Map.of())
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
    transition(id, "REVIEWED", "2022-06-01", Map.of("note", "Sơ kết 2 năm")).statusCode(200);
    transition(id, "REVIEWED", "2023-06-01", Map.of()).statusCode(200);
    transition(id, "FINAL_REVIEWED", "2024-06-01", Map.of()).statusCode(200);
    transition(id, "REPLICATED", "2024-07-01", Map.of())
        .statusCode(422)
        .body("violations[0].field", equalTo("siteUnitIds"));
    transition(id, "REPLICATED", "2024-07-01", Map.of("siteUnitIds", List.of(other)))
        .statusCode(200)
        .body("status", equalTo("REPLICATED"))
        .body("sites[0].unit.id", equalTo((int) other))
        .body(
            "statusHistory.toStatus",
            contains("ACTIVE", "REVIEWED", "REVIEWED", "FINAL_REVIEWED", "REPLICATED"))
        .body("statusHistory[1].note", equalTo("Sơ kết 2 năm"))
        .body("statusHistory[0].actorName", equalTo(Api.ADMIN));
    transition(id, "RETIRED", "2025-01-01", Map.of())
        .statusCode(422)
        .body("violations[0].field", equalTo("reason"));
    transition(id, "RETIRED", "2025-01-01", Map.of("reason", "Không còn phù hợp"))
        .statusCode(200)
        .body("allowedTransitions", hasSize(0));
    transition(id, "ACTIVE", "2025-02-01", Map.of()).statusCode(409);
    // a retired model's roster is closed
    Api.json()
        .body(Map.of("name", "Tổ muộn", "unitId", commune, "establishedOn", "2025-01-01"))
        .post("/api/models/{id}/teams", id)
        .then()
        .statusCode(409);
  }

  @Test
  void writesNeedTheCurrentVersion() {
    long commune =
        unit("COMMUNE", "Xã Phiên Bản").under(province("Tỉnh Phiên Bản").create()).create();
    long id = ModelBuilder.model("Mô hình phiên bản", commune);
    Api.json()
        .body(ModelBuilder.body("Không If-Match", commune))
        .put("/api/models/{id}", id)
        .then()
        .statusCode(428);
    String stale = etag(id);
    Api.json()
        .header("If-Match", stale)
        .body(ModelBuilder.body("Lần 1", commune))
        .put("/api/models/{id}", id)
        .then()
        .statusCode(200);
    Api.json()
        .header("If-Match", stale)
        .body(ModelBuilder.body("Lần 2", commune))
        .put("/api/models/{id}", id)
        .then()
        .statusCode(412);
    Api.given().get("/api/models/{id}", id).then().body("name", equalTo("Lần 1"));
  }

  @Test
  void parallelTransitionsWithOneVersionGiveOneSuccess() throws Exception {
    long commune =
        unit("COMMUNE", "Xã Song Song").under(province("Tỉnh Song Song").create()).create();
    long id = ModelBuilder.model("Mô hình song song", commune);
    String version = etag(id);
    var pool = Executors.newFixedThreadPool(6);
    List<Callable<Integer>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(
          () ->
              Api.json()
                  .header("If-Match", version)
                  .body(Map.of("toStatus", "ACTIVE", "date", "2021-01-01"))
                  .post("/api/models/{id}/transitions", id)
                  .statusCode());
    }
    List<Integer> codes = new java.util.ArrayList<>();
    for (var f : pool.invokeAll(calls)) {
      codes.add(f.get());
    }
    pool.shutdown();
    assertThat(codes).filteredOn(c -> c == 200).hasSize(1);
    assertThat(codes).filteredOn(c -> c != 200).allMatch(c -> c == 412 || c == 409);
    Api.given().get("/api/models/{id}", id).then().body("statusHistory", hasSize(1));
  }

  @Test
  void recognitionLevelsAreRecordedByTheRightOfficers() {
    long province = province("Tỉnh Điển Hình").create();
    long commune = unit("COMMUNE", "Xã Điển Hình").under(province).create();
    long id = ModelBuilder.model("Mô hình điển hình", commune);
    String communeOfficer = user("COMMUNE_OFFICER", commune);
    String provinceOfficer = user("PROVINCE_OFFICER", province);
    Map<String, Object> provinceLevel =
        Map.of(
            "level",
            "PROVINCE",
            "decisionNumber",
            "1234/QĐ-UBND",
            "decisionDate",
            "2023-05-01",
            "authority",
            "Chủ tịch UBND tỉnh");
    Api.as(communeOfficer)
        .contentType("application/json")
        .header("If-Match", etag(id))
        .body(provinceLevel)
        .post("/api/models/{id}/recognitions", id)
        .then()
        .statusCode(403);
    Api.as(communeOfficer)
        .contentType("application/json")
        .header("If-Match", etag(id))
        .body(
            Map.of(
                "level", "COMMUNE", "decisionNumber", "15/QĐ-UBND", "decisionDate", "2022-05-01"))
        .post("/api/models/{id}/recognitions", id)
        .then()
        .statusCode(200)
        .body("recognitionLevel", equalTo("COMMUNE"));
    Api.as(provinceOfficer)
        .contentType("application/json")
        .header("If-Match", etag(id))
        .body(provinceLevel)
        .post("/api/models/{id}/recognitions", id)
        .then()
        .statusCode(200)
        .body("recognitionLevel", equalTo("PROVINCE"))
        .body("recognitions.decisionNumber", contains("15/QĐ-UBND", "1234/QĐ-UBND"));
    Api.as(provinceOfficer)
        .contentType("application/json")
        .header("If-Match", etag(id))
        .body(provinceLevel)
        .post("/api/models/{id}/recognitions", id)
        .then()
        .statusCode(409);
    Api.given()
        .queryParam("unitId", province)
        .queryParam("recognitionLevel", "PROVINCE")
        .get("/api/models")
        .then()
        .body("content.id", contains((int) id));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("recognitionLevel", "MINISTRY")
        .get("/api/models")
        .then()
        .body("content", hasSize(0));
  }

  // ------------------------------------------------------------------ roster

  @Test
  void countsComeFromTheRosterAndDeclaredTotalsStayApart() {
    long commune = unit("COMMUNE", "Xã Đếm").under(province("Tỉnh Đếm").create()).create();
    long hamlet = unit("HAMLET", "Ấp Đếm").under(commune).create();
    Map<String, Object> body = ModelBuilder.body("Mô hình đếm", commune);
    body.put("declaredTeams", 12);
    body.put("declaredMembers", 150);
    long id = ModelBuilder.create(body);
    long t1 = ModelBuilder.team(id, "Tổ 1", hamlet);
    long t2 = ModelBuilder.team(id, "Tổ 2", hamlet);
    long gone = ModelBuilder.team(id, "Tổ đã giải thể", hamlet);
    ModelBuilder.member(id, t1, "Nguyễn Văn An", "LEADER");
    ModelBuilder.member(id, t1, "Trần Thị Bình", "DEPUTY");
    ModelBuilder.member(id, t2, "Lê Văn Cường", "MEMBER");
    long leaving = ModelBuilder.member(id, t2, "Phạm Văn Dũng", "MEMBER");
    ModelBuilder.member(id, gone, "Võ Văn Em", "MEMBER");
    // a member who left and a dissolved team no longer count
    var members = Api.given().get("/api/models/{id}/teams/{t}/members", id, t2).jsonPath();
    long version = members.getLong("find { it.id == " + leaving + " }.version");
    Api.json()
        .header("If-Match", "\"" + version + "\"")
        .body(
            Map.of(
                "fullName",
                "Phạm Văn Dũng",
                "gender",
                "MALE",
                "role",
                "MEMBER",
                "joinedOn",
                "2020-05-01",
                "leftOn",
                "2024-01-01"))
        .put("/api/models/{id}/members/{m}", id, leaving)
        .then()
        .statusCode(200);
    long teamVersion =
        Api.given()
            .get("/api/models/{id}/teams", id)
            .jsonPath()
            .getLong("find { it.id == " + gone + " }.version");
    Api.json()
        .header("If-Match", "\"" + teamVersion + "\"")
        .body(
            Map.of(
                "name",
                "Tổ đã giải thể",
                "unitId",
                hamlet,
                "establishedOn",
                "2020-04-01",
                "dissolvedOn",
                "2024-01-01"))
        .put("/api/models/{id}/teams/{t}", id, gone)
        .then()
        .statusCode(200);
    Api.given()
        .get("/api/models/{id}", id)
        .then()
        .body("teamCount", equalTo(2))
        .body("memberCount", equalTo(3))
        .body("declaredTeams", equalTo(12))
        .body("declaredMembers", equalTo(150));
    Api.given()
        .get("/api/models/{id}/teams", id)
        .then()
        .body("find { it.id == " + t1 + " }.leader.fullName", equalTo("Nguyễn Văn An"))
        .body("find { it.id == " + t1 + " }.deputy.fullName", equalTo("Trần Thị Bình"))
        .body("find { it.id == " + t1 + " }.memberCount", equalTo(2));
    // one leader per team
    Api.json()
        .body(Map.of("fullName", "Tổ Trưởng Hai", "gender", "MALE", "role", "LEADER"))
        .post("/api/models/{id}/teams/{t}/members", id, t1)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("role"));
    // a team covers a place of the model's commune only
    long elsewhere = unit("COMMUNE", "Xã Khác").under(province("Tỉnh Khác Đếm").create()).create();
    Api.json()
        .body(Map.of("name", "Tổ lạc", "unitId", elsewhere, "establishedOn", "2021-01-01"))
        .post("/api/models/{id}/teams", id)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("unitId"));
    Api.json()
        .body(Map.of("name", "tổ 1", "unitId", hamlet, "establishedOn", "2021-01-01"))
        .post("/api/models/{id}/teams", id)
        .then()
        .statusCode(409);
  }

  @Test
  void phoneAndAddressAreForOfficersOfTheTerritoryOnly() {
    long province = province("Tỉnh Riêng Tư").create();
    long commune = unit("COMMUNE", "Xã Riêng Tư").under(province).create();
    long id = ModelBuilder.model("Mô hình riêng tư", commune);
    long team = ModelBuilder.team(id, "Tổ riêng tư", commune);
    long hoa = ModelBuilder.member(id, team, "Đặng Thị Hoa", "MEMBER");
    String officer = user("COMMUNE_OFFICER", commune);
    String viewer = user("VIEWER", province);
    Api.as(officer)
        .get("/api/models/{id}/teams/{t}/members", id, team)
        .then()
        .statusCode(200)
        .body("[0].phone", equalTo("0912345678"))
        .body("[0].address", equalTo("Số 5, khóm 1"))
        .body("[0].masked", equalTo(false));
    Api.as(viewer)
        .get("/api/models/{id}/teams/{t}/members", id, team)
        .then()
        .statusCode(200)
        .body("[0].phone", equalTo("091*****78"))
        .body("[0].address", equalTo("*** (đã ẩn)"))
        .body("[0].masked", equalTo(true));
    Api.given().get("/api/members?q=dang thi hoa").then().body("content[0].masked", equalTo(true));
    // exports follow the same rule, and are audited
    String csv =
        Api.as(viewer)
            .get("/api/models/{id}/roster.csv", id)
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    assertThat(csv).contains("Đặng Thị Hoa").contains("091*****78").doesNotContain("0912345678");
    String full =
        Api.as(officer)
            .get("/api/models/{id}/roster.csv", id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(full).contains("0912345678").contains("Tổ viên");
    Api.given()
        .queryParam("entityType", "MODEL")
        .queryParam("entityId", id)
        .get("/api/audit")
        .then()
        .body("content.action", hasItem("ROSTER_EXPORT"));
    // the administrator sees masks, so cannot change what is behind them: an edit keeps them
    Api.json()
        .header("If-Match", "\"0\"")
        .body(Map.of("fullName", "Đặng Thị Hoa", "gender", "FEMALE", "role", "DEPUTY"))
        .put("/api/models/{id}/members/{m}", id, hoa)
        .then()
        .statusCode(200)
        .body("role", equalTo("DEPUTY"));
    Api.as(officer)
        .get("/api/models/{id}/teams/{t}/members", id, team)
        .then()
        .body("[0].phone", equalTo("0912345678"))
        .body("[0].address", equalTo("Số 5, khóm 1"));
  }

  @Test
  void aMaskedMemberReadCanBeWrittenBack() {
    long commune = unit("COMMUNE", "Xã Che Số").under(province("Tỉnh Che Số").create()).create();
    long id = ModelBuilder.model("Mô hình che số", commune);
    long team = ModelBuilder.team(id, "Tổ che số", commune);
    long ba = ModelBuilder.member(id, team, "Lý Văn Ba", "MEMBER");
    String officer = user("COMMUNE_OFFICER", commune);
    // the administrator reads masks and sends the body back with one change: the masks keep
    // what is stored (the body read is the body written, as a provincial system does)
    Map<String, Object> read =
        new java.util.HashMap<>(
            Api.given()
                .get("/api/models/{id}/teams/{t}/members", id, team)
                .then()
                .extract()
                .<Map<String, Object>>path("[0]"));
    assertThat(read).containsEntry("phone", "091*****78").containsEntry("address", "*** (đã ẩn)");
    read.put("birthYear", 1976);
    Api.json()
        .header("If-Match", "\"" + read.get("version") + "\"")
        .body(read)
        .put("/api/models/{id}/members/{m}", id, ba)
        .then()
        .statusCode(200)
        .body("birthYear", equalTo(1976))
        .body("phone", equalTo("091*****78"));
    Api.as(officer)
        .get("/api/models/{id}/teams/{t}/members", id, team)
        .then()
        .body("[0].phone", equalTo("0912345678"))
        .body("[0].address", equalTo("Số 5, khóm 1"));
    // a new number from someone who may not see the old one is refused, saying how to keep it
    read.put("phone", "0987654321");
    Api.json()
        .header("If-Match", "\"1\"")
        .body(read)
        .put("/api/models/{id}/members/{m}", id, ba)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("phone"))
        .body("violations[0].message", containsString("chỉ cán bộ Công an, Mặt trận"))
        .body("violations[0].message", containsString("091*****78"));
    // an officer sending a mask that is not the stored one gets the same kind of answer
    Map<String, Object> body =
        new java.util.HashMap<>(
            Map.of(
                "fullName",
                "Lý Văn Ba",
                "gender",
                "MALE",
                "role",
                "MEMBER",
                "phone",
                "091*****00"));
    body.put("address", "Số 5, khóm 1");
    Api.as(officer)
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(body)
        .put("/api/models/{id}/members/{m}", id, ba)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("phone"))
        .body("violations[0].message", containsString("giá trị bị che"));
    // the officer's own mask round trip keeps the number too; a new member cannot start masked
    body.put("phone", "091*****78");
    Api.as(officer)
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(body)
        .put("/api/models/{id}/members/{m}", id, ba)
        .then()
        .statusCode(200)
        .body("phone", equalTo("0912345678"));
    Api.as(officer)
        .contentType("application/json")
        .body(body)
        .post("/api/models/{id}/teams/{t}/members", id, team)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("phone"))
        .body("violations[0].message", containsString("nhập giá trị đầy đủ"));
  }

  @Test
  void rosterExportsAreRateLimited() {
    long commune = unit("COMMUNE", "Xã Xuất").under(province("Tỉnh Xuất").create()).create();
    long id = ModelBuilder.model("Mô hình xuất", commune);
    String officer = user("COMMUNE_OFFICER", commune);
    int limited = 0;
    for (int i = 0; i < ModelResource.EXPORTS_PER_HOUR + 1; i++) {
      var r = Api.as(officer).get("/api/models/{id}/roster.csv", id);
      if (r.statusCode() == 429) {
        limited++;
        assertThat(r.header("Retry-After")).isNotNull();
      }
    }
    // a new hour may start during the loop: then the count begins again
    assertThat(limited).isLessThanOrEqualTo(1);
    if (limited == 0) {
      Api.as(officer)
          .get("/api/models/{id}/roster.csv", id)
          .then()
          .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(429)));
    }
  }

  @Test
  void anImportedRosterIsCheckedRowByRowAndSavedWhole() {
    long commune = unit("COMMUNE", "Xã Nhập").under(province("Tỉnh Nhập").create()).create();
    unit("HAMLET", "Khóm").exactName("Khóm Phước Thạnh").under(commune).create();
    long id = ModelBuilder.model("Mô hình nhập danh sách", commune);
    List<Map<String, Object>> rows =
        List.of(
            row(
                "Tổ 1",
                "khom phuoc thanh",
                "Nguyễn Văn Một",
                "Nam",
                "1970",
                "Tổ trưởng",
                "0911111111",
                "01/02/2021"),
            row("Tổ 1", "", "Trần Thị Hai", "nữ", "1980", "Tổ phó", "0922 222 222", "2021-02-01"),
            row("Tổ 1", "", "Lê Văn Ba", "Nam", "", "Tổ trưởng", "", ""),
            row("Tổ 2", "Ấp Không Có", "Phạm Bốn", "Khác", "19x0", "", "12", "31/02/2021"),
            row("", "", "", "Nam", "", "", "", ""));
    var dry =
        Api.json()
            .body(Map.of("dryRun", true, "rows", rows))
            .post("/api/models/{id}/roster", id)
            .then()
            .statusCode(200)
            .body("valid", equalTo(false))
            .body("applied", equalTo(false))
            .extract()
            .jsonPath();
    List<String> problems = dry.getList("problems.collect { it.row + ':' + it.field }");
    assertThat(problems)
        .contains(
            "3:role",
            "4:area",
            "4:gender",
            "4:birthYear",
            "4:phone",
            "4:joinedOn",
            "5:team",
            "5:fullName")
        .doesNotContain("1:team", "2:role");
    // saving a list with errors saves nothing
    Api.json()
        .body(Map.of("dryRun", false, "rows", rows))
        .post("/api/models/{id}/roster", id)
        .then()
        .statusCode(422);
    Api.given().get("/api/models/{id}/teams", id).then().body("", hasSize(0));

    List<Map<String, Object>> good =
        List.of(
            rows.get(0),
            rows.get(1),
            row("Tổ 2", "", "Phạm Văn Bốn", "Nam", "1990", "Tổ viên", "", ""));
    Api.json()
        .body(Map.of("dryRun", true, "rows", good))
        .post("/api/models/{id}/roster", id)
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("teamsCreated", equalTo(2))
        .body("applied", equalTo(false));
    Api.json()
        .body(Map.of("dryRun", false, "rows", good))
        .post("/api/models/{id}/roster", id)
        .then()
        .statusCode(200)
        .body("applied", equalTo(true))
        .body("membersCreated", equalTo(3));
    Api.given()
        .get("/api/models/{id}/teams", id)
        .then()
        .body("find { it.name == 'Tổ 1' }.unit.name", equalTo("Khóm Phước Thạnh"))
        .body("find { it.name == 'Tổ 1' }.establishedOn", equalTo("2021-02-01"))
        .body("find { it.name == 'Tổ 1' }.leader.fullName", equalTo("Nguyễn Văn Một"))
        .body("find { it.name == 'Tổ 2' }.unit.id", equalTo((int) commune));
    Api.given()
        .get("/api/models/{id}", id)
        .then()
        .body("teamCount", equalTo(2))
        .body("memberCount", equalTo(3));
    // the members as written (one statement for all of them): every field as the rows said
    long team1 =
        Api.given()
            .get("/api/models/{id}/teams", id)
            .then()
            .extract()
            .jsonPath()
            .getLong("find { it.name == 'Tổ 1' }.id");
    Api.given()
        .get("/api/models/{id}/teams/{teamId}/members", id, team1)
        .then()
        .statusCode(200)
        .body("find { it.fullName == 'Trần Thị Hai' }.gender", equalTo("FEMALE"))
        .body("find { it.fullName == 'Trần Thị Hai' }.birthYear", equalTo(1980))
        .body("find { it.fullName == 'Trần Thị Hai' }.role", equalTo("DEPUTY"))
        .body(
            "find { it.fullName == 'Trần Thị Hai' }.phone",
            equalTo("092*****22")) // masked to the administrator
        .body("find { it.fullName == 'Trần Thị Hai' }.joinedOn", equalTo("2021-02-01"))
        .body("find { it.fullName == 'Nguyễn Văn Một' }.role", equalTo("LEADER"));
  }

  @Test
  void aRosterWithoutDatesStartsOnTheDateGivenOrTheModelsFounding() {
    long commune =
        unit("COMMUNE", "Xã Nhập Ngày").under(province("Tỉnh Nhập Ngày").create()).create();
    long id = ModelBuilder.model("Mô hình nhập không ngày", commune); // founded 15/3/2020
    List<Map<String, Object>> rows =
        List.of(
            row("Tổ 1", "", "Đinh Văn Một", "Nam", "1970", "Tổ trưởng", "", ""),
            row("Tổ 1", "", "Đinh Thị Hai", "Nữ", "1981", "Tổ viên", "", ""));
    // no date given: the model's founding date, said in the preview — never the day of import
    Api.json()
        .body(Map.of("dryRun", true, "rows", rows))
        .post("/api/models/{id}/roster", id)
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("defaultDate", equalTo("2020-03-15"))
        .body("defaultDateGiven", equalTo(false))
        .body("rowsDefaulted", equalTo(2));
    // a date in the future, or before the model was founded, is refused
    for (String bad : List.of(java.time.LocalDate.now().plusDays(2).toString(), "2019-12-31")) {
      Api.json()
          .body(Map.of("dryRun", true, "asOf", bad, "rows", rows))
          .post("/api/models/{id}/roster", id)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations[0].field", equalTo("asOf"));
    }
    // the date given: the new team starts then and its members join then
    Api.json()
        .body(Map.of("dryRun", false, "asOf", "2021-06-01", "rows", rows))
        .post("/api/models/{id}/roster", id)
        .then()
        .statusCode(200)
        .body("applied", equalTo(true))
        .body("defaultDate", equalTo("2021-06-01"))
        .body("defaultDateGiven", equalTo(true));
    long team =
        Api.given()
            .get("/api/models/{id}/teams", id)
            .then()
            .body("[0].establishedOn", equalTo("2021-06-01"))
            .extract()
            .jsonPath()
            .getLong("[0].id");
    Api.given()
        .get("/api/models/{id}/teams/{t}/members", id, team)
        .then()
        .body("joinedOn", org.hamcrest.Matchers.everyItem(equalTo("2021-06-01")));
    // so a report counts them from then on, not before
    for (String[] e : new String[][] {{"2021-05-31", "0", "0"}, {"2021-06-01", "1", "2"}}) {
      Api.given()
          .queryParam("unitId", commune)
          .queryParam("from", "2020-01-01")
          .queryParam("to", e[0])
          .get("/api/reports/summary")
          .then()
          .body("totals.teams", equalTo(Integer.parseInt(e[1])))
          .body("totals.members", equalTo(Integer.parseInt(e[2])));
    }
    // an undated member added later to that team joins no earlier than the team started
    Api.json()
        .body(
            Map.of(
                "dryRun",
                false,
                "rows",
                List.of(row("Tổ 1", "", "Đinh Văn Ba", "Nam", "", "Tổ viên", "", ""))))
        .post("/api/models/{id}/roster", id)
        .then()
        .statusCode(200)
        .body("applied", equalTo(true));
    Api.given()
        .get("/api/models/{id}/teams/{t}/members", id, team)
        .then()
        .body("find { it.fullName == 'Đinh Văn Ba' }.joinedOn", equalTo("2021-06-01"));
  }

  @Test
  void anAreaNamedTwiceIsAmbiguousNotMissingAndItsCodeChoosesIt() {
    long commune =
        unit("WARD", "Phường Hai Khối").under(province("Tỉnh Hai Khối").create()).create();
    // after a merge, two residential groups of the ward share a name
    unit("HAMLET", "Khối").exactName("Khối 1").code("HK-1A").under(commune).create();
    long second = unit("HAMLET", "Khối").exactName("Khối 1").code("HK-1B").under(commune).create();
    long id = ModelBuilder.model("Mô hình hai khối", commune);
    Api.json()
        .body(
            Map.of(
                "dryRun",
                true,
                "rows",
                List.of(row("Tổ 1", "khoi 1", "Võ Văn Một", "Nam", "", "Tổ viên", "", ""))))
        .post("/api/models/{id}/roster", id)
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("problems[0].field", equalTo("area"))
        .body("problems[0].message", containsString("Có nhiều địa bàn tên «khoi 1»"))
        .body("problems[0].message", containsString("Khối 1 (mã HK-1A)"))
        .body("problems[0].message", containsString("Khối 1 (mã HK-1B)"));
    Api.json()
        .body(
            Map.of(
                "dryRun",
                false,
                "rows",
                List.of(row("Tổ 1", "HK-1B", "Võ Văn Một", "Nam", "", "Tổ viên", "", ""))))
        .post("/api/models/{id}/roster", id)
        .then()
        .statusCode(200)
        .body("applied", equalTo(true));
    Api.given().get("/api/models/{id}/teams", id).then().body("[0].unit.id", equalTo((int) second));
  }

  static Map<String, Object> row(
      String team,
      String area,
      String name,
      String gender,
      String year,
      String role,
      String phone,
      String joined) {
    Map<String, Object> r = new HashMap<>();
    r.put("team", team);
    r.put("area", area);
    r.put("fullName", name);
    r.put("gender", gender);
    r.put("birthYear", year);
    r.put("role", role);
    r.put("phone", phone);
    r.put("joinedOn", joined);
    return r;
  }

  // ------------------------------------------------------------------ lists and territory

  @Test
  void listsFilterBySubtreeTypeStatusAndTextWithoutDiacritics() {
    long province = province("Tỉnh Lọc").create();
    long communeA = unit("COMMUNE", "Xã Lọc A").under(province).create();
    long communeB = unit("COMMUNE", "Xã Lọc B").under(province).create();
    long hamletA = unit("HAMLET", "Ấp Lọc").under(communeA).create();
    long a = ModelBuilder.model("Tổ tự quản dòng tộc Đoàn", communeA);
    long b = ModelBuilder.model("Câu lạc bộ người hoàn lương", communeB);
    Map<String, Object> clb = ModelBuilder.body("Câu lạc bộ 3 tích cực ấp Lọc", hamletA);
    clb.put("typeId", ModelBuilder.typeId("CLB_3_TICH_CUC"));
    long c =
        Api.json()
            .body(clb)
            .post("/api/models")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    long team = ModelBuilder.team(b, "Tổ hoàn lương", communeB);
    ModelBuilder.member(b, team, "Đinh Quốc Đạt", "MEMBER");
    transition(a, "ACTIVE", "2021-01-01", Map.of()).statusCode(200);

    Api.given()
        .queryParam("unitId", province)
        .get("/api/models")
        .then()
        .body("totalElements", equalTo(3))
        .body(
            "content.name",
            contains(
                "Câu lạc bộ 3 tích cực ấp Lọc",
                "Câu lạc bộ người hoàn lương",
                "Tổ tự quản dòng tộc Đoàn"));
    Api.given()
        .queryParam("unitId", communeA)
        .get("/api/models")
        .then()
        .body("content.id", contains((int) c, (int) a));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "DONG TOC doan")
        .get("/api/models")
        .then()
        .body("content.id", contains((int) a));
    // a member's name finds the model
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "dinh quoc dat")
        .get("/api/models")
        .then()
        .body("content.id", contains((int) b));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("status", "ACTIVE")
        .get("/api/models")
        .then()
        .body("content.id", contains((int) a));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("typeId", ModelBuilder.typeId("CLB_3_TICH_CUC"))
        .get("/api/models")
        .then()
        .body("content.id", contains((int) c));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("sort", "establishedOn,desc")
        .queryParam("size", 2)
        .get("/api/models")
        .then()
        .body("content", hasSize(2))
        .body("totalPages", equalTo(2));
    Api.given().queryParam("sort", "drop table").get("/api/models").then().statusCode(400);
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "dat")
        .get("/api/members")
        .then()
        .body("content[0].fullName", equalTo("Đinh Quốc Đạt"))
        .body("content[0].teamName", equalTo("Tổ hoàn lương"))
        .body("content[0].modelName", equalTo("Câu lạc bộ người hoàn lương"));
  }

  @Test
  void deepPagesFollowTheCursorInEverySortWithoutGapsOrRepeats() {
    long province = province("Tỉnh Con Trỏ").create();
    long commune = unit("COMMUNE", "Xã Con Trỏ").under(province).create();
    long hamlet = unit("HAMLET", "Ấp Con Trỏ").under(commune).create();
    // equal names and equal dates: the id breaks the ties
    for (String name : List.of("Tổ Ánh", "Tổ Anh", "Tổ Ánh", "Tổ Bình", "Tổ Ánh", "Tổ Đông")) {
      ModelBuilder.model(name, hamlet);
    }
    long commended = ModelBuilder.model("Tổ Cường", commune);
    Api.json()
        .header("If-Match", etag(commended))
        .body(
            Map.of(
                "level", "COMMUNE",
                "decisionNumber", "12/QĐ-UBND",
                "decisionDate", "2024-05-01",
                "authority", "Chủ tịch UBND xã"))
        .post("/api/models/{id}/recognitions", commended)
        .then()
        .statusCode(200);
    for (String sort :
        List.of(
            "name,asc",
            "name,desc",
            "establishedOn,desc",
            "recognitionLevel,desc",
            "updatedAt,asc",
            "status,asc")) {
      for (long scope : List.of(province, commune)) {
        List<Integer> whole =
            Api.given()
                .queryParam("unitId", scope)
                .queryParam("sort", sort)
                .queryParam("size", 200)
                .get("/api/models")
                .then()
                .statusCode(200)
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath()
                .getList("content.id");
        List<Integer> walked = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
          var request =
              Api.given()
                  .queryParam("unitId", scope)
                  .queryParam("sort", sort)
                  .queryParam("size", 2);
          if (cursor != null) {
            request.queryParam("after", cursor);
          }
          var page =
              request
                  .get("/api/models")
                  .then()
                  .statusCode(200)
                  .body("totalElements", equalTo(whole.size()))
                  .extract()
                  .jsonPath();
          walked.addAll(page.getList("content.id"));
          cursor = page.getString("nextCursor");
          pages++;
        } while (cursor != null);
        assertThat(walked).as(sort + " from " + scope).isEqualTo(whole);
        assertThat(pages).as(sort).isEqualTo((whole.size() + 1) / 2);
      }
    }
    String second =
        Api.given()
            .queryParam("unitId", province)
            .queryParam("size", 2)
            .get("/api/models")
            .then()
            .extract()
            .jsonPath()
            .getString("nextCursor");
    Api.given()
        .queryParam("unitId", province)
        .queryParam("sort", "name,desc")
        .queryParam("after", second)
        .get("/api/models")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("after"));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("page", 3)
        .queryParam("after", second)
        .get("/api/models")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("page"));
    Api.given()
        .queryParam("after", "not-a-cursor!")
        .get("/api/models")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("after"));
    // a province officer's territory is the same indexed condition as the province filter
    Api.as(user("PROVINCE_OFFICER", province))
        .queryParam("size", 200)
        .get("/api/models")
        .then()
        .statusCode(200)
        .body("totalElements", equalTo(7));
  }

  @Test
  void aModelSearchFindsMembersByTheirWordsAndCountsACommonNameUpToItsLimit() {
    // the test profile: more than 6 models matching is "many", counted up to 3
    long province = province("Tỉnh Nhiều Tên").create();
    long commune = unit("COMMUNE", "Xã Nhiều Tên").under(province).create();
    List<Integer> crowd = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long model = ModelBuilder.model("Tổ nhiều tên " + (char) ('A' + i), commune);
      long team = ModelBuilder.team(model, "Tổ 1", commune);
      ModelBuilder.member(model, team, "Hoàng Văn Nhiềutên", "MEMBER");
      crowd.add((int) model);
    }
    long few = ModelBuilder.model("Tổ ít tên", commune);
    ModelBuilder.member(few, ModelBuilder.team(few, "Tổ 1", commune), "Đỗ Thị Íttên", "MEMBER");
    // few matches: by the words' starts, without diacritics, in any case
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "THI ittên")
        .get("/api/models")
        .then()
        .statusCode(200)
        .body("content.id", contains((int) few))
        .body("totalElements", equalTo(1))
        .body("totalCapped", equalTo(false));
    // inside a word is not the start of one
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "ttên")
        .get("/api/models")
        .then()
        .body("content", hasSize(0));
    // many: every one of them listed in the list's order, counted up to the limit
    for (String q : List.of("hoang van nhieuten", "van nhieu")) {
      Api.given()
          .queryParam("unitId", province)
          .queryParam("q", q)
          .queryParam("size", 20)
          .get("/api/models")
          .then()
          .statusCode(200)
          .body("content.id", equalTo(crowd))
          .body("totalElements", equalTo(3))
          .body("totalCapped", equalTo(true));
    }
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "oang van nhieuten")
        .get("/api/models")
        .then()
        .body("content", hasSize(0))
        .body("totalElements", equalTo(0));
  }

  @Test
  void aSearchMatchingMoreThanItsLimitSaysSoAndStaysFast() {
    // the test profile's limit is 30 (10,000 in production)
    long province = province("Tỉnh Tìm Người").create();
    long commune = unit("COMMUNE", "Xã Tìm Người").under(province).create();
    long model = ModelBuilder.model("Tổ tìm người", commune);
    long team = ModelBuilder.team(model, "Tổ tìm người 1", commune);
    // 32 people "Nguyễn Văn Tìmngười Z", "… Y", …, "… A", "… Z", …: ids and letters disagree
    Map<Long, Character> crowd = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 32; i++) {
      char letter = (char) ('Z' - i % 26);
      crowd.put(
          ModelBuilder.member(model, team, "Nguyễn Văn Tìmngười " + letter, "MEMBER"), letter);
    }
    // more than the limit comes in the order of the matched words, then by id
    Object[] firstTwenty =
        crowd.entrySet().stream()
            .sorted(
                java.util.Map.Entry.<Long, Character>comparingByValue()
                    .thenComparing(java.util.Map.Entry.comparingByKey()))
            .limit(20)
            .map(e -> e.getKey().intValue())
            .toArray();
    ModelBuilder.member(model, team, "Trần Thị Tìmngười", "MEMBER");
    ModelBuilder.member(model, team, "Lê Văn Tìmngười", "MEMBER");
    // counted up to the limit only
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "nguyen van timnguoi")
        .queryParam("size", 20)
        .get("/api/members")
        .then()
        .statusCode(200)
        .body("totalCapped", equalTo(true))
        .body("totalElements", equalTo(30))
        .body("totalPages", equalTo(2))
        .body("content.id", contains(firstTwenty));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "nguyen van timnguoi")
        .queryParam("size", 20)
        .queryParam("page", 1)
        .get("/api/members")
        .then()
        .body("content", hasSize(10));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "nguyen van timnguoi")
        .queryParam("page", 5)
        .get("/api/members")
        .then()
        .statusCode(200)
        .body("content", hasSize(0));
    // within the limit: exact count, Vietnamese name order (L before T, and "Lê" before "Trần")
    Api.given()
        .queryParam("unitId", commune)
        .queryParam("q", "thi timnguoi")
        .get("/api/members")
        .then()
        .body("totalCapped", equalTo(false))
        .body("totalElements", equalTo(1))
        .body("content[0].fullName", equalTo("Trần Thị Tìmngười"));
    Api.as(user("PROVINCE_OFFICER", province))
        .queryParam("q", "van timnguoi")
        .get("/api/members")
        .then()
        .body("totalCapped", equalTo(true));
    Api.as(user("COMMUNE_OFFICER", commune))
        .queryParam("q", "le van timnguoi")
        .get("/api/members")
        .then()
        .body("totalCapped", equalTo(false))
        .body("content.fullName", contains("Lê Văn Tìmngười"));
  }

  @Test
  void aMemberIsFoundInTheProvinceItsModelMovedTo() {
    long from = province("Tỉnh Cũ Của Tổ").create();
    long to = province("Tỉnh Mới Của Tổ").create();
    long commune = unit("COMMUNE", "Xã Dời Tỉnh").under(from).create();
    long model = ModelBuilder.model("Tổ dời tỉnh", commune);
    long team = ModelBuilder.team(model, "Tổ dời tỉnh 1", commune);
    long member = ModelBuilder.member(model, team, "Hoàng Văn Dờitỉnh", "MEMBER");
    Api.given()
        .queryParam("unitId", from)
        .queryParam("q", "van doitinh")
        .get("/api/members")
        .then()
        .body("content.id", contains((int) member));
    // the commune joins the other province (as the 2025 reform moved communes)
    var c = Api.given().get("/api/units/{id}", commune).then().extract();
    Api.json()
        .header("If-Match", c.header("ETag"))
        .body(
            Map.of(
                "name",
                c.path("name"),
                "kind",
                "COMMUNE",
                "validFrom",
                c.path("validFrom"),
                "parentId",
                to))
        .put("/api/units/{id}", commune)
        .then()
        .statusCode(200);
    Api.given()
        .queryParam("unitId", to)
        .queryParam("q", "van doitinh")
        .get("/api/members")
        .then()
        .body("content.id", contains((int) member));
    Api.given()
        .queryParam("unitId", from)
        .queryParam("q", "van doitinh")
        .get("/api/members")
        .then()
        .body("totalElements", equalTo(0));
    Api.as(user("PROVINCE_OFFICER", to))
        .queryParam("q", "hoang van doitinh")
        .get("/api/members")
        .then()
        .body("content.id", contains((int) member));
  }

  @Test
  void nobodyReadsOrWritesModelsOutsideTheirTerritory() {
    long mine = province("Tỉnh Của Tôi").create();
    long myCommune = unit("COMMUNE", "Xã Của Tôi").under(mine).create();
    long theirs = province("Tỉnh Người Khác").create();
    long theirCommune = unit("COMMUNE", "Xã Người Khác").under(theirs).create();
    long myModel = ModelBuilder.model("Mô hình của tôi", myCommune);
    long theirModel = ModelBuilder.model("Mô hình người khác", theirCommune);
    long theirTeam = ModelBuilder.team(theirModel, "Tổ người khác", theirCommune);
    String officer = user("COMMUNE_OFFICER", myCommune);
    Api.as(officer)
        .get("/api/models")
        .then()
        .body("content.id", hasItem((int) myModel))
        .body("content.id", not(hasItem((int) theirModel)));
    Api.as(officer).get("/api/models/{id}", theirModel).then().statusCode(404);
    Api.as(officer)
        .get("/api/models/{id}/teams/{t}/members", theirModel, theirTeam)
        .then()
        .statusCode(404);
    Api.as(officer)
        .get("/api/members?q=nguyen")
        .then()
        .body("content.modelName", not(hasItem("Mô hình người khác")));
    Api.as(officer)
        .contentType("application/json")
        .body(ModelBuilder.body("Lấn sân", theirCommune))
        .post("/api/models")
        .then()
        .statusCode(422);
    // moving my model out of my territory is refused like creating it there
    Api.as(officer)
        .contentType("application/json")
        .header("If-Match", etag(myModel))
        .body(ModelBuilder.body("Chuyển đi", theirCommune))
        .put("/api/models/{id}", myModel)
        .then()
        .statusCode(422);
    Api.given()
        .get("/api/models/{id}", myModel)
        .then()
        .body("unit.id", equalTo((int) myCommune))
        .body("recognitionLevel", nullValue());
  }
}
