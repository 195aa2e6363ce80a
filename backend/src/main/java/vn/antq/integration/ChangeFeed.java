package vn.antq.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.Session;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.territory.Territory;

/**
 * {@code GET /api/changes}: the change log read by keyset on (transaction id, sequence), and only
 * below the oldest transaction still running. A change that commits late therefore always has a
 * larger key than anything a reader has been given, and nothing is ever skipped.
 */
@ApplicationScoped
public class ChangeFeed {
  public static final int DEFAULT_LIMIT = 200;
  private static final Pattern CURSOR = Pattern.compile("^[0-9]{1,20}:[0-9]{1,20}$");
  private static final Pattern COMMUNE = Pattern.compile("/[0-9]+/[0-9]+/");

  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject @Any Instance<FeedSource> sources;

  public record Item(String type, long id, boolean deleted, Instant changedAt, Object data) {}

  public record Page(List<Item> items, String next, boolean more) {}

  private record Entry(
      long seq,
      String xid,
      String type,
      long id,
      boolean deleted,
      String path,
      String oldPath,
      Instant at) {}

  @Transactional
  public Page read(String after, Set<String> types, Integer limit) {
    // a page loads up to a thousand entities only to show them: no snapshots, no dirty check
    em.unwrap(Session.class).setDefaultReadOnly(true);
    int n = limit == null ? DEFAULT_LIMIT : limit;
    String[] cursor = decode(after);
    Map<String, Object> params = new HashMap<>();
    params.put("x", cursor[0]);
    params.put("s", Long.parseLong(cursor[1]));
    String filter = "";
    if (types != null && !types.isEmpty()) {
      filter = " AND entity_type IN (:types)";
      params.put("types", types);
    }
    List<String> bounds = territory.prefixes();
    for (int i = 0; bounds != null && i < bounds.size(); i++) {
      params.put("t" + i, bounds.get(i) + "%");
    }
    String sql =
        bounds != null && !bounds.isEmpty() && bounds.stream().allMatch(ChangeFeed::isCommune)
            ? communeSql(bounds, filter, n, params)
            : COLUMNS + FROM + filter + anywhere(bounds) + ORDER + (n + 1);
    Query q = em.createNativeQuery(sql);
    params.forEach(q::setParameter);
    List<Object[]> rows = Rows.of(q);
    boolean more = rows.size() > n;
    List<Entry> entries = new ArrayList<>();
    for (Object[] r : rows.subList(0, Math.min(n, rows.size()))) {
      entries.add(
          new Entry(
              Rows.toLong(r[0]),
              (String) r[1],
              (String) r[2],
              Rows.toLong(r[3]),
              "D".equals(String.valueOf(r[4])),
              (String) r[5],
              (String) r[6],
              Rows.instant(r[7])));
    }
    Map<String, Map<Long, Object>> views = views(entries, bounds);
    List<Item> items = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      Object data = e.deleted() ? null : views.getOrDefault(e.type(), Map.of()).get(e.id());
      items.add(new Item(e.type(), e.id(), data == null, e.at(), data));
    }
    String next =
        entries.isEmpty()
            ? encode(cursor[0], cursor[1])
            : encode(
                entries.get(entries.size() - 1).xid(),
                String.valueOf(entries.get(entries.size() - 1).seq()));
    return new Page(items, next, more);
  }

  private static final String COLUMNS =
      "SELECT seq, CAST(xid AS text) AS xid_text, entity_type, entity_id, op, path, old_path,"
          + " changed_at";
  private static final String FROM =
      " FROM change_log WHERE (xid, seq) > (CAST(:x AS xid8), :s)"
          + " AND xid < pg_snapshot_xmin(pg_current_snapshot())";
  // by the column, not by the text of it the select list gives back (10 < 9 as text)
  private static final String ORDER = " ORDER BY xid, seq LIMIT ";

  /** A change now or before in one of the prefixes {@code :t0…}. */
  private static String anywhere(List<String> bounds) {
    if (bounds == null) {
      return "";
    }
    List<String> ors = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      ors.add("path LIKE :t" + i + " OR old_path LIKE :t" + i);
    }
    return ors.isEmpty() ? " AND false" : " AND (" + String.join(" OR ", ors) + ')';
  }

  /** A prefix {@code /province/commune/}: its changes are indexed by the commune (V37). */
  private static boolean isCommune(String prefix) {
    return COMMUNE.matcher(prefix).matches();
  }

  /**
   * The changes of communes: a commune's rows are a few in ten thousand of the log, so each is read
   * through the index on the commune's id in the path (and, for records that moved out of it, in
   * the old path) in log order, a page's worth from each, and the pages merged — instead of walking
   * the whole log for them (0.36 s a page on the national dataset).
   */
  private static String communeSql(
      List<String> bounds, String filter, int n, Map<String, Object> params) {
    List<String> inside = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      inside.add("path LIKE :t" + i);
    }
    String insideNow = "(" + String.join(" OR ", inside) + ")";
    String branch = "(" + COLUMNS + ", xid" + FROM + filter;
    List<String> branches = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      params.put("c" + i, bounds.get(i).split("/")[2]);
      branches.add(
          branch
              + " AND split_part(path, '/', 3) = :c"
              + i
              + " AND path LIKE :t"
              + i
              + ORDER
              + (n + 1)
              + ")");
      branches.add(
          branch
              + " AND old_path IS NOT NULL AND split_part(old_path, '/', 3) = :c"
              + i
              + " AND old_path LIKE :t"
              + i
              + " AND NOT "
              + insideNow
              + ORDER
              + (n + 1)
              + ")");
    }
    return "SELECT seq, xid_text, entity_type, entity_id, op, path, old_path, changed_at FROM ("
        + String.join(" UNION ", branches)
        + ") c"
        + ORDER
        + (n + 1);
  }

  /** Current views of the records still in the caller's territory, by type. */
  private Map<String, Map<Long, Object>> views(List<Entry> entries, List<String> territory) {
    Map<String, Set<Long>> wanted = new LinkedHashMap<>();
    for (Entry e : entries) {
      boolean inside =
          territory == null || territory.stream().anyMatch(t -> e.path().startsWith(t));
      if (!e.deleted() && inside) {
        wanted.computeIfAbsent(e.type(), k -> new LinkedHashSet<>()).add(e.id());
      }
    }
    Map<String, Map<Long, Object>> out = new HashMap<>();
    for (FeedSource s : sources) {
      Collection<Long> ids = wanted.get(s.type());
      if (ids != null) {
        out.put(s.type(), s.views(ids));
      }
    }
    return out;
  }

  private static String[] decode(String after) {
    if (after == null || after.isBlank()) {
      return new String[] {"0", "0"};
    }
    try {
      String raw =
          new String(Base64.getUrlDecoder().decode(after.trim()), StandardCharsets.US_ASCII);
      if (CURSOR.matcher(raw).matches()) {
        return raw.split(":");
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ProblemException.badRequest(
        "after", "Con trỏ không hợp lệ; hãy gửi lại đúng giá trị next của lần đọc trước");
  }

  private static String encode(String xid, String seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((xid + ":" + seq).getBytes(StandardCharsets.US_ASCII));
  }
}
