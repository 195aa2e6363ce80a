package vn.antq.event;

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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.BulkSql;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.model.ModelService;
import vn.antq.security.Caller;
import vn.antq.territory.Paths;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Events and coordination programmes. An event belongs to the territory of the unit where it took
 * place; a programme is seen by everyone inside its scope and by those whose territory holds it.
 */
@ApplicationScoped
public class EventService {
  public static final Map<String, String> SORTABLE =
      Map.of(
          "startsAt", "e.starts_at",
          "title", "e.title COLLATE vietnamese",
          "attendance", "e.attendance");

  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject CatalogueService catalogues;
  @Inject ModelService models;
  @Inject AuditService audit;
  @Inject Caller caller;

  public record Material(long typeId, int quantity) {}

  public record Command(
      Long typeId,
      String title,
      Instant startsAt,
      Instant endsAt,
      String location,
      Long unitId,
      Long leadUnitId,
      Set<Long> coOrganiserIds,
      Long programmeId,
      Set<Long> modelIds,
      Integer attendance,
      Integer sessions,
      List<Material> materials,
      String outcome) {}

  public record Filter(
      String q,
      Long typeId,
      Long programmeId,
      Long organiserId,
      Long unitId,
      LocalDate from,
      LocalDate to) {}

  public record AttachmentView(
      long id, String fileName, String contentType, long size, Instant uploadedAt) {}

  public record View(
      EventEntity event,
      CatalogueEntry type,
      UnitSummary unit,
      UnitSummary lead,
      List<UnitSummary> coOrganisers,
      ProgrammeEntity programme,
      List<vn.antq.model.ModelViews.Summary> models,
      List<Map.Entry<CatalogueEntry, Integer>> materials,
      List<AttachmentView> attachments) {}

  public record Page(List<View> content, long total) {}

  public record ProgrammeCommand(
      String number,
      String title,
      LocalDate signedOn,
      Set<Long> partyIds,
      Long scopeUnitId,
      LocalDate periodFrom,
      LocalDate periodTo,
      String status,
      Long renewedById) {}

  public record ProgrammeView(
      ProgrammeEntity programme,
      List<UnitSummary> parties,
      UnitSummary scope,
      ProgrammeEntity renewedBy,
      int eventCount) {
    public long id() {
      return programme.id;
    }
  }

  /** An event as other features name it (an award for it). */
  public record EventRef(long id, String title, Instant startsAt) {}

  /** A programme as other features name it. */
  public record ProgrammeRef(long id, String number, String title) {}

  /** An event the caller may see, as other features name it (404 otherwise). */
  // a refused check leaves the caller's transaction alone (see ProblemException)
  @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
  public EventRef requireRef(long id) {
    EventEntity e = require(id);
    return new EventRef(e.id, e.title, e.startsAt);
  }

  /** A programme the caller may see, as other features name it (404 otherwise). */
  // a refused check leaves the caller's transaction alone (see ProblemException)
  @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
  public ProgrammeRef requireProgrammeRef(long id) {
    ProgrammeEntity p = requireProgramme(id);
    return new ProgrammeRef(p.id, p.number, p.title);
  }

  /** The events of these ids as other features name them (ids come from their own records). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, EventRef> eventRefs(Set<Long> ids) {
    return ids.isEmpty()
        ? Map.of()
        : EventEntity.<EventEntity>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(e -> e.id, e -> new EventRef(e.id, e.title, e.startsAt)));
  }

  /** The programmes of these ids as other features name them. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, ProgrammeRef> programmeRefs(Set<Long> ids) {
    return ids.isEmpty()
        ? Map.of()
        : ProgrammeEntity.<ProgrammeEntity>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(p -> p.id, p -> new ProgrammeRef(p.id, p.number, p.title)));
  }

  // ------------------------------------------------------------------ territory

  private String territorySql(String alias, Map<String, Object> params) {
    return territory.predicate(alias).andClause(params);
  }

  private boolean inTerritory(long unitId) {
    return territory.contains(unitId);
  }

  /** A programme covers the caller's area, or lies inside it; national ones are seen by all. */
  private boolean programmeVisible(ProgrammeEntity p) {
    return programmeVisible(p, territory.prefixes());
  }

