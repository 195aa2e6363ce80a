package vn.antq.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named parameters become JDBC placeholders the way native JPA queries bind them. */
class ReadDatabaseBindTest {
  @Test
  void namesCollectionsCastsAndLiterals() {
    var b =
        ReadDatabase.bind(
            "SELECT CAST(x AS date), y::text, ':not' FROM t WHERE a = :a AND b IN (:ids)"
                + " AND c >= :at AND d = 'it''s :no' AND e = :a",
            Map.of(
                "a",
                LocalDate.of(2025, 7, 1),
                "ids",
                List.of(1L, 2L, 3L),
                "at",
                Instant.parse("2025-07-01T00:00:00Z")));
    assertThat(b.sql())
        .isEqualTo(
            "SELECT CAST(x AS date), y::text, ':not' FROM t WHERE a = ? AND b IN (?, ?, ?)"
                + " AND c >= ? AND d = 'it''s :no' AND e = ?");
    assertThat(b.values())
        .containsExactly(
            LocalDate.of(2025, 7, 1),
            1L,
            2L,
            3L,
            OffsetDateTime.parse("2025-07-01T00:00:00Z"),
            LocalDate.of(2025, 7, 1));
  }

  @Test
  void anEmptyCollectionMatchesNothingAndAMissingNameIsAnError() {
    assertThat(ReadDatabase.bind("x IN (:ids)", Map.of("ids", List.of())).sql())
        .isEqualTo("x IN (NULL)");
    assertThatThrownBy(() -> ReadDatabase.bind("x = :y", Map.of())).hasMessageContaining(":y");
  }
}
