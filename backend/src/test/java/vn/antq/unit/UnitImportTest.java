package vn.antq.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unique;
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
 * Units in bulk (issue 26): a province's tree in one request, parents named by the sender's own ids
 * in any order, circles refused, a replay changes nothing, territory as one by one.
 */
@QuarkusTest
class UnitImportTest {
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  private Map<String, Object> row(String ext, String kind, String name, String parentExt) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", name);
    data.put("kind", kind);
    data.put("validFrom", "2008-01-01");
    if (parentExt != null) {
      data.put("parentExternalId", run + parentExt);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("externalId", run + ext);
    r.put("data", data);
    return r;
  }

  private Map<String, Object> rowUnder(String ext, String kind, String name, long parentId) {
    Map<String, Object> r = row(ext, kind, name, null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", name);
    data.put("kind", kind);
    data.put("validFrom", "2008-01-01");
    data.put("parentId", parentId);
    r.put("data", data);
    return r;
  }

  private static io.restassured.response.Response push(
      String token, String mode, List<Map<String, Object>> rows) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("records", rows))
        .post("/api/imports/units" + (mode == null ? "" : "?mode=" + mode));
  }

  private static JsonPath children(long parent) {
    return Api.as(Api.adminToken())
        .queryParam("parentId", parent)
        .queryParam("size", 100)
        .get("/api/units")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aTreeSentChildrenFirstIsSavedParentsFirstAndAReplayChangesNothing() {
    String provinceName = unique("Tỉnh Nhập Lô");
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("AP-1", "HAMLET", "Ấp Một", "XA-1"));
    rows.add(row("XA-1", "COMMUNE", "Xã Một", "TINH"));
    rows.add(row("PH-2", "WARD", "Phường Hai", "TINH"));
    rows.add(row("TINH", "PROVINCE", provinceName, null));
    rows.add(row("AP-2", "HAMLET", "Khóm Hai", "PH-2"));

    JsonPath done = push(Api.adminToken(), null, rows).then().statusCode(200).extract().jsonPath();
    // answered in the batch's order, whatever order they were saved in
    assertThat(done.getList("rows.externalId", String.class))
        .containsExactly(run + "AP-1", run + "XA-1", run + "PH-2", run + "TINH", run + "AP-2");
    assertThat(done.getList("rows.outcome", String.class)).containsOnly("CREATED");
    long province = done.getLong("rows[3].id");
    long commune = done.getLong("rows[1].id");
    long ward = done.getLong("rows[2].id");
    assertThat(children(province).getList("content.id", Long.class))
        .containsExactlyInAnyOrder(commune, ward);
    assertThat(children(commune).getList("content.id", Long.class))
        .containsExactly(done.getLong("rows[0].id"));
    assertThat(children(ward).getList("content.name", String.class)).containsExactly("Khóm Hai");

    // the same batch again: nothing new, nothing changed
    JsonPath again = push(Api.adminToken(), null, rows).then().statusCode(200).extract().jsonPath();
    assertThat(again.getList("rows.outcome", String.class)).containsOnly("UNCHANGED");
    assertThat(again.getList("rows.id", Long.class)).isEqualTo(done.getList("rows.id", Long.class));

    // a hamlet moved under the ward by its sender's id; a later batch names an earlier parent
    rows.get(0).put("data", row("AP-1", "HAMLET", "Ấp Một", "PH-2").get("data"));
    List<Map<String, Object>> later = List.of(rows.get(0), row("AP-3", "HAMLET", "Ấp Ba", "XA-1"));
    JsonPath moved =
        push(Api.adminToken(), null, later).then().statusCode(200).extract().jsonPath();
    assertThat(moved.getList("rows.outcome", String.class)).containsExactly("UPDATED", "CREATED");
    assertThat(children(ward).getList("content.name", String.class))
        .containsExactlyInAnyOrder("Khóm Hai", "Ấp Một");
    assertThat(children(commune).getList("content.name", String.class)).containsExactly("Ấp Ba");

    // a unit is not deleted in bulk: it is retired (validTo) or merged
    Map<String, Object> gone = row("AP-3", "HAMLET", "Ấp Ba", "XA-1");
    gone.put("deleted", true);
    JsonPath refused =
        push(Api.adminToken(), "partial", List.of(gone))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(refused.getList("rows.outcome", String.class)).containsExactly("REJECTED");
    assertThat(refused.getString("rows[0].violations[0].message")).contains("validTo");
  }

  @Test
  void circlesAndUnknownParentsAreRefusedAndTheRestGoesInPartialMode() {
    long province = province("Tỉnh Vòng Lô").create();
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Object> top = rowUnder("XA-OK", "COMMUNE", "Xã Đúng", province);
    rows.add(row("AP-OK", "HAMLET", "Ấp Đúng", "XA-OK"));
    rows.add(top);
    rows.add(row("A", "COMMUNE", "Xã A", "B"));
    rows.add(row("B", "COMMUNE", "Xã B", "C"));
    rows.add(row("C", "COMMUNE", "Xã C", "A"));
    rows.add(row("AP-MO", "HAMLET", "Ấp Mồ Côi", "KHONG-CO"));

    var problem =
        push(Api.adminToken(), null, rows)
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .extract()
            .jsonPath();
    assertThat(problem.getList("violations.field", String.class))
        .contains(
            "records[2].data.parentExternalId",
            "records[3].data.parentExternalId",
            "records[4].data.parentExternalId",
            "records[5].data.parentExternalId");
    assertThat(problem.getList("violations.message", String.class))
        .anyMatch(m -> m.contains("thành vòng") && m.contains(run + "A → " + run + "B"))
        .anyMatch(m -> m.contains(run + "KHONG-CO"));
    assertThat(children(province).getList("content", Object.class)).isEmpty();

    JsonPath partial =
        push(Api.adminToken(), "partial", rows).then().statusCode(200).extract().jsonPath();
    assertThat(partial.getList("rows.outcome", String.class))
        .containsExactly("CREATED", "CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
    assertThat(children(province).getList("content.name", String.class)).containsExactly("Xã Đúng");
  }

  @Test
  void aProvinceOfficerPlacesUnitsOnlyInsideTheProvince() {
    long own = province("Tỉnh Nhà Lô").create();
    long foreign = province("Tỉnh Lạ Lô").create();
    String officer = Users.signedIn("PROVINCE_OFFICER", own);
    Map<String, Object> inside = rowUnder("TRONG", "COMMUNE", "Xã Trong", own);
    Map<String, Object> outside = rowUnder("NGOAI", "COMMUNE", "Xã Ngoài", foreign);
    Map<String, Object> root = row("GOC", "PROVINCE", unique("Tỉnh Tự Lập"), null);

    JsonPath partial =
        push(officer, "partial", List.of(inside, outside, root))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(partial.getList("rows.outcome", String.class))
        .containsExactly("CREATED", "REJECTED", "REJECTED");
    assertThat(partial.getList("rows[1].violations.field", String.class)).contains("data.parentId");
    assertThat(children(foreign).getList("content", Object.class)).isEmpty();
    long commune = unit("COMMUNE", "Xã Khác").under(own).create();
    assertThat(children(own).getList("content.id", Long.class))
        .contains(partial.getLong("rows[0].id"), commune);
  }
}
