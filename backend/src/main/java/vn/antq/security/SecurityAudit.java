package vn.antq.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.antq.common.audit.AuditedRecords;

/** Accounts and API keys in the audit trail: administrators only. */
@ApplicationScoped
public class SecurityAudit implements AuditedRecords {
  @Inject UserService users;
  @Inject ApiKeyService keys;

  @Override
  public List<Type> types() {
    return List.of(new Type("USER", 9, true), new Type("API_KEY", 10, true));
  }

  @Override
  public boolean readable(String type, long id) {
    return type.equals("USER") ? users.exists(id) : keys.exists(id);
  }
}
