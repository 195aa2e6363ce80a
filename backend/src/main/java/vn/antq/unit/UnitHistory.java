package vn.antq.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.ByIds;
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

  /**
   * The lineage links of units on one side, by unit ({@code selfColumn} is the units' own column):
   * one statement for the links and one for the units at their other ends.
   */
  Map<Long, List<UnitViews.Link>> links(
      String selfColumn, String otherColumn, Collection<Long> ids) {
    String selfSql = selfColumn.equals("predecessorId") ? "predecessor_id" : "successor_id";
    String otherSql = otherColumn.equals("predecessorId") ? "predecessor_id" : "successor_id";
    List<?> raw =
        em.createNativeQuery(
                "SELECT * FROM unit_lineage WHERE "
                    + selfSql
                    + " = ANY (CAST(?1 AS bigint[])) ORDER BY effective_date, "
                    + otherSql
                    + ", id",
                UnitLineageEntity.class)
            .setParameter(1, Rows.bigintArray(ids))
            .getResultList();
    List<UnitLineageEntity> rows = raw.stream().map(UnitLineageEntity.class::cast).toList();
    if (rows.isEmpty()) {
      return Map.of();
    }
    boolean otherIsPredecessor = otherColumn.equals("predecessorId");
    Function<UnitLineageEntity, Long> other =
        r -> otherIsPredecessor ? r.predecessorId : r.successorId;
    Function<UnitLineageEntity, Long> self =
        r -> otherIsPredecessor ? r.successorId : r.predecessorId;
    Map<Long, UnitEntity> others =
        ByIds.load(em, UnitEntity.class, rows.stream().map(other).collect(Collectors.toSet()))
            .stream()
            .collect(Collectors.toMap(u -> u.id, Function.identity()));
    Map<Long, List<UnitViews.Link>> out = new HashMap<>();
    for (UnitLineageEntity r : rows) {
      out.computeIfAbsent(self.apply(r), k -> new ArrayList<>())
          .add(
              new UnitViews.Link(
                  others.get(other.apply(r)), r.effectiveDate, r.changeKind, r.note, r.share));
    }
    return out;
  }

  /** The names a unit had before its renames, oldest first. */
  List<UnitViews.FormerName> formerNames(long id) {
    return formerNames(List.of(id)).getOrDefault(id, List.of());
  }

  /** The former names of units, by unit, oldest first. */
  Map<Long, List<UnitViews.FormerName>> formerNames(Collection<Long> ids) {
    Map<Long, List<UnitViews.FormerName>> out = new HashMap<>();
    Rows.of(
            em.createNativeQuery(
                    "SELECT unit_id, name, valid_to, note FROM unit_name"
                        + " WHERE unit_id = ANY (CAST(?1 AS bigint[])) ORDER BY unit_id, valid_to, id")
                .setParameter(1, Rows.bigintArray(ids)))
        .forEach(
            r ->
                out.computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>())
                    .add(
                        new UnitViews.FormerName(
                            (String) r[1], Rows.localDate(r[2]), (String) r[3])));
    return out;
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
