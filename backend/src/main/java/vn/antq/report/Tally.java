package vn.antq.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.antq.common.db.Rows;
import vn.antq.report.ReportService.Figures;
import vn.antq.report.ReportService.Grouping;
import vn.antq.report.ReportService.Point;
import vn.antq.territory.Place;

/**
 * The figures being added up: each row counts for the totals and for the child whose territory
 * holds its unit (the direct part when none does); rows by month feed the series.
 */
final class Tally {
  /**
   * Each unit of the territory → the child it counts for, under the map of the rows being added.
   */
  Map<Long, Long> bucketOf = Map.of();

  /**
   * Split units that count for no child → the children that succeeded them and their percent of its
   * figures (the rest stays direct).
   */
  Map<Long, Map<Long, java.math.BigDecimal>> shares = Map.of();

  final Grouping grouping;
  final Figures totals = new Figures();
  final Figures direct = new Figures();
  final Map<Long, Figures> byChild = new LinkedHashMap<>();
  final Map<String, Point> series = new TreeMap<>();

  Tally(List<Place> children, Grouping grouping) {
    this.grouping = grouping;
    children.forEach(c -> byChild.put(c.id(), new Figures()));
  }

  private List<Figures> targets(Object unit) {
    Long child = bucketOf.get(Rows.toLong(unit));
    return List.of(totals, child == null ? direct : byChild.get(child));
  }

  private Point point(Object month) {
    return series.get(ReportService.period(Rows.localDate(month), grouping));
  }

  /** unit, type, events, sessions, attendance (month null); or month and the sums (unit null) */
  void event(Object[] r) {
    long[] v = {Rows.toLong(r[3]), Rows.toLong(r[4]), Rows.toLong(r[5])};
    if (r[0] == null) {
      Point point = point(r[1]);
      point.events += v[0];
      point.sessions += v[1];
      point.attendance += v[2];
      return;
    }
    for (Figures f : targets(r[0])) {
      long[] acc = f.eventsByType.computeIfAbsent(Rows.toLong(r[2]), k -> new long[3]);
      for (int i = 0; i < 3; i++) {
        acc[i] += v[i];
      }
    }
  }

  void material(Object[] r) {
    targets(r[0]).forEach(f -> f.materials.merge(Rows.toLong(r[2]), Rows.toLong(r[3]), Long::sum));
  }

  /** unit, form, collectives, individuals (month null); or month and the sums (unit null) */
  void award(Object[] r) {
    long collectives = Rows.toLong(r[3]);
    long individuals = Rows.toLong(r[4]);
    if (r[0] == null) {
      Point point = point(r[1]);
      point.collectives += collectives;
      point.individuals += individuals;
      return;
    }
    for (Figures f : targets(r[0])) {
      long[] acc = f.awardsByForm.computeIfAbsent(Rows.toLong(r[2]), k -> new long[2]);
      acc[0] += collectives;
      acc[1] += individuals;
    }
  }

  void decision(Object[] r) {
    targets(r[0]).forEach(f -> f.decisions.add(Rows.toLong(r[1])));
  }

  /**
   * models: per unit and status (with those established in the period), and the totals by type,
   * field and recognition, and the months of establishment (see {@link StockFigures#models})
   */
  void model(Object[] r) {
    long n = Rows.toLong(r[7]);
    switch ((int) Rows.toLong(r[0])) {
      case 15 -> {
        for (Figures f : targets(r[1])) {
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
          point(r[6]).modelsRegistered += n;
        }
      }
      default -> throw new IllegalStateException("grouping set " + r[0]);
    }
  }

  void indicator(Object[] r) {
    long unit = Rows.toLong(r[0]);
    Map<Long, java.math.BigDecimal> split = shares.get(unit);
    if (split != null && bucketOf.get(unit) == null) {
      long value = Rows.toLong(r[2]);
      long given = 0;
      for (Map.Entry<Long, java.math.BigDecimal> s : split.entrySet()) {
        long part =
            java.math.BigDecimal.valueOf(value)
                .multiply(s.getValue())
                .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.FLOOR)
                .longValue();
        byChild.get(s.getKey()).indicators.merge(Rows.toLong(r[1]), part, Long::sum);
        given += part;
      }
      totals.indicators.merge(Rows.toLong(r[1]), value, Long::sum);
      direct.indicators.merge(Rows.toLong(r[1]), value - given, Long::sum);
      return;
    }
    targets(r[0]).forEach(f -> f.indicators.merge(Rows.toLong(r[1]), Rows.toLong(r[2]), Long::sum));
  }

  void safety(Object[] r) {
    for (Figures f : targets(r[0])) {
      long[] acc = f.safetyByTarget.computeIfAbsent(Rows.toLong(r[1]), k -> new long[2]);
      acc[0] += Rows.toLong(r[2]);
      acc[1] += Rows.toLong(r[3]);
    }
  }

  void exemplary(Object[] r) {
    targets(r[0]).forEach(f -> f.exemplaryPolice += Rows.toLong(r[1]));
  }

  /** unit, models, teams, members declared by models without a roster */
  void declared(Object[] r) {
    for (Figures f : targets(r[0])) {
      f.modelsDeclared += Rows.toLong(r[1]);
      f.teamsDeclared += Rows.toLong(r[2]);
      f.membersDeclared += Rows.toLong(r[3]);
      f.teams += Rows.toLong(r[2]);
      f.members += Rows.toLong(r[3]);
    }
  }

  /**
   * tag, unit, type (or community item), field, kind of place, count (see {@link
   * StockFigures#distinct})
   */
  void distinct(Object[] r) {
    long n = Rows.toLong(r[5]);
    for (Figures f : targets(r[1])) {
      switch ((String) r[0]) {
        case "T" -> {
          f.kinds.add(Rows.toLong(r[2]));
          f.fields.add(Rows.toLong(r[3]));
        }
        case "P" -> f.placesByKind.merge((String) r[4], n, Long::sum);
        case "S" -> f.replicationSites += n;
        case "E" -> f.modelsByEthnicGroup.merge(Rows.toLong(r[2]), n, Long::sum);
        case "G" -> f.modelsByReligion.merge(Rows.toLong(r[2]), n, Long::sum);
        default -> throw new IllegalStateException("distinct " + r[0]);
      }
    }
  }

  void roster(Object[] r) {
    for (Figures f : targets(r[0])) {
      f.teams += Rows.toLong(r[1]);
      f.members += Rows.toLong(r[2]);
    }
  }
}
