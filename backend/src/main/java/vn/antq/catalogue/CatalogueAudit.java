package vn.antq.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.antq.common.audit.AuditedRecords;

/** Catalogue items in the audit trail: administrators only. */
@ApplicationScoped
public class CatalogueAudit implements AuditedRecords {
  @Inject CatalogueService catalogues;

  @Override
  public List<Type> types() {
    return List.of(new Type("CATALOGUE", 11, true));
  }

  @Override
  public boolean readable(String type, long id) {
    return catalogues.exists(id);
  }
}
