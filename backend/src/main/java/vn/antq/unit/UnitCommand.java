package vn.antq.unit;

import java.time.LocalDate;

/** What a caller asks to create or change (already checked for shape by the API layer). */
public record UnitCommand(
    String code,
    String name,
    UnitKind kind,
    Long parentId,
    LocalDate validFrom,
    LocalDate validTo) {}
