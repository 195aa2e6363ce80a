package vn.antq.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Read models the service hands to the API layer. */
public final class UnitViews {
  private UnitViews() {}

  /** A page of units with what each row shows besides its own columns. */
  public record Page(
      List<UnitEntity> content,
      Map<Long, Long> childCounts,
      Map<Long, String> parentNames,
      int page,
      int size,
      long totalElements,
      int totalPages) {}

  /** One side of a lineage link: the other unit, the day, the kind of change (a split's share). */
  public record Link(
      UnitEntity unit,
      LocalDate date,
      String changeKind,
      String note,
      java.math.BigDecimal share) {}

  /** A name the unit had until the day it took the next one. */
  public record FormerName(String name, LocalDate until, String note) {}

  /** A unit with its breadcrumb and lineage. */
  public record Detail(
      UnitEntity unit,
      String parentName,
      long childCount,
      List<UnitEntity> ancestors,
      List<Link> predecessors,
      List<Link> successors,
      List<FormerName> formerNames) {
    public long id() {
      return unit.id;
    }

    public String name() {
      return unit.name;
    }
  }
}
