package vn.antq.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.db.Rows;
import vn.antq.common.db.WordSearch;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.web.PageRequest;
import vn.antq.event.EventService;
import vn.antq.event.ProgrammeService;
import vn.antq.model.ModelService;
import vn.antq.territory.Paths;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Reading award decisions: which ones the caller sees (its unit or one of its recipients' units
 * lies in the territory), the list and its counts, a decision with its recipients, and the search
 * over recipients.
 */
@ApplicationScoped
public class AwardQueries {
  @Inject EntityManager em;
  @Inject WordSearch words;
  @Inject Territory territory;
  @Inject Places places;
  @Inject CatalogueService catalogues;
  @Inject EventService events;
  @Inject ProgrammeService programmes;
  @Inject ModelService models;

  // ------------------------------------------------------------------ visibility

  /**
   * The condition that a decision ({@code d}) is seen by the caller: its unit or one of its
   * recipients' units lies in the territory. Empty when the caller sees everything.
   */
  private String visibleSql(Map<String, Object> params) {
    List<String> paths = territory.prefixes();
    if (paths == null) {
      return "";
    }
    return " AND (EXISTS (SELECT 1 FROM unit vu WHERE vu.id = d.unit_id AND "
        + Paths.underAny("vu", paths, "terr").bind(params)
        + ") OR EXISTS (SELECT 1 FROM award_recipient vr JOIN unit vru ON vru.id = vr.unit_id"
        + " WHERE vr.decision_id = d.id AND "
        + Paths.underAny("vru", paths, "terr").bind(params)
        + "))";
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AwardDecisionEntity require(long id) {
    AwardDecisionEntity d = AwardDecisionEntity.findById(id);
    if (d == null) {
      throw ProblemException.notFound("Không tìm thấy quyết định khen thưởng " + id);
    }
    Map<String, Object> params = new HashMap<>();
    String visible = visibleSql(params);
    if (!visible.isEmpty()) {
      Query q =
          em.createNativeQuery("SELECT count(*) FROM award_decision d WHERE d.id = :id" + visible);
      params.forEach(q::setParameter);
      q.setParameter("id", id);
      if (Rows.toLong(q.getSingleResult()) == 0) {
        throw ProblemException.notFound("Không tìm thấy quyết định khen thưởng " + id);
      }
    }
    return d;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean powerExists(long id) {
    return AwardPowerEntity.count("id", id) > 0;
  }

  // ------------------------------------------------------------------ reading

  /** WHERE clause (after FROM award_decision d) for the decision-level filters. */
  private String where(AwardService.Filter f, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(visibleSql(params));
    if (f.q() != null && !f.q().isBlank()) {
      StringBuilder names = new StringBuilder();
      words.every(f.q(), "award_recipient", "name_key", "qr", "q").andTo(names, params);
      params.put("qn", f.q().trim().replaceAll("\\s", "").toUpperCase(Locale.ROOT));
      where
          .append(" AND (d.number_key LIKE '%' || :qn || '%'")
          .append(" OR EXISTS (SELECT 1 FROM award_recipient qr WHERE qr.decision_id = d.id")
          .append(names)
          .append("))");
    }
    if (f.formId() != null) {
      params.put("formId", f.formId());
      where.append(" AND d.form_id = :formId");
    }
    if (f.typeId() != null) {
      params.put("typeId", f.typeId());
      where.append(" AND d.type_id = :typeId");
    }
    if (f.authorityId() != null) {
      params.put("authorityId", f.authorityId());
      where.append(" AND d.authority_id = :authorityId");
    }
    if (f.eventId() != null) {
      params.put("eventId", f.eventId());
      where.append(" AND d.event_id = :eventId");
    }
    if (f.programmeId() != null) {
      params.put("programmeId", f.programmeId());
      where.append(" AND d.programme_id = :programmeId");
    }
    if (f.from() != null) {
      params.put("from", f.from());
      where.append(" AND d.decided_on >= :from");
    }
    if (f.to() != null) {
      params.put("to", f.to());
      where.append(" AND d.decided_on <= :to");
    }
    if (f.unitId() != null || f.kind() != null) {
      String recipients = recipientSql(f, "fr", "fru", params);
      // a province's recipients carry it themselves: their units are read only for a subtree
      String units = recipients.contains("fru.") ? " JOIN unit fru ON fru.id = fr.unit_id" : "";
      where
          .append(" AND EXISTS (SELECT 1 FROM award_recipient fr")
          .append(units)
          .append(" WHERE fr.decision_id = d.id")
          .append(recipients)
          .append(")");
    }
    return where.toString();
  }

  /** Conditions on a recipient ({@code r}, its unit {@code ru}): subtree and kind. */
  private String recipientSql(
      AwardService.Filter f, String r, String ru, Map<String, Object> params) {
    StringBuilder sb = new StringBuilder();
    if (f.unitId() != null) {
      List<String> lineage = territory.lineage(f.unitId());
      List<Long> provinces = provinces(lineage);
      if (provinces != null) {
        // a province (and the provinces it succeeded): the recipients' own province, indexed
        params.put("subProvinces", provinces);
        sb.append(" AND ").append(r).append(".province_id IN (:subProvinces)");
      } else {
        sb.append(" AND ").append(Paths.underAny(ru, lineage, "sub").bind(params));
      }
    }
    if (f.kind() != null) {
      params.put("kind", f.kind().name());
      sb.append(" AND ").append(r).append(".kind = :kind");
    }
    return sb.toString();
  }

  private static final java.util.regex.Pattern PROVINCE_PATH =
      java.util.regex.Pattern.compile("^/([0-9]+)/$");

  /**
   * The provinces whose whole subtrees {@code paths} are (each path a province's own, "/12/"), or
   * null: a recipient's {@code province_id} is its unit's province, kept by triggers.
   */
  private static List<Long> provinces(List<String> paths) {
    List<Long> out = new java.util.ArrayList<>();
    for (String p : paths) {
      java.util.regex.Matcher m = PROVINCE_PATH.matcher(p);
      if (!m.matches()) {
        return null;
      }
      out.add(Long.valueOf(m.group(1)));
    }
    return out.isEmpty() ? null : out;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AwardService.Page list(AwardService.Filter f, int page, int size, String orderBy) {
    Map<String, Object> params = new HashMap<>();
    String where = where(f, params);
    Query count = em.createNativeQuery("SELECT count(*) FROM award_decision d" + where);
    params.forEach(count::setParameter);
    long total = Rows.toLong(count.getSingleResult());
    return new AwardService.Page(
        views(ids(where, params, orderBy, size, (long) page * size), false), total);
  }

  /** The ids of the decisions the filter selects, in order: a page, or all of them (an export). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Long> ids(AwardService.Filter f, String orderBy, int limit, long offset) {
    Map<String, Object> params = new HashMap<>();
    return ids(where(f, params), params, orderBy, limit, offset);
  }

  private List<Long> ids(
      String where, Map<String, Object> params, String orderBy, int limit, long offset) {
    String sql =
        "SELECT d.id FROM award_decision d"
            + where
            + " ORDER BY "
            + orderBy
            + ", d.id DESC"
            + PageRequest.limitSql(limit, offset);
    Query ids = em.createNativeQuery(sql);
    params.forEach(ids::setParameter);
    return Rows.longs(ids.getResultList());
  }

  /** The decisions of {@code ids} as lists show them, in order (ids the caller may see). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AwardService.View> viewsOf(List<Long> ids) {
    return views(ids, false);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AwardService.View get(long id) {
    require(id);
    return views(List.of(id), true).get(0);
  }

  /**
   * The decisions among {@code ids} the caller may see (as {@link #require}), as GET shows them, in
   * a few statements.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AwardService.View> visible(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    String sql = "SELECT d.id FROM award_decision d WHERE d.id IN (:ids)" + visibleSql(params);
    Query q = em.createNativeQuery(sql).setParameter("ids", ids);
    params.forEach(q::setParameter);
    List<Long> found = Rows.longs(q.getResultList());
    return views(found.stream().map(o -> Rows.toLong(o)).toList(), true);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AwardService.RecipientView> recipients(long id) {
    require(id);
    return recipientViews("r.decision_id = :id ORDER BY r.position_no", Map.of("id", id));
  }

  /**
   * Decisions and recipients counted for a territory and period: a recipient counts when it lies in
   * the chosen subtree (with the units it succeeded) and the caller may see its decision.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public AwardService.Counts counts(AwardService.Filter f) {
    Map<String, Object> params = new HashMap<>();
    AwardService.Filter decisionLevel =
        new AwardService.Filter(
            f.q(),
            f.formId(),
            f.typeId(),
            f.authorityId(),
            null,
            null,
            f.eventId(),
            f.programmeId(),
            f.from(),
            f.to());
    String where = where(decisionLevel, params) + recipientSql(f, "r", "ru", params);
    Query q =
        em.createNativeQuery(
            "SELECT d.form_id, count(DISTINCT d.id),"
                + " count(*) FILTER (WHERE r.kind = 'COLLECTIVE'),"
                + " count(*) FILTER (WHERE r.kind = 'INDIVIDUAL')"
                + " FROM award_decision d JOIN award_recipient r ON r.decision_id = d.id"
                + " JOIN unit ru ON ru.id = r.unit_id"
                + where
                + " GROUP BY d.form_id");
    params.forEach(q::setParameter);
    List<Object[]> rows = Rows.of(q);
    Map<Long, CatalogueEntry> forms =
        catalogues.byIds(rows.stream().map(r -> Rows.toLong(r[0])).collect(Collectors.toSet()));
    List<AwardService.FormCount> byForm =
        rows.stream()
            .map(
                r ->
                    new AwardService.FormCount(
                        forms.get(Rows.toLong(r[0])),
                        Rows.toLong(r[1]),
                        Rows.toLong(r[2]),
                        Rows.toLong(r[3])))
            .sorted(
                java.util.Comparator.comparingLong(AwardService.FormCount::decisions)
                    .reversed()
                    .thenComparing(c -> c.form().name()))
            .toList();
    // a decision of several forms cannot exist: the per-form decision counts add up
    return new AwardService.Counts(
        byForm.stream().mapToLong(AwardService.FormCount::decisions).sum(),
        byForm.stream().mapToLong(AwardService.FormCount::collectives).sum(),
        byForm.stream().mapToLong(AwardService.FormCount::individuals).sum(),
        byForm);
  }

  /** Recipients (newest decision first) for the unit, model and member pages. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public AwardService.HitPage searchRecipients(
      String q,
      AwardService.Kind kind,
      Long unitId,
      Long modelId,
      Long memberId,
      Long formId,
      LocalDate from,
      LocalDate to,
      int page,
      int size) {
    Map<String, Object> params = new HashMap<>();
    AwardService.Filter decisionLevel =
        new AwardService.Filter(null, formId, null, null, null, null, null, null, from, to);
    StringBuilder where = new StringBuilder(where(decisionLevel, params));
    where.append(
        recipientSql(
            new AwardService.Filter(null, null, null, null, kind, unitId, null, null, null, null),
            "r",
            "ru",
            params));
    words.every(q, "award_recipient", "name_key", "r", "w").andTo(where, params);
    if (modelId != null) {
      models.requireVisible(modelId);
      params.put("modelId", modelId);
      where.append(
          " AND (r.model_id = :modelId OR r.member_id IN (SELECT m.id FROM member m WHERE"
              + " m.model_id = :modelId))");
    }
    if (memberId != null) {
      params.put("memberId", memberId);
      where.append(" AND r.member_id = :memberId");
    }
    String from_ =
        " FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id"
            + " JOIN unit ru ON ru.id = r.unit_id";
    Query count = em.createNativeQuery("SELECT count(*)" + from_ + where);
    params.forEach(count::setParameter);
    long total = Rows.toLong(count.getSingleResult());
    Query ids =
        em.createNativeQuery(
            "SELECT r.id, r.decision_id"
                + from_
                + where
                + " ORDER BY d.decided_on DESC, d.id DESC, r.position_no"
                + PageRequest.limitSql(size, (long) page * size));
    params.forEach(ids::setParameter);
    List<Object[]> rows = Rows.of(ids);
    return new AwardService.HitPage(hits(rows), total);
  }

  /** The recipients of (recipient id, decision id) rows, each with its decision. */
  private List<AwardService.Hit> hits(List<Object[]> rows) {
    List<Long> recipientIds = rows.stream().map(r -> Rows.toLong(r[0])).toList();
    Map<Long, AwardService.RecipientView> recipients =
        recipientIds.isEmpty()
            ? Map.of()
            : recipientViews("r.id IN (:ids)", Map.of("ids", recipientIds)).stream()
                .collect(Collectors.toMap(AwardService.RecipientView::id, v -> v));
    Map<Long, AwardService.View> decisions =
        views(rows.stream().map(r -> Rows.toLong(r[1])).distinct().toList(), false).stream()
            .collect(Collectors.toMap(v -> v.decision().id, v -> v));
    return rows.stream()
        .map(
            r ->
                new AwardService.Hit(
                    recipients.get(Rows.toLong(r[0])), decisions.get(Rows.toLong(r[1]))))
        .toList();
  }

  List<AwardService.View> views(List<Long> ids, boolean withRecipients) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, AwardDecisionEntity> decisions =
        AwardDecisionEntity.<AwardDecisionEntity>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(d -> d.id, d -> d));
    Map<Long, int[]> counts = recipientCounts(ids);
    Set<Long> catIds = new LinkedHashSet<>();
    Set<Long> unitIds = new LinkedHashSet<>();
    Set<Long> eventIds = new LinkedHashSet<>();
    Set<Long> programmeIds = new LinkedHashSet<>();
    for (AwardDecisionEntity d : decisions.values()) {
      catIds.add(d.authorityId);
      catIds.add(d.formId);
      catIds.add(d.typeId);
      unitIds.add(d.unitId);
      if (d.eventId != null) {
        eventIds.add(d.eventId);
      }
      if (d.programmeId != null) {
        programmeIds.add(d.programmeId);
      }
    }
    Map<Long, CatalogueEntry> cats = catalogues.byIds(catIds);
    Map<Long, UnitSummary> unitNames = places.summaries(unitIds);
    Map<Long, EventService.EventRef> eventRows = events.eventRefs(eventIds);
    Map<Long, ProgrammeService.ProgrammeRef> programmeRows = programmes.refs(programmeIds);
    Map<Long, List<AwardService.RecipientView>> recipients =
        withRecipients ? recipientsOf(ids) : Map.of();
    List<AwardService.View> out = new ArrayList<>();
    for (Long id : ids) {
      AwardDecisionEntity d = decisions.get(id);
      int[] c = counts.getOrDefault(id, new int[2]);
      out.add(
          new AwardService.View(
              d,
              cats.get(d.authorityId),
              unitNames.get(d.unitId),
              cats.get(d.formId),
              cats.get(d.typeId),
              d.eventId == null ? null : eventRows.get(d.eventId),
              d.programmeId == null ? null : programmeRows.get(d.programmeId),
              c[0],
              c[1],
              withRecipients ? recipients.getOrDefault(id, List.of()) : null));
    }
    return out;
  }

  /** Collectives and individuals of each decision. */
  private Map<Long, int[]> recipientCounts(List<Long> ids) {
    Map<Long, int[]> counts = new HashMap<>();
    List<Object[]> countRows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT decision_id, count(*) FILTER (WHERE kind = 'COLLECTIVE'),"
                        + " count(*) FILTER (WHERE kind = 'INDIVIDUAL') FROM award_recipient"
                        + " WHERE decision_id IN (:ids) GROUP BY decision_id")
                .setParameter("ids", ids));
    for (Object[] r : countRows) {
      counts.put(Rows.toLong(r[0]), new int[] {(int) Rows.toLong(r[1]), (int) Rows.toLong(r[2])});
    }
    return counts;
  }

  /** The recipients of each decision, in their order in it. */
  private Map<Long, List<AwardService.RecipientView>> recipientsOf(List<Long> ids) {
    Map<Long, List<AwardService.RecipientView>> recipients = new HashMap<>();
    for (RecipientRow r :
        recipientViewsWithDecision(
            "r.decision_id IN (:ids) ORDER BY r.position_no", Map.of("ids", ids))) {
      recipients.computeIfAbsent(r.decisionId(), k -> new ArrayList<>()).add(r.view());
    }
    return recipients;
  }

  private record RecipientRow(long decisionId, AwardService.RecipientView view) {}

  private List<AwardService.RecipientView> recipientViews(
      String condition, Map<String, Object> params) {
    return recipientViewsWithDecision(condition, params).stream().map(RecipientRow::view).toList();
  }

  private List<RecipientRow> recipientViewsWithDecision(
      String condition, Map<String, Object> params) {
    Query q =
        em.createNativeQuery(
            "SELECT r.id, r.decision_id, r.kind, r.name, r.position, r.unit_name, r.unit_id,"
                + " r.model_id, cm.name AS model_name, r.member_id"
                + " FROM award_recipient r LEFT JOIN community_model cm ON cm.id = r.model_id"
                + " WHERE "
                + condition);
    params.forEach(q::setParameter);
    List<Object[]> rows = Rows.of(q);
    Map<Long, UnitSummary> unitNames =
        places.summaries(rows.stream().map(r -> Rows.toLong(r[6])).collect(Collectors.toSet()));
    return rows.stream()
        .map(
            r ->
                new RecipientRow(
                    Rows.toLong(r[1]),
                    new AwardService.RecipientView(
                        Rows.toLong(r[0]),
                        AwardService.Kind.valueOf((String) r[2]),
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        unitNames.get(Rows.toLong(r[6])),
                        r[7] == null ? null : Rows.toLong(r[7]),
                        (String) r[8],
                        r[9] == null ? null : Rows.toLong(r[9]))))
        .toList();
  }
}
