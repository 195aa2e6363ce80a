package vn.antq.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;

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

  /** A request whose response must match the contract. */
  public static RequestSpecification given() {
    return RestAssured.given().filter(CONTRACT);
  }

  /** A JSON request whose response must match the contract. */
  public static RequestSpecification json() {
    return given().contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  /** A request outside the contract (framework endpoints, unknown routes). */
  public static RequestSpecification raw() {
    return RestAssured.given();
  }
}
