package vn.antq.common.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where reports read their figures. With {@code ANTQ_REPORTS_DB_URL} set (the datasource {@code
 * reports}: a streaming replica, read-only connections) every query goes there; otherwise, or when
 * the replica cannot be reached or cancels a query for recovery, to the primary (for the next 10
 * seconds, then the replica is tried again). Queries take named parameters ({@code :name}; a
 * collection becomes a list of placeholders), like native JPA queries; rows come back as {@code
 * Object[]} of JDBC values.
 */
@ApplicationScoped
@Startup
public class ReadDatabase {
  private static final Logger LOG = Logger.getLogger(ReadDatabase.class);

  @Inject AgroalDataSource primary;

  @ConfigProperty(name = "quarkus.datasource.reports.jdbc.url")
  Optional<String> replicaUrl;

  private AgroalDataSource replica;

  static final String TAG = "/* reads */ ";

  /**
   * Whether the replica failed to answer last time, and when ({@link System#nanoTime()}) to try it
   * again: until then this instance reads the primary without trying the replica first.
   */
  /**
   * Whether the replica was found down: a report's figure queries run side by side, so several
   * threads can find it down at once, and only the one that changes this logs it.
   */
  private final java.util.concurrent.atomic.AtomicBoolean replicaDown =
      new java.util.concurrent.atomic.AtomicBoolean();

  private volatile long retryReplicaAt;
  static final long RETRY_AFTER_NANOS = 10_000_000_000L;

  @PostConstruct
  void init() {
    if (replicaUrl.filter(s -> !s.isBlank()).isPresent()) {
      replica =
          Arc.container()
              .select(AgroalDataSource.class, new DataSource.DataSourceLiteral("reports"))
              .get();
      LOG.infof("Reports read from the reports database %s", replicaUrl.get());
    }
  }

  /** Whether a reports database is configured (a replica), rather than the primary alone. */
  public boolean replicaConfigured() {
    return replica != null;
  }

  public List<Object[]> query(String sql, Map<String, ?> params) {
    // the comment names these statements in PostgreSQL's logs and pg_stat_statements
    Bound bound = bind(TAG + sql, params);
    if (replica != null && (!replicaDown.get() || System.nanoTime() - retryReplicaAt >= 0)) {
      try {
        List<Object[]> rows = run(replica, bound);
        if (replicaDown.compareAndSet(true, false)) {
          LOG.info("The reports database answers again: reports read it");
        }
        return rows;
      } catch (SQLException e) {
        if (!unavailable(e)) {
          throw new IllegalStateException(e);
        }
        retryReplicaAt = System.nanoTime() + RETRY_AFTER_NANOS;
        if (replicaDown.compareAndSet(false, true)) {
          LOG.warnf(
              "The reports database did not answer (%s %s): reports read the primary, and try"
                  + " it again every %d s",
              e.getSQLState(), e.getMessage(), RETRY_AFTER_NANOS / 1_000_000_000L);
        }
      }
    }
    try {
      return run(primary, bound);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Object[]> run(AgroalDataSource ds, Bound bound) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(bound.sql())) {
      for (int i = 0; i < bound.values().size(); i++) {
        ps.setObject(i + 1, bound.values().get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  /**
   * A replica that is down, starting, unreachable, out of connections, or that cancelled the query
   * because recovery needed its rows: the primary answers instead.
   */
  static boolean unavailable(SQLException e) {
    String state = e.getSQLState();
    return state == null
        || state.startsWith("08")
        || state.startsWith("57P")
        || state.equals("40001")
        || state.equals("53300");
  }

  record Bound(String sql, List<Object> values) {}

  /** {@code :name} → {@code ?} (skipping string literals and {@code ::} casts). */
  static Bound bind(String sql, Map<String, ?> params) {
    StringBuilder out = new StringBuilder(sql.length());
    List<Object> values = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char ch = sql.charAt(i);
      if (ch == '\'') {
        int end = i + 1;
        while (end < n
            && !(sql.charAt(end) == '\'' && (end + 1 >= n || sql.charAt(end + 1) != '\''))) {
          end += sql.charAt(end) == '\'' ? 2 : 1;
        }
        out.append(sql, i, Math.min(end + 1, n));
        i = end + 1;
      } else if (ch == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
      } else if (ch == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
          end++;
        }
        String name = sql.substring(i + 1, end);
        if (!params.containsKey(name)) {
          throw new IllegalArgumentException("no value for :" + name);
        }
        Object v = params.get(name);
        if (v instanceof Collection<?> many) {
          if (many.isEmpty()) {
            out.append("NULL");
          }
          int k = 0;
          for (Object one : many) {
            out.append(k++ == 0 ? "?" : ", ?");
            values.add(jdbc(one));
          }
        } else {
          out.append('?');
          values.add(jdbc(v));
        }
        i = end;
      } else {
        out.append(ch);
        i++;
      }
    }
    return new Bound(out.toString(), values);
  }

  private static Object jdbc(Object v) {
    if (v instanceof Instant t) {
      return t.atOffset(ZoneOffset.UTC);
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    return v;
  }
}
