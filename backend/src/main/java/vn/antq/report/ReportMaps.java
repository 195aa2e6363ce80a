package vn.antq.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.db.ReadDatabase;
import vn.antq.common.db.Rows;
import vn.antq.common.db.SqlPredicate;
import vn.antq.territory.Lineage;
import vn.antq.territory.Paths;
import vn.antq.territory.Place;

/**
 * The maps a report counts under: which unit stood under which, on a day (V23 {@code
 * unit_placement}). A report's period is cut at the days its territory's map changed; each stretch
 * is counted under its own map, so a fact counts under the units its unit stood under on the fact's
 * day. A stretch whose map is today's reads the unit tree itself (and the roll-ups kept by today's
 * provinces); an older one reads the placements of its day.
 */
@ApplicationScoped
class ReportMaps {
  @Inject ReadDatabase reads;

  /** A stretch of the report's period under one map ({@code map} null: today's). */
  record Stretch(LocalDate from, LocalDate to, LocalDate map) {}

  /** How a report is counted: its stretches, and the days in its period the map changed. */
  record Plan(List<Stretch> stretches, List<LocalDate> changes, LocalDate asOf) {
    Stretch last() {
      return stretches.get(stretches.size() - 1);
    }
  }

  /** A placement in force on {@code :map}. */
  static String onMap(String alias) {
    return "("
        + alias
        + ".valid_from IS NULL OR "
        + alias
        + ".valid_from <= :map) AND ("
        + alias
        + ".valid_to IS NULL OR "
        + alias
        + ".valid_to > :map)";
  }

  /** The unit {@code u} stood under one of {@code prefixes} on {@code :map}. */
  static SqlPredicate underOnMap(List<String> prefixes, LocalDate map) {
    SqlPredicate under = Paths.underAny("pl", prefixes, "terr");
    Map<String, Object> params = new HashMap<>(under.params());
    params.put("map", map);
    return new SqlPredicate(
        "EXISTS (SELECT 1 FROM unit_placement pl WHERE pl.unit_id = u.id AND "
            + onMap("pl")
            + " AND "
            + under.sql()
            + ")",
        params);
  }

  /**
   * The stretches of [from, to]: cut at each day the map of the unit's territory changed (the
   * territory of the unit and the units it succeeded, wherever they stood), or one stretch under
   * the map of {@code asOf}.
   */
  Plan plan(Long unitId, LocalDate from, LocalDate to, LocalDate asOf) {
    List<LocalDate> days = changesAfter(unitId, asOf != null && asOf.isBefore(from) ? asOf : from);
    List<LocalDate> within = days.stream().filter(d -> d.isAfter(from) && !d.isAfter(to)).toList();
    if (asOf != null) {
      boolean today = days.stream().noneMatch(asOf::isBefore);
      return new Plan(List.of(new Stretch(from, to, today ? null : asOf)), within, asOf);
    }
    List<Stretch> stretches = new ArrayList<>();
    LocalDate start = from;
    for (LocalDate d : within) {
      stretches.add(new Stretch(start, d.minusDays(1), start));
      start = d;
    }
    LocalDate last = start;
    boolean today = days.stream().noneMatch(last::isBefore);
    stretches.add(new Stretch(last, to, today ? null : last));
    return new Plan(stretches, within, null);
  }

  /**
   * The days after {@code day} a unit of the territory moved in, out or within it: the days a
   * placement under any path the unit, or a unit it succeeded, ever had began or ended (one
   * statement; the moves' partial index holds only the placements a move began or ended).
   */
  private List<LocalDate> changesAfter(Long unitId, LocalDate day) {
    String moves =
        "SELECT valid_from AS d, path FROM unit_placement WHERE valid_from > :day"
            + " UNION ALL SELECT valid_to, path FROM unit_placement WHERE valid_to > :day";
    String sql =
        unitId == null
            ? "SELECT DISTINCT x.d FROM (" + moves + ") x ORDER BY 1"
            : lineage(":unit")
                + ", ever AS (SELECT DISTINCT pl.path FROM preds p JOIN unit_placement pl"
                + " ON pl.unit_id = p.id) SELECT DISTINCT x.d FROM ("
                + moves
                + ") x JOIN ever e ON x.path LIKE e.path || '%' ORDER BY 1";
    Map<String, Object> params = new HashMap<>();
    params.put("day", day);
    if (unitId != null) {
      params.put("unit", unitId);
    }
    return reads.query(sql, params).stream().map(r -> Rows.localDate(r[0])).toList();
  }

