package vn.antq.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import vn.antq.api.model.ImportBatch;
import vn.antq.api.model.ImportJobInput;

/**
 * How Bean Validation walks the API's bodies. The default resolver asks JPA, for every property of
 * every object, whether it is loaded — our validated objects are the generated API models, never
 * entities (no entity carries a constraint), so every property is reachable. And a free-form object
 * ({@code additionalProperties: true}, a {@code Map<String, Object>} such as an import record's
 * {@code data}) is not cascaded into: its values are Jackson's strings, numbers, lists and maps,
 * which have no constraints, and walking them cost more than the rest of an import job's validation
 * (measured: a 100,000-row job's acceptance, issue 24). The records in it are validated later, as
 * the input type of their resource. An alternative with a priority: an earlier plain bean for the
 * data maps alone (integration.RecordDataNotCascaded, 29/11) was never used by Quarkus's validator,
 * nor was this one before it was made an alternative; ApiTraversalTest shows this one runs.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Alternative
@jakarta.annotation.Priority(1)
public class ApiTraversal implements TraversableResolver {
  @Override
  public boolean isReachable(
      Object traversableObject,
      Path.Node traversableProperty,
      Class<?> rootBeanType,
      Path pathToTraversableObject,
      ElementType elementType) {
    return true;
  }

  @Override
  public boolean isCascadable(
      Object traversableObject,
      Path.Node traversableProperty,
      Class<?> rootBeanType,
      Path pathToTraversableObject,
      ElementType elementType) {
    return traversableObject == null
        || !(freeForm(traversableObject, traversableProperty)
            || bulkRecords(traversableObject, traversableProperty));
  }

  /**
   * The records of a bulk body (up to 100,000 of an import job): their one constraint, the external
   * id, is checked by the import's own pass over them ({@code IntegrationResource.rows}, the same
   * problem), where Bean Validation took a third of a 100,000-row job's acceptance (issue 24).
   */
  private static boolean bulkRecords(Object owner, Path.Node property) {
    return "records".equals(property.getName())
        && (owner instanceof ImportJobInput || owner instanceof ImportBatch);
  }

  /** A map-valued property whose map holds untyped values. */
  private static boolean freeForm(Object owner, Path.Node property) {
    return property.getName() != null
        && FREE_FORM.get(owner.getClass()).contains(property.getName());
  }

  /** Per class, its properties of type {@code Map<String, Object>} (by their getters). */
  private static final ClassValue<Set<String>> FREE_FORM =
      new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
          Set<String> out = new HashSet<>();
          for (Method m : type.getMethods()) {
            if (m.getName().startsWith("get")
                && m.getName().length() > 3
                && m.getParameterCount() == 0
                && Map.class.isAssignableFrom(m.getReturnType())
                && m.getGenericReturnType().getTypeName().endsWith(", java.lang.Object>")) {
              out.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
          }
          return Set.copyOf(out);
        }
      };
}
