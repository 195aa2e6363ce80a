package vn.antq.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EmbeddedPostgresResource;

/**
 * Limits with production settings: sign-in attempts per client address (credential stuffing), and
 * the grace period for a refresh cookie used by several tabs at once.
 */
@QuarkusTest
@TestProfile(LoginRateLimitTest.FewLogins.class)
class LoginRateLimitTest {
  public static class FewLogins implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("antq.auth.logins-per-minute", "3", "antq.auth.refresh-reuse-grace", "PT30S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
    }
  }

  @Test
  void theFourthSignInOfAMinuteFromOneAddressMustWait() {
    // a new minute may begin during the test: then the counting starts again, so allow for it
    int limited = 0;
    for (int i = 0; i < 8 && limited == 0; i++) {
      var r =
          Api.anonymous()
              .contentType(ContentType.JSON)
              // the test client is on loopback, a trusted proxy: its X-Forwarded-For is the client
              .header("X-Forwarded-For", "203.0.113.7")
              .body(Map.of("username", "nguoi-" + i, "password", "sai"))
              .post("/api/auth/login");
      if (r.statusCode() == 429) {
        limited++;
        r.then()
            .contentType("application/problem+json")
            .header("Retry-After", notNullValue())
            .body("type", equalTo("urn:antq:problem:too-many-requests"));
      } else {
        r.then().statusCode(401);
      }
    }
    org.assertj.core.api.Assertions.assertThat(limited).isEqualTo(1);
    // another address is counted on its own
    Api.anonymous()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", "203.0.113.8")
        .body(Map.of("username", "nguoi-khac", "password", "sai"))
        .post("/api/auth/login")
        .then()
        .statusCode(401);
  }

  @Test
  void tabsRefreshingTogetherShareTheCookieButSignOutStillEndsIt() {
    String username = "tab-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    long unit = vn.antq.support.UnitBuilder.province("Tỉnh Nhiều Thẻ").create();
    Api.json()
        .body(
            Map.of(
                "username",
                username,
                "fullName",
                "Người nhiều thẻ",
                "role",
                "VIEWER",
                "unitId",
                unit,
                "password",
                SecurityFixture.PASSWORD))
        .post("/api/users")
        .then()
        .statusCode(201);
    var session =
        Api.anonymous()
            .contentType(ContentType.JSON)
            .header("X-Forwarded-For", "198.51.100.1")
            .body(Map.of("username", username, "password", SecurityFixture.PASSWORD))
            .post("/api/auth/login");
    session.then().statusCode(200);
    String cookie = session.getCookie("antq_refresh");
    // two tabs send the same cookie: both get a session
    Api.anonymous().cookie("antq_refresh", cookie).post("/api/auth/refresh").then().statusCode(200);
    Api.anonymous().cookie("antq_refresh", cookie).post("/api/auth/refresh").then().statusCode(200);
    // a signed-out cookie is never honoured, grace or not
    Api.anonymous().cookie("antq_refresh", cookie).post("/api/auth/logout").then().statusCode(204);
    Api.anonymous().cookie("antq_refresh", cookie).post("/api/auth/refresh").then().statusCode(401);
  }
}
