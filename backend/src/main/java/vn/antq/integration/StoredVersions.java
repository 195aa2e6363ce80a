package vn.antq.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.antq.common.db.Rows;

/** The version column of a stored record, read without territory rules (they come after). */
@ApplicationScoped
public class StoredVersions {
  private static final Set<String> TABLES =
      Set.of(
          "unit",
          "community_model",
          "event",
          "award_decision",
          "indicator_report",
          "exemplary_police");

  @Inject EntityManager em;

  public Optional<Long> of(String table, long id) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException(table);
    }
    List<?> rows =
        em.createNativeQuery("SELECT version FROM " + table + " WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(Rows.toLong(rows.get(0)));
  }
}
