package vn.antq.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.antq.support.UnitBuilder.province;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EmbeddedPostgresResource;
import vn.antq.support.FakeOidcProvider;
import vn.antq.support.OidcProviderResource;

/**
 * Production mode with an external OpenID Connect provider: its tokens say who a person is (checked
 * against its published keys and issuer); ANTQ's own account of that name says what they may do.
 */
@QuarkusTest
@TestProfile(OidcTest.ExternalProvider.class)
class OidcTest {
  public static class ExternalProvider implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(EmbeddedPostgresResource.class, Map.of("tokens", "external")),
          new TestResourceEntry(OidcProviderResource.class));
    }
  }

  static FakeOidcProvider idp() {
    return OidcProviderResource.provider;
  }

  @BeforeEach
  void adminSignsInAtTheProvider() {
    // the bootstrap administrator (ANTQ_ADMIN_USERNAME) is known to ANTQ; the provider vouches
    Api.useAdminToken(idp().token(Api.ADMIN));
  }

  @AfterAll
  static void forget() {
    Api.forgetTokens();
  }

  static String account(String role, Long unitId) {
    String username = "sso-" + UUID.randomUUID().toString().substring(0, 8);
    var body = new java.util.HashMap<String, Object>();
    body.put("username", username);
    body.put("fullName", "Cán bộ " + username);
    body.put("role", role);
    if (unitId != null) {
      body.put("unitId", unitId);
    }
    // no password: people sign in at the provider
    Api.json().body(body).post("/api/users").then().statusCode(201);
    return username;
  }

  @Test
  void theSpaLearnsHowToSignInFromTheProvidersDiscovery() {
    Api.anonymous()
        .get("/api/auth/config")
        .then()
        .statusCode(200)
        .body("mode", equalTo("OIDC"))
        .body("oidc.issuer", equalTo(idp().issuer()))
        .body("oidc.clientId", equalTo("antq-spa"))
        .body("oidc.authorizationEndpoint", equalTo(idp().issuer() + "/auth"))
        .body("oidc.tokenEndpoint", equalTo(idp().issuer() + "/token"))
        .body("oidc.endSessionEndpoint", equalTo(idp().issuer() + "/logout"))
        .body("oidc.scope", equalTo("openid profile"))
        .body("oidc.providerName", equalTo("Cổng đăng nhập thử nghiệm"));
  }

  @Test
  void rightsComeFromTheAntqAccountNotFromTheProvidersGroups() {
    long mine = province("Tỉnh SSO").create();
    long other = province("Tỉnh khác SSO").create();
    String officer = account("PROVINCE_OFFICER", mine);
    // the provider claims the officer is an administrator: ANTQ does not believe it
    String token = idp().token(officer, "ADMIN", "admin");
    Api.as(token)
        .get("/api/auth/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(officer))
        .body("role", equalTo("PROVINCE_OFFICER"))
        .body("unit.id", equalTo((int) mine));
    Api.as(token).get("/api/users").then().statusCode(403);
    // the administrators' list shows when the person last used ANTQ
    Api.given()
        .get("/api/users?q=" + officer)
        .then()
        .body("content[0].lastLoginAt", org.hamcrest.Matchers.notNullValue());
    Api.as(token).get("/api/units/" + mine).then().statusCode(200);
    Api.as(token).get("/api/units/" + other).then().statusCode(404);
    Api.as(token)
        .get("/api/units?topLevel=true&size=200")
        .then()
        .statusCode(200)
        .body("content.id", hasItem((int) mine))
        .body("content.id", not(hasItem((int) other)));
  }

  @Test
  void changesMadeWithAnExternalTokenAreAuditedUnderTheAntqAccount() {
    long mine = province("Tỉnh nhật ký SSO").create();
    String officer = account("PROVINCE_OFFICER", mine);
    String token = idp().token(officer);
    long commune =
        Api.as(token)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "Xã SSO",
                    "kind",
                    "COMMUNE",
                    "parentId",
                    mine,
                    "validFrom",
                    "2025-07-01"))
            .post("/api/units")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Api.given()
        .get("/api/audit?entityType=UNIT&entityId=" + commune)
        .then()
        .statusCode(200)
        .body("content[0].actorName", equalTo(officer));
  }

  @Test
  void aPersonWithoutAnAntqAccountIsToldSoAndReachesNothing() {
    String token = idp().token("nguoi-la-" + UUID.randomUUID(), "ADMIN");
    Api.as(token)
        .get("/api/auth/me")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("chưa được cấp quyền trong ANTQ"));
    Api.as(token).get("/api/units").then().statusCode(403);
    Api.as(token).get("/api/users").then().statusCode(403);
  }

  @Test
  void aDisabledAccountLosesAccessAtOnce() {
    long mine = province("Tỉnh khóa SSO").create();
    String officer = account("VIEWER", mine);
    String token = idp().token(officer);
    Api.as(token).get("/api/units/" + mine).then().statusCode(200);
    var user =
        Api.given().get("/api/users?q=" + officer).then().statusCode(200).extract().jsonPath();
    long id = user.getLong("content[0].id");
    String etag = "\"" + user.getLong("content[0].version") + "\"";
    Api.json()
        .header("If-Match", etag)
        .body(Map.of("fullName", "Đã nghỉ", "role", "VIEWER", "unitId", mine, "enabled", false))
        .put("/api/users/" + id)
        .then()
        .statusCode(200);
    // the provider's token is still valid, but the ANTQ account is not
    Api.as(token).get("/api/units/" + mine).then().statusCode(403);
  }

  @Test
  void forgedExpiredAndForeignIssuerTokensAreRefused() {
    String officer = account("VIEWER", province("Tỉnh token SSO").create());
    Api.as(idp().token(officer)).get("/api/auth/me").then().statusCode(200);
    var fiveMinutes = Duration.ofMinutes(5);
    String forged =
        idp().token(idp().issuer(), officer, fiveMinutes, Set.of(), FakeOidcProvider.otherKeys());
    String expired =
        idp().token(idp().issuer(), officer, Duration.ofMinutes(-10), Set.of(), keysOfIdp());
    String foreign =
        idp().token("https://khac.example", officer, fiveMinutes, Set.of(), keysOfIdp());
    for (String t : List.of(forged, expired, foreign)) {
      Api.as(t).get("/api/auth/me").then().statusCode(401).contentType("application/problem+json");
    }
  }

  private static java.security.KeyPair keysOfIdp() {
    return idp().keys();
  }

  @Test
  void antqPasswordsAreNotUsedAndSignOutEndsTheProvidersToken() {
    Api.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("username", Api.ADMIN, "password", Api.ADMIN_PASSWORD))
        .post("/api/auth/login")
        .then()
        .statusCode(409)
        .body("detail", containsString("Cổng đăng nhập thử nghiệm"));
    Api.anonymous().post("/api/auth/refresh").then().statusCode(409);

    String officer = account("VIEWER", province("Tỉnh đăng xuất SSO").create());
    String token = idp().token(officer);
    Api.as(token).get("/api/auth/me").then().statusCode(200);
    Api.as(token).post("/api/auth/logout").then().statusCode(204);
    Api.as(token).get("/api/auth/me").then().statusCode(401);
  }
}
