package vn.antq.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.antq.common.audit.AuditedRecords;
import vn.antq.territory.Territory;

/** Units in the audit trail: read within the caller's territory. */
@ApplicationScoped
public class UnitAudit implements AuditedRecords {
  @Inject Territory territory;

  @Override
  public List<Type> types() {
    return List.of(new Type("UNIT", 1, false));
  }

  @Override
  public boolean readable(String type, long id) {
    territory.requireVisible(id); // 404 outside the caller's territory
    return true;
  }
}
