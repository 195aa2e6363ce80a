package vn.antq.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.antq.common.db.StartupLock;

/**
 * The first administrator of a database comes from {@code ANTQ_ADMIN_USERNAME} and {@code
 * ANTQ_ADMIN_PASSWORD}; nothing else is ever created by default.
 */
@ApplicationScoped
public class SecurityBootstrap {
  private static final Logger LOG = Logger.getLogger(SecurityBootstrap.class);

  @ConfigProperty(name = "antq.bootstrap.admin-username")
  Optional<String> adminUsername;

  @ConfigProperty(name = "antq.bootstrap.admin-password")
  Optional<String> adminPassword;

  @Inject UserService users;
  @Inject EntityManager em;
  @Inject OidcSettings oidc;

  @Transactional
  void onStart(@Observes @Priority(3000) StartupEvent event) {
    // instances starting together: one creates the account, the others find it
    StartupLock.seeding(em);
    if (adminUsername.isPresent() && adminPassword.isEmpty() && oidc.enabled()) {
      // with an OpenID Connect provider the administrator signs in there: no password here
      if (users.ensure(adminUsername.get(), "Quản trị hệ thống", Role.ADMIN, null, null)) {
        LOG.infof("Administrator %s created from configuration", adminUsername.get());
      }
    } else if (adminUsername.isPresent() && adminPassword.isPresent()) {
      if (adminPassword.get().length() < 10) {
        throw new IllegalStateException("ANTQ_ADMIN_PASSWORD phải có ít nhất 10 ký tự");
      }
      if (users.ensure(
          adminUsername.get(), "Quản trị hệ thống", Role.ADMIN, null, adminPassword.get())) {
        LOG.infof("Administrator %s created from configuration", adminUsername.get());
      }
    } else if (users.count() == 0) {
      LOG.warn(
          "No account exists: set ANTQ_ADMIN_USERNAME and ANTQ_ADMIN_PASSWORD to create the first"
              + " administrator");
    }
  }
}
