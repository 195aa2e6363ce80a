package vn.antq.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.antq.common.db.ByIds;
import vn.antq.territory.Paths;
import vn.antq.territory.Territory;

/**
 * Units with their breadcrumb, child count and lineage, built for many units at once with a fixed
 * number of statements (one unit's page, or a page of the change feed).
 */
@ApplicationScoped
class UnitDetails {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject UnitHistory history;
  @Inject UnitService units;

  /** The details of {@code list}, in its order. */
  List<UnitViews.Detail> of(List<UnitEntity> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    Set<Long> ids = list.stream().map(u -> u.id).collect(Collectors.toSet());
    Set<Long> ancestorIds =
        list.stream()
            .flatMap(u -> ancestorIds(u).stream())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<Long, UnitEntity> byId =
        ancestorIds.isEmpty()
            ? Map.of()
            : ByIds.load(em, UnitEntity.class, ancestorIds).stream()
                .collect(Collectors.toMap(u -> u.id, Function.identity()));
    List<String> bounds = territory.prefixes();
    Map<Long, Long> childCounts = units.childCounts(ids);
    Map<Long, List<UnitViews.Link>> predecessors =
        history.links("successorId", "predecessorId", ids);
    Map<Long, List<UnitViews.Link>> successors = history.links("predecessorId", "successorId", ids);
    Map<Long, List<UnitViews.FormerName>> formerNames = history.formerNames(ids);
    return list.stream()
        .map(
            unit -> {
              UnitEntity parent = unit.parentId == null ? null : byId.get(unit.parentId);
              return new UnitViews.Detail(
                  unit,
                  parent == null ? null : parent.name,
                  childCounts.getOrDefault(unit.id, 0L),
                  ancestorIds(unit).stream()
                      .map(byId::get)
                      .filter(Objects::nonNull)
                      .filter(a -> within(a, bounds))
                      .toList(),
                  predecessors.getOrDefault(unit.id, List.of()),
                  successors.getOrDefault(unit.id, List.of()),
                  formerNames.getOrDefault(unit.id, List.of()));
            })
        .toList();
  }

  /** The units of {@code ids} the caller may see, with their details; the others are left out. */
  List<UnitViews.Detail> visible(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> bounds = territory.prefixes();
    return of(
        ByIds.load(em, UnitEntity.class, ids).stream().filter(u -> within(u, bounds)).toList());
  }

  static List<Long> ancestorIds(UnitEntity unit) {
    return Arrays.stream(unit.path.split("/"))
        .filter(s -> !s.isEmpty())
        .map(Long::valueOf)
        .filter(id -> !id.equals(unit.id))
        .toList();
  }

  static boolean within(UnitEntity unit, List<String> territory) {
    return territory == null || Paths.within(unit.path, territory);
  }
}
