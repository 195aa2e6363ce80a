package vn.antq.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.antq.common.db.ReadDatabase;
import vn.antq.common.db.Rows;
import vn.antq.territory.Paths;
import vn.antq.territory.Place;
import vn.antq.territory.Territory;
import vn.antq.unit.UnitService;

/**
 * The summary of a territory over a period, computed from the records, never typed. Flows (events,
 * materials, awards) come from the monthly pre-aggregates kept by triggers ({@code
 * V8__report_stats.sql}) for whole months and from the records themselves for the partial months at
 * the edges of the period; stocks (models, teams, members) are counted from the registry as it
 * stands at the end of the period. Every fact counts for the unit where it was recorded, and
 * through lineage for the units that succeeded it: each recorded unit goes to the child of the
 * report's unit whose subtree, or whose predecessors' subtrees, hold it (the most specific one);
 * what no child holds is the unit's own ("direct").
 */
@ApplicationScoped
public class ReportService {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject ReadDatabase reads;

  /**
   * Runs a report's figure queries side by side; no context travels with them (they are plain JDBC
   * reads: a caller's transaction must not be shared between threads).
   */
  private org.eclipse.microprofile.context.ManagedExecutor executor;

  @jakarta.annotation.PostConstruct
  void init() {
    executor =
        org.eclipse.microprofile.context.ManagedExecutor.builder()
            .propagated(org.eclipse.microprofile.context.ThreadContext.NONE)
            .cleared(org.eclipse.microprofile.context.ThreadContext.ALL_REMAINING)
            .maxAsync(4)
            .build();
  }

  @jakarta.annotation.PreDestroy
  void close() {
    executor.shutdown();
  }

  @Inject UnitService units;

  public enum Grouping {
    MONTH,
    YEAR
  }

  /** The figures of one territory (the whole unit, a child, or the direct part). */
  public static final class Figures {
    public final Map<Long, long[]> eventsByType = new HashMap<>(); // events, sessions, attendance
    public final Map<Long, Long> materials = new HashMap<>();
    public long models;
    public long modelsRegistered;
    public final Map<String, Long> modelsByStatus = new HashMap<>();
    public final Map<Long, Long> modelsByField = new HashMap<>();
    public final Map<Long, Long> modelsByType = new HashMap<>();
    public final Map<Short, Long> modelsByRecognition = new HashMap<>();
    public long teams;
    public long members;
    public final Set<Long> decisions = new HashSet<>();
    public final Map<Long, long[]> awardsByForm = new HashMap<>(); // collectives, individuals
    public final Map<Long, Long> indicators = new HashMap<>(); // approved reported figures
    public final Map<Long, long[]> safetyByTarget = new HashMap<>(); // assessed, met
    public long exemplaryPolice;

    public long safetyAssessed() {
      return safetyByTarget.values().stream().mapToLong(v -> v[0]).sum();
    }

    public long safetyMet() {
      return safetyByTarget.values().stream().mapToLong(v -> v[1]).sum();
    }

    public long events() {
      return eventsByType.values().stream().mapToLong(v -> v[0]).sum();
    }

    public long sessions() {
      return eventsByType.values().stream().mapToLong(v -> v[1]).sum();
    }

    public long attendance() {
      return eventsByType.values().stream().mapToLong(v -> v[2]).sum();
    }

    public long collectives() {
      return awardsByForm.values().stream().mapToLong(v -> v[0]).sum();
    }

    public long individuals() {
      return awardsByForm.values().stream().mapToLong(v -> v[1]).sum();
    }
  }

  /** One period of the time series: flows only. */
  public static final class Point {
    public long events;
    public long sessions;
    public long attendance;
    public long modelsRegistered;
    public long collectives;
    public long individuals;
  }

