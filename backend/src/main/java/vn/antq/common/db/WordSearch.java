package vn.antq.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every word of a search, in any order, found in a kept search key ({@code f_search_key}: lower
 * case without diacritics, trigram-indexed): "ngay hoi an xuyen" finds "Ngày hội … phường An
 * Xuyên".
 *
 * <p>Only the rarest word goes through the trigram index, the others are checked on the rows it
 * finds. A trigram index answers a rare word ("123456") by reading a few short lists, but a word
 * that most keys share ("kien" in "sự kiện") by reading lists of millions of rows: asking the index
 * for all words read 2,600 pages for 13 events (43 ms), the rare word alone 54 (2 ms). The rarest
 * word is the one PostgreSQL's statistics expect the fewest rows for; it is written into the
 * statement so that it is planned for that word — when even it matches most rows, the planner reads
 * the list in its order and checks the words on the way (a first page is found at once).
 */
@ApplicationScoped
public class WordSearch {
  /** At most this many words of a query are matched. */
  public static final int MAX_WORDS = 8;

  private static final Pattern ROWS = Pattern.compile("rows=(\\d+)");

  @Inject EntityManager em;

  /**
   * The condition that every word of {@code q} is in {@code alias.column} of {@code table}, its
   * parameters named {@code prefix0…}; {@link SqlPredicate#ALL} for a blank query. {@code table}
   * and {@code column} are the caller's constants, never input.
   */
  public SqlPredicate every(String q, String table, String column, String alias, String prefix) {
    List<String> keys = keys(q);
    if (keys.isEmpty()) {
      return SqlPredicate.ALL;
    }
    int rarest = -1;
    long fewest = Long.MAX_VALUE;
    for (int i = 0; i < keys.size(); i++) {
      // a word of one or two letters has no trigram: the index cannot answer it
      if (keys.get(i).length() >= 3) {
        long expected = expectedRows(table, column, keys.get(i));
        if (expected < fewest) {
          fewest = expected;
          rarest = i;
        }
      }
    }
    StringBuilder sql = new StringBuilder();
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      sql.append(i == 0 ? "" : " AND ");
      if (i == rarest) {
        sql.append(alias).append('.').append(column).append(" LIKE ").append(pattern(keys.get(i)));
      } else {
        params.put(prefix + i, keys.get(i));
        sql.append("strpos(")
            .append(alias)
            .append('.')
            .append(column)
            .append(", :")
            .append(prefix)
            .append(i)
            .append(") > 0");
      }
    }
    return new SqlPredicate(keys.size() > 1 ? "(" + sql + ")" : sql.toString(), params);
  }

  /** The query's distinct words as search keys, at most {@link #MAX_WORDS}. */
  List<String> keys(String q) {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    String[] words = q.trim().split("\\s+");
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(List.of(words)));
    List<String> first = distinct.subList(0, Math.min(distinct.size(), MAX_WORDS));
    StringBuilder select = new StringBuilder("SELECT ");
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < first.size(); i++) {
      select
          .append(i == 0 ? "" : ", ")
          .append("f_search_key(CAST(:w")
          .append(i)
          .append(" AS text))");
      params.put("w" + i, first.get(i));
    }
    var query = em.createNativeQuery(select.toString());
    params.forEach(query::setParameter);
    Object result = query.getSingleResult();
    Object[] keys = result instanceof Object[] row ? row : new Object[] {result};
    return java.util.Arrays.stream(keys)
        .map(k -> k == null ? "" : k.toString())
        .filter(k -> !k.isBlank())
        .distinct()
        .toList();
  }

  /** PostgreSQL's estimate of the rows whose {@code column} holds {@code key}. */
  private long expectedRows(String table, String column, String key) {
    List<?> plan =
        em.createNativeQuery(
                "EXPLAIN SELECT 1 FROM " + table + " WHERE " + column + " LIKE " + pattern(key))
            .getResultList();
    Matcher m = ROWS.matcher(plan.isEmpty() ? "" : String.valueOf(plan.get(0)));
    return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
  }

  /** {@code '%key%'} as an SQL literal, the key's quotes and LIKE wildcards escaped. */
  static String pattern(String key) {
    String like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "'%" + like.replace("'", "''") + "%'";
  }
}
