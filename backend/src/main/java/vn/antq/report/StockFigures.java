package vn.antq.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.antq.common.db.Rows;

/**
 * A report's stocks — models, teams and members — as they stand at the end of the period: from the
 * stocks kept by triggers for provinces and the country, by grouping the records otherwise.
 */
@ApplicationScoped
class StockFigures {
  @Inject FigureSql sql;
  @Inject EntityManager em;

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
  List<Object[]> models(ReportPeriod p, ModelSet set) {
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
    Map<String, Object> params = p.periodParams();
    if (set == ModelSet.TOTALS) {
      params.remove("from");
    }
    return sql.run(
        (rowUnit, territory) ->
            select + modelsOf(p, territory) + " AND m.established_on <= :to" + group,
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
  List<Object[]> modelStocks(ReportPeriod p) {
    Map<String, Object> params = p.periodParams();
    String stocks = p.provinceSql("s");
    List<Object[]> months =
        sql.run(
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
    List<Object[]> out = new ArrayList<>(bucketStocks(p, registeredByComplement));
    out.addAll(attributeStocks(p));
    out.addAll(monthStocks(p, months));
    return out;
  }

  /**
   * Per bucket and status: the stock at the end, and those established in the period (the stock at
   * the end less those established before, or the period's own, as {@code byComplement} says).
   */
  private List<Object[]> bucketStocks(ReportPeriod p, boolean registeredByComplement) {
    Map<String, Object> params = p.periodParams();
    String stocks = p.provinceSql("s");
    String records = p.provinceSql("m");
    return sql.run(
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
        params);
  }

  /** By type, field and recognition: the stock at the end. */
  private List<Object[]> attributeStocks(ReportPeriod p) {
    String stocks = p.provinceSql("s");
    String records = p.provinceSql("m");
    Map<String, Object> toOnly = p.periodParams();
    toOnly.remove("from");
    return sql.run(
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
        toOnly);
  }

  /**
   * By month of establishment: whole months from the stock's monthly counts, the period's partial
   * months at its edges from the models.
   */
  private List<Object[]> monthStocks(ReportPeriod p, List<Object[]> months) {
    String records = p.provinceSql("m");
    List<Object[]> out = new ArrayList<>();
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
          sql.run(
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
  List<Long> provinceRoots(List<String> prefixes) {
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

  /** The models of the report's territory: through their province (roll-ups) or their unit. */
  private static String modelsOf(ReportPeriod p, String territory) {
    return p.byBucket()
        ? " FROM community_model m WHERE " + p.provinceSql("m")
        : " FROM community_model m JOIN unit u ON u.id = m.unit_id WHERE " + territory;
  }

  /**
   * A model's status at the end of the period: its current status when that began by then, else
   * from its history (V24; a function with sub-selects is not inlined, so it is called only for the
   * few models that changed after the end).
   */
  static final String STATUS_AT_END =
      "CASE WHEN m.status_since <= :to THEN CAST(m.status AS text)"
          + " ELSE f_model_status_on(m.id, m.status, m.status_since, :to) END";

  /**
   * A model in force at the end of the period: founded by then and not retired by then (its status
   * then: a model retired without a recorded change counts as retired from its status date).
   */
  static final String IN_FORCE =
      " m.established_on <= :to AND (m.status_since <= :to AND m.status <> 'RETIRED'"
          + " OR m.status_since > :to"
          + " AND f_model_status_on(m.id, m.status, m.status_since, :to) <> 'RETIRED')";

  /**
   * Corrections that take the model rows of {@link #models} or {@link #modelStocks} (today's
   * status, every model founded by the end) to the models as they stood at the end of the period:
   * the status then (moved from today's), and by type, field and recognition only the models in
   * force then, at their recognition level then (the highest decided by the end). Only the models
   * that are retired, changed status after the end or were recognised after it are read.
   */
  List<Object[]> standing(ReportPeriod p) {
    String unit = p.byBucket() ? "m.bucket_id" : "m.unit_id";
    Map<String, Object> params = p.periodParams();
    params.remove("from");
    String nulls =
        "CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS smallint),"
            + " CAST(NULL AS date)";
    return sql.run(
        (rowUnit, territory) ->
            "WITH m AS MATERIALIZED (SELECT "
                + unit
                + " AS b, m.status AS now, m.type_id, m.field_id, m.recognition_level AS rec_now, "
                + STATUS_AT_END
                + " AS st, CASE WHEN EXISTS (SELECT 1 FROM model_recognition r"
                + " WHERE r.model_id = m.id AND r.decision_date > :to) THEN (SELECT max(r.level)"
                + " FROM model_recognition r WHERE r.model_id = m.id AND r.decision_date <= :to)"
                + " ELSE m.recognition_level END AS rec"
                + modelsOf(p, territory)
                + " AND m.established_on <= :to AND (m.status = 'RETIRED' OR m.status_since > :to"
                + " OR m.id IN (SELECT r.model_id FROM model_recognition r"
                + " WHERE r.decision_date > :to)))"
                + " SELECT 15, b, CAST(now AS text), "
                + nulls
                + ", -count(*), CAST(0 AS bigint) FROM m WHERE st <> now GROUP BY b, now"
                + " UNION ALL SELECT 15, b, st, "
                + nulls
                + ", count(*), 0 FROM m WHERE st <> now GROUP BY b, st"
                + " UNION ALL SELECT 55, NULL, NULL, type_id, NULL, NULL, NULL, -count(*), 0"
                + " FROM m WHERE st = 'RETIRED' GROUP BY type_id"
                + " UNION ALL SELECT 59, NULL, NULL, NULL, field_id, NULL, NULL, -count(*), 0"
                + " FROM m WHERE st = 'RETIRED' GROUP BY field_id"
                + " UNION ALL SELECT 61, NULL, NULL, NULL, NULL, rec_now, NULL, -count(*), 0"
                + " FROM m WHERE rec_now IS NOT NULL AND (st = 'RETIRED' OR rec IS DISTINCT FROM"
                + " rec_now) GROUP BY rec_now"
                + " UNION ALL SELECT 61, NULL, NULL, NULL, NULL, rec, NULL, count(*), 0"
                + " FROM m WHERE st <> 'RETIRED' AND rec IS NOT NULL"
                + " AND (rec_now IS NULL OR rec <> rec_now) GROUP BY rec",
        p,
        params);
  }

  /**
   * What the articles count once ("32 kinds in 6 fields at 891 places"), for the models in force at
   * the end of the period: tag, unit (bucket), type, field, kind of place, count. Tag T: models by
   * type and field; P: the places (units) holding one, by kind; S: their replication sites started
   * by then; E, G: models serving an ethnic group, a religion (the item in the type column).
   *
   * <p>The models are read once and grouped by four grouping sets in one pass (the grouping value
   * names the set: 3 by type and field, 7 by place, 5 by ethnic group, 6 by religion), the ≈ 100
   * places then looked up for their kind; the sites are read from their side, joined to the models
   * in force. (It materialised the models in force, ≈ 7,600 for a province, and grouped them four
   * times: 7.1 ms for a province's 10-year report, 5.0 ms now, EXPLAIN ANALYZE, 6/12/2026.)
   */
  List<Object[]> distinct(ReportPeriod p) {
    String unit = p.byBucket() ? "m.bucket_id" : "m.unit_id";
    Map<String, Object> params = p.periodParams();
    params.remove("from");
    return sql.run(
        (rowUnit, territory) ->
            "WITH g AS MATERIALIZED (SELECT GROUPING(m.type_id, m.ethnic_group_id, m.religion_id)"
                + " AS gs, "
                + unit
                + " AS b, m.type_id, m.field_id, m.unit_id, m.ethnic_group_id AS e,"
                + " m.religion_id AS r, count(*) AS n"
                + modelsOf(p, territory)
                + " AND"
                + IN_FORCE
                + " GROUP BY GROUPING SETS (("
                + unit
                + ", m.type_id, m.field_id), ("
                + unit
                + ", m.unit_id), ("
                + unit
                + ", m.ethnic_group_id), ("
                + unit
                + ", m.religion_id)))"
                + " SELECT 'T', g.b, g.type_id, g.field_id, NULL, g.n FROM g WHERE g.gs = 3"
                + " UNION ALL SELECT 'P', g.b, NULL, NULL, x.kind, count(*) FROM g CROSS JOIN"
                + " LATERAL (SELECT x.kind FROM unit x WHERE x.id = g.unit_id LIMIT 1) x"
                + " WHERE g.gs = 7 GROUP BY 2, 5"
                + " UNION ALL SELECT 'E', g.b, g.e, NULL, NULL, g.n FROM g"
                + " WHERE g.gs = 5 AND g.e IS NOT NULL"
                + " UNION ALL SELECT 'G', g.b, g.r, NULL, NULL, g.n FROM g"
                + " WHERE g.gs = 6 AND g.r IS NOT NULL"
                + " UNION ALL SELECT 'S', f.b, NULL, NULL, NULL, count(*) FROM model_site s"
                + " JOIN (SELECT m.id, "
                + unit
                + " AS b"
                + modelsOf(p, territory)
                + " AND"
                + IN_FORCE
                + ") f ON f.id = s.model_id WHERE s.since <= :to GROUP BY 2",
        p,
        params);
  }

  /**
   * unit, models, teams, members: the totals declared by models without a team in force at the end
   * of the period (no roster entered for it), counted in place of a roster; a roster, once entered,
   * takes over. Models retired by the end are left out.
   */
  List<Object[]> declared(ReportPeriod p) {
    String unit = p.byBucket() ? "m.bucket_id" : "m.unit_id";
    Map<String, Object> params = p.periodParams();
    params.remove("from");
    return sql.run(
        (rowUnit, territory) ->
            "SELECT "
                + unit
                + ", count(*), sum(coalesce(m.declared_teams, 0)),"
                + " sum(coalesce(m.declared_members, 0))"
                + modelsOf(p, territory)
                + " AND"
                + IN_FORCE
                + " AND (m.declared_teams IS NOT NULL OR m.declared_members IS NOT NULL)"
                + " AND NOT EXISTS (SELECT 1 FROM team t WHERE t.model_id = m.id"
                + " AND t.established_on <= :to"
                + " AND (t.dissolved_on IS NULL OR t.dissolved_on > :to))"
                + " GROUP BY 1",
        p,
        params);
  }

  /**
   * unit, teams in force at the end of the period, their members then. A province's or the
   * country's report sums the per-commune day deltas of {@code stat_roster_day} (V15) instead of
   * reading every member.
   */
  List<Object[]> teamsAndMembers(ReportPeriod p) {
    if (p.byBucket()) {
      Map<String, Object> params = p.periodParams();
      params.remove("from"); // in force at the end: the start does not matter
      return sql.run(
          (unit, territory) ->
              "SELECT s.bucket_id, sum(s.teams), sum(s.members) FROM stat_roster_day s WHERE "
                  + p.provinceSql("s")
                  + " AND s.day <= :to GROUP BY 1 HAVING sum(s.teams) <> 0 OR sum(s.members) <> 0",
          p,
          params);
    }
    return sql.run(
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
}