  /**
   * The provinces (today's) of every unit that ever stood under the unit or a unit it succeeded,
   * and of the units those succeeded, with the unit's own: whose rows its reports may count.
   */
  List<Long> provincesEver(long unitId) {
    return reads
        .query(
            lineage(":unit")
                + ", ever AS (SELECT DISTINCT pl.path FROM preds p JOIN unit_placement pl"
                + " ON pl.unit_id = p.id), under AS (SELECT DISTINCT pl.unit_id AS id"
                // a subtree as a range of the path index ('/1/12/' up to '/1/120'): a LIKE
                // with a pattern from another row read all 100,000 placements (29 ms of the
                // province report's 68 ms on the national dataset, issue 24)
                + " FROM ever e JOIN unit_placement pl ON pl.path ~>=~ e.path"
                + " AND pl.path ~<~ (left(e.path, -1) || '0')),"
                + " ids AS (SELECT id FROM under UNION SELECT id FROM preds"
                + " UNION SELECT l.predecessor_id FROM unit_lineage l JOIN under x"
                + " ON l.successor_id = x.id)"
                + " SELECT DISTINCT u.province_id FROM unit u"
                + " WHERE u.id = ANY (ARRAY(SELECT id FROM ids)) AND u.province_id IS NOT NULL",
            Map.of("unit", unitId))
        .stream()
        .map(r -> Rows.toLong(r[0]))
        .toList();
  }

  /** The paths of the unit and the units it succeeded on {@code map}. */
  List<String> prefixesOn(long unitId, LocalDate map) {
    return reads
        .query(
            lineage(":unit")
                + " SELECT pl.path FROM preds p JOIN unit_placement pl ON pl.unit_id = p.id WHERE "
                + onMap("pl"),
            Map.of("unit", unitId, "map", map))
        .stream()
        .map(r -> (String) r[0])
        .toList();
  }

  /** {@code preds(id)}: the unit and, recursively, the units it succeeded. */
  private static String lineage(String unit) {
    return "WITH RECURSIVE preds(id) AS (SELECT CAST("
        + unit
        + " AS bigint) UNION "
        + Lineage.step("")
        + ")";
  }

  /**
   * The ids of the units that stood under the unit, or under a unit it succeeded, on {@code map}
   * and are in force on {@code day}.
   */
  List<Long> childrenOn(long unitId, LocalDate map, LocalDate day) {
    return reads
        .query(
            lineage(":unit")
                + " SELECT DISTINCT u.id FROM preds p JOIN unit_placement pl ON pl.parent_id = p.id"
                + " JOIN unit u ON u.id = pl.unit_id WHERE "
                + onMap("pl")
                + " AND u.valid_from <= :day AND (u.valid_to IS NULL OR u.valid_to > :day)",
            Map.of("unit", unitId, "map", map, "day", day))
        .stream()
        .map(r -> Rows.toLong(r[0]))
        .toList();
  }

  /**
   * The split units' shares among the given units: split unit → (successor → percent), for the
   * SPLIT links with a share whose successor is one of {@code successors}.
   */
  Map<Long, Map<Long, java.math.BigDecimal>> splitShares(List<Long> successors) {
    Map<Long, Map<Long, java.math.BigDecimal>> out = new HashMap<>();
    if (successors.isEmpty()) {
      return out;
    }
    reads
        .query(
            "SELECT predecessor_id, successor_id, share FROM unit_lineage WHERE change_kind ="
                + " 'SPLIT' AND share > 0 AND successor_id IN (:ids)",
            Map.of("ids", successors))
        .forEach(
            r ->
                out.computeIfAbsent(Rows.toLong(r[0]), k -> new HashMap<>())
                    .put(Rows.toLong(r[1]), (java.math.BigDecimal) r[2]));
    return out;
  }

