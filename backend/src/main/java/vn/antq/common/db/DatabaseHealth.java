package vn.antq.common.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Readiness: the database answers. Anyone may ask (load balancers, orchestrators), so the answer is
 * UP or DOWN only — never a host, a port or a driver's message, which go to the log instead (the
 * built-in datasource check, which printed them, is off).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(DatabaseHealth.class);
  private static final int TIMEOUT_SECONDS = 2;

  @Inject AgroalDataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    boolean up;
    try (Connection c = dataSource.getConnection()) {
      up = c.isValid(TIMEOUT_SECONDS);
    } catch (SQLException e) {
      LOG.warnf("Readiness: the database cannot be reached (%s)", e.getMessage());
      up = false;
    }
    return HealthCheckResponse.named("database").status(up).build();
  }
}
