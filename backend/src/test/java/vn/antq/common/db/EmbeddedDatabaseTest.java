package vn.antq.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing cluster starts beside Quarkus (AntqMain): its URL is known before PostgreSQL is up,
 * and the first connection (Flyway's, through EmbeddedDatabaseGate) waits for it.
 */
class EmbeddedDatabaseTest {
  @TempDir Path dir;

  @AfterEach
  void forget() {
    EmbeddedDatabase.forgetStart();
  }

  @Test
  void anExistingClusterStartsBesideAndTheFirstConnectionWaitsForIt() throws Exception {
    Path data = dir.resolve("pg");
    assertThat(EmbeddedDatabase.initialised(data)).isFalse();
    try (EmbeddedDatabase created = EmbeddedDatabase.start(data, 0)) {
      assertThat(created.port()).isPositive();
    }
    assertThat(EmbeddedDatabase.initialised(data)).isTrue();

    int port = EmbeddedDatabase.freePort();
    var starting = EmbeddedDatabase.startBeside(data, port);
    EmbeddedDatabase.awaitStart(); // what Flyway's customizer does before it connects
    assertThat(starting).isDone();
    try (EmbeddedDatabase db = starting.join();
        Connection c =
            DriverManager.getConnection(
                EmbeddedDatabase.jdbcUrl(port), EmbeddedDatabase.USER, EmbeddedDatabase.USER);
        ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('port')")) {
      assertThat(db.jdbcUrl()).isEqualTo(EmbeddedDatabase.jdbcUrl(port));
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(port);
    }
  }

  @Test
  void aStartThatFailsFailsTheFirstConnectionWithItsReason() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "not a cluster");
    EmbeddedDatabase.startBeside(notADirectory, EmbeddedDatabase.freePort());
    assertThatThrownBy(EmbeddedDatabase::awaitStart)
        .hasMessageContaining("Không khởi động được PostgreSQL nhúng");
  }

  @Test
  void aServerKilledIsStartedAgainOnItsPortWithEveryCommittedRow() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"), 0)) {
      String url = db.jdbcUrl();
      try (Connection c =
          DriverManager.getConnection(url, EmbeddedDatabase.USER, EmbeddedDatabase.USER)) {
        c.createStatement().execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
      }
      EmbeddedDatabaseWatch.watch(db);
      long pid = Long.parseLong(Files.readAllLines(dir.resolve("pg/postmaster.pid")).get(0).trim());
      assertThat(db.running()).isTrue();
      ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9
      long deadline = System.currentTimeMillis() + 60_000;
      Integer value = null;
      while (value == null && System.currentTimeMillis() < deadline) {
        try (Connection c =
                DriverManager.getConnection(url, EmbeddedDatabase.USER, EmbeddedDatabase.USER);
            ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
          rs.next();
          value = rs.getInt(1);
        } catch (java.sql.SQLException down) {
          Thread.sleep(100);
        }
      }
      assertThat(value).isEqualTo(42);
      assertThat(db.running()).isTrue();
      assertThat(db.jdbcUrl()).isEqualTo(url);
      assertThat(EmbeddedDatabaseWatch.unrecoverable()).isFalse();
    }
  }

  @Test
  void withoutAStartBesideThereIsNothingToWaitFor() {
    EmbeddedDatabase.awaitStart();
  }
}
