package vn.antq.territory;

/** What other features need to show a unit: its id, code, name and kind. */
public record UnitSummary(long id, String code, String name, String kind) {}
