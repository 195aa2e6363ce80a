package vn.antq.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.api.model.ImportRecord;
import vn.antq.api.model.ModelImportInput;
import vn.antq.api.model.ModelTransition;
import vn.antq.support.Api;

/**
 * How Bean Validation walks the API's bodies (ApiTraversal, issue 24): typed nested models are
 * checked, free-form objects are not walked, and the records of a bulk body are checked by the
 * import in one pass with the same problem Bean Validation gave.
 */
@QuarkusTest
class ApiTraversalTest {
  @Inject Validator validator;

  @Test
  void typedNestedModelsAreCheckedFreeFormDataIsNotWalked() {
    ModelImportInput model = new ModelImportInput();
    model.setHistory(List.of(new ModelTransition()));
    assertThat(validator.validate(model).stream().map(v -> v.getPropertyPath().toString()).toList())
        .contains("history[0].toStatus", "history[0].date");

    Map<String, Object> data = new HashMap<>();
    // a value with a broken constraint of its own: walking the data would report it
    data.put("nested", new ImportRecord(""));
    assertThat(validator.validate(new ImportRecord("ok").data(data))).isEmpty();
  }

  @Test
  void aBulkBodysExternalIdsAreCheckedAsBeanValidationDid() {
    List<Map<String, Object>> records =
        List.of(
            record("E-1"),
            record(""),
            record("y"),
            record("x".repeat(101)),
            record("x".repeat(100)));
    for (String path :
        List.of("/api/import-jobs?resource=events&mode=partial", "/api/imports/events")) {
      var problem =
          Api.json()
              .contentType(ContentType.JSON)
              .body(Map.of("records", records))
              .post(path)
              .then()
              .statusCode(400)
              .contentType("application/problem+json")
              .body("violations.size()", equalTo(2))
              .extract()
              .jsonPath();
      assertThat(problem.getList("violations.field", String.class))
          .containsExactly("records[1].externalId", "records[3].externalId");
      assertThat(problem.getList("violations.message", String.class))
          .containsExactly("Độ dài phải từ 1 đến 100", "Độ dài phải từ 1 đến 100");
      assertThat(problem.getString("detail")).startsWith("Vui lòng kiểm tra lại: records[1]");
      // a record without one is refused when the body is read, naming it
      Api.json()
          .contentType(ContentType.JSON)
          .body(Map.of("records", List.of(record("E-1"), record(null))))
          .post(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations[0].field", org.hamcrest.Matchers.containsString("externalId"));
    }
  }

  private static Map<String, Object> record(String externalId) {
    Map<String, Object> r = new LinkedHashMap<>();
    if (externalId != null) {
      r.put("externalId", externalId);
    }
    r.put("data", Map.of("title", "Họp dân"));
    return r;
  }
}
