package vn.antq.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.time.VietnamTime;

/**
 * The territory and the period of a report (or of one stretch of it under one map: {@code map} null
 * for today's, see {@link ReportMaps}), split into whole months and the partial edges. The roll-ups
 * kept by bucket follow today's provinces: only a stretch under today's map reads them. {@code
 * until} is the last day of the whole report (a stretch's {@code to} may come before it).
 */
record ReportPeriod(
    List<String> prefixes,
    LocalDate from,
    LocalDate to,
    List<Long> provinces,
    LocalDate map,
    LocalDate until) {
  ReportPeriod {
    if (map != null && provinces != null) {
      throw new IllegalArgumentException("the roll-ups by bucket follow today's map only");
    }
  }

  /** Whether the report's unit is the country or whole provinces (bucket roll-ups apply). */
  boolean byBucket() {
    return provinces != null;
  }

  /**
   * The period's edges as {@code :from}/{@code :to}, and the provinces of {@link #provinceSql} when
   * there are some.
   */
  Map<String, Object> periodParams() {
    Map<String, Object> params = new HashMap<>(Map.of("from", from, "to", to));
    if (byBucket() && !provinces.isEmpty()) {
      params.put("provinces", provinces);
    }
    return params;
  }

  /** The SQL condition on a bucket roll-up's province ({@code alias.province_id}). */
  String provinceSql(String alias) {
    return provinces.isEmpty() ? "1 = 1" : alias + ".province_id IN (:provinces)";
  }

  /** First day of the first whole month in the period. */
  LocalDate fullFrom() {
    return from.getDayOfMonth() == 1 ? from : YearMonth.from(from).plusMonths(1).atDay(1);
  }

  /** First day after the last whole month in the period. */
  LocalDate fullTo() {
    LocalDate next = to.plusDays(1);
    return next.getDayOfMonth() == 1 ? next : YearMonth.from(to).atDay(1);
  }

  boolean hasFull() {
    return fullFrom().isBefore(fullTo());
  }

  /** Day ranges [start, end) not covered by whole months. */
  List<LocalDate[]> edges() {
    List<LocalDate[]> out = new ArrayList<>();
    LocalDate end = to.plusDays(1);
    if (!hasFull()) {
      out.add(new LocalDate[] {from, end});
      return out;
    }
    if (from.isBefore(fullFrom())) {
      out.add(new LocalDate[] {from, fullFrom()});
    }
    if (fullTo().isBefore(end)) {
      out.add(new LocalDate[] {fullTo(), end});
    }
    return out;
  }

  /** An edge's day range [start, end) as the instants {@code :a} and {@code :b}. */
  static Map<String, Object> edge(LocalDate[] e) {
    return Map.of(
        "a", e[0].atStartOfDay(VietnamTime.ZONE).toInstant(),
        "b", e[1].atStartOfDay(VietnamTime.ZONE).toInstant());
  }
}
