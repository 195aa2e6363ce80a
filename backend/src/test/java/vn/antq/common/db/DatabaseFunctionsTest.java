package vn.antq.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Every function and trigger of the migrated database has its current definition in exactly one
 * repeatable migration ({@code R__*.sql}), and a database upgraded from the versioned migrations
 * alone (as deployments were before the repeatable ones) ends with the same definitions as a fresh
 * one.
 */
@QuarkusTest
class DatabaseFunctionsTest {
  private static final String FUNCTIONS =
      "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p"
          + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
          + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')";
  private static final String TRIGGERS =
      "SELECT t.tgname || ' ON ' || c.relname, pg_get_triggerdef(t.oid, true) FROM pg_trigger t"
          + " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = 'public' AND NOT t.tgisinternal";

  @Inject AgroalDataSource db;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @Test
  void everyFunctionAndTriggerIsDefinedOnceInARepeatableMigration() throws Exception {
    Map<String, String> repeatable = migrations("R__");
    assertThat(repeatable).isNotEmpty();
    try (Connection c = db.getConnection()) {
      Map<String, String> functions = definitions(c, FUNCTIONS);
      Map<String, String> triggers = definitions(c, TRIGGERS);
      assertThat(functions).hasSizeGreaterThan(30);
      assertThat(triggers).hasSizeGreaterThan(20);
      functions.forEach(
          (name, def) ->
              assertThat(definedIn(repeatable, def))
                  .as("files holding the current definition of function %s", name)
                  .hasSize(1));
      triggers.forEach(
          (name, def) ->
              assertThat(definedIn(repeatable, orReplace(def)))
                  .as("files holding the current definition of trigger %s", name)
                  .hasSize(1));
      // and nothing in them that the database does not have (a stale or misspelt definition)
      long defined =
          repeatable.values().stream()
              .mapToLong(text -> text.split("CREATE OR REPLACE ", -1).length - 1)
              .sum();
      assertThat(defined).isEqualTo(functions.size() + triggers.size());
    }
  }

  @Test
  void anUpgradedDatabaseEndsWithTheSameDefinitionsAsAFreshOne() throws Exception {
    String name = "upgraded_" + System.nanoTime();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String upgradedUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    Path versionedOnly = Files.createTempDirectory("versioned");
    try {
      for (Map.Entry<String, String> v : migrations("V").entrySet()) {
        Files.writeString(versionedOnly.resolve(v.getKey()), v.getValue());
      }
      // as deployed before the repeatable migrations existed, then upgraded to today's
      flyway(upgradedUrl, "filesystem:" + versionedOnly).migrate();
      flyway(upgradedUrl, "classpath:db/migration").migrate();
      try (Connection fresh = db.getConnection();
          Connection upgraded = DriverManager.getConnection(upgradedUrl, user, password)) {
        assertThat(definitions(upgraded, FUNCTIONS)).isEqualTo(definitions(fresh, FUNCTIONS));
        assertThat(definitions(upgraded, TRIGGERS)).isEqualTo(definitions(fresh, TRIGGERS));
      }
    } finally {
      try (Stream<Path> files = Files.list(versionedOnly)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(versionedOnly);
      try (Connection c = db.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  private Flyway flyway(String jdbcUrl, String location) {
    return Flyway.configure().dataSource(jdbcUrl, user, password).locations(location).load();
  }

  /** The migrations of the application whose file names start with {@code prefix}, by name. */
  private static Map<String, String> migrations(String prefix)
      throws IOException, URISyntaxException {
    Path dir =
        Path.of(DatabaseFunctionsTest.class.getClassLoader().getResource("db/migration").toURI());
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String file = f.getFileName().toString();
        if (file.startsWith(prefix) && file.endsWith(".sql")) {
          out.put(file, Files.readString(f));
        }
      }
    }
    return out;
  }

  private static Map<String, String> definitions(Connection c, String sql) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2).strip());
      }
    }
    return out;
  }

  private static String orReplace(String triggerDef) {
    return triggerDef.replaceFirst("^CREATE TRIGGER ", "CREATE OR REPLACE TRIGGER ");
  }

  private static List<String> definedIn(Map<String, String> files, String definition) {
    List<String> found = new ArrayList<>();
    files.forEach(
        (file, text) -> {
          if (text.contains(definition)) {
            found.add(file);
          }
        });
    return found;
  }
}
