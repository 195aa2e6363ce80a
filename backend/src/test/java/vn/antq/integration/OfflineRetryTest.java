package vn.antq.integration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;
import vn.antq.support.Users;

/**
 * What a phone's queue sends again when an answer was lost: an event, its photo, a roster member
 * and a figures draft, each with the same {@code Idempotency-Key}, are written once and the retry
 * gets the first answer; the key is the user's own, and a key used for other content is refused.
 */
@QuarkusTest
class OfflineRetryTest {
  static final byte[] PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  static Response post(String token, String key, Object body, String path, Object... params) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .post(path, params);
  }

  @Test
  void anEventAndItsPhotoSentTwiceAreWrittenOnce() {
    long ward = unit("WARD", "Phường Hàng Chờ").under(province("Tỉnh Hàng Chờ").create()).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", ward);
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = EventBuilder.body("Họp tổ tự quản ấp Hàng Chờ", ward);

    Response first = post(officer, key, body, "/api/events");
    first.then().statusCode(201).header("Idempotent-Replayed", (String) null);
    long id = first.jsonPath().getLong("id");
    Response again = post(officer, key, body, "/api/events");
    again
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .header("Location", first.header("Location"))
        .body("id", equalTo((int) id))
        .body("title", equalTo("Họp tổ tự quản ấp Hàng Chờ"));
    Api.as(officer)
        .queryParam("unitId", ward)
        .get("/api/events")
        .then()
        .body("totalElements", equalTo(1));

    // the same key with other content is a mistake, not a retry
    body.put("title", "Một sự kiện khác");
    post(officer, key, body, "/api/events")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("Idempotency-Key"));

    // the photo: the second upload with the same key adds nothing
    String photoKey = key + "-anh-1";
    for (int i = 0; i < 2; i++) {
      Api.as(officer)
          .contentType("application/octet-stream")
          .header("X-File-Name", "anh-hop-to.png")
          .header("Idempotency-Key", photoKey)
          .body(PNG)
          .post("/api/events/{id}/attachments", id)
          .then()
          .statusCode(201)
          .body("fileName", equalTo("anh-hop-to.png"));
    }
    Api.as(officer).get("/api/events/{id}", id).then().body("attachments", hasSize(1));

    // another user's same key is their own key: a second event
    String colleague = Users.signedIn("COMMUNE_OFFICER", ward);
    body.put("title", "Họp tổ tự quản ấp Hàng Chờ");
    long theirs =
        post(colleague, key, body, "/api/events")
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", (String) null)
            .extract()
            .jsonPath()
            .getLong("id");
    assertNotEquals(id, theirs);
  }

  @Test
  void twoCopiesArrivingTogetherWriteOneMember() throws Exception {
    long commune = unit("COMMUNE", "Xã Gửi Đôi").under(province("Tỉnh Gửi Đôi").create()).create();
    long hamlet = unit("HAMLET", "Ấp Gửi Đôi").under(commune).create();
    long model = ModelBuilder.model("Tổ tự quản gửi đôi", commune);
    long team = ModelBuilder.team(model, "Tổ 1", hamlet);
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    String key = UUID.randomUUID().toString();
    Map<String, Object> member =
        Map.of("fullName", "Lê Văn Gửi", "gender", "MALE", "role", "MEMBER");

    List<CompletableFuture<Response>> sent =
        List.of(
            CompletableFuture.supplyAsync(
                () ->
                    post(officer, key, member, "/api/models/{id}/teams/{t}/members", model, team)),
            CompletableFuture.supplyAsync(
                () ->
                    post(officer, key, member, "/api/models/{id}/teams/{t}/members", model, team)));
    long a = sent.get(0).get().then().statusCode(201).extract().jsonPath().getLong("id");
    long b = sent.get(1).get().then().statusCode(201).extract().jsonPath().getLong("id");
    assertEquals(a, b);
    Api.as(officer)
        .get("/api/models/{id}/teams/{t}/members", model, team)
        .then()
        .body("fullName", hasSize(1));

    // a refused record leaves its key free: corrected, it is written
    String refused = UUID.randomUUID().toString();
    post(
            officer,
            refused,
            Map.of("fullName", "Ai", "gender", "MALE", "role", "MEMBER", "phone", "abc"),
            "/api/models/{id}/teams/{t}/members",
            model,
            team)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("phone"))
        .body("violations.message", hasItem(containsString("Số điện thoại")));
    post(
            officer,
            refused,
            Map.of("fullName", "Trần Thị Sửa", "gender", "FEMALE", "role", "MEMBER"),
            "/api/models/{id}/teams/{t}/members",
            model,
            team)
        .then()
        .statusCode(201);
  }

  @Test
  void aFiguresDraftSentAgainGetsItsFirstAnswerNotAConflict() {
    long ward = unit("WARD", "Phường Nháp Lại").under(province("Tỉnh Nháp Lại").create()).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", ward);
    long tips = EventBuilder.catalogueId("INDICATOR", "TIN_BAO");
    Response created =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "unitId",
                    ward,
                    "periodKind",
                    "MONTH",
                    "year",
                    2025,
                    "number",
                    7,
                    "values",
                    List.of(Map.of("indicatorId", tips, "value", 10))))
            .post("/api/indicator-reports");
    created.then().statusCode(201);
    long id = created.jsonPath().getLong("id");
    String etag = created.header("ETag");
    String key = UUID.randomUUID().toString();
    Map<String, Object> draft =
        Map.of("note", "Ghi ở ấp", "values", List.of(Map.of("indicatorId", tips, "value", 14)));
    for (int i = 0; i < 2; i++) {
      Api.as(officer)
          .contentType(ContentType.JSON)
          .header("If-Match", etag)
          .header("Idempotency-Key", key)
          .body(draft)
          .put("/api/indicator-reports/" + id)
          .then()
          .statusCode(200)
          .body("values[0].value", equalTo(14))
          .body("version", not(equalTo(created.jsonPath().getInt("version"))));
    }
    // without the key the stale version is refused, as before
    Api.as(officer)
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(draft)
        .put("/api/indicator-reports/" + id)
        .then()
        .statusCode(412);
    given().get("/api/events").then().statusCode(401);
  }
}
