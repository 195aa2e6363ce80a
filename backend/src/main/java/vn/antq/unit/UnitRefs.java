package vn.antq.unit;

import vn.antq.api.model.UnitKind;
import vn.antq.api.model.UnitRef;

/** How other features name a unit in their responses. */
public final class UnitRefs {
  private UnitRefs() {}

  public static UnitRef of(UnitService.Summary s) {
    return s == null
        ? null
        : new UnitRef().id(s.id()).code(s.code()).name(s.name()).kind(UnitKind.fromValue(s.kind()));
  }
}
