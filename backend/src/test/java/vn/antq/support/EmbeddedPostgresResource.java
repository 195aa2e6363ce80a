package vn.antq.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import vn.antq.common.db.EmbeddedDatabase;
import vn.antq.security.JwtKeys;

/** A throwaway real PostgreSQL 17 for the tests (never H2), and a fresh token key pair. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
  private EmbeddedDatabase db;
  private boolean ownTokens = true;

  /** {@code tokens=external}: access tokens come from an OpenID Connect provider, not ANTQ. */
  @Override
  public void init(Map<String, String> initArgs) {
    ownTokens = !"external".equals(initArgs.get("tokens"));
  }

  @Override
  public Map<String, String> start() {
    db = EmbeddedDatabase.startTemporary();
    JwtKeys keys = JwtKeys.generate();
    if (!ownTokens) {
      return Map.of(
          "quarkus.datasource.jdbc.url",
          db.jdbcUrl(),
          "quarkus.datasource.username",
          EmbeddedDatabase.USER,
          "quarkus.datasource.password",
          EmbeddedDatabase.USER);
    }
    return Map.of(
        "quarkus.datasource.jdbc.url",
        db.jdbcUrl(),
        "quarkus.datasource.username",
        EmbeddedDatabase.USER,
        "quarkus.datasource.password",
        EmbeddedDatabase.USER,
        JwtKeys.SIGN_KEY_PROPERTY,
        keys.privatePem(),
        JwtKeys.VERIFY_KEY_PROPERTY,
        keys.publicPem());
  }

  @Override
  public void stop() {
    if (db != null) {
      db.close();
    }
  }
}
