package vn.antq.unit;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.antq.common.audit.AuditService;
import vn.antq.common.problem.ProblemException;
import vn.antq.territory.Territory;

/**
 * Splits a unit among successors (a commune divided in two, a district into towns): each part names
 * the children (hamlets…) that move to its successor on the split day, with a dated placement, and
 * optionally the share of the split unit's own figures it carries. The split unit closes on that
 * day, or carries on with what it kept. Records stay where they were written: a successor's reports
 * count the history of the children it received (ReportMaps follows a SPLIT link to those only) and
 * its share of the split unit's own figures, so nothing counts twice.
 */
@ApplicationScoped
public class UnitSplitter {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject AuditService audit;
  @Inject UnitService units;
  @Inject UnitMerger merger;

  /** One successor's part: the children it receives and its share of the figures (or null). */
  public record Part(long successorId, List<Long> childIds, BigDecimal share) {}

  public record SplitCommand(LocalDate date, boolean retire, List<Part> parts, String note) {}

  @Transactional
  public UnitViews.Detail split(long id, SplitCommand cmd) {
    List<Long> successorIds = cmd.parts().stream().map(Part::successorId).toList();
    if (successorIds.stream().distinct().count() < successorIds.size()) {
      throw ProblemException.unprocessable("parts", "Mỗi đơn vị kế thừa chỉ được nêu một lần");
    }
    if (successorIds.contains(id)) {
      throw ProblemException.unprocessable(
          "parts", "Đơn vị bị chia tách không thể là đơn vị kế thừa của chính nó");
    }
    Map<Long, UnitEntity> locked = merger.lockAll(successorIds, id);
    UnitEntity split = locked.get(id);
    checkSplit(split, cmd);
    for (int i = 0; i < cmd.parts().size(); i++) {
      checkSuccessor(split, locked.get(successorIds.get(i)), cmd, i);
    }
    Map<Long, UnitEntity> children = childrenByPart(split, cmd, locked);
    merger.movesOn(cmd.date().toString()); // the children move on the split day (V23)
    for (Map.Entry<Long, UnitEntity> e : children.entrySet()) {
      units.moveUnder(e.getValue(), locked.get(partOf(cmd, e.getKey())));
    }
    if (cmd.retire()) {
      split.validTo = cmd.date();
    }
    split.updatedAt = Instant.now();
    for (Part part : cmd.parts()) {
      link(split, part, cmd);
    }
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("successorIds", new AuditService.Change(null, successorIds));
    changes.put("date", new AuditService.Change(null, cmd.date().toString()));
    if (cmd.retire()) {
      changes.put("validTo", new AuditService.Change(null, cmd.date().toString()));
    }
    audit.record("UNIT", split.id, "SPLIT", changes, split.path);
    em.flush();
    merger.movesOn("");
    em.refresh(split);
    territory.forget(); // paths or lineage changed
    return units.detail(split);
  }

  private static void checkSplit(UnitEntity split, SplitCommand cmd) {
    if (!split.isOpen()) {
      throw ProblemException.unprocessable(
          "date",
          "Đơn vị \""
              + split.name
              + "\" đã hết hiệu lực từ "
              + split.validTo
              + ", không chia tách");
    }
    if (!split.validFrom.isBefore(cmd.date())) {
      throw ProblemException.unprocessable(
          "date", "Ngày chia tách phải sau ngày bắt đầu hiệu lực của \"" + split.name + "\"");
    }
    BigDecimal total =
        cmd.parts().stream()
            .map(Part::share)
            .filter(s -> s != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (!cmd.retire() && total.signum() > 0) {
      throw ProblemException.unprocessable(
          "parts",
          "\""
              + split.name
              + "\" vẫn tiếp tục: số liệu của nó vẫn là của nó, không chia tỷ lệ cho đơn vị"
              + " kế thừa");
    }
    if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw ProblemException.unprocessable(
          "parts", "Tổng tỷ lệ số liệu của các phần là " + total.toPlainString() + "%, quá 100%");
    }
  }

