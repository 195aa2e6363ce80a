package vn.antq.model;

import static org.assertj.core.api.Assertions.assertThat;
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
import vn.antq.support.ModelBuilder;
import vn.antq.support.Users;

/**
 * Models in bulk with their past (issue 26): the status history and recognitions travel with the
 * model, each step under the life cycle's rules; a replay adds nothing, a longer history adds only
 * the new steps, a history that contradicts the server's is refused.
 */
@QuarkusTest
class ModelImportHistoryTest {
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  private static Map<String, Object> step(String to, String date) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("toStatus", to);
    s.put("date", date);
    return s;
  }

  private Map<String, Object> record(String ext, Map<String, Object> data) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("externalId", run + ext);
    r.put("data", data);
    return r;
  }

  private static JsonPath push(String token, String mode, List<Map<String, Object>> rows) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("records", rows))
        .post("/api/imports/models" + (mode == null ? "" : "?mode=" + mode))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath model(long id) {
    return Api.as(Api.adminToken())
        .get("/api/models/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aModelArrivesWithItsStatusHistoryAndRecognitionsAndLaterStepsAreAdded() {
    long prov = province("Tỉnh Lịch Sử Lô").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Lịch Sử").under(prov).from("2008-01-01").create();
    long site = unit("WARD", "Phường Nhân Rộng").under(prov).from("2008-01-01").create();
    String officer = Users.signedIn("PROVINCE_OFFICER", prov);

    Map<String, Object> data = ModelBuilder.body("Tổ tự quản có lịch sử", ward);
    data.put("establishedOn", "2014-03-01");
    List<Map<String, Object>> history = new ArrayList<>();
    history.add(step("ACTIVE", "2014-04-01"));
    history.add(step("REVIEWED", "2016-12-20"));
    Map<String, Object> replicated = step("REPLICATED", "2019-06-01");
    replicated.put("siteUnitIds", List.of(site));
    history.add(step("FINAL_REVIEWED", "2018-12-15"));
    history.add(replicated);
    data.put("history", history);
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("level", "PROVINCE");
    decision.put("decisionNumber", "123/QĐ-UBND");
    decision.put("decisionDate", "2019-09-02");
    data.put("recognitions", List.of(decision));

    JsonPath done = push(officer, null, List.of(record("MH-1", data)));
    assertThat(done.getString("rows[0].outcome")).isEqualTo("CREATED");
    long id = done.getLong("rows[0].id");
    JsonPath m = model(id);
    assertThat(m.getString("status")).isEqualTo("REPLICATED");
    assertThat(m.getString("statusSince")).isEqualTo("2019-06-01");
    assertThat(m.getList("statusHistory.toStatus", String.class))
        .containsExactly("ACTIVE", "REVIEWED", "FINAL_REVIEWED", "REPLICATED");
    assertThat(m.getList("recognitions.decisionNumber", String.class))
        .containsExactly("123/QĐ-UBND");
    assertThat(m.getList("sites.unit.id", Long.class)).containsExactly(site);

    // the same again: nothing changes
    assertThat(push(officer, null, List.of(record("MH-1", data))).getString("rows[0].outcome"))
        .isEqualTo("UNCHANGED");

    // one step more (retired in 2024): only that step is added
    Map<String, Object> retired = step("RETIRED", "2024-01-10");
    retired.put("reason", "Địa bàn sáp nhập, tổ giải thể");
    history.add(retired);
    assertThat(push(officer, null, List.of(record("MH-1", data))).getString("rows[0].outcome"))
        .isEqualTo("UPDATED");
    m = model(id);
    assertThat(m.getString("status")).isEqualTo("RETIRED");
    assertThat(m.getList("statusHistory.toStatus", String.class)).hasSize(5);

    // a history that says otherwise is refused on the step that differs
    history.set(1, step("REVIEWED", "2017-01-05"));
    JsonPath refused = push(officer, "partial", List.of(record("MH-1", data)));
    assertThat(refused.getString("rows[0].outcome")).isEqualTo("REJECTED");
    assertThat(refused.getList("rows[0].violations.field", String.class))
        .containsExactly("data.history[1]");
    assertThat(model(id).getList("statusHistory.toStatus", String.class)).hasSize(5);
  }

  @Test
  void aStepAgainstTheLifeCycleRejectsTheModelWhole() {
    long prov = province("Tỉnh Sai Bước").from("2008-01-01").create();
    long commune = unit("COMMUNE", "Xã Sai Bước").under(prov).from("2008-01-01").create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);

    Map<String, Object> skipping = ModelBuilder.body("Tổ nhảy bước", commune);
    skipping.put("establishedOn", "2015-01-01");
    skipping.put(
        "history", List.of(step("ACTIVE", "2015-02-01"), step("REPLICATED", "2016-01-01")));
    Map<String, Object> backwards = ModelBuilder.body("Tổ lùi ngày", commune);
    backwards.put("establishedOn", "2015-01-01");
    backwards.put("history", List.of(step("ACTIVE", "2016-02-01"), step("REVIEWED", "2015-05-01")));
    Map<String, Object> provincial = ModelBuilder.body("Tổ điển hình tỉnh", commune);
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("level", "PROVINCE");
    decision.put("decisionNumber", "9/QĐ-UBND");
    decision.put("decisionDate", "2021-01-01");
    provincial.put("recognitions", List.of(decision));
    Map<String, Object> fine = ModelBuilder.body("Tổ đúng bước", commune);
    fine.put("history", List.of(step("ACTIVE", "2020-04-01")));

    JsonPath partial =
        push(
            officer,
            "partial",
            List.of(
                record("NB", skipping),
                record("LN", backwards),
                record("DT", provincial),
                record("OK", fine)));
    assertThat(partial.getList("rows.outcome", String.class))
        .containsExactly("REJECTED", "REJECTED", "REJECTED", "CREATED");
    assertThat(partial.getList("rows[0].violations.field", String.class))
        .containsExactly("data.history[1]");
    assertThat(partial.getList("rows[1].violations.field", String.class))
        .containsExactly("data.history[1].date");
    assertThat(partial.getList("rows[2].violations.field", String.class))
        .containsExactly("data.recognitions[0].level");
    // a rejected model left nothing behind, not even its first steps
    assertThat(
            Api.as(officer)
                .queryParam("unitId", commune)
                .get("/api/models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("content.name", String.class))
        .containsExactly("Tổ đúng bước");
  }

  @Test
  void wardPoliceDesignationsArriveInBulkAndAreReplacedNotEdited() {
    long prov = province("Tỉnh Danh Hiệu Lô").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Danh Hiệu").under(prov).from("2008-01-01").create();
    long police =
        unit("POLICE", "Công an phường Danh Hiệu").under(ward).from("2008-01-01").create();
    long commune = unit("COMMUNE", "Xã Danh Hiệu").under(prov).from("2008-01-01").create();
    long communePolice = unit("POLICE", "Công an xã Danh Hiệu").under(commune).create();
    String officer = Users.signedIn("PROVINCE_OFFICER", prov);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int year : new int[] {2022, 2023}) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("unitId", police);
      d.put("year", year);
      d.put("decisionNumber", year + "/QĐ-CAT");
      d.put("decidedOn", year + "-12-20");
      d.put("authority", "Giám đốc Công an tỉnh");
      rows.add(record("DH-" + year, d));
    }
    Map<String, Object> wrong = new LinkedHashMap<>(castData(rows.get(0)));
    wrong.put("unitId", communePolice);
    rows.add(record("DH-XA", wrong));

    JsonPath partial =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(Map.of("records", rows))
            .post("/api/imports/exemplary-police?mode=partial")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(partial.getList("rows.outcome", String.class))
        .containsExactly("CREATED", "CREATED", "REJECTED");
    assertThat(partial.getList("rows[2].violations.field", String.class))
        .containsExactly("data.unitId");
    // the 2023 decision's number corrected: replaced, the sender's id follows the new record
    castData(rows.get(1)).put("decisionNumber", "2023/QĐ-CAT-SĐ");
    JsonPath again =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(Map.of("records", rows.subList(0, 2)))
            .post("/api/imports/exemplary-police")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(again.getList("rows.outcome", String.class)).containsExactly("UNCHANGED", "UPDATED");
    assertThat(again.getLong("rows[1].id")).isNotEqualTo(partial.getLong("rows[1].id"));
    assertThat(
            Api.as(officer)
                .queryParam("unitId", prov)
                .get("/api/exemplary-police")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("content.decisionNumber", String.class))
        .containsExactlyInAnyOrder("2022/QĐ-CAT", "2023/QĐ-CAT-SĐ");
  }

  private static Map<String, Object> castData(Map<String, Object> record) {
    Object data = record.get("data");
    Map<String, Object> out = new LinkedHashMap<>();
    if (data instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
      record.put("data", out);
    }
    return out;
  }
}
