package vn.antq.common.db;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition of a native query with its bound parameters: the SQL text names its parameters
 * ({@code :name}) and carries no values. Built by whoever owns the rule (the caller's territory, a
 * subtree) and added to a query by the feature that runs it, so no feature assembles another's
 * condition from strings.
 */
public record SqlPredicate(String sql, Map<String, Object> params) {
  /** Matches every row: adds nothing to a query. */
  public static final SqlPredicate ALL = new SqlPredicate("TRUE", Map.of());

  /** Matches no row. */
  public static final SqlPredicate NONE = new SqlPredicate("1 = 0", Map.of());

  public SqlPredicate {
    params = Map.copyOf(params);
  }

  public boolean matchesAll() {
    return this == ALL;
  }

  /** Either condition ({@code OR}, parenthesised); {@code NONE} for an empty list. */
  public static SqlPredicate anyOf(List<SqlPredicate> parts) {
    if (parts.isEmpty()) {
      return NONE;
    }
    if (parts.stream().anyMatch(SqlPredicate::matchesAll)) {
      return ALL;
    }
    StringBuilder sql = new StringBuilder("(");
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      sql.append(i == 0 ? "" : " OR ").append(parts.get(i).sql());
      params.putAll(parts.get(i).params());
    }
    return new SqlPredicate(sql.append(")").toString(), params);
  }

  /**
   * The condition's text, its parameters added to {@code into} (for a {@code WHERE} of its own).
   */
  public String bind(Map<String, Object> into) {
    into.putAll(params);
    return sql;
  }

  /** Appends {@code AND condition} to {@code where} (nothing when it matches every row). */
  public void andTo(StringBuilder where, Map<String, Object> into) {
    if (!matchesAll()) {
      where.append(" AND ").append(bind(into));
    }
  }

  /** {@code AND condition}, or nothing when it matches every row, its parameters bound. */
  public String andClause(Map<String, Object> into) {
    return matchesAll() ? "" : " AND " + bind(into);
  }

  /**
   * The same condition with its path and number parameters written into the text, so that each
   * execution is planned for its values. A statement planned once for any subtree (a generic plan)
   * cannot tell a commune's few rows from a province's many: a commune's page of events read the
   * whole country's in date order (212 ms instead of 0.4 ms). Only values that cannot carry SQL are
   * written in (digits and slashes, numbers); the others stay parameters.
   */
  public SqlPredicate planned() {
    String text = sql;
    Map<String, Object> rest = new HashMap<>();
    // longest names first: ":terr0End" before ":terr0"
    List<String> names =
        params.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
    for (String name : names) {
      Object v = params.get(name);
      if (v instanceof String str && SAFE.matcher(str).matches()) {
        text = text.replace(":" + name, "'" + str + "'");
      } else if (v instanceof Long || v instanceof Integer) {
        text = text.replace(":" + name, v.toString());
      } else {
        rest.put(name, v);
      }
    }
    return new SqlPredicate(text, rest);
  }

  private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[0-9/]*");
}
