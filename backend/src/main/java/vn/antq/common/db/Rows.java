package vn.antq.common.db;

import jakarta.persistence.Query;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.BasicTypeReference;

/**
 * The values of native query rows as Java types: the JDBC driver answers {@code bigint} as Long,
 * {@code count(*)} as Long, {@code integer} as Integer, {@code numeric} as BigDecimal, dates as
 * {@code java.sql.Date} and instants as Timestamp or OffsetDateTime, depending on the query. One
 * place reads them all, null-safe where the column may be null.
 */
public final class Rows {
  private Rows() {}

  /** A whole number of any numeric column type. */
  public static long toLong(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException("not a number: " + value);
  }

  /** {@link #toLong}, or null for SQL NULL. */
  public static Long toLongOrNull(Object value) {
    return value == null ? null : toLong(value);
  }

  public static short toShort(Object value) {
    return (short) toInt(value);
  }

  public static int toInt(Object value) {
    return Math.toIntExact(toLong(value));
  }

  /**
   * The query with its columns' types stated, in order: the columns must be named {@code c0},
   * {@code c1}, … in the SQL. Hibernate then reads each value by its type instead of working the
   * types out from the driver's result-set metadata at every execution (on a list page of 50 rows
   * that resolution was ≈ 9 % of the application's CPU samples under load).
   */
  public static Query typed(Query query, BasicTypeReference<?>... columns) {
    NativeQuery<?> nativeQuery = query.unwrap(NativeQuery.class);
    for (int i = 0; i < columns.length; i++) {
      nativeQuery.addScalar("c" + i, columns[i]);
    }
    return query;
  }

  /**
   * The rows of a native query of several columns, each as its column values (a checked cast per
   * row instead of an unchecked conversion of the whole list). The list may be changed.
   */
  public static List<Object[]> of(Query query) {
    List<?> raw = query.getResultList();
    List<Object[]> rows = new ArrayList<>(raw.size());
    for (Object row : raw) {
      rows.add((Object[]) row);
    }
    return rows;
  }

  /** The rows of a native query, each read into a value (usually a record) by {@code reader}. */
  public static <T> List<T> map(Query query, Function<Object[], T> reader) {
    return of(query).stream().map(reader).toList();
  }

  /**
   * Ids bound as one PostgreSQL array literal, for {@code = ANY (CAST(:ids AS bigint[]))}: one
   * parameter and one prepared statement whatever their number, where {@code IN (:ids)} binds (and
   * Hibernate renders) a parameter per id — a page of the change feed asks for a thousand.
   */
  public static String bigintArray(java.util.Collection<Long> ids) {
    StringBuilder out = new StringBuilder(ids.size() * 8 + 2).append('{');
    for (Long id : ids) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(id.longValue());
    }
    return out.append('}').toString();
  }

  /** A single-column query of whole numbers (ids, counts). */
  public static List<Long> longs(Query query) {
    return longs(query.getResultList());
  }

  /** A single-column query of text. */
  public static List<String> strings(Query query) {
    List<?> raw = query.getResultList();
    return raw.stream().map(String.class::cast).toList();
  }

  /** A column of whole numbers (a single-column result list). */
  public static List<Long> longs(List<?> values) {
    return values.stream().map(Rows::toLong).toList();
  }

  /** An instant, or null for SQL NULL. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    return (Instant) value;
  }

  /** A date, or null for SQL NULL. */
  public static LocalDate localDate(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
