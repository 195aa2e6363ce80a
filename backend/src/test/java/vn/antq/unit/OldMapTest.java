package vn.antq.unit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.UnitBuilder;

/**
 * The map before the 2025 reform (issue 26): townships under districts, and both kinds only in
 * history — they start before 1/7/2025, end on it at the latest, and take nothing new from then.
 */
@QuarkusTest
class OldMapTest {
  private static void recognise(long model, String level, String day) {
    String etag = Api.given().get("/api/models/{id}", model).then().extract().header("ETag");
    Api.json()
        .header("If-Match", etag)
        .body(Map.of("level", level, "decisionNumber", "12/QĐ-UBND", "decisionDate", day))
        .post("/api/models/{id}/recognitions", model)
        .then()
        .statusCode(200);
  }

  private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
    return Api.json().body(body).post("/api/units").then();
  }

  @Test
  void aTownshipUnderItsDistrictUntilTheReformThenMergedIntoACommune() {
    long prov = province("Tỉnh Bản Đồ Cũ").from("2008-01-01").create();
    long district = unit("DISTRICT", "Huyện Bản Đồ Cũ").under(prov).from("2008-01-01").create();
    long township =
        unit("TOWNSHIP", "Thị trấn Bản Đồ Cũ").under(district).from("2008-01-01").create();
    long hamlet = unit("HAMLET", "Khóm 1").under(township).from("2008-01-01").create();
    Api.given()
        .get("/api/units/{id}", hamlet)
        .then()
        .statusCode(200)
        .body("ancestors.kind", hasItem("TOWNSHIP"));

    // a township sits only under a district
    post(unit("TOWNSHIP", "Thị trấn Lạc Chỗ").under(prov).from("2008-01-01").body())
        .statusCode(422)
        .body("violations[0].field", equalTo("parentId"));
    // from the reform on there are no townships or districts, and none under them
    post(unit("TOWNSHIP", "Thị trấn Mới").under(district).from("2025-07-01").body())
        .statusCode(422)
        .body("violations[0].field", equalTo("validFrom"))
        .body("detail", org.hamcrest.Matchers.containsString("01/07/2025"));
    post(unit("DISTRICT", "Huyện Quá Hạn").under(prov).from("2008-01-01").to("2025-09-01").body())
        .statusCode(422)
        .body("violations[0].field", equalTo("validTo"));
    post(unit("COMMUNE", "Xã Sau Cải Cách").under(district).from("2025-07-01").body())
        .statusCode(422)
        .body("violations[0].field", equalTo("parentId"));

    // on the reform the township merges into a new commune under the province (hamlets move)
    long commune = unit("COMMUNE", "Xã Bản Đồ Mới").under(prov).from("2025-07-01").create();
    UnitBuilder.merge(List.of(township), commune);
    Api.given().get("/api/units/{id}", hamlet).then().body("parentId", equalTo((int) commune));
    // nothing merges into a district from the reform on
    long other = unit("TOWNSHIP", "Thị trấn Thứ Hai").under(district).from("2008-01-01").create();
    long another = unit("TOWNSHIP", "Thị trấn Thứ Ba").under(district).from("2008-01-01").create();
    UnitBuilder.mergeRequest(List.of(other), another)
        .statusCode(422)
        .body("violations.field", hasItem("successorId"));
  }

  @Test
  void districtRecognitionUntilTheReformRanksBetweenCommuneAndProvince() {
    long prov = province("Tỉnh Điển Hình Huyện").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Điển Hình Huyện").under(prov).from("2008-01-01").create();
    long district = vn.antq.support.ModelBuilder.model("Tổ điển hình cấp huyện", ward);
    long commune = vn.antq.support.ModelBuilder.model("Tổ điển hình cấp xã", ward);
    recognise(district, "DISTRICT", "2021-05-04");
    recognise(commune, "COMMUNE", "2021-05-04");
    // after the reform there is no district level to recognise at
    String etag = Api.given().get("/api/models/{id}", commune).then().extract().header("ETag");
    Api.json()
        .header("If-Match", etag)
        .body(
            Map.of(
                "level", "DISTRICT", "decisionNumber", "7/QĐ-UBND", "decisionDate", "2025-07-01"))
        .post("/api/models/{id}/recognitions", commune)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("level"));
    // "at least district" finds the district one, not the commune one
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("recognitionLevel", "DISTRICT")
        .get("/api/models")
        .then()
        .statusCode(200)
        .body("content.id", contains((int) district));
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("from", "2021-01-01")
        .queryParam("to", "2021-12-31")
        .get("/api/reports/summary")
        .then()
        .statusCode(200)
        .body("totals.modelsByRecognition.level", containsInAnyOrder("COMMUNE", "DISTRICT"))
        .body("totals.modelsByRecognition.count", contains(1, 1));
  }
}