  private static void checkSuccessor(UnitEntity split, UnitEntity s, SplitCommand cmd, int i) {
    String field = "parts[" + i + "].successorId";
    UnitMerger.checkSuccessor(s, cmd.date(), field);
    if (!s.kind.mergeLevel().equals(split.kind.mergeLevel())) {
      throw ProblemException.unprocessable(
          field,
          "Chỉ chia tách thành các đơn vị cùng cấp: \""
              + split.name
              + "\" là "
              + split.kind.label()
              + ", còn \""
              + s.name
              + "\" là "
              + s.kind.label());
    }
    if (s.path.startsWith(split.path)) {
      throw ProblemException.unprocessable(
          field, "\"" + s.name + "\" nằm trong \"" + split.name + "\", không thể kế thừa nó");
    }
    if (UnitLineageEntity.count("predecessorId = ?1 and successorId = ?2", split.id, s.id) > 0) {
      throw ProblemException.conflict(
          field, "Quan hệ kế thừa \"" + split.name + "\" → \"" + s.name + "\" đã có");
    }
  }

  /**
   * The open children of the split unit named by the parts (child id → child), each named once and
   * fitting under its successor; when the unit retires, every open child must be named.
   */
  private static Map<Long, UnitEntity> childrenByPart(
      UnitEntity split, SplitCommand cmd, Map<Long, UnitEntity> successors) {
    Map<Long, UnitEntity> open =
        UnitEntity.<UnitEntity>list("parentId = ?1 and validTo is null", Sort.by("id"), split.id)
            .stream()
            .collect(Collectors.toMap(u -> u.id, u -> u, (a, b) -> a, LinkedHashMap::new));
    Map<Long, UnitEntity> named = new LinkedHashMap<>();
    for (int i = 0; i < cmd.parts().size(); i++) {
      Part part = cmd.parts().get(i);
      UnitEntity successor = successors.get(part.successorId());
      List<Long> ids = part.childIds() == null ? List.of() : part.childIds();
      for (int j = 0; j < ids.size(); j++) {
        String field = "parts[" + i + "].childIds[" + j + "]";
        UnitEntity child = open.get(ids.get(j));
        if (child == null) {
          throw ProblemException.unprocessable(
              field,
              "Đơn vị "
                  + ids.get(j)
                  + " không phải đơn vị trực thuộc còn hiệu lực của \""
                  + split.name
                  + "\"");
        }
        if (named.put(child.id, child) != null) {
          throw ProblemException.unprocessable(
              field, "\"" + child.name + "\" đã được chia cho một phần khác");
        }
        if (!child.kind.fitsUnder(successor.kind)) {
          throw ProblemException.unprocessable(
              field,
              "Không chuyển được \""
                  + child.name
                  + "\" ("
                  + child.kind.label()
                  + ") sang "
                  + successor.kind.label()
                  + " \""
                  + successor.name
                  + "\"");
        }
      }
    }
    List<String> left = new ArrayList<>();
    open.values().stream().filter(c -> !named.containsKey(c.id)).forEach(c -> left.add(c.name));
    if (cmd.retire() && !left.isEmpty()) {
      throw ProblemException.unprocessable(
          "parts",
          "\""
              + split.name
              + "\" hết hiệu lực khi chia tách nhưng còn "
              + left.size()
              + " đơn vị trực thuộc chưa được chia: "
              + String.join(", ", left));
    }
    return named;
  }

  private static long partOf(SplitCommand cmd, long childId) {
    Map<Long, Long> owner = new HashMap<>();
    cmd.parts()
        .forEach(
            p ->
                (p.childIds() == null ? List.<Long>of() : p.childIds())
                    .forEach(c -> owner.put(c, p.successorId())));
    return owner.get(childId);
  }

  private static void link(UnitEntity split, Part part, SplitCommand cmd) {
    UnitLineageEntity link = new UnitLineageEntity();
    link.predecessorId = split.id;
    link.successorId = part.successorId();
    link.changeKind = "SPLIT";
    link.effectiveDate = cmd.date();
    link.share = part.share();
    link.note = cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().trim();
    link.createdAt = Instant.now();
    link.persist();
  }
}
