package vn.antq.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.ModelBuilder;
import vn.antq.support.Users;

/**
 * New models pushed in bulk are registered set-based (issue 24, {@link ModelBulkWriter}), under
 * exactly the rules of POST /api/models: a model so made reads back as one registered by hand, a
 * refused row writes nothing and names its field, and a partial job's blocks run side by side.
 */
@QuarkusTest
class ModelBulkImportTest {
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  private Map<String, Object> record(String ext, Map<String, Object> data) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("externalId", run + ext);
    r.put("data", data);
    return r;
  }

  private static JsonPath model(String token, long id) {
    return Api.as(token).get("/api/models/" + id).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aModelPushedInBulkReadsBackAsOneRegisteredByHandAndRefusalsNameTheirField() {
    long prov = province("Tỉnh Lô Mô Hình").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Lô Mô Hình").under(prov).from("2008-01-01").create();
    long otherProv = province("Tỉnh Ngoài Lô").from("2008-01-01").create();
    long outside = unit("WARD", "Phường Ngoài Lô").under(otherProv).from("2008-01-01").create();
    String officer = Users.signedIn("PROVINCE_OFFICER", prov);

    Map<String, Object> full = ModelBuilder.body("Tổ tự quản bến đò", ward);
    full.put("description", "Tổ giữ an ninh bến đò, họp hằng tháng");
    full.put("declaredTeams", 3);
    full.put("declaredMembers", 27);
    full.put("leadOrganisations", List.of("FRONT", "POLICE", "FRONT"));
    full.put("position", Map.of("latitude", 9.29, "longitude", 105.72, "accuracy", 12.5));
    Map<String, Object> badType = new HashMap<>(ModelBuilder.body("Tổ sai loại", ward));
    badType.put("typeId", 987654321L);
    Map<String, Object> future = new HashMap<>(ModelBuilder.body("Tổ ngày sau", ward));
    future.put("establishedOn", "2999-01-01");
    Map<String, Object> plain = ModelBuilder.body("Tổ tự quản khóm 2", ward);

    JsonPath pushed =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "records",
                    List.of(
                        record("A", full),
                        record("B", badType),
                        record("C", ModelBuilder.body("Tổ ngoài địa bàn", outside)),
                        record("D", future),
                        record("E", plain))))
            .post("/api/imports/models?mode=partial")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(pushed.getList("rows.outcome", String.class))
        .containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "CREATED");
    assertThat(pushed.getList("rows[1].violations.field", String.class))
        .containsExactly("data.typeId");
    assertThat(pushed.getList("rows[2].violations.field", String.class))
        .containsExactly("data.unitId");
    assertThat(pushed.getList("rows[3].violations.field", String.class))
        .containsExactly("data.establishedOn");

    // the same model registered by hand reads back the same, but for its id and name
    Map<String, Object> byHand = new HashMap<>(full);
    byHand.put("name", "Tổ tự quản bến đò (tay)");
    long handId =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(byHand)
            .post("/api/models")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Map<String, Object> bulk =
        new HashMap<>(model(officer, pushed.getLong("rows[0].id")).getMap(""));
    Map<String, Object> hand = new HashMap<>(model(officer, handId).getMap(""));
    assertThat(bulk.remove("name")).isEqualTo("Tổ tự quản bến đò");
    hand.remove("name");
    assertThat(bulk.remove("id")).isNotEqualTo(hand.remove("id"));
    assertThat(bulk).isEqualTo(hand);
    assertThat(bulk.get("leadOrganisations")).isEqualTo(List.of("FRONT", "POLICE"));
    assertThat(pushed.getLong("rows[0].version")).isZero();

    // counted in the province's list (province and bucket from the triggers) and audited
    assertThat(
            Api.as(officer)
                .queryParam("unitId", prov)
                .get("/api/models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("content.name", String.class))
        .contains("Tổ tự quản bến đò", "Tổ tự quản khóm 2")
        .doesNotContain("Tổ sai loại", "Tổ ngày sau");
    assertThat(
            Api.as(Api.adminToken())
                .queryParam("entityType", "MODEL")
                .queryParam("entityId", pushed.getLong("rows[4].id"))
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("content.action", String.class))
        .containsExactly("CREATE");

    // sent again: unchanged, nothing written twice
    assertThat(
            Api.as(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("records", List.of(record("A", full), record("E", plain))))
                .post("/api/imports/models?mode=partial")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows.outcome", String.class))
        .containsExactly("UNCHANGED", "UNCHANGED");
  }

  @Test
  void aPartialJobOfModelsRunsItsBlocksSideBySide() throws Exception {
    long prov = province("Tỉnh Lô Lớn Mô Hình").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Lô Lớn").under(prov).from("2008-01-01").create();
    String officer = Users.signedIn("PROVINCE_OFFICER", prov);
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Object> template = ModelBuilder.body("", ward);
    for (int i = 0; i < 2_500; i++) {
      Map<String, Object> data = new HashMap<>(template);
      data.put("name", "Tổ tự quản số " + i);
      if (i == 1_700) {
        data.put("establishedOn", "2999-01-01");
      }
      rows.add(record("J-" + i, data));
    }
    String location =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(Map.of("records", rows))
            .post("/api/import-jobs?resource=models&mode=partial")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    JsonPath job = Api.as(officer).get(location).then().statusCode(200).extract().jsonPath();
    for (int i = 0; i < 600 && List.of("QUEUED", "RUNNING").contains(job.getString("state")); i++) {
      Thread.sleep(100);
      job = Api.as(officer).get(location).then().statusCode(200).extract().jsonPath();
    }
    assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
    assertThat(job.getInt("counts.created")).isEqualTo(2_499);
    assertThat(job.getInt("counts.rejected")).isEqualTo(1);
    assertThat(job.getList("errors.index", Integer.class)).containsExactly(1_700);
    assertThat(
            Api.as(officer)
                .queryParam("unitId", ward)
                .queryParam("size", 1)
                .get("/api/models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("totalElements"))
        .isEqualTo(2_499L);
  }
}
