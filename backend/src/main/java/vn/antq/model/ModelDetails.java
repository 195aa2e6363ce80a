package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.db.ByIds;
import vn.antq.common.db.Rows;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Models with their status history, recognitions and sites, built for many models at once with a
 * fixed number of statements (one model's page, or a page of the change feed).
 */
@ApplicationScoped
class ModelDetails {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject CatalogueService catalogues;
  @Inject ModelQueries queries;

  /** The details of {@code models}, in their order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  List<ModelViews.Detail> of(List<CommunityModelEntity> models) {
    if (models.isEmpty()) {
      return List.of();
    }
    List<Long> ids = models.stream().map(m -> m.id).toList();
    Map<Long, ModelViews.Summary> summaries =
        queries.summaries(ids).stream().collect(Collectors.toMap(s -> s.id(), Function.identity()));
    Map<Long, List<ModelViews.StatusChange>> history = history(ids);
    Map<Long, List<ModelViews.Recognition>> recognitions = recognitions(ids);
    Map<Long, List<Object[]>> sites =
        byModel(
            "SELECT model_id, unit_id, since FROM model_site WHERE model_id IN (:ids)"
                + " ORDER BY since, unit_id",
            ids,
            r -> r);
    Map<Long, UnitSummary> siteUnits =
        places.summaries(
            sites.values().stream()
                .flatMap(List::stream)
                .map(r -> Rows.toLong(r[1]))
                .collect(Collectors.toSet()));
    Set<Long> itemIds = new LinkedHashSet<>();
    models.forEach(
        m -> {
          itemIds.add(m.ethnicGroupId);
          itemIds.add(m.religionId);
        });
    itemIds.remove(null);
    Map<Long, CatalogueEntry> items = catalogues.byIds(itemIds);
    return models.stream()
        .map(
            m ->
                new ModelViews.Detail(
                    m,
                    summaries.get(m.id),
                    history.getOrDefault(m.id, List.of()),
                    recognitions.getOrDefault(m.id, List.of()),
                    sites.getOrDefault(m.id, List.of()).stream()
                        .map(
                            r ->
                                new ModelViews.Site(
                                    siteUnits.get(Rows.toLong(r[1])), Rows.localDate(r[2])))
                        .toList(),
                    m.ethnicGroupId == null ? null : ModelViews.Item.of(items.get(m.ethnicGroupId)),
                    m.religionId == null ? null : ModelViews.Item.of(items.get(m.religionId))))
        .toList();
  }

  /** The models of {@code ids} the caller may see, with their details; the others left out. */
  @Transactional(Transactional.TxType.SUPPORTS)
  List<ModelViews.Detail> visible(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    Query q =
        em.createNativeQuery(
                "SELECT m.id FROM community_model m JOIN unit u ON u.id = m.unit_id"
                    + " WHERE m.id IN (:ids)"
                    + territory.predicate("u").andClause(params)
                    + " ORDER BY m.id")
            .setParameter("ids", ids);
    params.forEach(q::setParameter);
    List<Long> found = Rows.longs(q.getResultList());
    if (found.isEmpty()) {
      return List.of();
    }
    return of(
        ByIds.load(em, CommunityModelEntity.class, found).stream()
            .sorted(java.util.Comparator.comparing((CommunityModelEntity m) -> m.id))
            .toList());
  }

  /** The status changes of each model, in order. */
  private Map<Long, List<ModelViews.StatusChange>> history(List<Long> ids) {
    return byModel(
        "SELECT model_id, from_status, to_status, on_date, reason, note, at, actor_name"
            + " FROM model_status_change WHERE model_id IN (:ids) ORDER BY id",
        ids,
        r ->
            new ModelViews.StatusChange(
                ModelStatus.valueOf((String) r[1]),
                ModelStatus.valueOf((String) r[2]),
                Rows.localDate(r[3]),
                (String) r[4],
                (String) r[5],
                Rows.instant(r[6]),
                (String) r[7]));
  }

  /** The recognitions of each model, by decision date. */
  private Map<Long, List<ModelViews.Recognition>> recognitions(List<Long> ids) {
    return byModel(
        "SELECT model_id, id, level, decision_number, decision_date, authority"
            + " FROM model_recognition WHERE model_id IN (:ids) ORDER BY decision_date, id",
        ids,
        r ->
            new ModelViews.Recognition(
                Rows.toLong(r[1]),
                RecognitionLevel.of(Rows.toShort(r[2])),
                (String) r[3],
                Rows.localDate(r[4]),
                (String) r[5]));
  }

  /** Rows of a statement over {@code ids} whose first column is the model, grouped by it. */
  private <T> Map<Long, List<T>> byModel(String sql, List<Long> ids, Function<Object[], T> row) {
    Map<Long, List<T>> out = new HashMap<>();
    for (Object[] r : Rows.of(em.createNativeQuery(sql).setParameter("ids", ids))) {
      out.computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>()).add(row.apply(r));
    }
    return out;
  }
}
