package vn.antq.unit;

import java.time.LocalDate;
import java.util.Set;

/** Named filters of the unit list; null means "not filtered". */
public record UnitFilter(
    String q,
    Set<UnitKind> kinds,
    Long parentId,
    Long ancestorId,
    Boolean topLevel,
    LocalDate activeOn) {}
