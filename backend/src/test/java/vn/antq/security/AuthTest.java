package vn.antq.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.UnitBuilder;

/** OWASP API Top 10 items that apply to sign-in, tokens, keys and exposure. */
@QuarkusTest
class AuthTest {
  @Inject EntityManager em;

  private static Response login(String username, String password) {
    return Api.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("username", username, "password", password))
        .post("/api/auth/login");
  }

  private static String newUser(String role) {
    long unit = UnitBuilder.province("Tỉnh Đăng Nhập").create();
    String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
    SecurityFixture.user(username, role, unit);
    return username;
  }

  /**
   * Changes an account as the administrator: reads it (for its version, role and unit) and sends
   * them back with the given changes.
   */
  private static io.restassured.response.ValidatableResponse updateUser(
      String username, Map<String, Object> changes) {
    var user = Api.given().queryParam("q", username).get("/api/users").jsonPath();
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("fullName", user.getString("content[0].fullName"));
    body.put("role", user.getString("content[0].role"));
    body.put("unitId", user.getLong("content[0].unit.id"));
    body.put("enabled", true);
    body.putAll(changes);
    return Api.json()
        .header("If-Match", "\"" + user.getLong("content[0].version") + "\"")
        .body(body)
        .put("/api/users/{id}", user.getLong("content[0].id"))
        .then();
  }

  // ------------------------------------------------------------ API2 broken authentication

  @Test
  void anonymousCallersReachOnlyPublicEndpoints() {
    Api.anonymous()
        .get("/api/units")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("urn:antq:problem:unauthorized"));
    RestAssured.given().get("/q/health").then().statusCode(200);
    RestAssured.given().get("/q/openapi").then().statusCode(200);
    RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void signInGivesAShortLivedTokenAndAnHttpOnlyRefreshCookie() {
    String username = newUser("VIEWER");
    Response r = login(username, SecurityFixture.PASSWORD);
    r.then()
        .statusCode(200)
        .body("tokenType", equalTo("Bearer"))
        .body("expiresIn", equalTo(900))
        .body("user.username", equalTo(username))
        .body("user.role", equalTo("VIEWER"))
        .body("user.unit.name", notNullValue())
        .body(not(containsString("password")));
    String cookie = r.header("Set-Cookie");
    assertThat(cookie)
        .contains("antq_refresh=")
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/api/auth");
    Api.as(r.jsonPath().getString("accessToken"))
        .get("/api/auth/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(username));
  }

  @Test
  void wrongPasswordAndUnknownUserLookTheSame() {
    String username = newUser("VIEWER");
    String wrong =
        login(username, "sai-mat-khau")
            .then()
            .statusCode(401)
            .contentType("application/problem+json")
            .extract()
            .jsonPath()
            .getString("detail");
    String unknown =
        login("khong-ton-tai-" + username, "sai-mat-khau")
            .then()
            .statusCode(401)
            .extract()
            .jsonPath()
            .getString("detail");
    assertThat(wrong).isEqualTo(unknown);
  }

  @Test
  void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocks() {
    String username = newUser("COMMUNE_OFFICER");
    for (int i = 0; i < 5; i++) {
      login(username, "sai-" + i).then().statusCode(401);
    }
    // the right password no longer works, and the answer says nothing more
    String detail =
        login(username, SecurityFixture.PASSWORD)
            .then()
            .statusCode(401)
            .extract()
            .jsonPath()
            .getString("detail");
    assertThat(detail).isEqualTo(login("khong-co-" + username, "x").jsonPath().getString("detail"));
    Api.given()
        .queryParam("q", username)
        .get("/api/users")
        .then()
        .statusCode(200)
        .body("content[0].locked", equalTo(true));
    updateUser(username, Map.of("fullName", "Đã mở khóa", "unlock", true))
        .statusCode(200)
        .body("locked", equalTo(false));
    login(username, SecurityFixture.PASSWORD).then().statusCode(200);
  }

  @Test
  void expiredTamperedAndForeignTokensAreRefused() {
    String expired =
        Jwt.issuer("antq")
            .upn("test-admin")
            .groups(Set.of("ADMIN"))
            .claim("uid", 1)
            .issuedAt(Instant.now().minusSeconds(3600))
            .expiresAt(Instant.now().minusSeconds(60))
            .sign();
    Api.as(expired)
        .get("/api/units")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    String foreign =
        Jwt.issuer("someone-else").upn("test-admin").groups(Set.of("ADMIN")).expiresIn(600).sign();
    Api.as(foreign).get("/api/units").then().statusCode(401);
    String token = Api.adminToken();
    String tampered = token.substring(0, token.length() - 4) + "AAAA";
    Api.as(tampered).get("/api/units").then().statusCode(401);
    Api.as("not-a-jwt").get("/api/units").then().statusCode(401);
  }

  @Test
  void refreshRotatesAndAReusedRefreshTokenEndsTheSession() {
    String username = newUser("VIEWER");
    Response first = login(username, SecurityFixture.PASSWORD);
    String cookie1 = first.getCookie("antq_refresh");
    Response second = Api.anonymous().cookie("antq_refresh", cookie1).post("/api/auth/refresh");
    second.then().statusCode(200).body("user.username", equalTo(username));
    String cookie2 = second.getCookie("antq_refresh");
    assertThat(cookie2).isNotEqualTo(cookie1);
    // the first cookie was used: using it again is a replay, and ends every session of the user
    Api.anonymous()
        .cookie("antq_refresh", cookie1)
        .post("/api/auth/refresh")
        .then()
        .statusCode(401);
    Api.anonymous()
        .cookie("antq_refresh", cookie2)
        .post("/api/auth/refresh")
        .then()
        .statusCode(401);
  }

  @Test
  void signOutRevokesTheAccessTokenAndTheRefreshCookie() {
    String username = newUser("VIEWER");
    Response session = login(username, SecurityFixture.PASSWORD);
    String token = session.jsonPath().getString("accessToken");
    String cookie = session.getCookie("antq_refresh");
    Api.as(token).get("/api/auth/me").then().statusCode(200);
    Api.as(token).cookie("antq_refresh", cookie).post("/api/auth/logout").then().statusCode(204);
    Api.as(token).get("/api/auth/me").then().statusCode(401);
    Api.anonymous().cookie("antq_refresh", cookie).post("/api/auth/refresh").then().statusCode(401);
  }

  @Test
  void disabledAccountsCannotSignIn() {
    String username = newUser("VIEWER");
    updateUser(username, Map.of("fullName", "Nghỉ việc", "enabled", false)).statusCode(200);
    login(username, SecurityFixture.PASSWORD).then().statusCode(401);
  }

  @Test
  void withAntqPasswordsAnAccountNeedsOneAndTheConfigSaysSo() {
    Api.anonymous().get("/api/auth/config").then().statusCode(200).body("mode", equalTo("LOCAL"));
    Api.json()
        .body(Map.of("username", "khong-mat-khau", "fullName", "Không mật khẩu", "role", "ADMIN"))
        .post("/api/users")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("password"));
  }

  // ------------------------------------------------------------ machine clients

  @Test
  void apiKeysAreShownOnceScopedAndRevocable() {
    long province = UnitBuilder.province("Tỉnh Khóa").create();
    long commune = UnitBuilder.unit("COMMUNE", "Xã Khóa").under(province).create();
    Response created =
        Api.json().body(Map.of("name", "Hệ thống tỉnh", "unitId", commune)).post("/api/api-keys");
    created
        .then()
        .statusCode(201)
        .body("key", containsString("antq_"))
        .body("apiKey.revoked", equalTo(false))
        .body("apiKey.lastUsedAt", nullValue());
    String key = created.jsonPath().getString("key");
    long id = created.jsonPath().getLong("apiKey.id");

    Api.anonymous().header("X-API-Key", key).get("/api/units/{id}", commune).then().statusCode(200);
    Api.anonymous()
        .header("X-API-Key", key)
        .get("/api/units/{id}", province)
        .then()
        .statusCode(404);
    Api.anonymous()
        .header("X-API-Key", key)
        .get("/api/auth/me")
        .then()
        .statusCode(200)
        .body("role", equalTo("INTEGRATION"));
    Api.anonymous().header("X-API-Key", key + "x").get("/api/units").then().statusCode(401);

    String listed = Api.given().get("/api/api-keys").asString();
    assertThat(listed).doesNotContain(key).contains("Hệ thống tỉnh");
    Api.given()
        .get("/api/api-keys")
        .then()
        .body("find { it.id == " + id + " }.lastUsedAt", notNullValue());

    Api.given()
        .post("/api/api-keys/{id}/revoke", id)
        .then()
        .statusCode(200)
        .body("revoked", equalTo(true));
    Api.anonymous().header("X-API-Key", key).get("/api/units").then().statusCode(401);
  }

  // ------------------------------------------------------------ API3, API5, API8

  @Test
  void noSecretOrHashIsEverExposed() {
    String body = Api.given().queryParam("size", 200).get("/api/users").asString();
    assertThat(body)
        .doesNotContain("$2a$")
        .doesNotContain("passwordHash")
        .doesNotContain("password");
  }

  @Test
  void functionLevelAuthorisation() {
    String viewer = Api.login(newUser("VIEWER"), SecurityFixture.PASSWORD);
    Api.as(viewer)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Tỉnh X", "kind", "PROVINCE", "validFrom", "2025-07-01"))
        .post("/api/units")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:antq:problem:forbidden"));
    Api.as(viewer).get("/api/users").then().statusCode(403);
    String officer = Api.login(newUser("PROVINCE_OFFICER"), SecurityFixture.PASSWORD);
    Api.as(officer).get("/api/api-keys").then().statusCode(403);
    // only administrators create top-level units
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Tỉnh Y", "kind", "PROVINCE", "validFrom", "2025-07-01"))
        .post("/api/units")
        .then()
        .statusCode(422);
  }

  @Test
  void resourceConsumptionIsBounded() {
    Api.given().queryParam("size", 10_000).get("/api/units").then().statusCode(400);
    String huge = "x".repeat(3 * 1024 * 1024);
    // answered by the HTTP layer before any endpoint runs (not part of the contract)
    int status =
        Api.raw()
            .contentType(ContentType.JSON)
            .body("{\"name\":\"" + huge + "\"}")
            .post("/api/units")
            .statusCode();
    assertThat(status).isEqualTo(413);
  }

  @Test
  void noCrossOriginAccessIsGranted() {
    Api.raw()
        .header("Origin", "https://evil.example")
        .get("/api/units")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  // ------------------------------------------------------------ audit

  @Test
  void changesAreAuditedAndTheAuditIsAppendOnly() {
    long p = UnitBuilder.province("Tỉnh Nhật Ký").create();
    String etag = Api.given().get("/api/units/{id}", p).header("ETag");
    String name = Api.given().get("/api/units/{id}", p).jsonPath().getString("name");
    Api.json()
        .header("If-Match", etag)
        .body(Map.of("name", name + " (mới)", "kind", "PROVINCE", "validFrom", "2020-01-01"))
        .put("/api/units/{id}", p)
        .then()
        .statusCode(200);
    Api.given()
        .queryParam("entityType", "UNIT")
        .queryParam("entityId", p)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("totalElements", equalTo(2))
        .body("content[0].action", equalTo("UPDATE"))
        .body("content[0].actorName", equalTo(Api.ADMIN))
        .body("content[0].client", containsString("127.0.0.1"))
        .body("content[0].changes.name.from", equalTo(name))
        .body("content[0].changes.name.to", equalTo(name + " (mới)"))
        .body("content[0].changes.kind", nullValue())
        .body("content[1].action", equalTo("CREATE"));
    Api.given()
        .queryParam("entityType", "NOTHING")
        .queryParam("entityId", p)
        .get("/api/audit")
        .then()
        .statusCode(400);
    assertThat(tryToRewriteAudit()).contains("append-only");
  }

  @Test
  void accountHistoryIsForAdministratorsOnly() {
    String username = newUser("VIEWER");
    long id =
        updateUser(username, Map.of("fullName", "Tên Mới", "newPassword", "mat-khau-moi-dai-hon"))
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    String body =
        Api.given()
            .queryParam("entityType", "USER")
            .queryParam("entityId", id)
            .get("/api/audit")
            .then()
            .statusCode(200)
            .body("totalElements", equalTo(2))
            .body("content[0].action", equalTo("UPDATE"))
            .body("content[0].changes.fullName.to", equalTo("Tên Mới"))
            .body("content[0].changes.password.to", equalTo("đã đặt lại"))
            .extract()
            .asString();
    assertThat(body).doesNotContain(SecurityFixture.PASSWORD).doesNotContain("mat-khau-moi");
    String officer = Api.login(newUser("PROVINCE_OFFICER"), SecurityFixture.PASSWORD);
    Api.as(officer)
        .queryParam("entityType", "USER")
        .queryParam("entityId", id)
        .get("/api/audit")
        .then()
        .statusCode(403);
    Api.given()
        .queryParam("entityType", "API_KEY")
        .queryParam("entityId", 987654321L)
        .get("/api/audit")
        .then()
        .statusCode(404);
  }

  String tryToRewriteAudit() {
    try {
      io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery("UPDATE audit_event SET actor_name = 'ai đó'")
                      .executeUpdate());
      return "updated";
    } catch (RuntimeException e) {
      Throwable t = e;
      while (t.getCause() != null) {
        t = t.getCause();
      }
      return t.getMessage();
    }
  }
}
