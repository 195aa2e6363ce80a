package vn.antq.common.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The first connections wait for an embedded PostgreSQL started beside Quarkus ({@link
 * EmbeddedDatabase#startBeside}): Flyway's, at start, and, should migrations at start be turned
 * off, the start-up observers'. With an external database, or a cluster started before Quarkus,
 * there is nothing to wait for.
 */
@ApplicationScoped
public class EmbeddedDatabaseGate implements FlywayConfigurationCustomizer {
  @Override
  public void customize(FluentConfiguration configuration) {
    EmbeddedDatabase.awaitStart();
  }

  void onStart(@Observes @Priority(1) StartupEvent event) {
    EmbeddedDatabase.awaitStart();
  }
}
