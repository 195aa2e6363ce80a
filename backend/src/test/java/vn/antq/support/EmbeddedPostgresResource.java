package vn.antq.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import vn.antq.common.db.EmbeddedDatabase;

/** A throwaway real PostgreSQL 17 for the tests (never H2). */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
  private EmbeddedDatabase db;

  @Override
  public Map<String, String> start() {
    db = EmbeddedDatabase.startTemporary();
    return Map.of(
        "quarkus.datasource.jdbc.url", db.jdbcUrl(),
        "quarkus.datasource.username", EmbeddedDatabase.USER,
        "quarkus.datasource.password", EmbeddedDatabase.USER);
  }

  @Override
  public void stop() {
    if (db != null) {
      db.close();
    }
  }
}
