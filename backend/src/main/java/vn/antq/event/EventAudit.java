package vn.antq.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.antq.common.audit.AuditedRecords;

/** Events and programmes in the audit trail: read where the caller may see them. */
@ApplicationScoped
public class EventAudit implements AuditedRecords {
  @Inject EventService events;
  @Inject ProgrammeService programmes;

  @Override
  public List<Type> types() {
    return List.of(new Type("EVENT", 3, false), new Type("PROGRAMME", 4, false));
  }

  @Override
  public boolean readable(String type, long id) {
    if (type.equals("PROGRAMME")) {
      programmes.require(id);
    } else {
      events.require(id);
    }
    return true;
  }
}
