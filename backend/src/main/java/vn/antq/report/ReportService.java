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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import vn.antq.common.db.ReadDatabase;
import vn.antq.common.db.Rows;
import vn.antq.report.StockFigures.ModelSet;
import vn.antq.territory.Place;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;
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
  @Inject FlowFigures flows;
  @Inject StockFigures stocks;
  @Inject ReportMaps maps;

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
    public long modelsDeclared; // models without a roster at the end, counted by their totals
    public long teamsDeclared; // the part of teams and members taken from those totals
    public long membersDeclared;
    public final Set<Long> kinds = new HashSet<>(); // model types in force at the end
    public final Set<Long> fields = new HashSet<>();
    public final Map<String, Long> placesByKind = new HashMap<>(); // units holding a model
    public final Map<Long, Long> modelsByEthnicGroup = new HashMap<>(); // community served
    public final Map<Long, Long> modelsByReligion = new HashMap<>();
    public long replicationSites;
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

  /** A row of the breakdown: a unit, its level under the report's unit, the row above it. */
  public record Row(Place unit, int level, Long parentId, Figures figures) {}

  /** At most this many rows in a breakdown (all levels). */
  static final int MAX_ROWS = 3000;

  public record Summary(
      Place unit,
      LocalDate from,
      LocalDate to,
      Grouping groupBy,
      Figures totals,
      List<Row> children,
      Figures direct,
      Map<String, Point> series,
      LeftOut leftOut,
      LocalDate asOf,
      List<LocalDate> mapChanges) {}

  /** An approved period of reported figures that straddles the report's start or end. */
  public record LeftOutPeriod(UnitSummary unit, LocalDate start, int months) {}

  /** The periods left out (the first {@value FlowFigures#LEFT_OUT_SHOWN}) and their number. */
  public record LeftOut(List<LeftOutPeriod> periods, long total) {
    static LeftOut of(List<Object[]> rows) {
      List<LeftOutPeriod> periods =
          rows.stream()
              .map(
                  r ->
                      new LeftOutPeriod(
                          new UnitSummary(
                              Rows.toLong(r[0]), (String) r[1], (String) r[2], (String) r[3]),
                          Rows.localDate(r[4]),
                          Rows.toInt(r[5])))
              .toList();
      return new LeftOut(periods, rows.isEmpty() ? 0 : Rows.toLong(rows.get(0)[6]));
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Summary summary(
      Long unitId, LocalDate from, LocalDate to, Grouping groupBy, LocalDate asOf, int depth) {
    // no unit: the whole country (for callers who see everything), by province
    Place root = unitId == null ? null : territory.requireVisible(unitId);
    Grouping grouping = groupBy != null ? groupBy : defaultGrouping(from, to);
    // the period is cut where the territory's map changed: each stretch counts under its own map
    ReportMaps.Plan plan = maps.plan(unitId, from, to, asOf);
    List<ReportPeriod> stretches = new ArrayList<>();
    // rows deeper than the children need the records by unit, not the per-commune roll-ups
    boolean rollUps = depth == 1;
    plan.stretches()
        .forEach(s -> stretches.add(period(unitId, s.from(), s.to(), s.map(), to, rollUps)));
    ReportPeriod last = stretches.get(stretches.size() - 1);
    // the stocks at the end (and the models founded in the period) under the last stretch's map
    ReportPeriod whole =
        new ReportPeriod(last.prefixes(), from, to, last.provinces(), last.map(), to);
    // the figure queries are independent reads on connections of their own (each statement saw
    // its own snapshot before as well): they run side by side, the longest first, while this
    // thread reads the children and where each unit counts
    List<Fetched> fetched = new ArrayList<>();
    fetched.add(fetchAll(last, whole, grouping));
    stretches
        .subList(0, stretches.size() - 1)
        .forEach(p -> fetched.add(fetchAll(p, null, grouping)));
    Fetching leftOut = fetch(() -> flows.leftOutPeriods(whole));
    // a unit's share of the figures of units split among it and others
    Fetching shared =
        unitId == null ? none() : fetch(() -> maps.sharedIndicators(unitId, from, to));
    List<Place> top = children(root, to, plan);
    List<Row> rows = ReportRows.nest(top, depth, rowsDay(root, to, plan), maps, units);
    List<Place> children = rows.stream().map(Row::unit).toList();
    Tally tally = new Tally(children, grouping);
    tally.shares = maps.splitShares(children.stream().map(Place::id).toList());
    // every period of the range has a point, even an empty one
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      tally.series.putIfAbsent(period(m.atDay(1), grouping), new Point());
    }
    List<ReportPeriod> inOrder = new ArrayList<>(List.of(last));
    inOrder.addAll(stretches.subList(0, stretches.size() - 1));
    for (int i = 0; i < inOrder.size(); i++) {
      ReportPeriod p = inOrder.get(i);
      tally.bucketOf =
          maps.buckets(p.prefixes(), maps.childPrefixes(children, p.map()), p.byBucket(), p.map());
      fetched.get(i).addTo(tally);
    }
    tally.bucketOf = Map.of(); // the split unit is none of the unit's children: direct
    shared.rows().forEach(tally::indicator);
    return new Summary(
        root,
        from,
        to,
        grouping,
        tally.totals,
        ReportRows.rollUp(rows, tally.byChild),
        tally.direct,
        tally.series,
        LeftOut.of(leftOut.rows()),
        plan.asOf(),
        plan.changes());
  }

  /**
   * The territory of one stretch: the paths of the unit and the units it succeeded on the stretch's
   * map. Under today's map a province (or the country) reads the per-commune ("bucket") roll-ups:
   * every unit of a commune goes to the same child of its report.
   */
  private ReportPeriod period(
      Long unitId, LocalDate from, LocalDate to, LocalDate map, LocalDate until, boolean rollUps) {
    if (unitId == null) {
      return new ReportPeriod(
          List.of("/"), from, to, map == null && rollUps ? List.of() : null, map, until);
    }
    if (map != null) {
      return new ReportPeriod(maps.prefixesOn(unitId, map), from, to, null, map, until);
    }
    List<String> prefixes = territory.lineage(unitId);
    return new ReportPeriod(
        prefixes, from, to, rollUps ? stocks.provinceRoots(prefixes) : null, null, until);
  }

  /**
   * The rows of the breakdown: the units in force at the end under the map of the end, those under
   * the unit and under the units it succeeded; with {@code asOf}, those in force on that day under
   * its map; for a unit that retired before that day, its children on its last day.
   */
  private List<Place> children(Place root, LocalDate to, ReportMaps.Plan plan) {
    RowsDay d = rowsDay(root, to, plan);
    if (root == null || d.map() == null) {
      return units.childPlaces(root == null ? null : root.id(), d.day());
    }
    return units.places(maps.childrenOn(root.id(), d.map(), d.day()));
  }

  /** The day the rows are in force and the map they stand on (null: today's). */
  record RowsDay(LocalDate day, LocalDate map) {}

  private static RowsDay rowsDay(Place root, LocalDate to, ReportMaps.Plan plan) {
    LocalDate end = plan.asOf() != null ? plan.asOf() : to;
    LocalDate day =
        root != null && root.validTo() != null && !root.validTo().isAfter(end)
            ? root.validTo().minusDays(1)
            : end;
    // under the last stretch's map (the end's, or asOf's), or the map of the unit's last day
    return new RowsDay(day, day.equals(end) ? plan.last().map() : day);
  }

  /**
   * Starts every figure query of one stretch, the longest first: its flows, and when {@code whole}
   * is given (the last stretch) the stocks at the end of the whole period.
   */
  private Fetched fetchAll(ReportPeriod p, ReportPeriod whole, Grouping grouping) {
    Fetching none = new Fetching(CompletableFuture.completedFuture(List.of()));
    // started in the order of their time on the national dataset (a province's 10-year report,
    // 5/12/2026: what counts once 7–9 ms, the events 5.6, the decisions 5.6, the models as they
    // stood 3.6, the awards 3.0, the model stocks ≈ 1.5 in four statements, the rest ≤ 1.4): four
    // run at a time; started last, the longest began ≈ 12 ms into the report and ended it at
    // ≈ 20 ms
    Fetching distinct = whole == null ? none : fetch(() -> stocks.distinct(whole));
    Fetching events = fetch(() -> flows.events(p, grouping));
    Fetching decisions = fetch(() -> flows.decisions(p));
    // from today's status to the status at the end (and only the models in force by type)
    Fetching standing = whole == null ? none : fetch(() -> stocks.standing(whole));
    Fetching awards = fetch(() -> flows.awards(p));
    // a province's or the country's model figures from the kept stocks (V21); any other
    // territory's by grouping its models
    Fetching models =
        whole == null
            ? none
            : fetch(
                () ->
                    whole.byBucket()
                        ? stocks.modelStocks(whole)
                        : stocks.models(whole, ModelSet.UNITS));
    Fetching modelTotals =
        whole == null || whole.byBucket()
            ? none
            : fetch(() -> stocks.models(whole, ModelSet.TOTALS));
    Fetching modelMonths =
        whole == null || whole.byBucket()
            ? none
            : fetch(() -> stocks.models(whole, ModelSet.MONTHS));
    Fetching roster = whole == null ? none : fetch(() -> stocks.teamsAndMembers(whole));
    Fetching declared = whole == null ? none : fetch(() -> stocks.declared(whole));
    return new Fetched(
        events,
        roster,
        awards,
        decisions,
        fetch(() -> flows.materials(p)),
        fetch(() -> flows.indicators(p)),
        fetch(() -> flows.safety(p)),
        fetch(() -> flows.exemplaryPolice(p)),
        declared,
        distinct,
        List.of(models, modelTotals, modelMonths, standing));
  }

  /** The figure queries under way. */
  private record Fetched(
      Fetching events,
      Fetching roster,
      Fetching awards,
      Fetching decisions,
      Fetching materials,
      Fetching indicators,
      Fetching safety,
      Fetching exemplary,
      Fetching declared,
      Fetching distinct,
      List<Fetching> models) {
    /** Waits for each query and adds its rows to the figures. */
    void addTo(Tally t) {
      events.rows().forEach(t::event);
      materials.rows().forEach(t::material);
      awards.rows().forEach(t::award);
      decisions.rows().forEach(t::decision);
      models.forEach(m -> m.rows().forEach(t::model));
      indicators.rows().forEach(t::indicator);
      safety.rows().forEach(t::safety);
      exemplary.rows().forEach(t::exemplary);
      roster.rows().forEach(t::roster);
      declared.rows().forEach(t::declared);
      distinct.rows().forEach(t::distinct);
    }
  }

  /** Rows being read on another thread. */
  private record Fetching(CompletableFuture<List<Object[]>> future) {
    List<Object[]> rows() {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
  }

  private static Fetching none() {
    return new Fetching(CompletableFuture.completedFuture(List.of()));
  }

  private Fetching fetch(Supplier<List<Object[]>> query) {
    return new Fetching(CompletableFuture.supplyAsync(query, executor));
  }

  static Grouping defaultGrouping(LocalDate from, LocalDate to) {
    return YearMonth.from(from).plusMonths(24).isAfter(YearMonth.from(to))
        ? Grouping.MONTH
        : Grouping.YEAR;
  }

  static String period(LocalDate day, Grouping g) {
    return g == Grouping.YEAR ? String.valueOf(day.getYear()) : YearMonth.from(day).toString();
  }
}
