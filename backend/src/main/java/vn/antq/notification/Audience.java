package vn.antq.notification;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import vn.antq.common.db.Rows;
import vn.antq.security.Role;

/**
 * Who is told: people of some roles whose territory holds a unit (the unit lies in the subtree of
 * the unit their account is bound to), or named accounts. Never anyone outside the unit's
 * territory: officers of another province or of a sibling commune do not hold it.
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

  /** SQL selecting the accounts' ids, with the parameters {@link #bind} sets. */
  String sql() {
    if (unitIds != null) {
      return "SELECT a.id FROM app_user a JOIN unit x ON x.id = a.unit_id"
          + " JOIN unit o ON o.id = ANY (CAST(:audUnits AS bigint[]))"
          + " WHERE a.role = ANY (CAST(:audRoles AS text[]))"
          + " AND left(o.path, length(x.path)) = x.path";
    }
    return "SELECT unnest(CAST(:audUsers AS bigint[]))";
  }

  void bind(jakarta.persistence.Query q) {
    if (unitIds != null) {
      q.setParameter("audUnits", Rows.bigintArray(unitIds));
      q.setParameter("audRoles", roles.stream().collect(Collectors.joining(",", "{", "}")));
    } else {
      q.setParameter("audUsers", Rows.bigintArray(users));
    }
    q.setParameter("except", except == null ? 0L : except);
  }
}
