package vn.antq.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.territory.Paths;

class SqlPredicateTest {
  @Test
  void aPlannedConditionWritesInOnlyPathsAndNumbers() {
    SqlPredicate p =
        SqlPredicate.anyOf(
            java.util.List.of(
                Paths.under("u", "/1/35/", "terr0"),
                new SqlPredicate("u.id = :id", Map.of("id", 7L)),
                new SqlPredicate("u.name = :name", Map.of("name", "x' OR '1'='1"))));
    SqlPredicate planned = p.planned();
    assertThat(planned.sql())
        .isEqualTo(
            "((u.path ~>=~ '/1/35/' AND u.path ~<~ '/1/350') OR u.id = 7 OR u.name = :name)");
    assertThat(planned.params()).containsOnlyKeys("name");
    assertThat(SqlPredicate.ALL.planned().sql()).isEqualTo("TRUE");
  }
}
