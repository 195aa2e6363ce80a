package vn.antq.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.antq.api.model.UnitImportInput;
import vn.antq.api.model.Violation;
import vn.antq.common.problem.ProblemException;
import vn.antq.integration.ImportEngine;
import vn.antq.integration.ImportEngine.Row;
import vn.antq.integration.ImportTarget;
import vn.antq.integration.StoredVersions;

/**
 * Units pushed in bulk through {@link UnitService}, a province's tree in a few requests: a parent
 * is named by its id or by its external id, sent before or anywhere in the same batch (the rows are
 * applied parents first); records that are each other's ancestors are refused.
 */
@ApplicationScoped
public class UnitIntegration implements ImportTarget {
  static final String RESOURCE = ImportTarget.UNIT;

  @Inject UnitService units;
  @Inject StoredVersions versions;
  @Inject ImportEngine engine;

  @Override
  public String name() {
    return "units";
  }

  @Override
  public String resource() {
    return RESOURCE;
  }

  @Override
  public Class<?> inputType() {
    return UnitImportInput.class;
  }

  @Override
  public Optional<Long> storedVersion(long id) {
    return versions.of("unit", id);
  }

  @Override
  public boolean visible(long id) {
    try {
      units.get(id);
      return true;
    } catch (ProblemException e) {
      return false;
    }
  }

  @Override
  public long create(Object input) {
    return units.create(command((UnitImportInput) input)).id();
  }

  @Override
  public void update(long id, long expected, Object input) {
    units.update(id, expected, command((UnitImportInput) input));
  }

  @Override
  public String notDeletable() {
    return "Đơn vị không xóa được; hãy đặt ngày hết hiệu lực (validTo) hoặc sáp nhập"
        + " (POST /api/units/merge)";
  }

  @Override
  public void delete(long id, long expected) {
    // never reached: rows asking to delete a unit are refused before anything runs
    throw ProblemException.unprocessable("deleted", notDeletable());
  }

  /** The unit's command, its parent found through the caller's external id when given so. */
  private UnitCommand command(UnitImportInput in) {
    Long parentId = in.getParentId();
    String parentExt = in.getParentExternalId();
    if (parentExt != null && !parentExt.isBlank()) {
      if (parentId != null) {
        throw ProblemException.unprocessable(
            "parentExternalId", "Chỉ dùng một trong parentId và parentExternalId");
      }
      parentId =
          engine
              .recordOf(RESOURCE, parentExt.trim())
              .orElseThrow(
                  () ->
                      ProblemException.unprocessable(
                          "parentExternalId", unknownParent(parentExt.trim())));
    }
    return new UnitCommand(
        in.getCode(),
        in.getName(),
        UnitMapper.toKind(in.getKind()),
        parentId,
        in.getValidFrom(),
        in.getValidTo());
  }

  // ------------------------------------------------------------------ parents first

  private static String parentOf(Row r) {
    Object p = r.data() == null ? null : r.data().get("parentExternalId");
    return p instanceof String s && !s.isBlank() ? s.trim() : null;
  }

  private static String ext(Row r) {
    return r.externalId() == null ? "" : r.externalId().trim();
  }

  /**
   * Parents before their children (depth first from the rows whose parent is not in the batch, in
   * the batch's order), then the rows caught in a circle, in the batch's order.
   */
  @Override
  public List<Row> inOrder(List<Row> rows) {
    Map<String, Row> byExt = new HashMap<>();
    rows.forEach(r -> byExt.putIfAbsent(ext(r), r));
    Map<String, List<Row>> children = new LinkedHashMap<>();
    List<Row> roots = new ArrayList<>();
    for (Row r : rows) {
      String parent = parentOf(r);
      if (parent != null && byExt.containsKey(parent) && byExt.get(parent) != r) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
      } else {
        roots.add(r);
      }
    }
    List<Row> out = new ArrayList<>(rows.size());
    java.util.Set<Row> placed =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<Row> stack = new java.util.ArrayDeque<>();
    for (Row root : roots) {
      stack.push(root);
      while (!stack.isEmpty()) {
        Row r = stack.pop();
        if (!placed.add(r)) {
          continue;
        }
        out.add(r);
        List<Row> kids = children.getOrDefault(ext(r), List.of());
        if (byExt.get(ext(r)) == r) {
          for (int i = kids.size() - 1; i >= 0; i--) {
            stack.push(kids.get(i));
          }
        }
      }
    }
    rows.stream().filter(r -> !placed.contains(r)).forEach(out::add);
    return out;
  }

  /**
   * The rows that are their own ancestors through the batch's parentExternalIds, and those whose
   * parent is neither in the batch nor pushed before by the caller (one lookup for all of them).
   */
  @Override
  public List<List<Violation>> batchProblems(List<Row> rows) {
    Map<String, String> parent = new HashMap<>();
    for (Row r : rows) {
      String p = parentOf(r);
      if (p != null) {
        parent.putIfAbsent(ext(r), p);
      }
    }
    java.util.Set<String> sent = new java.util.HashSet<>();
    rows.forEach(r -> sent.add(ext(r)));
    List<String> outside =
        rows.stream()
            .map(UnitIntegration::parentOf)
            .filter(p -> p != null && !sent.contains(p))
            .distinct()
            .toList();
    Map<String, Long> known = outside.isEmpty() ? Map.of() : engine.recordsOf(RESOURCE, outside);
    List<List<Violation>> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      List<String> circle = circle(ext(r), parent);
      String p = parentOf(r);
      if (circle != null) {
        out.add(problem("Các đơn vị trực thuộc nhau thành vòng: " + String.join(" → ", circle)));
      } else if (p != null && !sent.contains(p) && !known.containsKey(p)) {
        out.add(problem(unknownParent(p)));
      } else {
        out.add(List.of());
      }
    }
    return out;
  }

  private static List<Violation> problem(String message) {
    return List.of(new Violation().field("data.parentExternalId").message(message));
  }

  private static String unknownParent(String ext) {
    return "Không có đơn vị nào mang mã \""
        + ext
        + "\" của bên gửi (chưa nhập, hoặc bị từ chối trong lô này)";
  }

  /** The circle through {@code start} (start → parent → … → start), or null when there is none. */
  private static List<String> circle(String start, Map<String, String> parent) {
    List<String> path = new ArrayList<>();
    path.add(start);
    String at = parent.get(start);
    for (int steps = 0; at != null && steps <= parent.size(); steps++) {
      path.add(at);
      if (at.equals(start)) {
        return path;
      }
      at = parent.get(at);
    }
    return null;
  }
}
