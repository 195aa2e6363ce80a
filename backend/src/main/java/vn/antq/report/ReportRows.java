package vn.antq.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.problem.ProblemException;
import vn.antq.report.ReportService.Figures;
import vn.antq.report.ReportService.Row;
import vn.antq.territory.Place;
import vn.antq.unit.UnitService;

/**
 * The rows of a report's breakdown beyond the direct children ({@code depth} 2 or 3: the communes
 * and their hamlets): each fact is counted for the most specific row that holds it, then every row
 * adds the rows under it, so a row's figures are its whole subtree's, as at depth 1.
 */
final class ReportRows {
  private ReportRows() {}

  /** The rows depth-first: each unit followed by the units under it, down to {@code depth}. */
  static List<Row> nest(
      List<Place> top, int depth, ReportService.RowsDay d, ReportMaps maps, UnitService units) {
    Map<Long, List<Place>> under = new HashMap<>();
    List<Place> level = top;
    int count = top.size();
    for (int n = 2; n <= depth && !level.isEmpty(); n++) {
      List<long[]> pairs =
          maps.childrenOfAll(level.stream().map(Place::id).toList(), d.map(), d.day());
      count += pairs.size();
      if (count > ReportService.MAX_ROWS) {
        throw ProblemException.badRequest(
            "depth",
            "Bảng theo đơn vị quá "
                + ReportService.MAX_ROWS
                + " hàng; chọn địa bàn nhỏ hơn hoặc ít cấp hơn");
      }
      Map<Long, Long> parentOf = new HashMap<>();
      pairs.forEach(p -> parentOf.put(p[1], p[0]));
      List<Place> next = units.places(new ArrayList<>(parentOf.keySet()));
      next.forEach(p -> under.computeIfAbsent(parentOf.get(p.id()), k -> new ArrayList<>()).add(p));
      level = next;
    }
    List<Row> rows = new ArrayList<>();
    top.forEach(p -> add(rows, p, 1, null, under));
    return rows;
  }

  private static void add(
      List<Row> rows, Place p, int level, Long parent, Map<Long, List<Place>> under) {
    rows.add(new Row(p, level, parent, null));
    under.getOrDefault(p.id(), List.of()).forEach(c -> add(rows, c, level + 1, p.id(), under));
  }

  /** The rows with their figures, each row's including the rows under it. */
  static List<Row> rollUp(List<Row> rows, Map<Long, Figures> counted) {
    Map<Long, Figures> whole = new LinkedHashMap<>();
    rows.forEach(r -> whole.put(r.unit().id(), counted.get(r.unit().id())));
    // deepest first: a row's own count plus its children's wholes
    for (int i = rows.size() - 1; i >= 0; i--) {
      Row r = rows.get(i);
      if (r.parentId() != null) {
        add(whole.get(r.parentId()), whole.get(r.unit().id()));
      }
    }
    return rows.stream()
        .map(r -> new Row(r.unit(), r.level(), r.parentId(), whole.get(r.unit().id())))
        .toList();
  }

  /** Adds {@code b}'s figures to {@code a}. */
  static void add(Figures a, Figures b) {
    b.eventsByType.forEach(
        (k, v) -> {
          long[] acc = a.eventsByType.computeIfAbsent(k, x -> new long[3]);
          for (int i = 0; i < 3; i++) {
            acc[i] += v[i];
          }
        });
    b.awardsByForm.forEach(
        (k, v) -> {
          long[] acc = a.awardsByForm.computeIfAbsent(k, x -> new long[2]);
          acc[0] += v[0];
          acc[1] += v[1];
        });
    b.safetyByTarget.forEach(
        (k, v) -> {
          long[] acc = a.safetyByTarget.computeIfAbsent(k, x -> new long[2]);
          acc[0] += v[0];
          acc[1] += v[1];
        });
    b.materials.forEach((k, v) -> a.materials.merge(k, v, Long::sum));
    b.modelsByStatus.forEach((k, v) -> a.modelsByStatus.merge(k, v, Long::sum));
    b.modelsByField.forEach((k, v) -> a.modelsByField.merge(k, v, Long::sum));
    b.modelsByType.forEach((k, v) -> a.modelsByType.merge(k, v, Long::sum));
    b.modelsByRecognition.forEach((k, v) -> a.modelsByRecognition.merge(k, v, Long::sum));
    b.placesByKind.forEach((k, v) -> a.placesByKind.merge(k, v, Long::sum));
    b.modelsByEthnicGroup.forEach((k, v) -> a.modelsByEthnicGroup.merge(k, v, Long::sum));
    b.modelsByReligion.forEach((k, v) -> a.modelsByReligion.merge(k, v, Long::sum));
    b.indicators.forEach((k, v) -> a.indicators.merge(k, v, Long::sum));
    a.models += b.models;
    a.modelsRegistered += b.modelsRegistered;
    a.teams += b.teams;
    a.members += b.members;
    a.modelsDeclared += b.modelsDeclared;
    a.teamsDeclared += b.teamsDeclared;
    a.membersDeclared += b.membersDeclared;
    a.replicationSites += b.replicationSites;
    a.exemplaryPolice += b.exemplaryPolice;
    a.kinds.addAll(b.kinds);
    a.fields.addAll(b.fields);
    a.decisions.addAll(b.decisions);
  }
}