  private boolean programmeVisible(ProgrammeEntity p, List<String> paths) {
    if (paths == null || p.scopeUnitId == null) {
      return true;
    }
    String scope = territory.placeOf(p.scopeUnitId).path();
    return paths.stream().anyMatch(t -> scope.startsWith(t) || t.startsWith(scope));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public EventEntity require(long id) {
    EventEntity e = EventEntity.findById(id);
    if (e == null || !inTerritory(e.unitId)) {
      throw ProblemException.notFound("Không tìm thấy sự kiện " + id);
    }
    return e;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ProgrammeEntity requireProgramme(long id) {
    ProgrammeEntity p = ProgrammeEntity.findById(id);
    if (p == null || !programmeVisible(p)) {
      throw ProblemException.notFound("Không tìm thấy chương trình " + id);
    }
    return p;
  }

  // ------------------------------------------------------------------ events: reading

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page list(Filter f, int page, int size, String orderBy) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(territorySql("u", params));
    if (f.unitId() != null) {
      where
          .append(" AND ")
          .append(
              Paths.under("u", territory.requireVisible(f.unitId()).path(), "sub").bind(params));
    }
    if (f.q() != null && !f.q().isBlank()) {
      // every word, in any order: "ngay hoi an xuyen" finds "Ngày hội … phường An Xuyên"
      String[] words = f.q().trim().split("\\s+");
      for (int i = 0; i < Math.min(words.length, 8); i++) {
        params.put("q" + i, words[i]);
        where.append(" AND e.search_key LIKE '%' || f_search_key(:q" + i + ") || '%'");
      }
    }
    if (f.typeId() != null) {
      params.put("typeId", f.typeId());
      where.append(" AND e.type_id = :typeId");
    }
    if (f.programmeId() != null) {
      requireProgramme(f.programmeId());
      params.put("programmeId", f.programmeId());
      where.append(" AND e.programme_id = :programmeId");
    }
    if (f.organiserId() != null) {
      params.put("org", f.organiserId());
      where.append(
          " AND e.id IN (SELECT x.id FROM event x WHERE x.lead_unit_id = :org"
              + " UNION ALL SELECT o.event_id FROM event_organiser o WHERE o.unit_id = :org)");
    }
    // days are Vietnam days; an event counts when it overlaps them
    if (f.from() != null) {
      params.put("from", f.from().atStartOfDay(VietnamTime.ZONE).toInstant());
      where.append(" AND e.ends_at > :from");
    }
    if (f.to() != null) {
      params.put("to", f.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
      where.append(" AND e.starts_at < :to");
    }
    String from = " FROM event e JOIN unit u ON u.id = e.unit_id";
    Query count = em.createNativeQuery("SELECT count(*)" + from + where);
    params.forEach(count::setParameter);
    long total = ((Number) count.getSingleResult()).longValue();
    Query ids =
        em.createNativeQuery(
            "SELECT e.id"
                + from
                + where
                + " ORDER BY "
                + orderBy
                + ", e.id"
                + PageRequest.limitSql(size, (long) page * size));
    params.forEach(ids::setParameter);
    List<Long> found =
        ((List<?>) ids.getResultList()).stream().map(o -> ((Number) o).longValue()).toList();
    return new Page(views(found), total);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public View get(long id) {
    require(id);
    return views(List.of(id)).get(0);
  }

  /** The events among {@code ids} the caller may see, as GET shows them, in a few statements. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<View> visible(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    String sql =
        "SELECT e.id FROM event e JOIN unit u ON u.id = e.unit_id WHERE e.id IN (:ids)"
            + territorySql("u", params);
    jakarta.persistence.Query q = em.createNativeQuery(sql).setParameter("ids", ids);
    params.forEach(q::setParameter);
    @SuppressWarnings("unchecked")
    List<Object> found = q.getResultList();
    return views(found.stream().map(EventService::num).toList());
  }

  private List<View> views(List<Long> ids) {
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
      coOrganisers.computeIfAbsent(num(r[0]), k -> new ArrayList<>()).add(num(r[1]));
      unitIds.add(num(r[1]));
    }
    Map<Long, List<Long>> modelIds = new HashMap<>();
    Set<Long> allModels = new LinkedHashSet<>();
    for (Object[] r :
        rows(
            "SELECT event_id, model_id FROM event_model WHERE event_id IN (:ids) ORDER BY model_id",
            ids)) {
      modelIds.computeIfAbsent(num(r[0]), k -> new ArrayList<>()).add(num(r[1]));
      allModels.add(num(r[1]));
    }
    Map<Long, List<long[]>> materials = new HashMap<>();
    Set<Long> catIds = new LinkedHashSet<>();
    for (Object[] r :
        rows(
            "SELECT event_id, material_type_id, quantity FROM event_material WHERE event_id IN (:ids) ORDER BY material_type_id",
            ids)) {
      materials
          .computeIfAbsent(num(r[0]), k -> new ArrayList<>())
          .add(new long[] {num(r[1]), num(r[2])});
      catIds.add(num(r[1]));
    }
    Map<Long, List<AttachmentView>> attachments = new HashMap<>();
    for (Object[] r :
        rows(
            "SELECT event_id, id, file_name, content_type, size, uploaded_at FROM event_attachment WHERE event_id IN (:ids) ORDER BY id",
            ids)) {
      attachments
          .computeIfAbsent(num(r[0]), k -> new ArrayList<>())
          .add(
              new AttachmentView(
                  num(r[1]), (String) r[2], (String) r[3], num(r[4]), instant(r[5])));
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
    Map<Long, ProgrammeEntity> programmes =
        programmeIds.isEmpty()
            ? Map.of()
            : ProgrammeEntity.<ProgrammeEntity>list("id in ?1", programmeIds).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p));
    Map<Long, vn.antq.model.ModelViews.Summary> modelViews =
        models.summaries(new ArrayList<>(allModels)).stream()
            .collect(Collectors.toMap(m -> m.id(), m -> m));
    List<View> out = new ArrayList<>();
    for (Long id : ids) {
      EventEntity e = events.get(id);
      out.add(
          new View(
              e,
              cats.get(e.typeId),
              unitNames.get(e.unitId),
              unitNames.get(e.leadUnitId),
              coOrganisers.getOrDefault(id, List.of()).stream().map(unitNames::get).toList(),
              e.programmeId == null ? null : programmes.get(e.programmeId),
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

  static long num(Object o) {
    return ((Number) o).longValue();
  }

  static Instant instant(Object o) {
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return (Instant) o;
  }

  // ------------------------------------------------------------------ events: writing

  @Transactional
  public View create(Command cmd) {
    EventEntity e = new EventEntity();
    apply(e, cmd);
    e.createdAt = Instant.now();
    e.updatedAt = e.createdAt;
    e.persist();
    links(e, cmd);
    audit.record(
        "EVENT",
        e.id,
        "CREATE",
        AuditService.diff(null, snapshot(e, cmd)),
        territory.placeOf(e.unitId).path());
    return views(List.of(e.id)).get(0);
  }

  @Transactional
  public View update(long id, long expected, Command cmd) {
    EventEntity e = require(id);
    Etags.check(expected, e.version);
    Map<String, Object> before = snapshot(e, current(e));
    apply(e, cmd);
    e.updatedAt = Instant.now();
    em.createNativeQuery("DELETE FROM event_organiser WHERE event_id = ?1")
        .setParameter(1, e.id)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM event_model WHERE event_id = ?1")
        .setParameter(1, e.id)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM event_material WHERE event_id = ?1")
        .setParameter(1, e.id)
        .executeUpdate();
    links(e, cmd);
    audit.record(
        "EVENT",
        e.id,
        "UPDATE",
        AuditService.diff(before, snapshot(e, cmd)),
        territory.placeOf(e.unitId).path());
    em.flush();
    return views(List.of(e.id)).get(0);
  }

  @Transactional
  public void delete(long id, long expected) {
    EventEntity e = require(id);
    Etags.check(expected, e.version);
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    snapshot(e, current(e)).forEach((k, v) -> changes.put(k, new AuditService.Change(v, null)));
    String path = territory.placeOf(e.unitId).path();
    e.delete();
    audit.record("EVENT", id, "DELETE", changes, path);
  }

  /**
   * What became of one command of {@link #createAll}: the new event's id, or why it was refused.
   */
  public record Created(Long id, ProblemException problem) {}

  /**
   * Creates many events under the rules of {@link #create}: every command is checked first (the
   * caller's territory read once; units and catalogue items come from the persistence context after
   * their first read), then the accepted ones are written with one statement per table — events,
   * organisers, models, materials, audit records — and the statement-level triggers (V18) fold them
   * into the pre-aggregates and the change log. A refused command writes nothing; the answers are
   * in the commands' order.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Created> createAll(List<Command> cmds) {
    Created[] out = new Created[cmds.size()];
    List<Integer> accepted = new ArrayList<>();
    List<EventEntity> events = new ArrayList<>();
    for (int i = 0; i < cmds.size(); i++) {
      EventEntity e = new EventEntity();
      try {
        apply(e, cmds.get(i));
        accepted.add(i);
        events.add(e);
      } catch (ProblemException p) {
        out[i] = new Created(null, p);
      }
    }
    if (events.isEmpty()) {
      return List.of(out);
    }
    List<Long> ids = BulkSql.nextIds(em, "event", events.size());
    int n = events.size();
    Object[][] ev = new Object[12][n];
    List<Object> orgEvent = new ArrayList<>();
    List<Object> orgUnit = new ArrayList<>();
    List<Object> modelEvent = new ArrayList<>();
    List<Object> modelId = new ArrayList<>();
    List<Object> materialEvent = new ArrayList<>();
    List<Object> materialType = new ArrayList<>();
    List<Object> materialQuantity = new ArrayList<>();
    List<AuditService.Entry> trail = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      EventEntity e = events.get(k);
      Command cmd = cmds.get(accepted.get(k));
      e.id = ids.get(k);
      e.version = 0L;
      Object[] values = {
        e.id,
        e.typeId,
        e.title,
        e.startsAt.toString(),
        e.endsAt.toString(),
        e.location,
        e.unitId,
        e.leadUnitId,
        e.programmeId,
        e.attendance,
        e.sessions,
        e.outcome
      };
      for (int c = 0; c < values.length; c++) {
        ev[c][k] = values[c];
      }
      for (Long id : cmd.coOrganiserIds() == null ? Set.<Long>of() : cmd.coOrganiserIds()) {
        orgEvent.add(e.id);
        orgUnit.add(id);
      }
      for (Long m : cmd.modelIds() == null ? Set.<Long>of() : cmd.modelIds()) {
        modelEvent.add(e.id);
        modelId.add(m);
      }
      for (Material m : cmd.materials() == null ? List.<Material>of() : cmd.materials()) {
        materialEvent.add(e.id);
        materialType.add(m.typeId());
        materialQuantity.add(m.quantity());
      }
      trail.add(
          new AuditService.Entry(
              e.id, AuditService.diff(null, snapshot(e, cmd)), territory.placeOf(e.unitId).path()));
      out[accepted.get(k)] = new Created(e.id, null);
    }
    String[] types = {
      "int8", "int8", "text", "text", "text", "text", "int8", "int8", "int8", "int4", "int4", "text"
    };
    Object[] columns = new Object[types.length];
    for (int c = 0; c < types.length; c++) {
      columns[c] = new BulkSql.Column(types[c], ev[c]);
    }
    // the audit records first: the events' insert locks their pre-aggregate rows (V22), which
    // another import lane then waits for until this transaction commits
    audit.recordAll("EVENT", "CREATE", trail);
    BulkSql.execute(
        em,
        "INSERT INTO event (id, type_id, title, starts_at, ends_at, location, unit_id,"
            + " lead_unit_id, programme_id, attendance, sessions, outcome, version, created_at,"
            + " updated_at)"
            + " SELECT id, type_id, title, CAST(starts_at AS timestamptz),"
            + " CAST(ends_at AS timestamptz), location, unit_id, lead_unit_id, programme_id,"
            + " attendance, sessions, outcome, 0, now(), now()"
            + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS u(id, type_id, title,"
            + " starts_at, ends_at, location, unit_id, lead_unit_id, programme_id, attendance,"
            + " sessions, outcome)",
        columns);
    if (!orgEvent.isEmpty()) {
      BulkSql.execute(
          em,
          "INSERT INTO event_organiser (event_id, unit_id) SELECT * FROM unnest(?, ?)",
          BulkSql.Column.of("int8", orgEvent),
          BulkSql.Column.of("int8", orgUnit));
    }
    if (!modelEvent.isEmpty()) {
      BulkSql.execute(
          em,
          "INSERT INTO event_model (event_id, model_id) SELECT * FROM unnest(?, ?)",
          BulkSql.Column.of("int8", modelEvent),
          BulkSql.Column.of("int8", modelId));
    }
    if (!materialEvent.isEmpty()) {
      BulkSql.execute(
          em,
          "INSERT INTO event_material (event_id, material_type_id, quantity)"
              + " SELECT * FROM unnest(?, ?, ?)",
          BulkSql.Column.of("int8", materialEvent),
          BulkSql.Column.of("int8", materialType),
          BulkSql.Column.of("int4", materialQuantity));
    }
    return List.of(out);
  }

  /** The links of a stored event, as a command (for the audit's before). */
  private Command current(EventEntity e) {
    View v = views(List.of(e.id)).get(0);
    return new Command(
        e.typeId,
        e.title,
        e.startsAt,
        e.endsAt,
        e.location,
        e.unitId,
        e.leadUnitId,
        v.coOrganisers().stream()
            .map(UnitSummary::id)
            .collect(Collectors.toCollection(LinkedHashSet::new)),
        e.programmeId,
        v.models().stream()
            .map(vn.antq.model.ModelViews.Summary::id)
            .collect(Collectors.toCollection(LinkedHashSet::new)),
        e.attendance,
        e.sessions,
        v.materials().stream().map(m -> new Material(m.getKey().id(), m.getValue())).toList(),
        e.outcome);
  }

  /** Checks a command (in the caller's territory) and copies it onto the event. */
  private void apply(EventEntity e, Command cmd) {
    if (!cmd.endsAt().isAfter(cmd.startsAt())) {
      throw ProblemException.unprocessable(
          "endsAt", "Thời điểm kết thúc phải sau thời điểm bắt đầu");
    }
    if (cmd.startsAt().isAfter(Instant.now().plus(java.time.Duration.ofDays(366)))) {
      throw ProblemException.unprocessable("startsAt", "Chỉ ghi sự kiện trong vòng một năm tới");
    }
    LocalDate day = cmd.startsAt().atZone(VietnamTime.ZONE).toLocalDate();
    CatalogueEntry type =
        e.id != null && cmd.typeId().equals(e.typeId)
            ? catalogues.find(e.typeId).orElse(null)
            : catalogues.requireActive(Catalogue.EVENT_TYPE, cmd.typeId(), "typeId");
    territory.requireActiveOn(cmd.unitId(), "unitId", day);
    territory.requireActiveOn(cmd.leadUnitId(), "leadUnitId", day);
    Set<Long> co = cmd.coOrganiserIds() == null ? Set.of() : cmd.coOrganiserIds();
    for (Long id : co) {
      if (id == null || id.equals(cmd.leadUnitId())) {
        throw ProblemException.unprocessable(
            "coOrganiserIds", "Đơn vị chủ trì không đồng thời là đơn vị phối hợp");
      }
      territory.requireActiveOn(id, "coOrganiserIds", day);
    }
    if (cmd.programmeId() != null) {
      ProgrammeEntity p = ProgrammeEntity.findById(cmd.programmeId());
      if (p == null || !programmeVisible(p, territory.prefixes())) {
        throw ProblemException.unprocessable(
            "programmeId", "Không tìm thấy chương trình " + cmd.programmeId());
      }
    }
    if (cmd.modelIds() != null) {
      for (Long m : cmd.modelIds()) {
        try {
          models.requireVisible(m);
        } catch (ProblemException ex) {
          throw ProblemException.unprocessable("modelIds", "Không tìm thấy mô hình " + m);
        }
      }
    }
    Set<Long> seen = new LinkedHashSet<>();
    for (Material m : cmd.materials() == null ? List.<Material>of() : cmd.materials()) {
      if (m.quantity() < 0) {
        throw ProblemException.unprocessable("materials", "Số lượng không được âm");
      }
      if (!seen.add(m.typeId())) {
        throw ProblemException.unprocessable("materials", "Mỗi loại tài liệu chỉ ghi một lần");
      }
      catalogues.requireActive(Catalogue.MATERIAL_TYPE, m.typeId(), "materials");
    }
    e.typeId = type.id();
    e.title = cmd.title().trim();
    e.startsAt = cmd.startsAt();
    e.endsAt = cmd.endsAt();
    e.location = blankToNull(cmd.location());
    e.unitId = cmd.unitId();
    e.leadUnitId = cmd.leadUnitId();
    e.programmeId = cmd.programmeId();
    e.attendance = cmd.attendance();
    e.sessions = cmd.sessions() == null ? 1 : cmd.sessions();
    e.outcome = blankToNull(cmd.outcome());
  }

  /** Co-organisers, models and materials (the lead organiser is the event's lead_unit_id). */
  private void links(EventEntity e, Command cmd) {
    for (Long id : cmd.coOrganiserIds() == null ? Set.<Long>of() : cmd.coOrganiserIds()) {
      insert("INSERT INTO event_organiser (event_id, unit_id) VALUES (?1, ?2)", e.id, id, null);
    }
    for (Long m : cmd.modelIds() == null ? Set.<Long>of() : cmd.modelIds()) {
      insert("INSERT INTO event_model (event_id, model_id) VALUES (?1, ?2)", e.id, m, null);
    }
    for (Material m : cmd.materials() == null ? List.<Material>of() : cmd.materials()) {
      insert(
          "INSERT INTO event_material (event_id, material_type_id, quantity) VALUES (?1, ?2, ?3)",
          e.id,
          m.typeId(),
          m.quantity());
    }
  }

  private void insert(String sql, Object a, Object b, Object c) {
    Query q = em.createNativeQuery(sql).setParameter(1, a).setParameter(2, b);
    if (c != null) {
      q.setParameter(3, c);
    }
    q.executeUpdate();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Map<String, Object> snapshot(EventEntity e, Command cmd) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("typeId", e.typeId);
    s.put("title", e.title);
    s.put("startsAt", e.startsAt == null ? null : e.startsAt.toString());
    s.put("endsAt", e.endsAt == null ? null : e.endsAt.toString());
    s.put("location", e.location);
    s.put("unitId", e.unitId);
    s.put("leadUnitId", e.leadUnitId);
    s.put(
        "coOrganiserIds",
        cmd.coOrganiserIds() == null
            ? List.of()
            : new ArrayList<>(new java.util.TreeSet<>(cmd.coOrganiserIds())));
    s.put("programmeId", e.programmeId);
    s.put("attendance", e.attendance);
    s.put("sessions", e.sessions);
    s.put("outcome", e.outcome);
    return s;
  }

  // ------------------------------------------------------------------ attachments

  public static final long MAX_ATTACHMENT = 10L * 1024 * 1024;

  @Transactional
  public AttachmentView attach(long eventId, String fileName, byte[] content) {
    EventEntity e = require(eventId);
    if (content == null || content.length == 0) {
      throw ProblemException.badRequest("file", "Tệp rỗng");
    }
    if (content.length > MAX_ATTACHMENT) {
      throw new ProblemException(
          vn.antq.common.problem.ProblemType.PAYLOAD_TOO_LARGE, "Tệp đính kèm tối đa 10 MB");
    }
    String type = sniff(content);
    if (type == null) {
      throw new ProblemException(
          vn.antq.common.problem.ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Chỉ đính kèm ảnh JPEG, PNG hoặc tệp PDF");
    }
    String name = cleanName(fileName);
    String sha;
    try {
      sha =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "INSERT INTO event_attachment (event_id, file_name, content_type, size, sha256, content)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id, uploaded_at")
                .setParameter(1, e.id)
                .setParameter(2, name)
                .setParameter(3, type)
                .setParameter(4, (long) content.length)
                .setParameter(5, sha)
                .setParameter(6, content)
                .getSingleResult();
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put(
        "attachment", new AuditService.Change(null, name + " (" + content.length + " byte)"));
    audit.record("EVENT", e.id, "ATTACH", changes, territory.placeOf(e.unitId).path());
    return new AttachmentView(num(row[0]), name, type, content.length, instant(row[1]));
  }

  public record Download(String fileName, String contentType, byte[] content) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Download download(long eventId, long attachmentId) {
    require(eventId);
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        em.createNativeQuery(
                "SELECT file_name, content_type, content FROM event_attachment WHERE id = ?1 AND event_id = ?2")
            .setParameter(1, attachmentId)
            .setParameter(2, eventId)
            .getResultList();
    if (found.isEmpty()) {
      throw ProblemException.notFound("Không tìm thấy tệp đính kèm " + attachmentId);
    }
    Object[] r = found.get(0);
    return new Download((String) r[0], (String) r[1], (byte[]) r[2]);
  }

  @Transactional
  public void detach(long eventId, long attachmentId) {
    EventEntity e = require(eventId);
    String name = download(eventId, attachmentId).fileName();
    em.createNativeQuery("DELETE FROM event_attachment WHERE id = ?1 AND event_id = ?2")
        .setParameter(1, attachmentId)
        .setParameter(2, eventId)
        .executeUpdate();
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("attachment", new AuditService.Change(name, null));
    audit.record("EVENT", e.id, "DETACH", changes, territory.placeOf(e.unitId).path());
  }

  /** The type the bytes really are (never the type the client claims). */
  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length >= 8
        && (b[0] & 0xFF) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0D
        && b[5] == 0x0A
        && b[6] == 0x1A
        && b[7] == 0x0A) {
      return "image/png";
    }
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return "application/pdf";
    }
    return null;
  }

  static String cleanName(String raw) {
    String name = raw == null ? "" : raw;
    try {
      name = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException ignored) {
      // not URL-encoded: taken as it is
    }
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (name.isEmpty()) {
      name = "tep-dinh-kem";
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  // ------------------------------------------------------------------ programmes

  /**
   * A page of the programmes the caller may see (their scope inside the caller's territory, or the
   * caller's territory inside their scope), newest first, filtered and paged in SQL; the page's
   * parties, names, successors and event counts in one statement each.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ProgrammeView> programmes(
      String q, Long unitId, String status, int page, int size, long[] total) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<String> bounds = territory.prefixes();
    if (bounds != null) {
      StringBuilder any = new StringBuilder();
      for (int i = 0; i < bounds.size(); i++) {
        params.put("terr" + i, bounds.get(i));
        any.append(i == 0 ? "" : " OR ")
            .append("s.path LIKE :terr")
            .append(i)
            .append(" || '%' OR :terr")
            .append(i)
            .append(" LIKE s.path || '%'");
      }
      // national programmes (no scope) are everyone's
      where
          .append(" AND (p.scope_unit_id IS NULL")
          .append(bounds.isEmpty() ? "" : " OR " + any)
          .append(")");
    }
    if (status != null) {
      params.put("status", status);
      where.append(" AND p.status = :status");
    }
    if (q != null && !q.isBlank()) {
      params.put("q", q.trim());
      where.append(" AND p.title_key LIKE '%' || f_search_key(:q) || '%'");
    }
    if (unitId != null) {
      params.put("sub", territory.requireVisible(unitId).path());
      where.append(" AND s.path LIKE :sub || '%'");
    }
    String from = " FROM programme p LEFT JOIN unit s ON s.id = p.scope_unit_id";
    jakarta.persistence.Query count = em.createNativeQuery("SELECT count(*)" + from + where);
    params.forEach(count::setParameter);
    total[0] = ((Number) count.getSingleResult()).longValue();
    jakarta.persistence.Query ids =
        em.createNativeQuery(
            "SELECT p.id"
                + from
                + where
                + " ORDER BY p.signed_on DESC, p.id DESC"
                + PageRequest.limitSql(size, (long) page * size));
    params.forEach(ids::setParameter);
    @SuppressWarnings("unchecked")
    List<Object> found = ids.getResultList();
    List<Long> order = found.stream().map(EventService::num).toList();
    if (order.isEmpty()) {
      return List.of();
    }
    Map<Long, ProgrammeEntity> byId =
        ProgrammeEntity.<ProgrammeEntity>list("id in ?1", order).stream()
            .collect(Collectors.toMap(x -> x.id, x -> x));
    return programmeViews(order.stream().map(byId::get).toList());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ProgrammeView programme(long id) {
    return programmeView(requireProgramme(id));
  }

  private ProgrammeView programmeView(ProgrammeEntity p) {
    return programmeViews(List.of(p)).get(0);
  }

  /** Views of the given programmes, in order: parties, names, successors, event counts. */
  private List<ProgrammeView> programmeViews(List<ProgrammeEntity> programmes) {
    List<Long> ids = programmes.stream().map(p -> p.id).toList();
    @SuppressWarnings("unchecked")
    List<Object[]> partyRows =
        em.createNativeQuery(
                "SELECT programme_id, unit_id FROM programme_party WHERE programme_id IN (:ids)"
                    + " ORDER BY programme_id, unit_id")
            .setParameter("ids", ids)
            .getResultList();
    Map<Long, List<Long>> parties = new HashMap<>();
    Set<Long> unitIds = new LinkedHashSet<>();
    for (Object[] r : partyRows) {
      parties.computeIfAbsent(num(r[0]), k -> new ArrayList<>()).add(num(r[1]));
      unitIds.add(num(r[1]));
    }
    programmes.stream()
        .map(p -> p.scopeUnitId)
        .filter(java.util.Objects::nonNull)
        .forEach(unitIds::add);
    Map<Long, UnitSummary> names = places.summaries(unitIds);
    @SuppressWarnings("unchecked")
    List<Object[]> countRows =
        em.createNativeQuery(
                "SELECT programme_id, count(*) FROM event WHERE programme_id IN (:ids)"
                    + " GROUP BY programme_id")
            .setParameter("ids", ids)
            .getResultList();
    Map<Long, Integer> events = new HashMap<>();
    countRows.forEach(r -> events.put(num(r[0]), ((Number) r[1]).intValue()));
    List<Long> successorIds =
        programmes.stream().map(p -> p.renewedById).filter(java.util.Objects::nonNull).toList();
    Map<Long, ProgrammeEntity> successors =
        successorIds.isEmpty()
            ? Map.of()
            : ProgrammeEntity.<ProgrammeEntity>list("id in ?1", successorIds).stream()
                .collect(Collectors.toMap(x -> x.id, x -> x));
    return programmes.stream()
        .map(
            p ->
                new ProgrammeView(
                    p,
                    parties.getOrDefault(p.id, List.of()).stream().map(names::get).toList(),
                    p.scopeUnitId == null ? null : names.get(p.scopeUnitId),
                    p.renewedById == null ? null : successors.get(p.renewedById),
                    events.getOrDefault(p.id, 0)))
        .toList();
  }

  @Transactional
  public ProgrammeView createProgramme(ProgrammeCommand cmd) {
    ProgrammeEntity p = new ProgrammeEntity();
    applyProgramme(p, cmd);
    p.createdAt = Instant.now();
    p.updatedAt = p.createdAt;
    p.persist();
    parties(p, cmd);
    audit.record(
        "PROGRAMME", p.id, "CREATE", AuditService.diff(null, programmeSnapshot(p, cmd)), null);
    return programmeView(p);
  }

  @Transactional
  public ProgrammeView updateProgramme(long id, long expected, ProgrammeCommand cmd) {
    ProgrammeEntity p = requireProgramme(id);
    Etags.check(expected, p.version);
    if (p.scopeUnitId == null ? !caller.isGlobal() : !inTerritory(p.scopeUnitId)) {
      throw new io.quarkus.security.ForbiddenException();
    }
    ProgrammeView before = programmeView(p);
    Map<String, Object> old =
        programmeSnapshot(
            p,
            new ProgrammeCommand(
                p.number,
                p.title,
                p.signedOn,
                before.parties().stream().map(UnitSummary::id).collect(Collectors.toSet()),
                p.scopeUnitId,
                p.periodFrom,
                p.periodTo,
                p.status,
                p.renewedById));
    applyProgramme(p, cmd);
    p.updatedAt = Instant.now();
    em.createNativeQuery("DELETE FROM programme_party WHERE programme_id = ?1")
        .setParameter(1, p.id)
        .executeUpdate();
    parties(p, cmd);
    audit.record(
        "PROGRAMME", p.id, "UPDATE", AuditService.diff(old, programmeSnapshot(p, cmd)), null);
    em.flush();
    return programmeView(p);
  }

  private void applyProgramme(ProgrammeEntity p, ProgrammeCommand cmd) {
    if (cmd.scopeUnitId() == null) {
      if (!caller.isGlobal()) {
        throw ProblemException.unprocessable(
            "scopeUnitId", "Chọn phạm vi; chương trình toàn quốc do quản trị viên ghi");
      }
    } else {
      // unknown and foreign units read the same (422), as everywhere
      territory.requirePlace(cmd.scopeUnitId(), "scopeUnitId");
    }
    for (Long party : cmd.partyIds()) {
      if (party == null) {
        throw ProblemException.unprocessable("partyIds", "Danh sách đơn vị ký kết có giá trị rỗng");
      }
      territory.requireActiveOn(party, "partyIds", cmd.signedOn());
    }
    if (cmd.periodTo() != null && cmd.periodTo().isBefore(cmd.periodFrom())) {
      throw ProblemException.unprocessable("periodTo", "Ngày kết thúc phải từ ngày bắt đầu");
    }
    if ("RENEWED".equals(cmd.status())) {
      if (cmd.renewedById() == null || (p.id != null && cmd.renewedById().equals(p.id))) {
        throw ProblemException.unprocessable("renewedById", "Chọn chương trình thay thế");
      }
      requireProgramme(cmd.renewedById());
    } else if (cmd.renewedById() != null) {
      throw ProblemException.unprocessable(
          "renewedById", "Chỉ ghi chương trình thay thế khi trạng thái là «được thay thế»");
    }
    p.number = cmd.number().trim();
    p.title = cmd.title().trim();
    p.signedOn = cmd.signedOn();
    p.scopeUnitId = cmd.scopeUnitId();
    p.periodFrom = cmd.periodFrom();
    p.periodTo = cmd.periodTo();
    p.status = cmd.status();
    p.renewedById = cmd.renewedById();
  }

  private void parties(ProgrammeEntity p, ProgrammeCommand cmd) {
    for (Long party : cmd.partyIds()) {
      insert(
          "INSERT INTO programme_party (programme_id, unit_id) VALUES (?1, ?2)", p.id, party, null);
    }
  }

  private static Map<String, Object> programmeSnapshot(ProgrammeEntity p, ProgrammeCommand cmd) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("number", p.number);
    s.put("title", p.title);
    s.put("signedOn", p.signedOn);
    s.put("partyIds", new ArrayList<>(new java.util.TreeSet<>(cmd.partyIds())));
    s.put("scopeUnitId", p.scopeUnitId);
    s.put("periodFrom", p.periodFrom);
    s.put("periodTo", p.periodTo);
    s.put("status", p.status);
    s.put("renewedById", p.renewedById);
    return s;
  }

  /** Case- and diacritics-insensitive comparison for the (short) programme list. */
  static final class RosterKey {
    private RosterKey() {}

    static String plain(String s) {
      return java.text.Normalizer.normalize(
              s.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
          .replaceAll("\\p{M}", "")
          .replace('đ', 'd')
          .replaceAll("\\s+", " ")
          .trim();
    }
  }
}
