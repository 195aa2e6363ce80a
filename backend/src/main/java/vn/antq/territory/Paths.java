package vn.antq.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.db.SqlPredicate;

/**
 * Subtrees of the unit tree as conditions on a unit's materialised path ("/1/12/345/"): a unit lies
 * under another when its path starts with the other's.
 */
public final class Paths {
  private Paths() {}

  /**
   * {@code alias.path} lies under {@code prefix} ("/1/12/"), as a range of the path index ({@code
   * text_pattern_ops} orders paths byte by byte, so the paths that start with "/1/12/" are those
   * from "/1/12/" up to, not including, "/1/120"). Unlike {@code path LIKE $1}, a range of two
   * parameters can use the index in a plan PostgreSQL keeps for a prepared statement (a generic
   * plan), so such statements are not planned again at each execution. Parameters {@code name} and
   * {@code nameEnd}.
   */
  public static SqlPredicate under(String alias, String prefix, String name) {
    Map<String, Object> params = new HashMap<>();
    params.put(name, prefix);
    params.put(name + "End", prefixEnd(prefix));
    return new SqlPredicate(
        "(" + alias + ".path ~>=~ :" + name + " AND " + alias + ".path ~<~ :" + name + "End)",
        params);
  }

  /**
   * {@code alias.path} lies under any of {@code prefixes} (parameters {@code name0, name0End,
   * name1…}); matches nothing when there are none.
   */
  public static SqlPredicate underAny(String alias, List<String> prefixes, String name) {
    List<SqlPredicate> parts = new ArrayList<>();
    for (int i = 0; i < prefixes.size(); i++) {
      parts.add(under(alias, prefixes.get(i), name + i));
    }
    return SqlPredicate.anyOf(parts);
  }

  /** Whether {@code path} lies under any of {@code prefixes}. */
  public static boolean within(String path, List<String> prefixes) {
    return prefixes.stream().anyMatch(path::startsWith);
  }

  /** The smallest string after every string that starts with {@code prefix} (not empty). */
  public static String prefixEnd(String prefix) {
    int last = prefix.length() - 1;
    return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
  }
}
