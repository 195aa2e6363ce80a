package vn.antq.support;

import static org.hamcrest.Matchers.notNullValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Creates units through the API for one test, with unique names. */
public final class UnitBuilder {
  private final Map<String, Object> body = new LinkedHashMap<>();

  private UnitBuilder(String kind, String name) {
    body.put("name", name);
    body.put("kind", kind);
    body.put("validFrom", "2020-01-01");
  }

  public static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Merges {@code predecessors} into {@code successor} on 1 July 2025, their children with them.
   */
  public static void merge(java.util.List<Long> predecessors, long successor) {
    mergeRequest(predecessors, successor).statusCode(200);
  }

  /** The answer to {@link #merge}'s request, whatever it is. */
  public static io.restassured.response.ValidatableResponse mergeRequest(
      java.util.List<Long> predecessors, long successor) {
    return Api.json()
        .body(
            Map.of(
                "predecessorIds",
                predecessors,
                "successorId",
                successor,
                "date",
                "2025-07-01",
                "transferChildren",
                true))
        .post("/api/units/merge")
        .then();
  }

  public static UnitBuilder province(String name) {
    return new UnitBuilder("PROVINCE", unique(name));
  }

  public static UnitBuilder unit(String kind, String name) {
    return new UnitBuilder(kind, unique(name));
  }

  public UnitBuilder exactName(String name) {
    body.put("name", name);
    return this;
  }

  public UnitBuilder under(long parentId) {
    body.put("parentId", parentId);
    return this;
  }

  public UnitBuilder code(String code) {
    body.put("code", code);
    return this;
  }

  public UnitBuilder from(String date) {
    body.put("validFrom", date);
    return this;
  }

  public UnitBuilder to(String date) {
    body.put("validTo", date);
    return this;
  }

  public Map<String, Object> body() {
    return body;
  }

  /** Creates the unit and returns its id. */
  public long create() {
    return Api.json()
        .body(body)
        .post("/api/units")
        .then()
        .statusCode(201)
        .body("id", notNullValue())
        .extract()
        .jsonPath()
        .getLong("id");
  }
}
