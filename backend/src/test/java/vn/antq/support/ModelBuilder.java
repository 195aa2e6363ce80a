package vn.antq.support;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Models, teams and members through the API, as the test administrator unless told otherwise. */
public final class ModelBuilder {
  private ModelBuilder() {}

  /** The id of a seeded model type, by its code. */
  public static long typeId(String code) {
    JsonPath types =
        Api.given().get("/api/catalogues/MODEL_TYPE").then().statusCode(200).extract().jsonPath();
    return types.getLong("find { it.code == '" + code + "' }.id");
  }

  public static Map<String, Object> body(String name, long unitId) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("typeId", typeId("TU_QUAN_DONG_TOC"));
    body.put("unitId", unitId);
    body.put("leadOrganisations", List.of("POLICE", "FRONT"));
    body.put("establishedOn", "2020-03-15");
    body.put("targetCommunities", List.of("FAMILY_CLAN"));
    return body;
  }

  public static long model(String name, long unitId) {
    return create(body(name, unitId));
  }

  /** Creates a model from a body (see {@link #body}) through the API; its id. */
  public static long create(Map<String, Object> body) {
    return Api.json()
        .body(body)
        .post("/api/models")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  public static long team(long modelId, String name, long unitId) {
    return Api.json()
        .body(Map.of("name", name, "unitId", unitId, "establishedOn", "2020-04-01"))
        .post("/api/models/{id}/teams", modelId)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  public static long member(long modelId, long teamId, String fullName, String role) {
    Map<String, Object> body = new HashMap<>();
    body.put("fullName", fullName);
    body.put("gender", "MALE");
    body.put("birthYear", 1975);
    body.put("role", role);
    body.put("phone", "0912345678");
    body.put("address", "Số 5, khóm 1");
    body.put("joinedOn", "2020-05-01");
    return Api.json()
        .body(body)
        .post("/api/models/{id}/teams/{teamId}/members", modelId, teamId)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }
}
