package vn.antq.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REST Assured with every response validated against the root {@code openapi.yaml}. Requests are
 * not validated: the tests send bad requests on purpose.
 */
public final class Api {
  private static final OpenApiValidationFilter CONTRACT =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForSpecificationUrl(
                  Path.of("..", "openapi.yaml").toAbsolutePath().toUri().toString())
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.request", ValidationReport.Level.IGNORE)
                      .build())
              .build());

  private Api() {}

  public static final String ADMIN = "test-admin";
  public static final String ADMIN_PASSWORD = "test-admin-password";

  /**
   * Access tokens by user, with when they were issued: a token is used for ten minutes, then the
   * user signs in again (tokens live 15; a slow run of the whole suite lasts longer than that).
   */
  private static final Map<String, Issued> TOKENS = new ConcurrentHashMap<>();

  private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);

  private record Issued(String token, Instant at) {
    boolean fresh() {
      return at.plus(TOKEN_REUSE).isAfter(Instant.now());
    }
  }

  /** A request as the test administrator, whose response must match the contract. */
  public static RequestSpecification given() {
    return as(adminToken());
  }

  /** A JSON request as the test administrator, whose response must match the contract. */
  public static RequestSpecification json() {
    return given().contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  /** A request with the given bearer token (null: anonymous), checked against the contract. */
  public static RequestSpecification as(String token) {
    RequestSpecification spec = RestAssured.given().filter(CONTRACT);
    return token == null ? spec : spec.header("Authorization", "Bearer " + token);
  }

  /** An anonymous request checked against the contract. */
  public static RequestSpecification anonymous() {
    return RestAssured.given().filter(CONTRACT);
  }

  /** A request outside the contract (framework endpoints, unknown routes), as administrator. */
  public static RequestSpecification raw() {
    return RestAssured.given().header("Authorization", "Bearer " + adminToken());
  }

  /** An anonymous request outside the contract. */
  public static RequestSpecification anonymousRaw() {
    return RestAssured.given();
  }

  /** Where the administrator's token comes from another sign-in (an OpenID Connect provider). */
  public static void useAdminToken(String token) {
    TOKENS.put(ADMIN + ":" + ADMIN_PASSWORD, new Issued(token, Instant.now()));
  }

  public static void forgetTokens() {
    TOKENS.clear();
  }

  public static String adminToken() {
    return token(ADMIN, ADMIN_PASSWORD);
  }

  /** A (cached) access token for a user; fails the test when the sign-in fails. */
  public static String token(String username, String password) {
    return TOKENS
        .compute(
            username + ":" + password,
            (k, issued) ->
                issued != null && issued.fresh()
                    ? issued
                    : new Issued(login(username, password), Instant.now()))
        .token();
  }

  public static String login(String username, String password) {
    return RestAssured.given()
        .filter(CONTRACT)
        .contentType(ContentType.JSON)
        .body(Map.of("username", username, "password", password))
        .post("/api/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("accessToken");
  }
}
