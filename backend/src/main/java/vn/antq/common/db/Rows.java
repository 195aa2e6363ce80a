package vn.antq.common.db;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

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
