package vn.antq.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.api.model.ImportJobInput;
import vn.antq.api.model.ImportRecord;

/** The validator the API uses walks typed models and stops at free-form objects. */
@QuarkusTest
class ApiTraversalTest {
  @Inject Validator validator;

  /** A constraint in a record is still found; the free-form data beside it is not walked. */
  @Test
  void recordsAreCheckedTheirFreeFormDataIsNotWalked() {
    Map<String, Object> data = new HashMap<>();
    // a value with a broken constraint of its own: walking the data would report it
    data.put("nested", new ImportRecord(""));
    ImportJobInput in =
        new ImportJobInput(List.of(new ImportRecord("ok").data(data), new ImportRecord("")));
    var problems = validator.validate(in);
    assertEquals(1, problems.size(), problems.toString());
    var p = problems.iterator().next();
    assertEquals("records[1].externalId", p.getPropertyPath().toString());
  }

  @Test
  void typedPropertiesAreCascadedFreeFormMapsAreNot() {
    ApiTraversal t = new ApiTraversal();
    var records = node("records");
    var data = node("data");
    assertTrue(t.isCascadable(new ImportJobInput(List.of()), records, null, null, null));
    assertEquals(false, t.isCascadable(new ImportRecord("x"), data, null, null, null));
  }

  private static jakarta.validation.Path.Node node(String name) {
    return new jakarta.validation.Path.Node() {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public boolean isInIterable() {
        return false;
      }

      @Override
      public Integer getIndex() {
        return null;
      }

      @Override
      public Object getKey() {
        return null;
      }

      @Override
      public jakarta.validation.ElementKind getKind() {
        return jakarta.validation.ElementKind.PROPERTY;
      }

      @Override
      public <T extends jakarta.validation.Path.Node> T as(Class<T> nodeType) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