  /**
   * The unit's share of the own approved figures of the units split among it and others (and among
   * the units it succeeded): split unit, indicator, the share of the values of the periods that lie
   * wholly in [from, to] and began before the split.
   */
  List<Object[]> sharedIndicators(long unitId, LocalDate from, LocalDate to) {
    return reads.query(
        lineage(":unit")
            + " SELECT l.predecessor_id, s.indicator_id, floor(sum(s.value) * l.share / 100)"
            + " FROM preds p JOIN unit_lineage l ON l.successor_id = p.id"
            + " AND l.change_kind = 'SPLIT' AND l.share > 0"
            + " JOIN stat_indicator_month s ON s.unit_id = l.predecessor_id"
            + " WHERE s.month >= :from AND s.month <= :to AND s.month < l.effective_date"
            + " AND s.month + make_interval(months => s.months) <= :end AND s.value <> 0"
            + " GROUP BY l.predecessor_id, l.share, s.indicator_id",
        Map.of("unit", unitId, "from", from, "to", to, "end", to.plusDays(1)));
  }

  /**
   * The units in force on {@code day} that stood directly under each of {@code parents} on {@code
   * map} (null: today's): parent id, unit id.
   */
  List<long[]> childrenOfAll(List<Long> parents, LocalDate map, LocalDate day) {
    if (parents.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>(Map.of("ids", parents, "day", day));
    String sql;
    if (map == null) {
      sql = "SELECT u.parent_id, u.id FROM unit u WHERE u.parent_id IN (:ids)";
    } else {
      params.put("map", map);
      sql =
          "SELECT pl.parent_id, u.id FROM unit_placement pl JOIN unit u ON u.id = pl.unit_id"
              + " WHERE pl.parent_id IN (:ids) AND "
              + onMap("pl");
    }
    return reads
        .query(
            sql + " AND u.valid_from <= :day AND (u.valid_to IS NULL OR u.valid_to > :day)", params)
        .stream()
        .map(r -> new long[] {Rows.toLong(r[0]), Rows.toLong(r[1])})
        .toList();
  }

  /** For each child, its path and those of the units it succeeded, on {@code map} (null: today). */
  Map<Long, List<String>> childPrefixes(List<Place> children, LocalDate map) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    if (children.isEmpty()) {
      return out;
    }
    Map<String, Object> params = new HashMap<>();
    params.put("ids", children.stream().map(Place::id).toList());
    String paths = "unit u ON u.id = p.id";
    if (map != null) {
      params.put("map", map);
      paths = "unit_placement u ON u.unit_id = p.id AND " + onMap("u");
    }
    List<Object[]> rows =
        reads.query(
            "WITH RECURSIVE preds(child_id, id) AS ("
                + " SELECT id, id FROM unit WHERE id IN (:ids)"
                + " UNION "
                + Lineage.step("p.child_id, ")
                + ")"
                + " SELECT p.child_id, u.path FROM preds p JOIN "
                + paths,
            params);
    for (Object[] r : rows) {
      out.computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>()).add((String) r[1]);
    }
    return out;
  }

  /**
   * Every unit of the territory → the child it counts for on {@code map} (null: today): the child
   * of its longest matching path. A report by bucket names communes and the units above them only.
   */
  Map<Long, Long> buckets(
      List<String> rootPrefixes,
      Map<Long, List<String>> childPrefixes,
      boolean byBucket,
      LocalDate map) {
    Map<String, Object> params = new HashMap<>();
    String sql;
    if (map == null) {
      sql =
          "SELECT u.id, u.path FROM unit u WHERE "
              + Paths.underAny("u", rootPrefixes, "root").bind(params)
              + (byBucket ? " AND (u.commune_id IS NULL OR u.commune_id = u.id)" : "");
    } else {
      params.put("map", map);
      sql =
          "SELECT u.unit_id, u.path FROM unit_placement u WHERE "
              + onMap("u")
              + " AND "
              + Paths.underAny("u", rootPrefixes, "root").bind(params);
    }
    List<Object[]> rows = reads.query(sql, params);
    // prefix → child; a unit goes to the child of its longest matching prefix, found by walking
    // up its own path ("/1/12/345/" → "/1/12/345/", "/1/12/", "/1/")
    Map<String, Long> childOf = new HashMap<>();
    childPrefixes.forEach((child, prefixes) -> prefixes.forEach(x -> childOf.put(x, child)));
    Map<Long, Long> out = new HashMap<>(rows.size() * 2);
    for (Object[] r : rows) {
      String path = (String) r[1];
      for (int end = path.length(); end > 0; end = path.lastIndexOf('/', end - 2) + 1) {
        Long child = childOf.get(end == path.length() ? path : path.substring(0, end));
        if (child != null) {
          out.put(Rows.toLong(r[0]), child);
          break;
        }
      }
    }
    return out;
  }
}
