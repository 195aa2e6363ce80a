package vn.antq.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.antq.common.audit.AuditedRecords;

/** Figures reports in the audit trail: read within the caller's territory. */
@ApplicationScoped
public class IndicatorAudit implements AuditedRecords {
  @Inject IndicatorQueries indicators;

  @Override
  public List<Type> types() {
    return List.of(new Type("INDICATOR_REPORT", 6, false));
  }

  @Override
  public boolean readable(String type, long id) {
    indicators.require(id);
    return true;
  }
}
