package vn.antq.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.db.ByIds;
import vn.antq.common.db.Rows;
import vn.antq.model.ModelQueries;
import vn.antq.model.ModelViews;
import vn.antq.territory.Places;
import vn.antq.territory.UnitSummary;

/** Events as the API shows them, with their organisers, models, materials and attachments. */
@ApplicationScoped
public class EventViews {
  @Inject EntityManager em;
  @Inject Places places;
  @Inject CatalogueService catalogues;
  @Inject ModelQueries models;

  /** The views of the given events, in order: one statement per kind of link. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<EventService.View> of(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, EventEntity> events =
        ByIds.load(em, EventEntity.class, ids).stream()
            .collect(Collectors.toMap(e -> e.id, e -> e));
    Links links = new Links(ids);
    events
        .values()
        .forEach(
            e -> {
              links.unitIds.add(e.unitId);
              links.unitIds.add(e.leadUnitId);
              links.catIds.add(e.typeId);
            });
    Map<Long, UnitSummary> unitNames = places.summaries(links.unitIds);
    Map<Long, CatalogueEntry> cats = catalogues.byIds(links.catIds);
    Map<Long, ProgrammeEntity> programmes = programmes(events.values());
    Map<Long, ModelViews.Summary> modelViews =
        models.summaries(new ArrayList<>(links.allModels)).stream()
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
              links.coOrganisers.getOrDefault(id, List.of()).stream().map(unitNames::get).toList(),
              e.programmeId == null ? null : programmes.get(e.programmeId),
              links.modelIds.getOrDefault(id, List.of()).stream().map(modelViews::get).toList(),
              links.materials.getOrDefault(id, List.of()).stream()
                  .map(m -> Map.entry(cats.get(m[0]), (int) m[1]))
                  .toList(),
              links.attachments.getOrDefault(id, List.of())));
    }
    return out;
  }

  private static Map<Long, ProgrammeEntity> programmes(Collection<EventEntity> events) {
    Set<Long> ids =
        events.stream()
            .map(e -> e.programmeId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    return ids.isEmpty()
        ? Map.of()
        : ByIds.load(ProgrammeEntity.getEntityManager(), ProgrammeEntity.class, ids).stream()
            .collect(Collectors.toMap(p -> p.id, p -> p));
  }

  /** The events' organisers, models, materials and attachments, and the ids they name. */
  private final class Links {
    final Map<Long, List<Long>> coOrganisers = new HashMap<>();
    final Map<Long, List<Long>> modelIds = new HashMap<>();
    final Map<Long, List<long[]>> materials = new HashMap<>();
    final Map<Long, List<AttachmentService.AttachmentView>> attachments = new HashMap<>();
    final Set<Long> unitIds = new LinkedHashSet<>();
    final Set<Long> allModels = new LinkedHashSet<>();
    final Set<Long> catIds = new LinkedHashSet<>();

    Links(List<Long> ids) {
      for (Object[] r :
          rows(
              "SELECT event_id, unit_id FROM event_organiser WHERE event_id = ANY (CAST(:ids AS bigint[]))"
                  + " ORDER BY unit_id",
              ids)) {
        coOrganisers
            .computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>())
            .add(Rows.toLong(r[1]));
        unitIds.add(Rows.toLong(r[1]));
      }
      for (Object[] r :
          rows(
              "SELECT event_id, model_id FROM event_model WHERE event_id = ANY (CAST(:ids AS bigint[]))"
                  + " ORDER BY model_id",
              ids)) {
        modelIds.computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>()).add(Rows.toLong(r[1]));
        allModels.add(Rows.toLong(r[1]));
      }
      readMaterials(ids);
      readAttachments(ids);
    }

    private void readMaterials(List<Long> ids) {
      for (Object[] r :
          rows(
              "SELECT event_id, material_type_id, quantity FROM event_material"
                  + " WHERE event_id = ANY (CAST(:ids AS bigint[])) ORDER BY material_type_id",
              ids)) {
        materials
            .computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>())
            .add(new long[] {Rows.toLong(r[1]), Rows.toLong(r[2])});
        catIds.add(Rows.toLong(r[1]));
      }
    }

    private void readAttachments(List<Long> ids) {
      for (Object[] r :
          rows(
              "SELECT event_id, id, file_name, content_type, size, uploaded_at"
                  + " FROM event_attachment WHERE event_id = ANY (CAST(:ids AS bigint[])) ORDER BY id",
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
    }
  }

  private List<Object[]> rows(String sql, List<Long> ids) {
    return Rows.of(em.createNativeQuery(sql).setParameter("ids", Rows.bigintArray(ids)));
  }
}
