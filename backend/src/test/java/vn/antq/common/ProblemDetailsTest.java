package vn.antq.common;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.UnitBuilder;

/** Bad input of every kind gets a clear problem+json 4xx; never a 500, a class name or SQL. */
@QuarkusTest
class ProblemDetailsTest {

  private static ValidatableResponse problem(Response r, int status, String type) {
    return r.then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:antq:problem:" + type))
        .body("status", equalTo(status))
        .body("title", notNullValue())
        .body("detail", notNullValue())
        .body(
            allOf(
                not(containsString("Exception")),
                not(containsString("java.")),
                not(containsString("vn.antq")),
                not(containsString("com.fasterxml")),
                not(containsString("SELECT")),
                not(containsString("\tat "))));
  }

  @Test
  void malformedJson() {
    problem(Api.json().body("{\"name\": \"Xã A\", ").post("/api/units"), 400, "malformed-json")
        .body("detail", containsString("JSON"));
  }

  @Test
  void wrongJsonType() {
    problem(
            Api.json()
                .body(
                    "{\"name\": \"Xã A\", \"kind\": \"COMMUNE\", \"validFrom\": \"2025-07-01\", \"parentId\": \"abc\"}")
                .post("/api/units"),
            400,
            "validation")
        .body("violations.field", hasItem("parentId"))
        .body("violations.message", hasItem("Cần một số."));
  }

  @Test
  void wrongDateFormat() {
    problem(
            Api.json()
                .body("{\"name\": \"Xã A\", \"kind\": \"COMMUNE\", \"validFrom\": \"01/07/2025\"}")
                .post("/api/units"),
            400,
            "validation")
        .body("violations.field", hasItem("validFrom"));
  }

  @Test
  void missingRequiredField() {
    problem(
            Api.json()
                .body("{\"kind\": \"PROVINCE\", \"validFrom\": \"2025-07-01\"}")
                .post("/api/units"),
            400,
            "validation")
        .body("violations.field", hasItem("name"))
        .body("violations.message", hasItem("Bắt buộc nhập"));
  }

  @Test
  void blankName() {
    problem(
            Api.json()
                .body("{\"name\": \"\", \"kind\": \"PROVINCE\", \"validFrom\": \"2025-07-01\"}")
                .post("/api/units"),
            400,
            "validation")
        .body("violations.field", hasItem("name"));
  }

  @Test
  void overLongString() {
    problem(
            Api.json()
                .body(UnitBuilder.province("x").exactName("x".repeat(201)).body())
                .post("/api/units"),
            400,
            "validation")
        .body("violations.field", hasItem("name"))
        .body("violations.message", hasItem(containsString("200")));
  }

  @Test
  void badCodePattern() {
    problem(
            Api.json().body(UnitBuilder.province("x").code("96 '; drop").body()).post("/api/units"),
            400,
            "validation")
        .body("violations.field", hasItem("code"));
  }

  @Test
  void unknownEnumValue() {
    problem(
            Api.json()
                .body("{\"name\": \"Xã A\", \"kind\": \"VILLAGE\", \"validFrom\": \"2025-07-01\"}")
                .post("/api/units"),
            400,
            "validation")
        .body("violations.field", hasItem("kind"))
        .body("violations.message", hasItem(containsString("PROVINCE")));
  }

  @Test
  void unknownEnumValueInQuery() {
    problem(Api.given().queryParam("kind", "VILLAGE").get("/api/units"), 400, "bad-parameter");
  }

  @Test
  void invalidIdInPath() {
    problem(Api.given().get("/api/units/abc"), 400, "bad-parameter");
    problem(Api.given().get("/api/units/0"), 400, "validation")
        .body("violations.field", hasItem("id"));
  }

  @Test
  void unknownId() {
    problem(Api.given().get("/api/units/987654321"), 404, "not-found")
        .body("detail", containsString("987654321"));
  }

  @Test
  void unknownRoute() {
    problem(Api.raw().get("/api/khong-co"), 404, "not-found");
  }

  @Test
  void wrongMethod() {
    problem(Api.raw().delete("/api/units"), 405, "method-not-allowed");
  }

  @Test
  void wrongMediaType() {
    problem(
        Api.given().contentType("text/plain").body("Cà Mau").post("/api/units"),
        415,
        "unsupported-media-type");
  }

  @Test
  void pageSizeOverTheCap() {
    problem(Api.given().queryParam("size", 201).get("/api/units"), 400, "validation")
        .body("violations.field", hasItem("size"));
    problem(Api.given().queryParam("page", -1).get("/api/units"), 400, "validation")
        .body("violations.field", hasItem("page"));
  }

  @Test
  void unknownSortField() {
    problem(Api.given().queryParam("sort", "password,asc").get("/api/units"), 400, "validation")
        .body("violations.field", hasItem("sort"))
        .body("detail", containsString("name"));
    problem(Api.given().queryParam("sort", "name,sideways").get("/api/units"), 400, "validation");
  }

  @Test
  void invalidDateInQuery() {
    problem(Api.given().queryParam("activeOn", "hôm nay").get("/api/units"), 400, "bad-parameter");
  }

  @Test
  void problemInstanceIsThePath() {
    problem(Api.given().get("/api/units/987654322"), 404, "not-found")
        .body("instance", startsWith("/api/units/"));
  }
}
