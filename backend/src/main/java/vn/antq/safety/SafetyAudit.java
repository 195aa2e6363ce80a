package vn.antq.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.antq.common.audit.AuditedRecords;

/** Safety assessments and exemplary police in the audit trail: within the territory. */
@ApplicationScoped
public class SafetyAudit implements AuditedRecords {
  @Inject SafetyService safety;
  @Inject ExemplaryPoliceService police;

  @Override
  public List<Type> types() {
    return List.of(new Type("SAFETY_ASSESSMENT", 7, false), new Type("EXEMPLARY_POLICE", 8, false));
  }

  @Override
  public boolean readable(String type, long id) {
    if (type.equals("EXEMPLARY_POLICE")) {
      police.require(id);
    } else {
      safety.require(id);
    }
    return true;
  }
}
