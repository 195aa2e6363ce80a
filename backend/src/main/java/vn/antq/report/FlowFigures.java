package vn.antq.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.antq.report.ReportService.Grouping;

/**
 * A report's flows — events, materials, awards and decisions, approved figures, safety assessments,
 * exemplary police — from the monthly pre-aggregates kept by triggers for whole months and from the
 * records themselves for the partial months at the edges of the period.
 */
@ApplicationScoped
class FlowFigures {
  @Inject FigureSql sql;

  /** unit, type, events, sessions, attendance (month null); or month and the sums (unit null) */
  List<Object[]> events(ReportPeriod p, Grouping grouping) {
    List<Object[]> out = new ArrayList<>();
    if (p.hasFull()) {
      LocalDate a = p.fullFrom();
      LocalDate b = p.fullTo();
      // whole years from the yearly roll-up when the series is by year, months around them
      LocalDate ya = a.getDayOfYear() == 1 ? a : LocalDate.of(a.getYear() + 1, 1, 1);
      LocalDate yb = LocalDate.of(b.getYear(), 1, 1);
      if (grouping == Grouping.YEAR && ya.isBefore(yb)) {
        out.addAll(eventYears(p, ya, yb));
        out.addAll(eventMonths(p, a, ya));
        out.addAll(eventMonths(p, yb, b));
      } else {
        out.addAll(eventMonths(p, a, b));
      }
    }
    for (LocalDate[] e : p.edges()) {
      out.addAll(
          sql.run(
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
              ReportPeriod.edge(e)));
    }
    return out;
  }

  /** The yearly pre-aggregate over the years [ya, yb). */
  private List<Object[]> eventYears(ReportPeriod p, LocalDate ya, LocalDate yb) {
    Map<String, Object> years = new HashMap<>(Map.of("ya", ya.getYear(), "yb", yb.getYear()));
    if (p.byBucket()) {
      if (!p.provinces().isEmpty()) {
        years.put("provinces", p.provinces());
      }
      return sql.run(
          (unit, territory) ->
              "SELECT s.bucket_id, make_date(s.year, 1, 1), s.type_id, sum(s.events),"
                  + " sum(s.sessions), sum(s.attendance) FROM stat_event_bucket_year s"
                  + " WHERE "
                  + p.provinceSql("s")
                  + " AND s.year >= :ya AND s.year < :yb"
                  + " GROUP BY GROUPING SETS ((s.bucket_id, s.type_id), (s.year))",
          p,
          years);
    }
    return sql.run(
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
        years);
  }

  /** The monthly pre-aggregate over [from, to) (month starts). */
  List<Object[]> eventMonths(ReportPeriod p, LocalDate from, LocalDate to) {
    if (!from.isBefore(to)) {
      return List.of();
    }
    return sql.run(
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
  List<Object[]> materials(ReportPeriod p) {
    List<Object[]> out = new ArrayList<>();
    if (p.hasFull()) {
      out.addAll(
          sql.run(
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
          sql.run(
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
              ReportPeriod.edge(e)));
    }
    return out;
  }

  /** unit, form, collectives, individuals (month null); or month and the sums (unit null) */
  List<Object[]> awards(ReportPeriod p) {
    List<Object[]> out = new ArrayList<>();
    if (p.byBucket()) {
      // a province's or the country's recipients by their own province and bucket (V15), with
      // their decision's day and form (V19): one index range, no join
      Map<String, Object> params = p.periodParams();
      return sql.run(
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
          sql.run(
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
          sql.run(
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
  List<Object[]> decisions(ReportPeriod p) {
    if (p.byBucket()) {
      Map<String, Object> params = p.periodParams();
      return sql.run(
          (unit, territory) ->
              "SELECT DISTINCT r.bucket_id, r.decision_id FROM award_recipient r WHERE "
                  + p.provinceSql("r")
                  + " AND r.decided_on >= :from AND r.decided_on <= :to",
          p,
          params);
    }
    return sql.run(
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

  /**
   * unit, indicator, value: the approved revisions of the periods (months, quarters) that lie
   * wholly within the report's period, from the pre-aggregate kept on approval; a stretch of the
   * report counts those that start in it.
   */
  List<Object[]> indicators(ReportPeriod p) {
    return sql.run(
        (unit, territory) ->
            "SELECT "
                + unit
                + ", s.indicator_id, sum(s.value) FROM stat_indicator_month s"
                + " JOIN unit u ON u.id = s.unit_id WHERE "
                + territory
                + " AND s.month >= :from AND s.month <= :to"
                + " AND s.month + make_interval(months => s.months) <= :end AND s.value <> 0"
                + " GROUP BY 1, 2",
        p,
        Map.of("from", p.from(), "to", p.to(), "end", p.until().plusDays(1)));
  }

  /** At most this many periods left out are named (all are counted). */
  static final int LEFT_OUT_SHOWN = 100;

  /**
   * Approved periods (months, quarters) that overlap the report's period without lying wholly in
   * it, so {@link #indicators} leaves them out: unit id, code, name, kind, period start, months,
   * and how many there are in all. Such a period starts at most two months before the report's
   * start, or ends after its end.
   */
  List<Object[]> leftOutPeriods(ReportPeriod p) {
    return sql.run(
        (unit, territory) ->
            "SELECT u.id, u.code, u.name, u.kind, r.period_start, r.period_months, count(*) OVER ()"
                + " FROM indicator_report r JOIN unit u ON u.id = r.unit_id WHERE "
                + territory
                + " AND r.status = 'APPROVED' AND ((r.period_start > :early AND r.period_start < :from)"
                + " OR (r.period_start > :late AND r.period_start <= :to"
                + " AND r.period_start + make_interval(months => r.period_months) > :end))"
                + " ORDER BY r.period_start, u.name, u.id LIMIT "
                + LEFT_OUT_SHOWN,
        p,
        Map.of(
            "from", p.from(),
            "to", p.to(),
            "early", p.from().minusMonths(3),
            "late", p.to().minusMonths(3),
            "end", p.to().plusDays(1)));
  }

  /** unit, target, assessed, met: assessments whose period ends within the report's period */
  List<Object[]> safety(ReportPeriod p) {
    return sql.run(
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
  List<Object[]> exemplaryPolice(ReportPeriod p) {
    return sql.run(
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
}
