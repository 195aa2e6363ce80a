package vn.antq.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;

/**
 * The community a model serves (issue 26: "đồng bào dân tộc Khmer"): its ethnic group and religion
 * from their catalogues, a filter of the list, and the report's breakdown of the models in force.
 */
@QuarkusTest
class ModelCommunityTest {
  private static long create(String name, long unit, Long ethnic, Long religion) {
    Map<String, Object> body = ModelBuilder.body(name, unit);
    body.put("establishedOn", "2018-05-01");
    if (ethnic != null) {
      body.put("ethnicGroupId", ethnic);
    }
    if (religion != null) {
      body.put("religionId", religion);
    }
    return ModelBuilder.create(body);
  }

  private static JsonPath list(long unit, String filter, long id) {
    return Api.given()
        .queryParam("unitId", unit)
        .queryParam(filter, id)
        .get("/api/models")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath summary(long unit, String to) {
    return Api.given()
        .queryParam("unitId", unit)
        .queryParam("from", "2018-01-01")
        .queryParam("to", to)
        .get("/api/reports/summary")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void modelsServingTheKhmerCommunityAreFilteredAndCounted() {
    long khmer = EventBuilder.catalogueId("ETHNIC_GROUP", "DT05");
    long buddhism = EventBuilder.catalogueId("RELIGION", "TG01");
    long catholic = EventBuilder.catalogueId("RELIGION", "TG02");
    long prov = province("Tỉnh Đồng Bào").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Đồng Bào").under(prov).from("2008-01-01").create();
    long pagoda = create("Tổ tự quản chùa Khmer", ward, khmer, buddhism);
    long clan = create("Tổ tự quản phum sóc", ward, khmer, null);
    long parish = create("Tổ tự quản giáo xứ", ward, null, catholic);
    create("Tổ tự quản khu phố", ward, null, null);

    JsonPath d =
        Api.given().get("/api/models/{id}", pagoda).then().statusCode(200).extract().jsonPath();
    assertThat(d.getString("ethnicGroup.name")).isEqualTo("Dân tộc Khmer");
    assertThat(d.getString("religion.name")).isEqualTo("Phật giáo");
    assertThat(list(ward, "ethnicGroupId", khmer).getList("content.id", Long.class))
        .containsExactlyInAnyOrder(pagoda, clan);
    assertThat(list(ward, "religionId", catholic).getList("content.id", Long.class))
        .containsExactly(parish);

    // the province's report (from its roll-ups) and the ward's (from its rows) count the same
    for (long unit : List.of(prov, ward)) {
      JsonPath r = summary(unit, "2024-12-31");
      assertThat(r.getList("totals.modelsByEthnicGroup.item.code", String.class))
          .containsExactly("DT05");
      assertThat(r.getList("totals.modelsByEthnicGroup.count", Integer.class)).containsExactly(2);
      assertThat(r.getList("totals.modelsByReligion.item.code", String.class))
          .containsExactlyInAnyOrder("TG01", "TG02");
    }

    // a model retired is no longer counted after; not an ethnic group where a religion goes
    String etag = Api.given().get("/api/models/{id}", clan).then().extract().header("ETag");
    Api.json()
        .header("If-Match", etag)
        .body(Map.of("toStatus", "RETIRED", "date", "2020-01-01", "reason", "Giải thể"))
        .post("/api/models/{id}/transitions", clan)
        .then()
        .statusCode(200);
    assertThat(summary(prov, "2024-12-31").getList("totals.modelsByEthnicGroup.count"))
        .containsExactly(1);
    assertThat(summary(prov, "2019-12-31").getList("totals.modelsByEthnicGroup.count"))
        .containsExactly(2);
    Map<String, Object> wrong = ModelBuilder.body("Tổ sai danh mục", ward);
    wrong.put("ethnicGroupId", buddhism);
    Api.json()
        .body(wrong)
        .post("/api/models")
        .then()
        .statusCode(422)
        .body("violations[0].field", org.hamcrest.Matchers.equalTo("ethnicGroupId"));
  }
}
