package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.antq.common.audit.AuditedRecords;

/** Models in the audit trail: read within the caller's territory. */
@ApplicationScoped
public class ModelAudit implements AuditedRecords {
  @Inject ModelService models;

  @Override
  public List<Type> types() {
    return List.of(new Type("MODEL", 2, false));
  }

  @Override
  public boolean readable(String type, long id) {
    models.require(id); // 404 outside the caller's territory
    return true;
  }
}
