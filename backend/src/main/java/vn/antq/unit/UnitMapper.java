package vn.antq.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.antq.api.model.ChangeKind;
import vn.antq.api.model.LineageLink;
import vn.antq.api.model.Unit;
import vn.antq.api.model.UnitDetail;
import vn.antq.api.model.UnitInput;
import vn.antq.api.model.UnitPage;
import vn.antq.api.model.UnitRef;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Pages;

/** Entities to API models and back; entities never cross HTTP. */
final class UnitMapper {
  private UnitMapper() {}

  static UnitCommand toCommand(UnitInput in) {
    return new UnitCommand(
        in.getCode(),
        in.getName(),
        toKind(in.getKind()),
        in.getParentId(),
        in.getValidFrom(),
        in.getValidTo());
  }

  static UnitKind toKind(vn.antq.api.model.UnitKind kind) {
    return kind == null ? null : UnitKind.valueOf(kind.name());
  }

  static vn.antq.api.model.UnitKind toApi(UnitKind kind) {
    return vn.antq.api.model.UnitKind.valueOf(kind.name());
  }

  static Unit toUnit(UnitEntity e, String parentName, long childCount) {
    return new Unit()
        .id(e.id)
        .code(e.code)
        .name(e.name)
        .kind(toApi(e.kind))
        .parentId(e.parentId)
        .parentName(parentName)
        .provinceId(e.provinceId)
        .communeId(e.communeId)
        .validFrom(e.validFrom)
        .validTo(e.validTo)
        .active(e.activeOn(VietnamTime.today()))
        .childCount((int) childCount)
        .version(e.version);
  }

  static UnitPage toPage(UnitViews.Page page) {
    List<Unit> content = new ArrayList<>();
    for (UnitEntity e : page.content()) {
      content.add(
          toUnit(
              e,
              e.parentId == null ? null : page.parentNames().get(e.parentId),
              page.childCounts().getOrDefault(e.id, 0L)));
    }
    return Pages.of(UnitPage::new, content, page.page(), page.size(), page.totalElements());
  }

  static List<Unit> toList(List<UnitEntity> units, Map<Long, Long> childCounts, String parentName) {
    return units.stream()
        .map(u -> toUnit(u, parentName, childCounts.getOrDefault(u.id, 0L)))
        .toList();
  }

  static UnitDetail toDetail(UnitViews.Detail d) {
    UnitEntity e = d.unit();
    return new UnitDetail()
        .id(e.id)
        .code(e.code)
        .name(e.name)
        .kind(toApi(e.kind))
        .parentId(e.parentId)
        .parentName(d.parentName())
        .provinceId(e.provinceId)
        .communeId(e.communeId)
        .validFrom(e.validFrom)
        .validTo(e.validTo)
        .active(e.activeOn(VietnamTime.today()))
        .childCount((int) d.childCount())
        .version(e.version)
        .ancestors(d.ancestors().stream().map(UnitMapper::toRef).toList())
        .predecessors(d.predecessors().stream().map(UnitMapper::toLink).toList())
        .successors(d.successors().stream().map(UnitMapper::toLink).toList())
        .formerNames(
            d.formerNames().stream()
                .map(
                    f ->
                        new vn.antq.api.model.FormerName()
                            .name(f.name())
                            .until(f.until())
                            .note(f.note()))
                .toList())
        .allowedChildKinds(
            e.isOpen() ? e.kind.childKinds().stream().map(UnitMapper::toApi).toList() : List.of());
  }

  static UnitRef toRef(UnitEntity e) {
    return new UnitRef().id(e.id).code(e.code).name(e.name).kind(toApi(e.kind));
  }

  private static LineageLink toLink(UnitViews.Link link) {
    return new LineageLink()
        .unit(toRef(link.unit()))
        .date(link.date())
        .changeKind(ChangeKind.valueOf(link.changeKind()))
        .note(link.note())
        .share(link.share() == null ? null : link.share().doubleValue());
  }
}
