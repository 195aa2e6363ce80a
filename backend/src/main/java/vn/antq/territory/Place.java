package vn.antq.territory;

import java.time.LocalDate;

/** Where a record sits: a unit with its place in the tree and its period of force. */
public record Place(
    long id,
    String path,
    Long provinceId,
    Long communeId,
    String code,
    String name,
    String kind,
    LocalDate validFrom,
    LocalDate validTo) {

  public UnitSummary summary() {
    return new UnitSummary(id, code, name, kind);
  }

  /** In force on {@code day}: from its first day, up to but not including its last. */
  public boolean activeOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
  }

  public boolean isOpen() {
    return validTo == null;
  }

  public boolean isProvince() {
    return "PROVINCE".equals(kind);
  }
}
