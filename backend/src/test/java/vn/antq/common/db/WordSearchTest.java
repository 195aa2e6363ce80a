package vn.antq.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A search's words, in any order and without diacritics, each found in the key; only the word the
 * statistics expect the fewest rows for is asked of the index, written into the statement with its
 * quotes and LIKE wildcards escaped.
 */
@QuarkusTest
class WordSearchTest {
  @Inject WordSearch words;
  @Inject EntityManager em;

  @Test
  @TestTransaction
  void everyWordIsFoundAndOnlyTheRarestGoesThroughTheIndex() {
    probe();
    SqlPredicate p = words.every("  Sự KIỆN mẫu 1234 kiện ", "ws_probe", "key", "t", "q");
    // "1234" is in two keys of 2,000, "su kien mau" in all of them: only "1234" is a LIKE
    assertThat(p.sql()).contains("t.key LIKE '%1234%'").doesNotContain("LIKE '%kien%'");
    assertThat(p.sql().split("strpos", -1)).hasSize(4);
    assertThat(ids(p)).containsExactly(1234, 11234);
    assertThat(ids(words.every("mau 1234 su", "ws_probe", "key", "t", "q")))
        .containsExactly(1234, 11234);
    assertThat(words.every("   ", "ws_probe", "key", "t", "q")).isSameAs(SqlPredicate.ALL);
    assertThat(words.every(null, "ws_probe", "key", "t", "q")).isSameAs(SqlPredicate.ALL);
    // words of two letters have no trigram: none is asked of the index, all still must match
    SqlPredicate shortWords = words.every("su ki", "ws_probe", "key", "t", "q");
    assertThat(shortWords.sql()).doesNotContain("LIKE");
    assertThat(ids(shortWords)).hasSize(2001);
    assertThat(ids(words.every("su xy", "ws_probe", "key", "t", "q"))).isEmpty();
  }

  @Test
  @TestTransaction
  void quotesAndWildcardsAreLiteral() {
    probe();
    em.createNativeQuery(
            "INSERT INTO ws_probe VALUES (1, 'giam 100% vu'), (2, 'giam 1000 vu'), (3, 'ma a_b'),"
                + " (4, 'ma axb'), (5, 'o''neil \\ x')")
        .executeUpdate();
    assertThat(ids(words.every("100%", "ws_probe", "key", "t", "q"))).containsExactly(1);
    assertThat(ids(words.every("a_b", "ws_probe", "key", "t", "q"))).containsExactly(3);
    assertThat(ids(words.every("O'Neil", "ws_probe", "key", "t", "q"))).containsExactly(5);
    assertThat(ids(words.every("neil \\", "ws_probe", "key", "t", "q"))).containsExactly(5);
    assertThat(ids(words.every("giam% vu", "ws_probe", "key", "t", "q"))).isEmpty();
  }

  private void probe() {
    em.createNativeQuery("CREATE TEMP TABLE ws_probe (id int, key text) ON COMMIT DROP")
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO ws_probe SELECT i, f_search_key('Sự kiện mẫu ' || i)"
                + " FROM generate_series(10000, 11999) i UNION ALL"
                + " SELECT 1234, f_search_key('Sự kiện mẫu 1234')")
        .executeUpdate();
    em.createNativeQuery("ANALYZE ws_probe").executeUpdate();
  }

  private List<Integer> ids(SqlPredicate p) {
    Map<String, Object> params = new HashMap<>();
    var q =
        em.createNativeQuery("SELECT t.id FROM ws_probe t WHERE " + p.bind(params) + " ORDER BY 1");
    params.forEach(q::setParameter);
    return q.getResultList().stream().map(o -> ((Number) o).intValue()).toList();
  }
}
