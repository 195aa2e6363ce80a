package vn.antq.security;

import java.util.Map;
import java.util.Set;
import vn.antq.api.model.UnitRef;

/**
 * The units users and API keys are bound to, as the unit tree knows them. Implemented by the
 * territory (which reads the tree), so that security depends on no feature.
 */
public interface UnitDirectory {
  boolean exists(long unitId);

  /** The units of these ids as the contract shows them; unknown ids are left out. */
  Map<Long, UnitRef> refs(Set<Long> unitIds);
}
