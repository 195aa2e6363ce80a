package vn.antq.common.db;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Set-based writes: one statement for many rows, its columns passed as arrays ({@code INSERT …
 * SELECT … FROM unnest(?, ?, …)}), on the connection of the current transaction. A thousand rows
 * cost one round trip instead of a thousand, and statement-level triggers see them together.
 */
public final class BulkSql {
  private BulkSql() {}

  /** One array parameter: its SQL element type ({@code int8}, {@code text} …) and values. */
  public record Column(String type, Object[] values) {
    public static Column of(String type, List<?> values) {
      return new Column(type, values.toArray());
    }
  }

  /**
   * Runs {@code sql} after flushing what Hibernate holds; its parameters in order are {@link
   * Column}s (bound as arrays) or single values (bound as they are: cast them in the SQL when they
   * may be null). Returns the number of rows written.
   */
  public static int execute(EntityManager em, String sql, Object... params) {
    em.flush();
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement st = connection.prepareStatement(sql)) {
                bind(connection, st, params);
                return st.executeUpdate();
              }
            });
  }

  /** Runs a query with parameters as in {@link #execute}; each row as its columns' values. */
  public static List<Object[]> query(EntityManager em, String sql, Object... params) {
    em.flush();
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement st = connection.prepareStatement(sql)) {
                bind(connection, st, params);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                  int n = rs.getMetaData().getColumnCount();
                  while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 0; c < n; c++) {
                      row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                  }
                }
                return rows;
              }
            });
  }

  /**
   * Runs {@code sql} once for each row of parameters, as one JDBC batch (one round trip), after
   * flushing what Hibernate holds: for a few large values, which an array would have to escape into
   * one literal and PostgreSQL parse back. Returns the rows written.
   */
  public static int batch(EntityManager em, String sql, List<Object[]> rows) {
    em.flush();
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement st = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                  for (int i = 0; i < row.length; i++) {
                    st.setObject(i + 1, row[i]);
                  }
                  st.addBatch();
                }
                int written = 0;
                for (int n : st.executeBatch()) {
                  written += Math.max(n, 0);
                }
                return written;
              }
            });
  }

  private static void bind(Connection connection, PreparedStatement st, Object[] params)
      throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] instanceof Column c) {
        st.setArray(i + 1, connection.createArrayOf(c.type(), c.values()));
      } else {
        st.setObject(i + 1, params[i]);
      }
    }
  }

  /** {@code n} new values of the sequence behind {@code table.id}, in order. */
  public static List<Long> nextIds(EntityManager em, String table, int n) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT nextval(pg_get_serial_sequence(?1, 'id')) FROM generate_series(1, ?2)")
            .setParameter(1, table)
            .setParameter(2, n)
            .getResultList();
    List<Long> ids = new ArrayList<>(rows.size());
    for (Object o : rows) {
      ids.add(Rows.toLong(o));
    }
    return ids;
  }
}
