package vn.antq.notification;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import vn.antq.security.Role;

/**
 * Who is told: people of some roles whose territory holds a unit (the unit lies in the subtree of
 * the unit their account is bound to: {@link Notifier} finds them through the unit's path), or
 * named accounts. Never anyone outside the unit's territory: officers of another province or of a
 * sibling commune do not hold it.
 */
public record Audience(List<Long> unitIds, List<String> roles, List<Long> users, Long except) {
  /** Officers of the given roles whose territory holds {@code unitId}. */
  public static Audience officersOver(long unitId, Role... roles) {
    return officersOverAny(List.of(unitId), roles);
  }

  /** Officers of the given roles whose territory holds any of {@code units}. */
  public static Audience officersOverAny(Collection<Long> units, Role... roles) {
    return new Audience(
        List.copyOf(units), Arrays.stream(roles).map(Role::name).toList(), null, null);
  }

  /** These accounts (those disabled since are skipped). */
  public static Audience users(Collection<Long> ids) {
    return new Audience(null, List.of(), List.copyOf(ids), null);
  }

  /** The same people but the one who caused the change (nobody is told of their own act). */
  public Audience except(Long userId) {
    return new Audience(unitIds, roles, users, userId);
  }
}
