package vn.antq.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.territory.Paths;
import vn.antq.territory.Place;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Who has reported (DHIS2's reporting rates): for a territory and a range of periods, each
 * commune-level unit that had to report — it existed on the period's last day — and what it did:
 * nothing, a draft, sent (on time or late, by its first sending), returned, approved. A commune
 * formed by a merger counts as reported when it or a commune merged into it (and gone by the end of
 * the period) reported. Four statements whatever the size of the territory.
 */
@ApplicationScoped
public class ReportingCompleteness {
  static final Set<String> COMMUNE_LEVEL = Set.of("COMMUNE", "WARD", "TOWNSHIP", "SPECIAL_ZONE");
  public static final int MAX_PERIODS = 24;

  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject ReportingDeadlines deadlines;
  @Inject vn.antq.security.Caller caller;

  public enum State {
    NOT_EXPECTED,
    NOT_STARTED,
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED
  }

  /** Units that had to report, sent, sent on time, approved (summed over units and periods). */
  public record Counts(int expected, int submitted, int onTime, int approved) {
    static final Counts ZERO = new Counts(0, 0, 0, 0);

    Counts plus(Counts o) {
      return new Counts(
          expected + o.expected, submitted + o.submitted, onTime + o.onTime, approved + o.approved);
    }
  }

  /** A unit's period: its state and report when the row is one commune, else only the counts. */
  public record Cell(
      State state, Boolean onTime, Long reportId, Instant firstSubmitted, Counts counts) {}

  public record Row(UnitSummary unit, boolean leaf, List<Cell> cells, Counts counts) {}

  /** A commune that has not sent, and the row it is counted in when that is another unit. */
  public record Missing(UnitSummary unit, UnitSummary under) {}

  public record PeriodView(
      Period period, LocalDate deadline, boolean due, Counts counts, List<Missing> missing) {}

  public record Result(
      UnitSummary unit, Period.Kind kind, List<PeriodView> periods, List<Row> rows, Counts total) {}

  private record Commune(UnitSummary unit, String path, LocalDate validFrom, LocalDate validTo) {
    boolean expectedIn(Period p) {
      return !validFrom.isAfter(p.end()) && (validTo == null || validTo.isAfter(p.end()));
    }
  }

  /** A merged commune whose reports count for its successor once it is gone. */
  private record Predecessor(long id, LocalDate validTo) {}

  /** The best of a unit's revisions of a period. */
  private record Filed(long reportId, int rank, State state, Instant first) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Result of(Long unitId, Period.Kind kind, LocalDate from, LocalDate to) {
    Long id = unitId == null ? caller.unitId() : unitId;
    // without a unit: the nation (administrators), each province a row
    Place root = id == null ? null : territory.requireVisible(id);
    if (root == null && !territory.isGlobal()) {
      throw ProblemException.badRequest("unitId", "Hãy chọn địa bàn");
    }
    List<Period> periods = periods(kind, from, to);
    List<Commune> communes =
        communes(root == null ? List.of("/") : places.lineagePaths(root.id()), periods);
    Map<Long, List<Predecessor>> predecessors = predecessors(communes);
    List<Long> reporters = new ArrayList<>();
    communes.forEach(c -> reporters.add(c.unit().id()));
    predecessors.values().forEach(ps -> ps.forEach(p -> reporters.add(p.id())));
    Map<Long, Map<LocalDate, Filed>> filed = filed(reporters, kind, periods);
    ReportingDeadlines.Rules rules =
        deadlines.rules(
            kind,
            root == null ? null : root.isProvince() ? Long.valueOf(root.id()) : root.provinceId());
    Instant now = Instant.now();
    List<LocalDate> dues = periods.stream().map(rules::deadline).toList();
    List<Boolean> due = dues.stream().map(d -> now.isAfter(ReportingDeadlines.endOf(d))).toList();

    Map<Long, List<Cell>> cells = new LinkedHashMap<>();
    for (Commune c : communes) {
      List<Cell> line = new ArrayList<>();
      for (int i = 0; i < periods.size(); i++) {
        line.add(cell(c, periods.get(i), dues.get(i), filed, predecessors));
      }
      cells.put(c.unit().id(), line);
    }
    List<Row> rows = rows(root, communes, cells, due, periods.size());
    List<PeriodView> views = periodViews(root, communes, cells, rows, periods, dues, due);
    Counts total = Counts.ZERO;
    for (int i = 0; i < periods.size(); i++) {
      total = due.get(i) ? total.plus(views.get(i).counts()) : total;
    }
    return new Result(root == null ? null : root.summary(), kind, views, rows, total);
  }

  /** Each period's counts and the communes still missing, in the order of the rows. */
  private static List<PeriodView> periodViews(
      Place root,
      List<Commune> communes,
      Map<Long, List<Cell>> cells,
      List<Row> rows,
      List<Period> periods,
      List<LocalDate> dues,
      List<Boolean> due) {
    Map<Long, UnitSummary> rowUnits = new HashMap<>();
    rows.forEach(r -> rowUnits.put(r.unit().id(), r.unit()));
    List<Long> order = rows.stream().map(r -> r.unit().id()).toList();
    List<Commune> byRow = new ArrayList<>(communes);
    byRow.sort(Comparator.comparingInt(c -> order.indexOf(childOf(root, c))));
    List<PeriodView> views = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      Counts counts = Counts.ZERO;
      List<Missing> missing = new ArrayList<>();
      for (Commune c : byRow) {
        Cell cell = cells.get(c.unit().id()).get(i);
        counts = counts.plus(cell.counts());
        if (cell.counts().expected() == 1 && cell.counts().submitted() == 0) {
          long row = childOf(root, c);
          missing.add(new Missing(c.unit(), row == c.unit().id() ? null : rowUnits.get(row)));
        }
      }
      views.add(new PeriodView(periods.get(i), dues.get(i), due.get(i), counts, missing));
    }
    return views;
  }

  /** The periods of {@code kind} that end from {@code from} and begin by {@code to} (or today). */
  static List<Period> periods(Period.Kind kind, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw ProblemException.badRequest("to", "Ngày kết thúc phải từ ngày bắt đầu");
    }
    LocalDate last = to.isAfter(VietnamTime.today()) ? VietnamTime.today() : to;
    List<Period> out = new ArrayList<>();
    Period p = containing(kind, from);
    while (!p.start().isAfter(last)) {
      out.add(p);
      if (out.size() > MAX_PERIODS) {
        throw ProblemException.unprocessable(
            "from",
            "Mỗi lần xem tối đa " + MAX_PERIODS + " kỳ; hãy chọn khoảng thời gian ngắn hơn");
      }
      p = containing(kind, p.end().plusDays(1));
    }
    return out;
  }

  static Period containing(Period.Kind kind, LocalDate day) {
    return kind == Period.Kind.MONTH
        ? Period.of(kind, day.getYear(), day.getMonthValue())
        : Period.of(kind, day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  private static Cell cell(
      Commune c,
      Period p,
      LocalDate deadline,
      Map<Long, Map<LocalDate, Filed>> filed,
      Map<Long, List<Predecessor>> predecessors) {
    if (!c.expectedIn(p)) {
      return new Cell(State.NOT_EXPECTED, null, null, null, Counts.ZERO);
    }
    Filed best = filed.getOrDefault(c.unit().id(), Map.of()).get(p.start());
    for (Predecessor pred : predecessors.getOrDefault(c.unit().id(), List.of())) {
      // a merged commune's report stands for its successor's only once it is gone
      if (pred.validTo() != null && !pred.validTo().isAfter(p.end())) {
        best = better(best, filed.getOrDefault(pred.id(), Map.of()).get(p.start()));
      }
    }
    if (best == null) {
      return new Cell(State.NOT_STARTED, null, null, null, new Counts(1, 0, 0, 0));
    }
    boolean sent = best.first() != null;
    boolean onTime = sent && best.first().isBefore(ReportingDeadlines.endOf(deadline));
    boolean approved = best.state() == State.APPROVED;
    return new Cell(
        best.state(),
        sent ? onTime : null,
        best.reportId(),
        best.first(),
        new Counts(1, sent ? 1 : 0, onTime ? 1 : 0, approved ? 1 : 0));
  }

  private static Filed better(Filed a, Filed b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    Filed top = b.rank() > a.rank() ? b : a;
    Instant first =
        a.first() == null
            ? b.first()
            : b.first() == null || a.first().isBefore(b.first()) ? a.first() : b.first();
    return new Filed(top.reportId(), top.rank(), top.state(), first);
  }

  /** One row per unit directly under the territory (the commune itself for a commune). */
  private List<Row> rows(
      Place root, List<Commune> communes, Map<Long, List<Cell>> cells, List<Boolean> due, int n) {
    Map<Long, List<Commune>> byChild = new LinkedHashMap<>();
    for (Commune c : communes) {
      byChild.computeIfAbsent(childOf(root, c), k -> new ArrayList<>()).add(c);
    }
    Map<Long, UnitSummary> names = places.summaries(byChild.keySet());
    List<Row> out = new ArrayList<>();
    byChild.forEach(
        (child, members) -> {
          boolean leaf = members.size() == 1 && members.get(0).unit().id() == child;
          List<Cell> line = new ArrayList<>();
          Counts counts = Counts.ZERO;
          for (int i = 0; i < n; i++) {
            Counts sum = Counts.ZERO;
            for (Commune c : members) {
              sum = sum.plus(cells.get(c.unit().id()).get(i).counts());
            }
            line.add(leaf ? cells.get(child).get(i) : new Cell(null, null, null, null, sum));
            counts = due.get(i) ? counts.plus(sum) : counts;
          }
          out.add(new Row(names.get(child), leaf, line, counts));
        });
    Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
    out.sort(Comparator.comparing((Row r) -> r.unit().name(), vi));
    return out;
  }

  /** The unit directly under {@code root} (or under a unit merged into it) holding {@code c}. */
  private static long childOf(Place root, Commune c) {
    String[] ids = c.path().split("/");
    if (root == null) {
      return Long.parseLong(ids[1]);
    }
    for (int i = 1; i < ids.length; i++) {
      if (Long.parseLong(ids[i]) == root.id()) {
        return i + 1 < ids.length ? Long.parseLong(ids[i + 1]) : root.id();
      }
    }
    // under a unit merged into the root: the unit below that one, or the commune itself
    return ids.length > 2 ? Long.parseLong(ids[2]) : c.unit().id();
  }

  private List<Commune> communes(List<String> prefixes, List<Period> periods) {
    Map<String, Object> params = new HashMap<>();
    String where = Paths.underAny("u", prefixes, "p").bind(params);
    Query q =
        em.createNativeQuery(
            "SELECT u.id, u.code, u.name, u.kind, u.path, u.valid_from, u.valid_to FROM unit u"
                + " WHERE u.kind IN ('COMMUNE', 'WARD', 'TOWNSHIP', 'SPECIAL_ZONE')"
                + " AND u.valid_from <= :lastEnd AND (u.valid_to IS NULL OR u.valid_to > :firstEnd)"
                + " AND "
                + where
                + " ORDER BY u.name COLLATE vietnamese, u.id");
    params.forEach(q::setParameter);
    q.setParameter("firstEnd", periods.get(0).end());
    q.setParameter("lastEnd", periods.get(periods.size() - 1).end());
    return Rows.map(
        q,
        r ->
            new Commune(
                new UnitSummary(Rows.toLong(r[0]), (String) r[1], (String) r[2], (String) r[3]),
                (String) r[4],
                Rows.localDate(r[5]),
                Rows.localDate(r[6])));
  }

  private Map<Long, List<Predecessor>> predecessors(List<Commune> communes) {
    if (communes.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "WITH RECURSIVE preds(commune, id) AS ("
                        + " SELECT c, c FROM unnest(CAST(?1 AS bigint[])) c"
                        + " UNION SELECT p.commune, l.predecessor_id FROM unit_lineage l"
                        + " JOIN preds p ON l.successor_id = p.id WHERE l.change_kind = 'MERGE')"
                        + " SELECT p.commune, p.id, u.valid_to FROM preds p JOIN unit u ON u.id = p.id"
                        + " WHERE p.commune <> p.id")
                .setParameter(
                    1, Rows.bigintArray(communes.stream().map(c -> c.unit().id()).toList())));
    Map<Long, List<Predecessor>> out = new HashMap<>();
    for (Object[] r : rows) {
      out.computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>())
          .add(new Predecessor(Rows.toLong(r[1]), Rows.localDate(r[2])));
    }
    return out;
  }

  /**
   * unit → period start → the best revision (approved before sent before returned before draft).
   */
  private Map<Long, Map<LocalDate, Filed>> filed(
      List<Long> units, Period.Kind kind, List<Period> periods) {
    if (units.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT r.unit_id, r.period_start, r.id, r.status, r.first_submitted_at"
                        + " FROM indicator_report r WHERE r.unit_id = ANY (CAST(?1 AS bigint[]))"
                        + " AND r.period_months = ?2 AND r.period_start BETWEEN ?3 AND ?4")
                .setParameter(1, Rows.bigintArray(units.stream().distinct().toList()))
                .setParameter(2, (short) (kind == Period.Kind.MONTH ? 1 : 3))
                .setParameter(3, periods.get(0).start())
                .setParameter(4, periods.get(periods.size() - 1).start()));
    Map<Long, Map<LocalDate, Filed>> out = new HashMap<>();
    for (Object[] r : rows) {
      String status = (String) r[3];
      int rank =
          switch (status) {
            case "APPROVED" -> 6;
            case "SUPERSEDED" -> 5;
            case "SUBMITTED" -> 4;
            case "RETURNED" -> 3;
            default -> 2;
          };
      State state = rank >= 5 ? State.APPROVED : State.valueOf(status);
      Filed f = new Filed(Rows.toLong(r[2]), rank, state, Rows.instant(r[4]));
      out.computeIfAbsent(Rows.toLong(r[0]), k -> new HashMap<>())
          .merge(Rows.localDate(r[1]), f, ReportingCompleteness::better);
    }
    return out;
  }
}
