package vn.antq.territory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;
import vn.antq.support.Users;

/**
 * Locations (issue 25): an event and a model carry where they are, from a phone's GPS or a map;
 * only places in Vietnam are taken, and the location travels through the change feed and the
 * exports.
 */
@QuarkusTest
class PositionTest {
  static Map<String, Object> at(double latitude, double longitude, Double accuracy) {
    Map<String, Object> p = new HashMap<>();
    p.put("latitude", latitude);
    p.put("longitude", longitude);
    if (accuracy != null) {
      p.put("accuracy", accuracy);
    }
    return p;
  }

  @Test
  void anEventKeepsWhereItTookPlaceAndOnlyInVietnam() {
    long ward = unit("WARD", "Phường Tọa Độ").under(province("Tỉnh Tọa Độ").create()).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", ward);
    Map<String, Object> body = EventBuilder.body("Tuần tra bến đò", ward);
    // the ferry landing of Bạc Liêu, by a phone's GPS to 12 m
    body.put("position", at(9.2941, 105.7278, 12.5));
    long id =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/events")
            .then()
            .statusCode(201)
            .body("position.latitude", equalTo(9.2941f))
            .body("position.longitude", equalTo(105.7278f))
            .body("position.accuracy", equalTo(12.5f))
            .extract()
            .jsonPath()
            .getLong("id");

    // a latitude no place has: the contract's range, field by field
    body.put("position", at(91, 105.7, null));
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("position.latitude"));
    // Paris: a real place, not in Vietnam
    body.put("position", at(48.8566, 2.3522, null));
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("position"))
        .body("violations[0].message", containsString("ngoài lãnh thổ Việt Nam"));
    // Trường Sa (Spratly Islands) is Vietnam
    body.put("position", at(8.6447, 111.9203, null));
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/events")
        .then()
        .statusCode(201);

    // the export carries it
    String csv =
        Api.as(officer)
            .queryParam("format", "csv")
            .queryParam("unitId", ward)
            .get("/api/events/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertNotNull(csv);
    org.assertj.core.api.Assertions.assertThat(csv)
        .contains("Vĩ độ")
        .contains("9.2941")
        .contains("105.7278");

    // an edit without it removes it (the record is sent whole)
    String etag = Api.as(officer).get("/api/events/{id}", id).header("ETag");
    body.remove("position");
    Api.as(officer)
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(body)
        .put("/api/events/{id}", id)
        .then()
        .statusCode(200)
        .body("position", nullValue());
  }

  @Test
  void aModelsLocationSurvivesTheChangeFeedRoundTrip() {
    long commune = unit("COMMUNE", "Xã Bản Đồ").under(province("Tỉnh Bản Đồ").create()).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    Map<String, Object> body = ModelBuilder.body("Tổ tự quản có tọa độ", commune);
    body.put("position", at(9.1769, 105.1524, null));
    long id = ModelBuilder.create(body);
    Api.as(officer)
        .get("/api/models/{id}", id)
        .then()
        .statusCode(200)
        .body("position.latitude", equalTo(9.1769f))
        .body("position.accuracy", nullValue());
    Api.as(officer)
        .queryParam("unitId", commune)
        .get("/api/models")
        .then()
        .body("content[0].position.longitude", equalTo(105.1524f));

    // what a provincial system reads from the feed is what it can push back: the same location
    String cursor = null;
    Map<String, Object> seen = null;
    boolean more = true;
    while (more) {
      JsonPath page =
          Api.as(officer)
              .get(
                  "/api/changes?limit=500&types=MODEL" + (cursor == null ? "" : "&after=" + cursor))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              // as doubles: a float would move the point by a centimetre
              .using(
                  new io.restassured.path.json.config.JsonPathConfig(
                      io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
      for (Map<String, Object> c : page.<Map<String, Object>>getList("items")) {
        if (((Number) c.get("id")).longValue() == id) {
          @SuppressWarnings("unchecked")
          Map<String, Object> data = (Map<String, Object>) c.get("data");
          seen = data;
        }
      }
      cursor = page.getString("next");
      more = page.getBoolean("more");
    }
    assertNotNull(seen);
    @SuppressWarnings("unchecked")
    Map<String, Object> position = (Map<String, Object>) seen.get("position");
    assertEquals(9.1769, ((Number) position.get("latitude")).doubleValue(), 1e-9);
    assertEquals(105.1524, ((Number) position.get("longitude")).doubleValue(), 1e-9);

    // pushed back as another system's record: built from the feed's fields alone
    Map<String, Object> back = new HashMap<>();
    back.put("name", seen.get("name"));
    back.put("typeId", ((Map<?, ?>) seen.get("type")).get("id"));
    back.put("unitId", ((Map<?, ?>) seen.get("unit")).get("id"));
    back.put("leadOrganisations", seen.get("leadOrganisations"));
    back.put("establishedOn", seen.get("establishedOn"));
    back.put("position", position);
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(Map.of("records", java.util.List.of(Map.of("externalId", "m-" + id, "data", back))))
        .post("/api/imports/models")
        .then()
        .statusCode(200);
    Api.as(officer)
        .queryParam("q", "Tổ tự quản có tọa độ")
        .queryParam("unitId", commune)
        .get("/api/models")
        .then()
        .body("totalElements", equalTo(2))
        .body("content.position.latitude", org.hamcrest.Matchers.everyItem(equalTo(9.1769f)));
  }
}