  public record Summary(
      Place unit,
      LocalDate from,
      LocalDate to,
      Grouping groupBy,
      Figures totals,
      List<Map.Entry<Place, Figures>> children,
      Figures direct,
      Map<String, Point> series) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Summary summary(Long unitId, LocalDate from, LocalDate to, Grouping groupBy) {
    // no unit: the whole country (for callers who see everything), by province
    Place root = unitId == null ? null : territory.requireVisible(unitId);
    List<String> rootPrefixes = unitId == null ? List.of("/") : territory.lineage(unitId);
    // a province (or the country) reads the per-commune ("bucket") roll-ups: every unit of a
    // commune goes to the same child of its report
    boolean national = rootPrefixes.equals(List.of("/"));
    List<Long> provinces = national ? List.of() : provinceRoots(rootPrefixes);
    Grouping grouping = groupBy != null ? groupBy : defaultGrouping(from, to);
    Params p = new Params(rootPrefixes, from, to, provinces);
    // the figure queries are independent reads on connections of their own (each statement saw
    // its own snapshot before as well): they run side by side, the longest first, while this
    // thread reads the children and where each unit counts
    // a province's or the country's model figures from the kept stocks (V21); any other
    // territory's by grouping its models
    Fetched<Object[]> models =
        fetch(() -> p.byBucket() ? modelStocks(p) : models(p, ModelSet.UNITS));
    Fetched<Object[]> modelTotals =
        fetch(() -> p.byBucket() ? List.of() : models(p, ModelSet.TOTALS));
    Fetched<Object[]> modelMonths =
        fetch(() -> p.byBucket() ? List.of() : models(p, ModelSet.MONTHS));
    Fetched<Object[]> events = fetch(() -> events(p, grouping));
    Fetched<Object[]> roster = fetch(() -> teamsAndMembers(p));
    Fetched<Object[]> awards = fetch(() -> awards(p));
    Fetched<Object[]> decisions = fetch(() -> decisions(p));
    Fetched<Object[]> materials = fetch(() -> materials(p));
    Fetched<Object[]> indicators = fetch(() -> indicators(p));
    Fetched<Object[]> safety = fetch(() -> safety(p));
    Fetched<Object[]> exemplary = fetch(() -> exemplaryPolice(p));

    List<Place> children = units.childPlaces(unitId, to);
    Map<Long, List<String>> childPrefixes = lineagePrefixes(children);
    Map<Long, Long> bucketOf = buckets(rootPrefixes, childPrefixes, provinces != null);
    Figures totals = new Figures();
    Figures direct = new Figures();
    Map<Long, Figures> byChild = new LinkedHashMap<>();
    children.forEach(c -> byChild.put(c.id(), new Figures()));
    Map<String, Point> series = new TreeMap<>();
    // every period of the range has a point, even an empty one
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      series.putIfAbsent(period(m.atDay(1), grouping), new Point());
    }

