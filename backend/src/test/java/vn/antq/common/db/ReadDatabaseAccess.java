package vn.antq.common.db;

import java.util.List;
import java.util.Map;

/** The named-parameter binding of {@link ReadDatabase}, for tests outside its package. */
public final class ReadDatabaseAccess {
  private ReadDatabaseAccess() {}

  public record Bound(String sql, List<Object> values) {}

  public static Bound bind(String sql, Map<String, ?> params) {
    ReadDatabase.Bound b = ReadDatabase.bind(sql, params);
    return new Bound(b.sql(), b.values());
  }
}
