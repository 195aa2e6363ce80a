package vn.antq.unit;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;

/**
 * A unit's past beside its current row: its lineage (merges, splits) and the names it had before a
 * rename — a rename keeps the unit, its records and its figures, and dates the name it gives up.
 */
@ApplicationScoped
public class UnitHistory {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject UnitService units;

  public record RenameCommand(String name, LocalDate date, String note) {}

  /** The lineage links of a unit on one side ({@code selfColumn} is the unit's own column). */
  List<UnitViews.Link> links(String selfColumn, String otherColumn, long id) {
    List<UnitLineageEntity> rows =
        UnitLineageEntity.list(selfColumn + " = ?1", Sort.by("effectiveDate").and(otherColumn), id);
    if (rows.isEmpty()) {
      return List.of();
    }
    boolean otherIsPredecessor = otherColumn.equals("predecessorId");
    Set<Long> otherIds =
        rows.stream()
            .map(r -> otherIsPredecessor ? r.predecessorId : r.successorId)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<Long, UnitEntity> others =
        UnitEntity.<UnitEntity>list("id in ?1", otherIds).stream()
            .collect(Collectors.toMap(u -> u.id, Function.identity()));
    return rows.stream()
        .map(
            r ->
                new UnitViews.Link(
                    others.get(otherIsPredecessor ? r.predecessorId : r.successorId),
                    r.effectiveDate,
                    r.changeKind,
                    r.note,
                    r.share))
        .toList();
  }

  /** The names the unit had before, oldest first. */
  List<UnitViews.FormerName> formerNames(long id) {
    return Rows.of(
            em.createNativeQuery(
                    "SELECT name, valid_to, note FROM unit_name WHERE unit_id = ?1"
                        + " ORDER BY valid_to, id")
                .setParameter(1, id))
        .stream()
        .map(r -> new UnitViews.FormerName((String) r[0], Rows.localDate(r[1]), (String) r[2]))
        .toList();
  }

  /** Renames the unit from {@code cmd.date()}: the name it had is kept until that day. */
  @Transactional
  public UnitViews.Detail rename(long id, long expected, RenameCommand cmd) {
    UnitEntity unit = units.requireForRename(id);
    Etags.check(expected, unit.version);
    String name = cmd.name() == null ? "" : cmd.name().trim();
    if (name.isEmpty()) {
      throw ProblemException.unprocessable("name", "Nhập tên mới");
    }
    if (name.equals(unit.name)) {
      throw ProblemException.unprocessable("name", "Tên mới trùng tên hiện tại");
    }
    checkDate(unit, cmd.date());
    em.createNativeQuery(
            "INSERT INTO unit_name (unit_id, name, valid_to, note) VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, unit.id)
        .setParameter(2, unit.name)
        .setParameter(3, cmd.date())
        .setParameter(4, cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().trim())
        .executeUpdate();
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("name", new AuditService.Change(unit.name, name));
    changes.put("date", new AuditService.Change(null, cmd.date().toString()));
    unit.name = name;
    unit.updatedAt = Instant.now();
    em.flush();
    audit.record("UNIT", unit.id, "RENAME", changes, unit.path);
    return units.detail(unit);
  }

  /** After the unit began and after its last rename, not in the future, before it ended. */
  private void checkDate(UnitEntity unit, LocalDate date) {
    if (!date.isAfter(unit.validFrom)) {
      throw ProblemException.unprocessable(
          "date",
          "Ngày đổi tên phải sau ngày bắt đầu hiệu lực ("
              + VietnamTime.format(unit.validFrom)
              + ")");
    }
    if (date.isAfter(VietnamTime.today())) {
      throw ProblemException.unprocessable("date", "Ngày đổi tên không được sau hôm nay");
    }
    if (unit.validTo != null && !date.isBefore(unit.validTo)) {
      throw ProblemException.unprocessable(
          "date",
          "Đơn vị đã hết hiệu lực từ "
              + VietnamTime.format(unit.validTo)
              + "; đổi tên trước ngày đó");
    }
    List<UnitViews.FormerName> before = formerNames(unit.id);
    LocalDate last = before.isEmpty() ? null : before.get(before.size() - 1).until();
    if (last != null && !date.isAfter(last)) {
      throw ProblemException.unprocessable(
          "date",
          "Đơn vị đã đổi tên ngày " + VietnamTime.format(last) + "; ngày đổi tên mới phải sau đó");
    }
  }
}
