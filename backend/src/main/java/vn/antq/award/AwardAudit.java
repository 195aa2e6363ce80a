package vn.antq.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.antq.common.audit.AuditedRecords;

/** Award decisions (territory) and award powers (administrators) in the audit trail. */
@ApplicationScoped
public class AwardAudit implements AuditedRecords {
  @Inject AwardQueries queries;

  @Override
  public List<Type> types() {
    return List.of(new Type("AWARD", 5, false), new Type("AWARD_POWER", 12, true));
  }

  @Override
  public boolean readable(String type, long id) {
    if (type.equals("AWARD_POWER")) {
      return queries.powerExists(id);
    }
    queries.require(id);
    return true;
  }
}
