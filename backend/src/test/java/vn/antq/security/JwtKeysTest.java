package vn.antq.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Instances on one database without ANTQ_JWT_* share one signing pair kept in it: instances that
 * start together still agree on a single pair (issue 10).
 */
@QuarkusTest
class JwtKeysTest {
  @Inject AgroalDataSource db;

  @Test
  void instancesStartingTogetherShareOnePair() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<JwtKeys> seen = new ArrayList<>();
    try {
      List<Callable<JwtKeys>> starts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        starts.add(
            () -> {
              try (Connection c = db.getConnection()) {
                return JwtKeys.loadOrCreate(c);
              }
            });
      }
      for (Future<JwtKeys> f : pool.invokeAll(starts)) {
        seen.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).allSatisfy(k -> assertThat(k).isEqualTo(seen.get(0)));
    assertThat(seen.get(0).privatePem()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(seen.get(0).publicPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM antq_keys.token_signing_key")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
    // a later start reads the same pair
    try (Connection c = db.getConnection()) {
      assertThat(JwtKeys.loadOrCreate(c)).isEqualTo(seen.get(0));
    }
  }
}
