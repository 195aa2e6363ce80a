package vn.antq.unit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.ModelBuilder;

/** A rename keeps the unit and its records and dates the name it gives up (issue 26). */
@QuarkusTest
class UnitRenameTest {
  private static ValidatableResponse rename(long id, String name, String date) {
    String etag = Api.given().get("/api/units/{id}", id).then().extract().header("ETag");
    return Api.json()
        .header("If-Match", etag)
        .body(Map.of("name", name, "date", date, "note", "Nghị quyết đổi tên"))
        .post("/api/units/{id}/rename", id)
        .then();
  }

  @Test
  void aWardRenamedKeepsItsModelsAndRemembersItsFormerNames() {
    long prov = province("Tỉnh Đổi Tên").from("2008-01-01").create();
    long ward = unit("WARD", "Phường 1").under(prov).from("2008-01-01").create();
    long model = ModelBuilder.model("Tổ tự quản trước đổi tên", ward);

    rename(ward, "Phường Hiệp Thành", "2020-01-01")
        .statusCode(200)
        .body("id", equalTo((int) ward))
        .body("name", equalTo("Phường Hiệp Thành"))
        .body("formerNames.until", contains("2020-01-01"))
        .body("formerNames[0].note", equalTo("Nghị quyết đổi tên"));
    rename(ward, "Phường Hiệp Thành Mới", "2025-07-01").statusCode(200);
    Api.given()
        .get("/api/units/{id}", ward)
        .then()
        .body("formerNames.until", contains("2020-01-01", "2025-07-01"))
        .body("formerNames.name", hasItem(org.hamcrest.Matchers.startsWith("Phường 1")));
    // the model stays on the same unit, now under its new name
    Api.given()
        .get("/api/models/{id}", model)
        .then()
        .body("unit.id", equalTo((int) ward))
        .body("unit.name", equalTo("Phường Hiệp Thành Mới"));

    // dates in order, not in the future, a different name; a stale ETag is refused
    rename(ward, "Phường Lùi Ngày", "2024-01-01")
        .statusCode(422)
        .body("violations[0].field", equalTo("date"));
    rename(ward, "Phường Tương Lai", "2099-01-01").statusCode(422);
    rename(ward, "Phường Hiệp Thành Mới", "2026-01-01")
        .statusCode(422)
        .body("violations[0].field", equalTo("name"));
    Api.json()
        .header("If-Match", "\"0\"")
        .body(Map.of("name", "Phường Cũ Kỹ", "date", "2026-01-01"))
        .post("/api/units/{id}/rename", ward)
        .then()
        .statusCode(412);
    Api.given()
        .queryParam("entityType", "UNIT")
        .queryParam("entityId", ward)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("content.action", hasItem("RENAME"));
  }
}
