package vn.antq;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import vn.antq.common.db.EmbeddedDatabase;
import vn.antq.common.db.EmbeddedDatabaseWatch;
import vn.antq.security.JwtKeys;
import vn.antq.security.OidcSettings;

/**
 * Starts ANTQ. When no external database is configured (no {@code QUARKUS_DATASOURCE_JDBC_URL} and
 * no {@code quarkus.datasource.jdbc.url}), an embedded PostgreSQL is started first, with its files
 * in {@code $ANTQ_DATA_DIR} (default {@code ./data}), and handed to Quarkus as configuration.
 */
@QuarkusMain
public final class AntqMain {
  private static final Logger LOG = Logger.getLogger(AntqMain.class);

  private AntqMain() {}

  public static void main(String... args) {
    boolean external = externalDatabaseConfigured();
    CompletableFuture<EmbeddedDatabase> embedded = external ? null : startEmbedded();
    // after initdb (it wants an empty directory); the keys live beside the cluster
    if (notBlank(System.getenv("ANTQ_OIDC_ISSUER"))) {
      trustOidcProvider(System.getenv("ANTQ_OIDC_ISSUER"));
    } else {
      installJwtKeys(external);
    }
    try {
      Quarkus.run(args);
    } finally {
      if (embedded != null) {
        closeWhenStarted(embedded);
      }
    }
  }

  /**
   * The embedded PostgreSQL of {@code $ANTQ_DATA_DIR}: an existing cluster starts beside Quarkus, a
   * new one is created first; its connection goes into Quarkus's configuration.
   */
  private static CompletableFuture<EmbeddedDatabase> startEmbedded() {
    CompletableFuture<EmbeddedDatabase> embedded;
    Path dataDir = Path.of(envOr("ANTQ_DATA_DIR", "data")).toAbsolutePath();
    int port = Integer.parseInt(envOr("ANTQ_DB_PORT", "0"));
    if (EmbeddedDatabase.initialised(dataDir)) {
      // an existing cluster starts beside Quarkus; the first connection waits for it
      int chosen = port > 0 ? port : EmbeddedDatabase.freePort();
      embedded = EmbeddedDatabase.startBeside(dataDir, chosen);
      System.setProperty("quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(chosen));
      embedded.thenRun(() -> LOG.infof("Embedded PostgreSQL started, data in %s", dataDir));
    } else {
      // a new one first: initdb wants the directory empty (the keys below go into it)
      EmbeddedDatabase created = EmbeddedDatabase.start(dataDir, port);
      embedded = CompletableFuture.completedFuture(created);
      System.setProperty("quarkus.datasource.jdbc.url", created.jdbcUrl());
      LOG.infof("Embedded PostgreSQL created and started, data in %s", dataDir);
    }
    System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
    System.setProperty("quarkus.datasource.password", EmbeddedDatabase.USER);
    if (System.getenv("ANTQ_DEMO_DATA") == null && System.getProperty("antq.demo-data") == null) {
      System.setProperty("antq.demo-data", "true");
    }
    stopWithQuarkus(embedded);
    // started again by the app when it stops by itself (a kill -9, a crash)
    embedded.thenAccept(EmbeddedDatabaseWatch::watch);
    return embedded;
  }

  /** Stops the embedded server after Quarkus, whose last writes need it. */
  private static void stopWithQuarkus(CompletableFuture<EmbeddedDatabase> db) {
    Thread main = Thread.currentThread();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // once Quarkus has stopped (its last writes need the database); not when the
                  // main thread ends: on a signal it never does, and the stop took 15 s more
                  io.quarkus.runtime.Application app =
                      io.quarkus.runtime.Application.currentApplication();
                  if (app != null) {
                    app.awaitShutdown();
                  } else {
                    try {
                      main.join(15_000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  closeWhenStarted(db);
                },
                "antq-embedded-pg-stop"));
  }

  /** Stops the embedded server once its start has ended (nothing to stop if it failed). */
  private static void closeWhenStarted(CompletableFuture<EmbeddedDatabase> db) {
    try {
      db.join().close();
    } catch (java.util.concurrent.CompletionException
        | java.util.concurrent.CancellationException e) {
      LOG.debugf("Embedded PostgreSQL did not start: %s", e.getMessage());
    }
  }

  /**
   * Access tokens are signed with {@code ANTQ_JWT_PRIVATE_KEY} and verified with {@code
   * ANTQ_JWT_PUBLIC_KEY} (PEM) when set. Otherwise instances on an external database share a pair
   * kept in it (made by the first one to start); an embedded instance keeps its pair in {@code
   * $ANTQ_DATA_DIR/keys}.
   */
  static void installJwtKeys(boolean externalDatabase) {
    String priv = System.getenv("ANTQ_JWT_PRIVATE_KEY");
    String pub = System.getenv("ANTQ_JWT_PUBLIC_KEY");
    if (notBlank(priv) && notBlank(pub)) {
      new JwtKeys(priv, pub).install();
      return;
    }
    if (externalDatabase) {
      keysFromDatabase().install();
      LOG.info("Token signing keys: the pair kept in the database (antq_keys.token_signing_key)");
      return;
    }
    Path dir = Path.of(envOr("ANTQ_DATA_DIR", "data"), "keys").toAbsolutePath();
    JwtKeys.loadOrCreate(dir).install();
  }

  /** Reads (or makes) the shared pair; waits up to a minute for a database that is starting. */
  private static JwtKeys keysFromDatabase() {
    String url = setting("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url");
    String user = setting("QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.username");
    String password = setting("QUARKUS_DATASOURCE_PASSWORD", "quarkus.datasource.password");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try (Connection c = DriverManager.getConnection(url, user, password)) {
        return JwtKeys.loadOrCreate(c);
      } catch (SQLException e) {
        boolean unreachable = e.getSQLState() != null && e.getSQLState().startsWith("08");
        if (!unreachable || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Không đọc được khóa ký token trong cơ sở dữ liệu " + url + ": " + e.getMessage(), e);
        }
        LOG.infof("Waiting for the database at %s: %s", url, e.getMessage());
        try {
          Thread.sleep(2000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(ie);
        }
      }
    }
  }

  private static String setting(String env, String property) {
    String v = System.getProperty(property);
    return notBlank(v) ? v : System.getenv(env);
  }

  /**
   * Bearer tokens are then the provider's: verified against its JWKS ({@code ANTQ_OIDC_JWKS_URL},
   * or the {@code jwks_uri} of its discovery document) and its issuer; {@code ANTQ_OIDC_AUDIENCE}
   * adds an audience check. ANTQ signs no tokens of its own.
   */
  static void trustOidcProvider(String issuer) {
    String jwks = System.getenv("ANTQ_OIDC_JWKS_URL");
    if (!notBlank(jwks)) {
      try {
        jwks = OidcSettings.fetchDiscovery(issuer, new ObjectMapper()).get("jwks_uri").asText();
      } catch (IOException e) {
        throw new IllegalStateException(
            "Không đọc được cấu hình OpenID Connect của " + issuer + ": " + e.getMessage(), e);
      }
    }
    System.setProperty("mp.jwt.verify.publickey.location", jwks);
    String audience = System.getenv("ANTQ_OIDC_AUDIENCE");
    if (notBlank(audience)) {
      System.setProperty("mp.jwt.verify.audiences", audience);
    }
    LOG.infof("Signing in through the OpenID Connect provider %s (keys from %s)", issuer, jwks);
  }

  static boolean externalDatabaseConfigured() {
    return notBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
        || notBlank(System.getProperty("quarkus.datasource.jdbc.url"));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return notBlank(v) ? v : fallback;
  }
}
