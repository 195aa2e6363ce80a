package vn.antq.common;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares for requests: those of the app's own background
 * threads (import worker, scheduler, heartbeat: named {@code antq-…}) are left out, so a count does
 * not depend on what runs meanwhile.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RequestStatements implements StatementInspector {
  static final AtomicLong COUNT = new AtomicLong();

  @Override
  public String inspect(String sql) {
    if (!Thread.currentThread().getName().startsWith("antq-")) {
      COUNT.incrementAndGet();
    }
    return sql;
  }
}
