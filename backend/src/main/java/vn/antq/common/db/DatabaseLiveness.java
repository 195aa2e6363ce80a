package vn.antq.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN only when the instance cannot recover by itself — its embedded PostgreSQL has
 * stopped and has failed to start again for a minute ({@link EmbeddedDatabaseWatch}). An external
 * database that is away makes readiness DOWN, not liveness: the pool reconnects when it is back,
 * and a restarted instance would meet the same database.
 */
@Liveness
@ApplicationScoped
public class DatabaseLiveness implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database-recoverable")
        .status(!EmbeddedDatabaseWatch.unrecoverable())
        .build();
  }
}
