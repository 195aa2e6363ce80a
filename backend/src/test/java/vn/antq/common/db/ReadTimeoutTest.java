package vn.antq.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import vn.antq.common.problem.DatabaseOutage;

/**
 * A statement waits at most the read timeout for the database's answer (ANTQ_DB_READ_TIMEOUT, 30 s
 * by default); a wait cut short is an outage (503), not a bug; migrations wait without a limit and
 * give the pool its connections back with the limit they had.
 */
@QuarkusTest
class ReadTimeoutTest {
  private static final Executor DIRECT = Runnable::run;

  @Inject AgroalDataSource pool;

  @Test
  void everyConnectionOfThePoolWaitsAtMostTheReadTimeout() throws SQLException {
    try (Connection c = pool.getConnection()) {
      assertThat(c.getNetworkTimeout()).isEqualTo(30_000);
    }
  }

  @Test
  void aStatementThatOutwaitsItIsAnOutageAndItsConnectionIsDiscarded() throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setNetworkTimeout(DIRECT, 300);
      try (Statement st = c.createStatement()) {
        assertThatThrownBy(() -> st.execute("SELECT pg_sleep(2)"))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(DatabaseOutage.causedBy(e)).isTrue());
      }
      assertThat(c.isValid(1)).isFalse();
    }
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      assertThat(st.execute("SELECT 1")).isTrue();
      assertThat(c.getNetworkTimeout()).isEqualTo(30_000);
    }
  }

  @Test
  void migrationsWaitWithoutALimitAndReturnTheConnectionAsItWas() throws SQLException {
    FluentConfiguration flyway = new FluentConfiguration().dataSource(pool);
    new MigrationWaits().customize(flyway);
    Connection underlying;
    try (Connection c = flyway.getDataSource().getConnection()) {
      assertThat(c.getNetworkTimeout()).isZero();
      try (Statement st = c.createStatement()) {
        assertThat(st.execute("SELECT pg_sleep(0.1)")).isTrue();
      }
      underlying = c.unwrap(Connection.class);
    }
    assertThat(underlying.getNetworkTimeout()).isEqualTo(30_000);
  }
}
