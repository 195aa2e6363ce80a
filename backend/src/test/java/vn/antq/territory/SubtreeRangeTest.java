package vn.antq.territory;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subtree filters are ranges of the path index ({@link Paths#under}), so that a plan kept for a
 * prepared statement (a generic plan) still reads the index: the same rows as {@code path LIKE
 * 'prefix%'}, and an index scan with the values unknown.
 */
@QuarkusTest
class SubtreeRangeTest {
  @Inject AgroalDataSource db;

  static final List<String> PATHS =
      List.of("/", "/1/", "/1/12/", "/1/12/345/", "/1/120/", "/1/121/9/", "/1/13/", "/10/", "/2/");

  @Test
  void theRangeHoldsWhatThePrefixHoldsAndAGenericPlanReadsTheIndex() throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE t (id serial, path text NOT NULL)");
      s.execute("CREATE INDEX ON t (path text_pattern_ops)");
      s.execute(
          "INSERT INTO t (path) SELECT p FROM unnest(ARRAY['"
              + String.join("','", PATHS)
              + "']) p, generate_series(1, 2000)");
      s.execute("ANALYZE t");
      s.execute("SET plan_cache_mode = force_generic_plan");
      for (String prefix : List.of("/", "/1/", "/1/12/", "/1/121/", "/2/")) {
        Map<String, Object> params = new HashMap<>();
        String where = Paths.under("t", prefix, "p").bind(params);
        var bound =
            vn.antq.common.db.ReadDatabaseAccess.bind(
                "SELECT DISTINCT t.path FROM t WHERE " + where + " ORDER BY 1", params);
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(bound.sql())) {
          for (int i = 0; i < bound.values().size(); i++) {
            ps.setObject(i + 1, bound.values().get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getString(1));
            }
          }
        }
        assertThat(found)
            .as(prefix)
            .containsExactlyElementsOf(
                PATHS.stream().filter(p -> p.startsWith(prefix)).sorted().toList());
      }
      // the plan PostgreSQL keeps, values unknown: a range of the index, not a scan of the table
      s.execute("PREPARE q(text, text) AS SELECT id FROM t WHERE t.path ~>=~ $1 AND t.path ~<~ $2");
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE q('/1/12/', '/1/120')")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString()).contains("Index Cond").contains("$1").doesNotContain("Seq Scan");
      s.execute("DEALLOCATE q");
      s.execute("RESET plan_cache_mode");
      s.execute("DROP TABLE t");
    }
  }

  @Test
  void theEndOfAPrefixIsItsNextString() {
    assertThat(Paths.prefixEnd("/1/12/")).isEqualTo("/1/120");
    assertThat(Paths.prefixEnd("/")).isEqualTo("0");
  }
}
