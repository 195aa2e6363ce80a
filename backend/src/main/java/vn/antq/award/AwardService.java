package vn.antq.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.audit.AuditService;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.event.EventService;
import vn.antq.model.ModelService;
import vn.antq.territory.Paths;
import vn.antq.territory.Place;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Award decisions and their recipients. A decision is kept in the register of the unit in whose
 * name the authority acted; it is seen by those whose territory holds that unit or any recipient
 * (an award decision is a public act: a ward sees the province's decision that names its people).
 * Only officers of the decision's unit change it, and only with recipients of their territory.
 */
@ApplicationScoped
public class AwardService {
  public static final Map<String, String> SORTABLE =
      Map.of("decidedOn", "d.decided_on", "number", "d.number_key");

  public static final int MAX_RECIPIENTS = 1000;

  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject CatalogueService catalogues;
  @Inject ModelService models;
  @Inject EventService events;
  @Inject AwardPowerService powers;
  @Inject AuditService audit;

  public enum Kind {
    COLLECTIVE,
    INDIVIDUAL
  }

  public record RecipientCommand(
      Kind kind, Long unitId, Long modelId, Long memberId, String fullName, String position) {}

  public record Command(
      String number,
      LocalDate decidedOn,
      Long authorityId,
      Long unitId,
      String issuerName,
      String signer,
      Long formId,
      Long typeId,
      String reason,
      Long eventId,
      Long programmeId,
      List<RecipientCommand> recipients) {}

  public record Filter(
      String q,
      Long formId,
      Long typeId,
      Long authorityId,
      Kind kind,
      Long unitId,
      Long eventId,
      Long programmeId,
      LocalDate from,
      LocalDate to) {}

  public record RecipientView(
      long id,
      Kind kind,
      String name,
      String position,
      String unitName,
      UnitSummary unit,
      Long modelId,
      String modelName,
      Long memberId) {}

  public record View(
      AwardDecisionEntity decision,
      CatalogueEntry authority,
      UnitSummary unit,
      CatalogueEntry form,
      CatalogueEntry type,
      EventService.EventRef event,
      EventService.ProgrammeRef programme,
      int collectives,
      int individuals,
      List<RecipientView> recipients) {}

  public record Page(List<View> content, long total) {}

  public record Hit(RecipientView recipient, View award) {}

  public record HitPage(List<Hit> content, long total) {}

  public record FormCount(
      CatalogueEntry form, long decisions, long collectives, long individuals) {}

  public record Counts(
      long decisions, long collectives, long individuals, List<FormCount> byForm) {}

  /** A recipient checked and named, ready to be stored. */
  private record Resolved(
      Kind kind,
      long unitId,
      Long modelId,
      Long memberId,
      String name,
      String position,
      String unitName,
      String identity) {}

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
      if (((Number) q.getSingleResult()).longValue() == 0) {
        throw ProblemException.notFound("Không tìm thấy quyết định khen thưởng " + id);
      }
    }
    return d;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean powerExists(long id) {
    return AwardPowerEntity.count("id", id) > 0;
  }

  /** A decision the caller may change: seen, and kept in a unit of the caller's territory. */
  private AwardDecisionEntity requireWritable(long id) {
    AwardDecisionEntity d = require(id);
    if (!territory.contains(d.unitId)) {
      throw new ProblemException(
          vn.antq.common.problem.ProblemType.FORBIDDEN,
          "Quyết định này do «"
              + d.issuerName
              + "» ban hành, thuộc hồ sơ của đơn vị khác: chỉ cán bộ của đơn vị đó được sửa.");
    }
    return d;
  }

  // ------------------------------------------------------------------ reading

  /** WHERE clause (after FROM award_decision d) for the decision-level filters. */
  private String where(Filter f, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(visibleSql(params));
    if (f.q() != null && !f.q().isBlank()) {
      String[] words = f.q().trim().split("\\s+");
      StringBuilder names = new StringBuilder();
      for (int i = 0; i < Math.min(words.length, 8); i++) {
        params.put("q" + i, words[i]);
        names.append(" AND qr.name_key LIKE '%' || f_search_key(:q").append(i).append(") || '%'");
      }
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
      where
          .append(
              " AND EXISTS (SELECT 1 FROM award_recipient fr JOIN unit fru ON fru.id = fr.unit_id")
          .append(" WHERE fr.decision_id = d.id")
          .append(recipientSql(f, "fr", "fru", params))
          .append(")");
    }
    return where.toString();
  }

  /** Conditions on a recipient ({@code r}, its unit {@code ru}): subtree and kind. */
  private String recipientSql(Filter f, String r, String ru, Map<String, Object> params) {
    StringBuilder sb = new StringBuilder();
    if (f.unitId() != null) {
      sb.append(" AND ")
          .append(Paths.underAny(ru, territory.lineage(f.unitId()), "sub").bind(params));
    }
    if (f.kind() != null) {
      params.put("kind", f.kind().name());
      sb.append(" AND ").append(r).append(".kind = :kind");
    }
    return sb.toString();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page list(Filter f, int page, int size, String orderBy) {
    Map<String, Object> params = new HashMap<>();
    String where = where(f, params);
    Query count = em.createNativeQuery("SELECT count(*) FROM award_decision d" + where);
    params.forEach(count::setParameter);
    long total = ((Number) count.getSingleResult()).longValue();
    Query ids =
        em.createNativeQuery(
            "SELECT d.id FROM award_decision d"
                + where
                + " ORDER BY "
                + orderBy
                + ", d.id DESC"
                + PageRequest.limitSql(size, (long) page * size));
    params.forEach(ids::setParameter);
    return new Page(views(longs(ids.getResultList()), false), total);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public View get(long id) {
    require(id);
    return views(List.of(id), true).get(0);
  }

  /**
   * The decisions among {@code ids} the caller may see (as {@link #require}), as GET shows them, in
   * a few statements.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<View> visible(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    String sql = "SELECT d.id FROM award_decision d WHERE d.id IN (:ids)" + visibleSql(params);
    Query q = em.createNativeQuery(sql).setParameter("ids", ids);
    params.forEach(q::setParameter);
    @SuppressWarnings("unchecked")
    List<Object> found = q.getResultList();
    return views(found.stream().map(o -> ((Number) o).longValue()).toList(), true);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RecipientView> recipients(long id) {
    require(id);
    return recipientViews("r.decision_id = :id ORDER BY r.position_no", Map.of("id", id));
  }

  /**
   * Decisions and recipients counted for a territory and period: a recipient counts when it lies in
   * the chosen subtree (with the units it succeeded) and the caller may see its decision.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Counts counts(Filter f) {
    Map<String, Object> params = new HashMap<>();
    Filter decisionLevel =
        new Filter(
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
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    Map<Long, CatalogueEntry> forms =
        catalogues.byIds(rows.stream().map(r -> num(r[0])).collect(Collectors.toSet()));
    List<FormCount> byForm =
        rows.stream()
            .map(r -> new FormCount(forms.get(num(r[0])), num(r[1]), num(r[2]), num(r[3])))
            .sorted(
                java.util.Comparator.comparingLong(FormCount::decisions)
                    .reversed()
                    .thenComparing(c -> c.form().name()))
            .toList();
    // a decision of several forms cannot exist: the per-form decision counts add up
    return new Counts(
        byForm.stream().mapToLong(FormCount::decisions).sum(),
        byForm.stream().mapToLong(FormCount::collectives).sum(),
        byForm.stream().mapToLong(FormCount::individuals).sum(),
        byForm);
  }

  /** Recipients (newest decision first) for the unit, model and member pages. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public HitPage searchRecipients(
      String q,
      Kind kind,
      Long unitId,
      Long modelId,
      Long memberId,
      Long formId,
      LocalDate from,
      LocalDate to,
      int page,
      int size) {
    Map<String, Object> params = new HashMap<>();
    Filter decisionLevel = new Filter(null, formId, null, null, null, null, null, null, from, to);
    StringBuilder where = new StringBuilder(where(decisionLevel, params));
    where.append(
        recipientSql(
            new Filter(null, null, null, null, kind, unitId, null, null, null, null),
            "r",
            "ru",
            params));
    if (q != null && !q.isBlank()) {
      String[] words = q.trim().split("\\s+");
      for (int i = 0; i < Math.min(words.length, 8); i++) {
        params.put("w" + i, words[i]);
        where.append(" AND r.name_key LIKE '%' || f_search_key(:w").append(i).append(") || '%'");
      }
    }
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
    long total = ((Number) count.getSingleResult()).longValue();
    Query ids =
        em.createNativeQuery(
            "SELECT r.id, r.decision_id"
                + from_
                + where
                + " ORDER BY d.decided_on DESC, d.id DESC, r.position_no"
                + PageRequest.limitSql(size, (long) page * size));
    params.forEach(ids::setParameter);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = ids.getResultList();
    List<Long> recipientIds = rows.stream().map(r -> num(r[0])).toList();
    Map<Long, RecipientView> recipients =
        recipientIds.isEmpty()
            ? Map.of()
            : recipientViews("r.id IN (:ids)", Map.of("ids", recipientIds)).stream()
                .collect(Collectors.toMap(RecipientView::id, v -> v));
    Map<Long, View> decisions =
        views(rows.stream().map(r -> num(r[1])).distinct().toList(), false).stream()
            .collect(Collectors.toMap(v -> v.decision().id, v -> v));
    return new HitPage(
        rows.stream()
            .map(r -> new Hit(recipients.get(num(r[0])), decisions.get(num(r[1]))))
            .toList(),
        total);
  }

  private List<View> views(List<Long> ids, boolean withRecipients) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, AwardDecisionEntity> decisions =
        AwardDecisionEntity.<AwardDecisionEntity>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(d -> d.id, d -> d));
    Map<Long, int[]> counts = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> countRows =
        em.createNativeQuery(
                "SELECT decision_id, count(*) FILTER (WHERE kind = 'COLLECTIVE'),"
                    + " count(*) FILTER (WHERE kind = 'INDIVIDUAL') FROM award_recipient"
                    + " WHERE decision_id IN (:ids) GROUP BY decision_id")
            .setParameter("ids", ids)
            .getResultList();
    for (Object[] r : countRows) {
      counts.put(num(r[0]), new int[] {(int) num(r[1]), (int) num(r[2])});
    }
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
    Map<Long, EventService.ProgrammeRef> programmeRows = events.programmeRefs(programmeIds);
    Map<Long, List<RecipientView>> recipients = new HashMap<>();
    if (withRecipients) {
      for (RecipientRow r :
          recipientViewsWithDecision(
              "r.decision_id IN (:ids) ORDER BY r.position_no", Map.of("ids", ids))) {
        recipients.computeIfAbsent(r.decisionId(), k -> new ArrayList<>()).add(r.view());
      }
    }
    List<View> out = new ArrayList<>();
    for (Long id : ids) {
      AwardDecisionEntity d = decisions.get(id);
      int[] c = counts.getOrDefault(id, new int[2]);
      out.add(
          new View(
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

  private record RecipientRow(long decisionId, RecipientView view) {}

  private List<RecipientView> recipientViews(String condition, Map<String, Object> params) {
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
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    Map<Long, UnitSummary> unitNames =
        places.summaries(rows.stream().map(r -> num(r[6])).collect(Collectors.toSet()));
    return rows.stream()
        .map(
            r ->
                new RecipientRow(
                    num(r[1]),
                    new RecipientView(
                        num(r[0]),
                        Kind.valueOf((String) r[2]),
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        unitNames.get(num(r[6])),
                        r[7] == null ? null : num(r[7]),
                        (String) r[8],
                        r[9] == null ? null : num(r[9]))))
        .toList();
  }

  // ------------------------------------------------------------------ writing

  @Transactional
  public View create(Command cmd) {
    AwardDecisionEntity d = new AwardDecisionEntity();
    apply(d, cmd);
    List<Resolved> resolved = resolve(cmd.recipients(), cmd.decidedOn(), List.of());
    d.createdAt = Instant.now();
    d.updatedAt = d.createdAt;
    d.persist();
    insertRecipients(d.id, resolved, 0);
    audit.record(
        "AWARD",
        d.id,
        "CREATE",
        AuditService.diff(null, snapshot(d, names(resolved))),
        territory.placeOf(d.unitId).path());
    em.flush();
    return views(List.of(d.id), true).get(0);
  }

  @Transactional
  public View update(long id, long expected, Command cmd) {
    AwardDecisionEntity d = requireWritable(id);
    Etags.check(expected, d.version);
    Map<String, Object> before = snapshot(d, storedNames(d.id));
    apply(d, cmd);
    List<Resolved> resolved = resolve(cmd.recipients(), cmd.decidedOn(), List.of());
    d.updatedAt = Instant.now();
    em.createNativeQuery("DELETE FROM award_recipient WHERE decision_id = ?1")
        .setParameter(1, d.id)
        .executeUpdate();
    insertRecipients(d.id, resolved, 0);
    audit.record(
        "AWARD",
        d.id,
        "UPDATE",
        AuditService.diff(before, snapshot(d, names(resolved))),
        territory.placeOf(d.unitId).path());
    em.flush();
    return views(List.of(d.id), true).get(0);
  }

  @Transactional
  public void delete(long id, long expected) {
    AwardDecisionEntity d = requireWritable(id);
    Etags.check(expected, d.version);
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    snapshot(d, storedNames(d.id))
        .forEach((k, v) -> changes.put(k, new AuditService.Change(v, null)));
    String path = territory.placeOf(d.unitId).path();
    d.delete();
    audit.record("AWARD", id, "DELETE", changes, path);
  }

  @Transactional
  public View addRecipients(long id, long expected, List<RecipientCommand> added) {
    AwardDecisionEntity d = requireWritable(id);
    Etags.check(expected, d.version);
    List<String> before = storedNames(d.id);
    if (before.size() + added.size() > MAX_RECIPIENTS) {
      throw ProblemException.unprocessable(
          "recipients", "Một quyết định ghi tối đa " + MAX_RECIPIENTS + " người được khen");
    }
    List<Resolved> resolved = resolve(added, d.decidedOn, storedIdentities(d.id));
    Number last =
        (Number)
            em.createNativeQuery(
                    "SELECT coalesce(max(position_no), 0) FROM award_recipient WHERE decision_id = ?1")
                .setParameter(1, d.id)
                .getSingleResult();
    insertRecipients(d.id, resolved, last.intValue());
    d.updatedAt = Instant.now();
    List<String> after = new ArrayList<>(before);
    after.addAll(names(resolved));
    audit.record(
        "AWARD",
        d.id,
        "UPDATE",
        AuditService.diff(Map.of("recipients", before), Map.of("recipients", after)),
        territory.placeOf(d.unitId).path());
    em.flush();
    return views(List.of(d.id), true).get(0);
  }

  @Transactional
  public View removeRecipient(long id, long expected, long recipientId) {
    AwardDecisionEntity d = requireWritable(id);
    Etags.check(expected, d.version);
    List<String> before = storedNames(d.id);
    int removed =
        em.createNativeQuery("DELETE FROM award_recipient WHERE id = ?1 AND decision_id = ?2")
            .setParameter(1, recipientId)
            .setParameter(2, d.id)
            .executeUpdate();
    if (removed == 0) {
      throw ProblemException.notFound(
          "Quyết định không có người được khen " + recipientId + " trong danh sách");
    }
    if (before.size() == 1) {
      throw ProblemException.unprocessable(
          "recipientId",
          "Quyết định phải còn ít nhất một người được khen; hãy xóa cả quyết định nếu ghi nhầm");
    }
    d.updatedAt = Instant.now();
    audit.record(
        "AWARD",
        d.id,
        "UPDATE",
        AuditService.diff(Map.of("recipients", before), Map.of("recipients", storedNames(d.id))),
        territory.placeOf(d.unitId).path());
    em.flush();
    return views(List.of(d.id), true).get(0);
  }

  private void apply(AwardDecisionEntity d, Command cmd) {
    LocalDate day = cmd.decidedOn();
    if (day.isAfter(VietnamTime.today())) {
      throw ProblemException.unprocessable("decidedOn", "Ngày quyết định không được sau hôm nay");
    }
    CatalogueEntry authority =
        catalogueOn(Catalogue.AWARD_AUTHORITY, cmd.authorityId(), "authorityId", day);
    CatalogueEntry form = catalogueOn(Catalogue.AWARD_FORM, cmd.formId(), "formId", day);
    catalogueOn(Catalogue.AWARD_TYPE, cmd.typeId(), "typeId", day);
    powers.requireGrant(authority, form, day);
    Place unit = territory.requireActiveOn(cmd.unitId(), "unitId", day);
    String number = cmd.number().trim().replaceAll("\\s+", " ");
    String numberKey = number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    Number same =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM award_decision WHERE authority_id = ?1 AND unit_id = ?2"
                        + " AND decided_year = ?3 AND number_key = ?4 AND id <> ?5")
                .setParameter(1, authority.id())
                .setParameter(2, unit.id())
                .setParameter(3, day.getYear())
                .setParameter(4, numberKey)
                .setParameter(5, d.id == null ? -1L : d.id)
                .getSingleResult();
    if (same.longValue() > 0) {
      throw ProblemException.conflict(
          "number",
          "Quyết định số "
              + number
              + " năm "
              + day.getYear()
              + " của "
              + authority.name()
              + " ("
              + unit.name()
              + ") đã được ghi");
    }
    if (cmd.eventId() != null) {
      try {
        events.requireRef(cmd.eventId());
      } catch (ProblemException e) {
        throw ProblemException.unprocessable("eventId", "Không tìm thấy sự kiện " + cmd.eventId());
      }
    }
    if (cmd.programmeId() != null) {
      try {
        events.requireProgrammeRef(cmd.programmeId());
      } catch (ProblemException e) {
        throw ProblemException.unprocessable(
            "programmeId", "Không tìm thấy chương trình " + cmd.programmeId());
      }
    }
    d.number = number;
    d.decidedOn = day;
    d.authorityId = authority.id();
    d.unitId = unit.id();
    String issuer = blankToNull(cmd.issuerName());
    d.issuerName = issuer != null ? issuer : authority.name() + " (" + unit.name() + ")";
    d.signer = blankToNull(cmd.signer());
    d.formId = form.id();
    d.typeId = cmd.typeId();
    d.reason = blankToNull(cmd.reason());
    d.eventId = cmd.eventId();
    d.programmeId = cmd.programmeId();
  }

  /** A catalogue item in force on the decision's day (old decisions use the old lists). */
  private CatalogueEntry catalogueOn(Catalogue catalogue, Long id, String field, LocalDate day) {
    CatalogueEntry item = id == null ? null : catalogues.find(id).orElse(null);
    if (item == null || !item.catalogue().equals(catalogue.name())) {
      throw ProblemException.unprocessable(field, "Không có " + catalogue.label() + " này");
    }
    if (!item.activeOn(day)) {
      throw ProblemException.unprocessable(
          field,
          "«"
              + item.name()
              + "» không có hiệu lực vào ngày "
              + VietnamTime.format(day)
              + " (hiệu lực "
              + AwardPowerService.range(item.validFrom(), item.validTo())
              + ")");
    }
    return item;
  }

  /**
   * Checks every recipient (territory, the unit in force on the decision's day, no one twice) and
   * takes the snapshot of their names.
   */
  private List<Resolved> resolve(
      List<RecipientCommand> list, LocalDate day, List<String> existingIdentities) {
    if (list == null || list.isEmpty()) {
      throw ProblemException.unprocessable("recipients", "Ghi ít nhất một tập thể hoặc cá nhân");
    }
    if (list.size() > MAX_RECIPIENTS) {
      throw ProblemException.unprocessable(
          "recipients", "Một quyết định ghi tối đa " + MAX_RECIPIENTS + " người được khen");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < existingIdentities.size(); i++) {
      seen.put(existingIdentities.get(i), -1);
    }
    List<Resolved> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "recipients[" + i + "]";
      Resolved r = resolveOne(Objects.requireNonNull(list.get(i), field), day, field);
      Integer earlier = seen.putIfAbsent(r.identity(), i);
      if (earlier != null) {
        throw ProblemException.unprocessable(
            field,
            "«"
                + r.name()
                + "» ("
                + r.unitName()
                + ") đã có "
                + (earlier < 0 ? "trong quyết định" : "ở dòng " + (earlier + 1))
                + "; mỗi tập thể, cá nhân chỉ ghi một lần trong một quyết định");
      }
      out.add(r);
    }
    return out;
  }

  private Resolved resolveOne(RecipientCommand c, LocalDate day, String field) {
    if (c.kind() == null) {
      throw ProblemException.unprocessable(field + ".kind", "Chọn tập thể hay cá nhân");
    }
    if (c.kind() == Kind.COLLECTIVE) {
      if (c.memberId() != null || c.fullName() != null || c.position() != null) {
        throw ProblemException.unprocessable(
            field, "Tập thể không có họ tên, chức vụ hay thành viên");
      }
      if ((c.unitId() == null) == (c.modelId() == null)) {
        throw ProblemException.unprocessable(
            field, "Tập thể là một đơn vị hoặc một mô hình: chọn đúng một trong hai");
      }
      if (c.modelId() != null) {
        ModelService.ModelRef m = model(c.modelId(), field + ".modelId");
        Place u = territory.requireActiveOn(m.unitId(), field + ".modelId", day);
        if (m.establishedOn().isAfter(day)) {
          throw ProblemException.unprocessable(
              field + ".modelId",
              "Mô hình «"
                  + m.name()
                  + "» thành lập ngày "
                  + VietnamTime.format(m.establishedOn())
                  + ", sau ngày quyết định");
        }
        return new Resolved(
            Kind.COLLECTIVE, u.id(), m.id(), null, m.name(), null, u.name(), "M" + m.id());
      }
      Place u = territory.requireActiveOn(c.unitId(), field + ".unitId", day);
      return new Resolved(
          Kind.COLLECTIVE, u.id(), null, null, u.name(), null, u.name(), "U" + u.id());
    }
    if (c.modelId() != null) {
      throw ProblemException.unprocessable(field + ".modelId", "Cá nhân không gắn với mô hình");
    }
    ModelService.MemberRef member = null;
    Long unitId = c.unitId();
    if (c.memberId() != null) {
      member =
          models
              .member(c.memberId())
              .orElseThrow(
                  () ->
                      ProblemException.unprocessable(
                          field + ".memberId", "Không tìm thấy thành viên " + c.memberId()));
      model(member.modelId(), field + ".memberId");
      if (unitId == null) {
        unitId = member.teamUnitId();
      }
    }
    String name = blankToNull(c.fullName());
    if (name == null && member != null) {
      name = member.fullName();
    }
    if (name == null) {
      throw ProblemException.unprocessable(field + ".fullName", "Ghi họ và tên người được khen");
    }
    if (unitId == null) {
      throw ProblemException.unprocessable(
          field + ".unitId", "Chọn đơn vị công tác hoặc nơi ở của «" + name + "»");
    }
    Place u = territory.requireActiveOn(unitId, field + ".unitId", day);
    name = name.replaceAll("\\s+", " ");
    String identity = member != null ? "P" + member.id() : "N" + u.id() + ":" + key(name);
    return new Resolved(
        Kind.INDIVIDUAL,
        u.id(),
        null,
        member == null ? null : member.id(),
        name,
        blankToNull(c.position()),
        u.name(),
        identity);
  }

  private ModelService.ModelRef model(long id, String field) {
    try {
      return models.requireVisible(id);
    } catch (ProblemException e) {
      throw ProblemException.unprocessable(field, "Không tìm thấy mô hình " + id);
    }
  }

  private void insertRecipients(long decisionId, List<Resolved> list, int after) {
    int position = after;
    for (Resolved r : list) {
      position++;
      em.createNativeQuery(
              "INSERT INTO award_recipient (decision_id, kind, unit_id, model_id, member_id, name,"
                  + " position, unit_name, position_no) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
          .setParameter(1, decisionId)
          .setParameter(2, r.kind().name())
          .setParameter(3, r.unitId())
          .setParameter(4, r.modelId() == null ? null : r.modelId())
          .setParameter(5, r.memberId() == null ? null : r.memberId())
          .setParameter(6, r.name())
          .setParameter(7, r.position())
          .setParameter(8, r.unitName())
          .setParameter(9, position)
          .executeUpdate();
    }
  }

  /** The identities of the stored recipients (same keys as {@link Resolved#identity()}). */
  private List<String> storedIdentities(long decisionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT kind, unit_id, model_id, member_id, name_key FROM award_recipient"
                    + " WHERE decision_id = ?1")
            .setParameter(1, decisionId)
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              if ("COLLECTIVE".equals(r[0])) {
                return r[2] != null ? "M" + num(r[2]) : "U" + num(r[1]);
              }
              return r[3] != null ? "P" + num(r[3]) : "N" + num(r[1]) + ":" + key((String) r[4]);
            })
        .toList();
  }

  private List<String> storedNames(long decisionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT name, unit_name FROM award_recipient WHERE decision_id = ?1"
                    + " ORDER BY position_no")
            .setParameter(1, decisionId)
            .getResultList();
    return rows.stream().map(r -> r[0] + " — " + r[1]).toList();
  }

  private static List<String> names(List<Resolved> list) {
    return list.stream().map(r -> r.name() + " — " + r.unitName()).toList();
  }

  private static Map<String, Object> snapshot(AwardDecisionEntity d, List<String> recipients) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("number", d.number);
    s.put("decidedOn", d.decidedOn == null ? null : d.decidedOn.toString());
    s.put("authorityId", d.authorityId);
    s.put("unitId", d.unitId);
    s.put("issuerName", d.issuerName);
    s.put("signer", d.signer);
    s.put("formId", d.formId);
    s.put("typeId", d.typeId);
    s.put("reason", d.reason);
    s.put("eventId", d.eventId);
    s.put("programmeId", d.programmeId);
    s.put("recipients", recipients);
    return s;
  }

  /** A name without case, diacritics or extra spaces, to tell the same person twice. */
  static String key(String s) {
    String d = s.replace('đ', 'd').replace('Đ', 'D');
    return java.text.Normalizer.normalize(d, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .trim();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static long num(Object o) {
    return ((Number) o).longValue();
  }

  private static List<Long> longs(List<?> raw) {
    return raw.stream().map(o -> ((Number) o).longValue()).toList();
  }
}
