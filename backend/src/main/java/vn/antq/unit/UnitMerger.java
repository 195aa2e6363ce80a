package vn.antq.unit;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.audit.AuditService;
import vn.antq.common.problem.ProblemException;
import vn.antq.territory.Paths;
import vn.antq.territory.Territory;

/**
 * Merges units into a successor (the 2025 reform's mergers of provinces and communes): the
 * predecessors close on the merge date, their open children move under the successor, and a lineage
 * link keeps where each predecessor went.
 */
@ApplicationScoped
public class UnitMerger {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject AuditService audit;
  @Inject UnitService units;

  @Transactional
  public UnitViews.Detail merge(MergeCommand cmd) {
    List<Long> predecessorIds = cmd.predecessorIds().stream().distinct().toList();
    if (predecessorIds.contains(cmd.successorId())) {
      throw ProblemException.unprocessable(
          "predecessorIds", "Đơn vị kế thừa không thể đồng thời là đơn vị bị sáp nhập");
    }
    Map<Long, UnitEntity> locked = lockAll(predecessorIds, cmd.successorId());
    UnitEntity successor = locked.get(cmd.successorId());
    checkSuccessor(successor, cmd.date(), "successorId");
    for (Long id : predecessorIds) {
      checkPredecessor(locked.get(id), successor, cmd);
    }
    movesOn(cmd.date().toString()); // the children's placements change on the merge date (V23)
    for (Long id : predecessorIds) {
      UnitEntity p = locked.get(id);
      transferChildren(p, successor, cmd);
      retireInto(p, successor, cmd);
    }
    audit.record(
        "UNIT",
        successor.id,
        "MERGE",
        AuditService.changes("predecessorIds", null, predecessorIds),
        successor.path);
    successor.updatedAt = Instant.now();
    em.flush();
    movesOn("");
    em.refresh(successor);
    territory.forget(); // paths or lineage may have changed
    return units.detail(successor);
  }

  /**
   * The day the unit moves written from here on take effect (empty: today), for this transaction.
   */
  void movesOn(String day) {
    em.createNativeQuery("SELECT set_config('antq.moved_on', :day, true)")
        .setParameter("day", day)
        .getSingleResult();
  }

  /** Every unit involved, locked in id order so concurrent merges cannot deadlock or interleave. */
  Map<Long, UnitEntity> lockAll(List<Long> predecessorIds, long successorId) {
    List<Long> all = new ArrayList<>(predecessorIds);
    all.add(successorId);
    all.sort(Comparator.naturalOrder());
    Map<Long, UnitEntity> locked = new HashMap<>();
    List<String> bounds = territory.prefixes();
    for (Long id : all) {
      UnitEntity u = em.find(UnitEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (u == null || (bounds != null && !Paths.within(u.path, bounds))) {
        throw ProblemException.notFound("Không tìm thấy đơn vị có mã định danh " + id);
      }
      locked.put(id, u);
    }
    return locked;
  }

  /** A successor in force on {@code date}, of a kind that still exists then. */
  static void checkSuccessor(UnitEntity successor, LocalDate date, String field) {
    LocalDate abolished = successor.kind.abolishedOn();
    if (abolished != null && !date.isBefore(abolished)) {
      throw ProblemException.unprocessable(
          field,
          "\""
              + successor.name
              + "\" là "
              + successor.kind.label()
              + ", không còn từ "
              + vn.antq.common.time.VietnamTime.format(abolished)
              + ": không chuyển vào đó từ ngày này");
    }
    if (!successor.isOpen()) {
      throw ProblemException.unprocessable(
          field, "Đơn vị kế thừa \"" + successor.name + "\" đã hết hiệu lực");
    }
    if (successor.validFrom.isAfter(date)) {
      throw ProblemException.unprocessable(
          "date",
          "Đơn vị kế thừa \""
              + successor.name
              + "\" chỉ có hiệu lực từ "
              + successor.validFrom
              + ", sau ngày sắp xếp");
    }
  }

  private static void checkPredecessor(UnitEntity p, UnitEntity successor, MergeCommand cmd) {
    if (!p.isOpen()) {
      throw ProblemException.unprocessable(
          "predecessorIds",
          "Đơn vị \"" + p.name + "\" đã hết hiệu lực từ " + p.validTo + ", không thể sáp nhập");
    }
    if (!p.validFrom.isBefore(cmd.date())) {
      throw ProblemException.unprocessable(
          "date", "Ngày sáp nhập phải sau ngày bắt đầu hiệu lực của \"" + p.name + "\"");
    }
    if (!p.kind.mergeLevel().equals(successor.kind.mergeLevel())) {
      throw ProblemException.unprocessable(
          "predecessorIds",
          "Chỉ sáp nhập được các đơn vị cùng cấp: \""
              + p.name
              + "\" là "
              + p.kind.label()
              + ", còn \""
              + successor.name
              + "\" là "
              + successor.kind.label());
    }
    if (successor.path.startsWith(p.path)) {
      throw ProblemException.unprocessable(
          "successorId", "Không thể sáp nhập \"" + p.name + "\" vào đơn vị cấp dưới của nó");
    }
    if (UnitLineageEntity.count("predecessorId = ?1 and successorId = ?2", p.id, successor.id)
        > 0) {
      throw ProblemException.conflict(
          "predecessorIds",
          "Quan hệ kế thừa \"" + p.name + "\" → \"" + successor.name + "\" đã có");
    }
  }

  /** The predecessor's open children move under the successor (when the command says so). */
  private void transferChildren(UnitEntity p, UnitEntity successor, MergeCommand cmd) {
    List<UnitEntity> openChildren =
        UnitEntity.list("parentId = ?1 and validTo is null", Sort.by("id"), p.id);
    if (!openChildren.isEmpty() && !cmd.transferChildren()) {
      throw ProblemException.conflict(
          "transferChildren",
          "\""
              + p.name
              + "\" còn "
              + openChildren.size()
              + " đơn vị trực thuộc đang hiệu lực; chọn chuyển chúng sang đơn vị kế thừa");
    }
    for (UnitEntity child : openChildren) {
      if (!child.kind.fitsUnder(successor.kind)) {
        throw ProblemException.unprocessable(
            "transferChildren",
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
      units.moveUnder(child, successor);
    }
  }

  /** The predecessor closes on the merge date, linked to its successor. */
  private void retireInto(UnitEntity p, UnitEntity successor, MergeCommand cmd) {
    p.validTo = cmd.date();
    p.updatedAt = Instant.now();
    UnitLineageEntity link = new UnitLineageEntity();
    link.predecessorId = p.id;
    link.successorId = successor.id;
    link.changeKind = "MERGE";
    link.effectiveDate = cmd.date();
    link.note = cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().trim();
    link.createdAt = Instant.now();
    link.persist();
    Map<String, AuditService.Change> retired =
        AuditService.changes("validTo", null, cmd.date().toString());
    retired.put("successorId", new AuditService.Change(null, successor.id));
    audit.record("UNIT", p.id, "MERGE_INTO", retired, p.path);
  }
}
