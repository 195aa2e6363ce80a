package vn.antq.catalogue;

import java.time.LocalDate;
import vn.antq.api.model.CatalogueRef;

/** An item of a catalogue as other features see it (the entity stays the catalogue's own). */
public record CatalogueEntry(
    long id,
    String catalogue,
    String code,
    String name,
    Long parentId,
    LocalDate validFrom,
    LocalDate validTo) {

  static CatalogueEntry of(CatalogueItemEntity e) {
    return e == null
        ? null
        : new CatalogueEntry(e.id, e.catalogue, e.code, e.name, e.parentId, e.validFrom, e.validTo);
  }

  /** In force on {@code day}: from its first day, up to but not including its last. */
  public boolean activeOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
  }

  /** How the contract names an item in other records; null for none. */
  public static CatalogueRef ref(CatalogueEntry item) {
    return item == null
        ? null
        : new CatalogueRef().id(item.id()).code(item.code()).name(item.name());
  }
}
