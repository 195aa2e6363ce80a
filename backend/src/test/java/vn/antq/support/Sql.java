package vn.antq.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Native SQL for tests that set the database up behind the API, each in its own transaction. */
public final class Sql {
  private Sql() {}

  /** Runs one statement with positional parameters ({@code ?1}, {@code ?2}, …). */
  public static void execute(EntityManager em, String statement, Object... params) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var q = em.createNativeQuery(statement);
              for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
              }
              q.executeUpdate();
            });
  }
}
