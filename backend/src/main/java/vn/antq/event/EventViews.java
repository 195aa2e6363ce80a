package vn.antq.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.db.Rows;
import vn.antq.model.ModelService;
import vn.antq.territory.Places;
import vn.antq.territory.UnitSummary;

/** Events as the API shows them, with their organisers, models, materials and attachments. */
@ApplicationScoped
public class EventViews {
  @Inject EntityManager em;
  @Inject Places places;
  @Inject CatalogueService catalogues;
  @Inject ModelService models;

  /** The views of the given events, in order: one statement per kind of link. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<EventService.View> of(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, EventEntity> events =
        EventEntity.<EventEntity>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(e -> e.id, e -> e));
    Map<Long, List<Long>> coOrganisers = new HashMap<>();
    Set<Long> unitIds = new LinkedHashSet<>();
    for (Object[] r :
        rows(
            "SELECT event_id, unit_id FROM event_organiser WHERE event_id IN (:ids) ORDER BY unit_id",
            ids)) {
      coOrganisers
          .computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>())
          .add(Rows.toLong(r[1]));
      unitIds.add(Rows.toLong(r[1]));
    }
    Map<Long, List<Long>> modelIds = new HashMap<>();
    Set<Long> allModels = new LinkedHashSet<>();
    for (Object[] r :
        rows(
            "SELECT event_id, model_id FROM event_model WHERE event_id IN (:ids) ORDER BY model_id",
            ids)) {
      modelIds.computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>()).add(Rows.toLong(r[1]));
      allModels.add(Rows.toLong(r[1]));
    }
    Map<Long, List<long[]>> materials = new HashMap<>();
    Set<Long> catIds = new LinkedHashSet<>();
    for (Object[] r :
        rows(
            "SELECT event_id, material_type_id, quantity FROM event_material WHERE event_id IN (:ids) ORDER BY material_type_id",
            ids)) {
      materials
          .computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>())
          .add(new long[] {Rows.toLong(r[1]), Rows.toLong(r[2])});
      catIds.add(Rows.toLong(r[1]));
    }
    Map<Long, List<AttachmentService.AttachmentView>> attachments = new HashMap<>();
    for (Object[] r :
        rows(
            "SELECT event_id, id, file_name, content_type, size, uploaded_at FROM event_attachment WHERE event_id IN (:ids) ORDER BY id",
            ids)) {
      attachments
          .computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>())
          .add(
              new AttachmentService.AttachmentView(
                  Rows.toLong(r[1]),
                  (String) r[2],
                  (String) r[3],
                  Rows.toLong(r[4]),
                  Rows.instant(r[5])));
    }
    events
        .values()
        .forEach(
            e -> {
              unitIds.add(e.unitId);
              unitIds.add(e.leadUnitId);
              catIds.add(e.typeId);
            });
    Map<Long, UnitSummary> unitNames = places.summaries(unitIds);
    Map<Long, CatalogueEntry> cats = catalogues.byIds(catIds);
    Set<Long> programmeIds =
        events.values().stream()
            .map(e -> e.programmeId)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    Map<Long, ProgrammeEntity> programmeRows =
        programmeIds.isEmpty()
            ? Map.of()
            : ProgrammeEntity.<ProgrammeEntity>list("id in ?1", programmeIds).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p));
    Map<Long, vn.antq.model.ModelViews.Summary> modelViews =
        models.summaries(new ArrayList<>(allModels)).stream()
            .collect(Collectors.toMap(m -> m.id(), m -> m));
    List<EventService.View> out = new ArrayList<>();
    for (Long id : ids) {
      EventEntity e = events.get(id);
      out.add(
          new EventService.View(
              e,
              cats.get(e.typeId),
              unitNames.get(e.unitId),
              unitNames.get(e.leadUnitId),
              coOrganisers.getOrDefault(id, List.of()).stream().map(unitNames::get).toList(),
              e.programmeId == null ? null : programmeRows.get(e.programmeId),
              modelIds.getOrDefault(id, List.of()).stream().map(modelViews::get).toList(),
              materials.getOrDefault(id, List.of()).stream()
                  .map(m -> Map.entry(cats.get(m[0]), (int) m[1]))
                  .toList(),
              attachments.getOrDefault(id, List.of())));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, List<Long> ids) {
    return em.createNativeQuery(sql).setParameter("ids", ids).getResultList();
  }
}