    // rows by (unit, type) feed the figures; rows by month feed the series (grouping sets)
    for (Object[] r : events.rows()) {
      long[] v = {Rows.toLong(r[3]), Rows.toLong(r[4]), Rows.toLong(r[5])};
      if (r[0] != null) {
        for (Figures f : targets(Rows.toLong(r[0]), bucketOf, totals, direct, byChild)) {
          long[] acc = f.eventsByType.computeIfAbsent(Rows.toLong(r[2]), k -> new long[3]);
          for (int i = 0; i < 3; i++) {
            acc[i] += v[i];
          }
        }
      } else {
        Point point = series.get(period(Rows.localDate(r[1]), grouping));
        point.events += v[0];
        point.sessions += v[1];
        point.attendance += v[2];
      }
    }
    for (Object[] r : materials.rows()) {
      for (Figures f : targets(Rows.toLong(r[0]), bucketOf, totals, direct, byChild)) {
        f.materials.merge(Rows.toLong(r[2]), Rows.toLong(r[3]), Long::sum);
      }
    }
    for (Object[] r : awards.rows()) {
      long collectives = Rows.toLong(r[3]);
      long individuals = Rows.toLong(r[4]);
      if (r[0] != null) {
        for (Figures f : targets(Rows.toLong(r[0]), bucketOf, totals, direct, byChild)) {
          long[] acc = f.awardsByForm.computeIfAbsent(Rows.toLong(r[2]), k -> new long[2]);
          acc[0] += collectives;
          acc[1] += individuals;
        }
      } else {
        Point point = series.get(period(Rows.localDate(r[1]), grouping));
        point.collectives += collectives;
        point.individuals += individuals;
      }
    }
    for (Object[] r : decisions.rows()) {
      for (Figures f : targets(Rows.toLong(r[0]), bucketOf, totals, direct, byChild)) {
        f.decisions.add(Rows.toLong(r[1]));
      }
    }
    // models: per unit and status (with those established in the period), and the totals by
    // type, field and recognition, and the months of establishment (grouping sets)
    List<Object[]> modelRows = new ArrayList<>(models.rows());
    modelRows.addAll(modelTotals.rows());
    modelRows.addAll(modelMonths.rows());
    for (Object[] r : modelRows) {
      long n = Rows.toLong(r[7]);
      switch ((int) Rows.toLong(r[0])) {
        case 15 -> {
          for (Figures f : targets(Rows.toLong(r[1]), bucketOf, totals, direct, byChild)) {
            f.models += n;
            f.modelsByStatus.merge((String) r[2], n, Long::sum);
            f.modelsRegistered += Rows.toLong(r[8]);
          }
        }
        case 55 -> totals.modelsByType.merge(Rows.toLong(r[3]), n, Long::sum);
        case 59 -> totals.modelsByField.merge(Rows.toLong(r[4]), n, Long::sum);
        case 61 -> {
          if (r[5] != null) {
            totals.modelsByRecognition.merge(Rows.toShort(r[5]), n, Long::sum);
          }
        }
        case 62 -> {
          if (r[6] != null) {
            series.get(period(Rows.localDate(r[6]), grouping)).modelsRegistered += n;
          }
        }
        default -> throw new IllegalStateException("grouping set " + r[0]);
      }
    }
    for (Object[] r : indicators.rows()) {
      for (Figures f : targets(Rows.toLong(r[0]), bucketOf, totals, direct, byChild)) {
        f.indicators.merge(Rows.toLong(r[1]), Rows.toLong(r[2]), Long::sum);
      }
    }
    for (Object[] r : safety.rows()) {
      for (Figures f : targets(Rows.toLong(r[0]), bucketOf, totals, direct, byChild)) {
        long[] acc = f.safetyByTarget.computeIfAbsent(Rows.toLong(r[1]), k -> new long[2]);
        acc[0] += Rows.toLong(r[2]);
        acc[1] += Rows.toLong(r[3]);
      }
    }
    for (Object[] r : exemplary.rows()) {
      for (Figures f : targets(Rows.toLong(r[0]), bucketOf, totals, direct, byChild)) {
        f.exemplaryPolice += Rows.toLong(r[1]);
      }
    }
    for (Object[] r : roster.rows()) {
      for (Figures f : targets(Rows.toLong(r[0]), bucketOf, totals, direct, byChild)) {
        f.teams += Rows.toLong(r[1]);
        f.members += Rows.toLong(r[2]);
      }
    }
    List<Map.Entry<Place, Figures>> childList = new ArrayList<>();
    children.forEach(c -> childList.add(Map.entry(c, byChild.get(c.id()))));
    return new Summary(root, from, to, grouping, totals, childList, direct, series);
  }

  /** Rows being read on another thread. */
  private record Fetched<T>(java.util.concurrent.CompletableFuture<List<T>> future) {
    List<T> rows() {
      try {
        return future.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
  }

  private Fetched<Object[]> fetch(java.util.function.Supplier<List<Object[]>> query) {
    return new Fetched<>(java.util.concurrent.CompletableFuture.supplyAsync(query, executor));
  }

  static Grouping defaultGrouping(LocalDate from, LocalDate to) {
    return YearMonth.from(from).plusMonths(24).isAfter(YearMonth.from(to))
        ? Grouping.MONTH
        : Grouping.YEAR;
  }

  static String period(LocalDate day, Grouping g) {
    return g == Grouping.YEAR ? String.valueOf(day.getYear()) : YearMonth.from(day).toString();
  }

  private static List<Figures> targets(
      long unit,
      Map<Long, Long> bucketOf,
      Figures totals,
      Figures direct,
      Map<Long, Figures> byChild) {
    Long child = bucketOf.get(unit);
    return List.of(totals, child == null ? direct : byChild.get(child));
  }

  // ------------------------------------------------------------------ territory and lineage

  /** For each child, its own path and the paths of the units it succeeded, recursively. */
  private Map<Long, List<String>> lineagePrefixes(List<Place> children) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    if (children.isEmpty()) {
      return out;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "WITH RECURSIVE preds(child_id, id) AS ("
                    + " SELECT id, id FROM unit WHERE id IN (:ids)"
                    + " UNION SELECT p.child_id, l.predecessor_id FROM unit_lineage l"
                    + " JOIN preds p ON l.successor_id = p.id)"
                    + " SELECT p.child_id, u.path FROM preds p JOIN unit u ON u.id = p.id")
            .setParameter("ids", children.stream().map(c -> c.id()).toList())
            .getResultList();
    for (Object[] r : rows) {
      out.computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>()).add((String) r[1]);
    }
    return out;
  }

  /** Every unit of the territory → the child it counts for (the longest matching path). */
  private Map<Long, Long> buckets(
      List<String> rootPrefixes, Map<Long, List<String>> childPrefixes, boolean byBucket) {
    Map<String, Object> params = new HashMap<>();
    List<Object[]> rows =
        reads.query(
            "SELECT u.id, u.path FROM unit u WHERE "
                + Paths.underAny("u", rootPrefixes, "root").bind(params)
                // a province's report names communes and the units above them only
                + (byBucket ? " AND (u.commune_id IS NULL OR u.commune_id = u.id)" : ""),
            params);
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

  // ------------------------------------------------------------------ the queries

  /** The territory and the period, split into whole months and the partial edges. */
  private record Params(List<String> prefixes, LocalDate from, LocalDate to, List<Long> provinces) {
    /** Whether the report's unit is the country or whole provinces (bucket roll-ups apply). */
    boolean byBucket() {
      return provinces != null;
    }

    /**
     * The period's edges as {@code :from}/{@code :to}, and the provinces of {@link #provinceSql}
     * when there are some.
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
  }

  /** Runs a figures query where reports read (a replica when configured: ReadDatabase). */
  /**
   * A figures query given the expression of the unit a row counts for and the condition on the
   * joined unit ({@code u}) that keeps the report's territory.
   */
  @FunctionalInterface
  private interface Template {
    String sql(String unit, String territory);
  }

  private List<Object[]> run(Template template, Params p, Map<String, Object> extra) {
    Map<String, Object> params = new HashMap<>(extra);
    // the unit a row counts for: its bucket (commune) in a province's or the country's report
    String unit = p.byBucket() ? "coalesce(u.commune_id, u.id)" : "u.id";
    String territory = Paths.underAny("u", p.prefixes(), "terr").bind(params);
    return reads.query(template.sql(unit, territory), params);
  }

  /** unit, type, events, sessions, attendance (month null); or month and the sums (unit null) */
  private List<Object[]> events(Params p, Grouping grouping) {
    List<Object[]> out = new ArrayList<>();
    if (p.hasFull()) {
      LocalDate a = p.fullFrom();
      LocalDate b = p.fullTo();
      // whole years from the yearly roll-up when the series is by year, months around them
      LocalDate ya = a.getDayOfYear() == 1 ? a : LocalDate.of(a.getYear() + 1, 1, 1);
      LocalDate yb = LocalDate.of(b.getYear(), 1, 1);
      if (grouping == Grouping.YEAR && ya.isBefore(yb)) {
        Map<String, Object> years = new HashMap<>(Map.of("ya", ya.getYear(), "yb", yb.getYear()));
        if (p.byBucket()) {
          if (!p.provinces().isEmpty()) {
            years.put("provinces", p.provinces());
          }
          out.addAll(
              run(
                  (unit, territory) ->
                      "SELECT s.bucket_id, make_date(s.year, 1, 1), s.type_id, sum(s.events),"
                          + " sum(s.sessions), sum(s.attendance) FROM stat_event_bucket_year s"
                          + " WHERE "
                          + p.provinceSql("s")
                          + " AND s.year >= :ya AND s.year < :yb"
                          + " GROUP BY GROUPING SETS ((s.bucket_id, s.type_id), (s.year))",
                  p,
                  years));
        } else {
          out.addAll(
              run(
                  (unit, territory) ->
                      "SELECT "
                          + unit
                          + ", make_date(s.year, 1, 1), s.type_id, sum(s.events),"
                          + " sum(s.sessions), sum(s.attendance)"
                          + " FROM stat_event_year s JOIN unit u ON u.id = s.unit_id"
                          + " WHERE "
                          + territory
                          + " AND s.year >= :ya AND s.year < :yb"
                          + " GROUP BY GROUPING SETS ((1, 3), (s.year))",
                  p,
                  years));
        }
        out.addAll(eventMonths(p, a, ya));
        out.addAll(eventMonths(p, yb, b));
      } else {
        out.addAll(eventMonths(p, a, b));
      }
    }
    for (LocalDate[] e : p.edges()) {
      out.addAll(
          run(
              (unit, territory) ->
                  "SELECT "
                      + unit
                      + ", f_vn_month(e.starts_at), e.type_id, count(*), sum(e.sessions),"
                      + " sum(coalesce(e.attendance, 0)) FROM event e JOIN unit u ON u.id = e.unit_id"
                      + " WHERE "
                      + territory
                      + " AND e.starts_at >= :a AND e.starts_at < :b"
                      + " GROUP BY GROUPING SETS ((1, 3), (2))",
              p,
              edge(e)));
    }
    return out;
  }

  /** The monthly pre-aggregate over [from, to) (month starts). */
  private List<Object[]> eventMonths(Params p, LocalDate from, LocalDate to) {
    if (!from.isBefore(to)) {
      return List.of();
    }
    return run(
        (unit, territory) ->
            "SELECT "
                + unit
                + ", s.month, s.type_id, sum(s.events), sum(s.sessions),"
                + " sum(s.attendance) FROM stat_event_month s JOIN unit u ON u.id = s.unit_id"
                + " WHERE "
                + territory
                + " AND s.month >= :ff AND s.month < :ft"
                + " GROUP BY GROUPING SETS ((1, 3), (s.month))",
        p,
        Map.of("ff", from, "ft", to));
  }

  /** unit, -, material type, quantity */
  private List<Object[]> materials(Params p) {
    List<Object[]> out = new ArrayList<>();
    if (p.hasFull()) {
      out.addAll(
          run(
              (unit, territory) ->
                  "SELECT "
                      + unit
                      + ", NULL, s.material_type_id, sum(s.quantity)"
                      + " FROM stat_material_month s JOIN unit u ON u.id = s.unit_id"
                      + " WHERE "
                      + territory
                      + " AND s.month >= :ff AND s.month < :ft GROUP BY 1, 3",
              p,
              Map.of("ff", p.fullFrom(), "ft", p.fullTo())));
    }
    for (LocalDate[] e : p.edges()) {
      out.addAll(
          run(
              (unit, territory) ->
                  "SELECT "
                      + unit
                      + ", NULL, m.material_type_id, sum(m.quantity)"
                      + " FROM event_material m JOIN event e ON e.id = m.event_id"
                      + " JOIN unit u ON u.id = e.unit_id"
                      + " WHERE "
                      + territory
                      + " AND e.starts_at >= :a AND e.starts_at < :b"
                      + " GROUP BY 1, 3",
              p,
              edge(e)));
    }
    return out;
  }

  /** unit, form, collectives, individuals (month null); or month and the sums (unit null) */
  private List<Object[]> awards(Params p) {
    List<Object[]> out = new ArrayList<>();
    if (p.byBucket()) {
      // a province's or the country's recipients by their own province and bucket (V15), with
      // their decision's day and form (V19): one index range, no join
      Map<String, Object> params = p.periodParams();
      return run(
          (unit, territory) ->
              "SELECT r.bucket_id,"
                  + " r.decided_on - CAST(extract(day FROM r.decided_on) AS integer) + 1, r.form_id,"
                  + " count(*) FILTER (WHERE r.kind = 'COLLECTIVE'),"
                  + " count(*) FILTER (WHERE r.kind = 'INDIVIDUAL')"
                  + " FROM award_recipient r WHERE "
                  + p.provinceSql("r")
                  + " AND r.decided_on >= :from AND r.decided_on <= :to"
                  + " GROUP BY GROUPING SETS ((1, 3), (2))",
          p,
          params);
    }
    if (p.hasFull()) {
      out.addAll(
          run(
              (unit, territory) ->
                  "SELECT "
                      + unit
                      + ", s.month, s.form_id, sum(s.collectives), sum(s.individuals)"
                      + " FROM stat_award_month s JOIN unit u ON u.id = s.unit_id"
                      + " WHERE "
                      + territory
                      + " AND s.month >= :ff AND s.month < :ft"
                      + " GROUP BY GROUPING SETS ((1, 3), (2))",
              p,
              Map.of("ff", p.fullFrom(), "ft", p.fullTo())));
    }
    for (LocalDate[] e : p.edges()) {
      out.addAll(
          run(
              (unit, territory) ->
                  "SELECT "
                      + unit
                      + ", CAST(date_trunc('month', d.decided_on) AS date), d.form_id,"
                      + " count(*) FILTER (WHERE r.kind = 'COLLECTIVE'),"
                      + " count(*) FILTER (WHERE r.kind = 'INDIVIDUAL')"
                      + " FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id"
                      + " JOIN unit u ON u.id = r.unit_id"
                      + " WHERE "
                      + territory
                      + " AND d.decided_on >= :da AND d.decided_on < :db"
                      + " GROUP BY GROUPING SETS ((1, 3), (2))",
              p,
              Map.of("da", e[0], "db", e[1])));
    }
    return out;
  }

  /** unit, decision: decisions are counted once per territory however many recipients */
  private List<Object[]> decisions(Params p) {
    if (p.byBucket()) {
      Map<String, Object> params = p.periodParams();
      return run(
          (unit, territory) ->
              "SELECT DISTINCT r.bucket_id, r.decision_id FROM award_recipient r WHERE "
                  + p.provinceSql("r")
                  + " AND r.decided_on >= :from AND r.decided_on <= :to",
          p,
          params);
    }
    return run(
        (unit, territory) ->
            "SELECT DISTINCT "
                + unit
                + ", r.decision_id FROM award_recipient r"
                + " JOIN award_decision d ON d.id = r.decision_id JOIN unit u ON u.id = r.unit_id"
                + " WHERE "
                + territory
                + " AND d.decided_on >= :from AND d.decided_on <= :to",
        p,
        Map.of("from", p.from(), "to", p.to()));
  }

  /** The model figures a statement of {@link #models} reads. */
  enum ModelSet {
    /** per unit (bucket) and status, with how many of them were established in the period */
    UNITS,
    /** the totals by type, by field and by recognition */
    TOTALS,
    /** the months of establishment within the period */
    MONTHS
  }

  /**
   * grouping, unit, status, type, field, recognition, month established in the period, count,
   * established in the period: the grouping value is that of {@code GROUPING(unit, status, type,
   * field, recognition, month)} (15 per unit and status, 55 by type, 59 by field, 61 by
   * recognition, 62 by month). The figures come from three statements that run side by side: one
   * statement of the five grouping sets hashed every model five times on one core (12 ms for a
   * province of 8,851 models). A province's models are found through their province (an index)
   * rather than through the paths of all its units.
   */
  private List<Object[]> models(Params p, ModelSet set) {
    // by bucket for provinces and the country (a covering index holds every column read);
    // months of establishment by date arithmetic (date_trunc goes through timestamps)
    String unit = p.byBucket() ? "m.bucket_id" : "m.unit_id";
    String select =
        switch (set) {
          case UNITS ->
              "SELECT 15, "
                  + unit
                  + ", m.status COLLATE \"C\", NULL, NULL, NULL, NULL, count(*),"
                  + " count(*) FILTER (WHERE m.established_on >= :from)";
          case TOTALS ->
              "SELECT CASE GROUPING(m.type_id, m.field_id, m.recognition_level) WHEN 3 THEN 55"
                  + " WHEN 5 THEN 59 ELSE 61 END, NULL, NULL, m.type_id, m.field_id,"
                  + " m.recognition_level, NULL, count(*), 0";
          case MONTHS ->
              "SELECT 62, NULL, NULL, NULL, NULL, NULL, m.established_on"
                  + " - CAST(date_part('day', m.established_on) AS integer) + 1, count(*), count(*)";
        };
    String group =
        switch (set) {
          case UNITS -> " GROUP BY " + unit + ", m.status COLLATE \"C\"";
          case TOTALS ->
              " GROUP BY GROUPING SETS ((m.type_id), (m.field_id), (m.recognition_level))";
          case MONTHS -> " AND m.established_on >= :from GROUP BY 7";
        };
    boolean byBucket = p.byBucket();
    Map<String, Object> params = p.periodParams();
    if (set == ModelSet.TOTALS) {
      params.remove("from");
    }
    return run(
        (rowUnit, territory) ->
            select
                + (byBucket
                    ? " FROM community_model m WHERE " + p.provinceSql("m")
                    : " FROM community_model m JOIN unit u ON u.id = m.unit_id WHERE " + territory)
                + " AND m.established_on <= :to"
                + group,
        p,
        params);
  }

  /**
   * The rows of {@link #models} for a province or the country, from the stocks kept by triggers
   * (V21: every model by bucket and status, by type, field and recognition, by month of
   * establishment) corrected with the models established outside the period, read from the covering
   * index by province and date. Which side is read is chosen from the monthly counts: the stock at
   * the end is the whole stock less the models established after it, unless those are the majority
   * (then the models up to the end are grouped, as for other territories); the models established
   * in the period are the stock at the end less those established before the start, or, when the
   * period holds fewer, the period's own.
   */
  private List<Object[]> modelStocks(Params p) {
    Map<String, Object> params = p.periodParams();
    String stocks = p.provinceSql("s");
    String records = p.provinceSql("m");
    List<Object[]> months =
        run(
            (unit, territory) ->
                "SELECT s.month, sum(s.n) FROM stat_model_month s WHERE "
                    + stocks
                    + " AND s.n <> 0 GROUP BY 1",
            p,
            params);
    LocalDate fromMonth = p.from().withDayOfMonth(1);
    LocalDate toMonth = p.to().withDayOfMonth(1);
    long before = 0;
    long after = 0;
    long all = 0;
    for (Object[] r : months) {
      LocalDate month = Rows.localDate(r[0]);
      long n = Rows.toLong(r[1]);
      all += n;
      before += month.isBefore(fromMonth) ? n : 0;
      after += month.isAfter(toMonth) ? n : 0;
    }
    if (after * 2 > all) {
      // most models were established after the period: group those up to its end
      List<Object[]> out = new ArrayList<>(models(p, ModelSet.UNITS));
      out.addAll(models(p, ModelSet.TOTALS));
      out.addAll(models(p, ModelSet.MONTHS));
      return out;
    }
    long within = all - before - after;
    boolean registeredByComplement = before <= within;
    List<Object[]> out = new ArrayList<>();
    // per bucket and status: the stock at the end, and those established in the period
    out.addAll(
        run(
            (unit, territory) ->
                "SELECT 15, x.b, x.st, NULL, NULL, NULL, NULL, sum(x.stock), sum(x.reg) FROM ("
                    + " SELECT s.bucket_id AS b, s.status COLLATE \"C\" AS st, s.n AS stock,"
                    + (registeredByComplement ? " s.n" : " 0")
                    + " AS reg FROM stat_model_bucket s WHERE "
                    + stocks
                    + " AND s.n <> 0"
                    + " UNION ALL SELECT m.bucket_id, m.status COLLATE \"C\", -1,"
                    + (registeredByComplement ? " -1" : " 0")
                    + " FROM community_model m WHERE "
                    + records
                    + " AND m.established_on > :to"
                    + (registeredByComplement
                        ? " UNION ALL SELECT m.bucket_id, m.status COLLATE \"C\", 0, -1"
                            + " FROM community_model m WHERE "
                            + records
                            + " AND m.established_on < :from"
                        : " UNION ALL SELECT m.bucket_id, m.status COLLATE \"C\", 0, 1"
                            + " FROM community_model m WHERE "
                            + records
                            + " AND m.established_on >= :from AND m.established_on <= :to")
                    + ") x GROUP BY 2, 3 HAVING sum(x.stock) <> 0",
            p,
            params));
    // by type, field and recognition: the stock at the end
    Map<String, Object> toOnly = p.periodParams();
    toOnly.remove("from");
    out.addAll(
        run(
            (unit, territory) ->
                "SELECT CASE x.attr WHEN 'T' THEN 55 WHEN 'F' THEN 59 ELSE 61 END, NULL, NULL,"
                    + " CASE WHEN x.attr = 'T' THEN x.v END, CASE WHEN x.attr = 'F' THEN x.v END,"
                    + " CASE WHEN x.attr = 'R' THEN x.v END, NULL, sum(x.n), 0 FROM ("
                    + " SELECT s.attr, s.value AS v, s.n FROM stat_model_attr s WHERE "
                    + stocks
                    + " AND s.n <> 0"
                    + " UNION ALL SELECT 'T', m.type_id, -1 FROM community_model m WHERE "
                    + records
                    + " AND m.established_on > :to"
                    + " UNION ALL SELECT 'F', m.field_id, -1 FROM community_model m WHERE "
                    + records
                    + " AND m.established_on > :to"
                    + " UNION ALL SELECT 'R', CAST(m.recognition_level AS bigint), -1"
                    + " FROM community_model m WHERE "
                    + records
                    + " AND m.established_on > :to"
                    + ") x GROUP BY x.attr, x.v HAVING sum(x.n) <> 0",
            p,
            toOnly));
    // by month of establishment: whole months from the stock, the period's partial months at
    // its edges from the models
    if (p.hasFull()) {
      for (Object[] r : months) {
        LocalDate month = Rows.localDate(r[0]);
        if (!month.isBefore(p.fullFrom()) && month.isBefore(p.fullTo())) {
          out.add(new Object[] {62, null, null, null, null, null, month, r[1], r[1]});
        }
      }
    }
    for (LocalDate[] e : p.edges()) {
      Map<String, Object> edge = p.periodParams();
      edge.put("ea", e[0]);
      edge.put("eb", e[1]);
      out.addAll(
          run(
              (unit, territory) ->
                  "SELECT 62, NULL, NULL, NULL, NULL, NULL, m.established_on"
                      + " - CAST(date_part('day', m.established_on) AS integer) + 1, count(*),"
                      + " count(*) FROM community_model m WHERE "
                      + records
                      + " AND m.established_on >= :ea AND m.established_on < :eb GROUP BY 7",
              p,
              edge));
    }
    return out;
  }

  /** The ids when every prefix is a whole province ("/12/"), else null. */
  private List<Long> provinceRoots(List<String> prefixes) {
    List<Long> ids = new ArrayList<>();
    for (String prefix : prefixes) {
      String[] parts = prefix.split("/");
      if (parts.length != 2) {
        return null;
      }
      ids.add(Long.parseLong(parts[1]));
    }
    Long provinces =
        Rows.toLongOrNull(
            em.createNativeQuery(
                    "SELECT count(*) FROM unit WHERE id IN (:ids) AND kind = 'PROVINCE'")
                .setParameter("ids", ids)
                .getSingleResult());
    return provinces.intValue() == ids.size() ? ids : null;
  }

  /**
   * unit, indicator, value: the approved revisions of the periods (months, quarters) that lie
   * wholly within the report's period, from the pre-aggregate kept on approval.
   */
  private List<Object[]> indicators(Params p) {
    return run(
        (unit, territory) ->
            "SELECT "
                + unit
                + ", s.indicator_id, sum(s.value) FROM stat_indicator_month s"
                + " JOIN unit u ON u.id = s.unit_id WHERE "
                + territory
                + " AND s.month >= :from"
                + " AND s.month + make_interval(months => s.months) <= :end AND s.value <> 0"
                + " GROUP BY 1, 2",
        p,
        Map.of("from", p.from(), "end", p.to().plusDays(1)));
  }

  /** unit, target, assessed, met: assessments whose period ends within the report's period */
  private List<Object[]> safety(Params p) {
    return run(
        (unit, territory) ->
            "SELECT "
                + unit
                + ", a.target_id, count(*), count(*) FILTER (WHERE a.met)"
                + " FROM safety_assessment a JOIN unit u ON u.id = a.unit_id WHERE "
                + territory
                + " AND a.period_to >= :from AND a.period_to <= :to GROUP BY 1, 2",
        p,
        Map.of("from", p.from(), "to", p.to()));
  }

  /** unit, designations decided within the report's period */
  private List<Object[]> exemplaryPolice(Params p) {
    return run(
        (unit, territory) ->
            "SELECT "
                + unit
                + ", count(*) FROM exemplary_police e JOIN unit u ON u.id = e.unit_id"
                + " WHERE "
                + territory
                + " AND e.decided_on >= :from AND e.decided_on <= :to GROUP BY 1",
        p,
        Map.of("from", p.from(), "to", p.to()));
  }

  /**
   * unit, teams in force at the end of the period, their members then. A province's or the
   * country's report sums the per-commune day deltas of {@code stat_roster_day} (V15) instead of
   * reading every member.
   */
  private List<Object[]> teamsAndMembers(Params p) {
    if (p.byBucket()) {
      Map<String, Object> params = p.periodParams();
      params.remove("from"); // in force at the end: the start does not matter
      return run(
          (unit, territory) ->
              "SELECT s.bucket_id, sum(s.teams), sum(s.members) FROM stat_roster_day s WHERE "
                  + p.provinceSql("s")
                  + " AND s.day <= :to GROUP BY 1 HAVING sum(s.teams) <> 0 OR sum(s.members) <> 0",
          p,
          params);
    }
    return run(
        (unit, territory) ->
            "SELECT "
                + unit
                + ", count(DISTINCT t.id), count(m.id) FROM team t"
                + " JOIN unit u ON u.id = t.unit_id"
                + " LEFT JOIN member m ON m.team_id = t.id AND (m.joined_on IS NULL OR m.joined_on <= :to)"
                + " AND (m.left_on IS NULL OR m.left_on > :to)"
                + " WHERE "
                + territory
                + " AND t.established_on <= :to"
                + " AND (t.dissolved_on IS NULL OR t.dissolved_on > :to) GROUP BY 1",
        p,
        Map.of("to", p.to()));
  }

  private static Map<String, Object> edge(LocalDate[] e) {
    return Map.of(
        "a", e[0].atStartOfDay(vn.antq.common.time.VietnamTime.ZONE).toInstant(),
        "b", e[1].atStartOfDay(vn.antq.common.time.VietnamTime.ZONE).toInstant());
  }
}
