package vn.antq.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import vn.antq.api.model.ImportRecord;

/**
 * Bean Validation walks every property the contract's generated classes mark {@code @Valid}; for a
 * pushed record that includes {@code data}, a free-form map, so a job of 100,000 records had every
 * value of every record visited for constraints that cannot exist there (measured: most of the time
 * spent accepting a job). The data is checked where it is typed: each row against the resource's
 * own input class ({@link ImportEngine}). Everything else is walked as before.
 */
@ApplicationScoped
public class RecordDataNotCascaded implements TraversableResolver {
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
    return !(traversableObject instanceof ImportRecord
        && "data".equals(traversableProperty.getName()));
  }
}
