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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.db.WordSearch;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.model.ModelService;
import vn.antq.security.Caller;
import vn.antq.territory.Position;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Events: reading with their links, and writing one at a time under the rules (the bulk path is
 * {@link EventBulkWriter}, attachments {@link AttachmentService}, programmes {@link
 * ProgrammeService}). An event belongs to the territory of the unit where it took place.
 */
@ApplicationScoped
public class EventService {
  public static final Map<String, String> SORTABLE =
      Map.of(
          "startsAt", "e.starts_at",
          "title", "e.title COLLATE vietnamese",
          "attendance", "e.attendance");

  /** The sort keys that may be empty. */
  public static final java.util.Set<String> NULLABLE_SORTS = java.util.Set.of("attendance");

  @Inject EntityManager em;
  @Inject WordSearch words;
  @Inject Territory territory;
  @Inject CatalogueService catalogues;
  @Inject ModelService models;
  @Inject AuditService audit;
  @Inject Caller caller;
  @Inject ProgrammeService programmes;
  @Inject EventViews views;

  public record Material(long typeId, int quantity) {}

  public record Command(
      Long typeId,
      String title,
      Instant startsAt,
      Instant endsAt,
      String location,
      Position position,
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

  public record View(
      EventEntity event,
      CatalogueEntry type,
      UnitSummary unit,
      UnitSummary lead,
      List<UnitSummary> coOrganisers,
      ProgrammeEntity programme,
      List<vn.antq.model.ModelViews.Summary> models,
      List<Map.Entry<CatalogueEntry, Integer>> materials,
      List<AttachmentService.AttachmentView> attachments) {}

  /** A page of events; {@code capped}: more matched than the count limit, not counted. */
  public record Page(List<View> content, long total, boolean capped) {}

  /** An event as other features name it (an award for it). */
  public record EventRef(long id, String title, Instant startsAt) {}

  /** An event the caller may see, as other features name it (404 otherwise). */
  // a refused check leaves the caller's transaction alone (see ProblemException)
  @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
  public EventRef requireRef(long id) {
    EventEntity e = require(id);
    return new EventRef(e.id, e.title, e.startsAt);
  }

  /** The events of these ids as other features name them (ids come from their own records). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, EventRef> eventRefs(Set<Long> ids) {
    return ids.isEmpty()
        ? Map.of()
        : EventEntity.<EventEntity>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(e -> e.id, e -> new EventRef(e.id, e.title, e.startsAt)));
  }

  // ------------------------------------------------------------------ territory

  private String territorySql(String alias, Map<String, Object> params) {
    return territory.predicate(alias).andClause(params);
  }

  private boolean inTerritory(long unitId) {
    return territory.contains(unitId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public EventEntity require(long id) {
    EventEntity e = EventEntity.findById(id);
    if (e == null || !inTerritory(e.unitId)) {
      throw ProblemException.notFound("Không tìm thấy sự kiện " + id);
    }
    return e;
  }

  // ------------------------------------------------------------------ events: reading

  /**
   * Matches are counted exactly up to this many ({@code antq.lists.count-limit}, 10,000); beyond,
   * the page says so ({@code capped}) instead of counting a province's or the nation's events at
   * every page.
   */
  @ConfigProperty(name = "antq.lists.count-limit", defaultValue = "10000")
  int countLimit;

  /** The rows a filter selects: FROM and WHERE with their parameters. */
  private record Matching(String sql, Map<String, Object> params) {
    Query query(EntityManager em, String select, String tail) {
      Query q = em.createNativeQuery(select + sql + tail);
      params.forEach(q::setParameter);
      return q;
    }
  }

  private Matching matching(Filter f) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    // a province (the filter's or the officer's own) is an indexed equality on the event's
    // province, read in date order; any other subtree matches its units' paths
    Territory.Scope scope = territory.scope(f.unitId(), "e", "u");
    // a subtree other than a province: planned for its own paths (SqlPredicate.planned)
    where.append(
        (scope.joinsUnit() ? scope.predicate().planned() : scope.predicate()).andClause(params));
    conditions(f, where, params);
    String from = " FROM event e" + (scope.joinsUnit() ? " JOIN unit u ON u.id = e.unit_id" : "");
    return new Matching(from + where, params);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page list(Filter f, int page, int size, String orderBy) {
    Matching m = matching(f);
    long total =
        Rows.toLong(
            m.query(em, "SELECT count(*) FROM (SELECT 1", " LIMIT " + (countLimit + 1) + ") c")
                .getSingleResult());
    List<Long> found =
        Rows.longs(
            m.query(
                em,
                "SELECT e.id",
                " ORDER BY " + orderBy + PageRequest.limitSql(size, (long) page * size)));
    return new Page(views.of(found), Math.min(total, countLimit), total > countLimit);
  }

  /**
   * The ids of the events a filter selects, in order, at most {@code max + 1} (one more tells the
   * caller there are too many): an export reads them once, then their views chunk by chunk.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Long> ids(Filter f, String orderBy, int max) {
    return Rows.longs(
        matching(f)
            .query(em, "SELECT e.id", " ORDER BY " + orderBy + PageRequest.limitSql(max + 1, 0)));
  }

  /** The views of {@code ids}, in their order (ids the caller already may see). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<View> viewsOf(List<Long> ids) {
    return views.of(ids);
  }

  /** The filter's conditions besides the place. */
  private void conditions(Filter f, StringBuilder where, Map<String, Object> params) {
    // every word, in any order: "ngay hoi an xuyen" finds "Ngày hội … phường An Xuyên"
    words.every(f.q(), "event", "search_key", "e", "q").andTo(where, params);
    if (f.typeId() != null) {
      params.put("typeId", f.typeId());
      where.append(" AND e.type_id = :typeId");
    }
    if (f.programmeId() != null) {
      programmes.require(f.programmeId());
      params.put("programmeId", f.programmeId());
      where.append(" AND e.programme_id = :programmeId");
    }
    if (f.organiserId() != null) {
      params.put("org", f.organiserId());
      where.append(
          " AND e.id IN (SELECT x.id FROM event x WHERE x.lead_unit_id = :org"
              + " UNION ALL SELECT o.event_id FROM event_organiser o WHERE o.unit_id = :org)");
    }
    // days are Vietnam days; an event counts when it overlaps them. It started at most the longest
    // event's duration (V34) before them: a lower bound the indexes on starts_at read, where
    // ends_at alone would read every earlier event
    if (f.from() != null) {
      params.put("from", f.from().atStartOfDay(VietnamTime.ZONE).toInstant());
      where.append(
          " AND e.ends_at > :from AND e.starts_at > CAST(:from AS timestamptz)"
              + " - (SELECT l.longest FROM event_longest l)");
    }
    if (f.to() != null) {
      params.put("to", f.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
      where.append(" AND e.starts_at < :to");
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public View get(long id) {
    require(id);
    return views.of(List.of(id)).get(0);
  }

  /** The events among {@code ids} the caller may see, as GET shows them, in a few statements. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<View> visible(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    String sql =
        "SELECT e.id FROM event e JOIN unit u ON u.id = e.unit_id WHERE e.id = ANY (CAST(:ids AS bigint[]))"
            + territorySql("u", params);
    jakarta.persistence.Query q =
        em.createNativeQuery(sql).setParameter("ids", Rows.bigintArray(ids));
    params.forEach(q::setParameter);
    List<Long> found = Rows.longs(q.getResultList());
    return views.of(found.stream().map(Rows::toLong).toList());
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
    return views.of(List.of(e.id)).get(0);
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
    return views.of(List.of(e.id)).get(0);
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
  /** The links of a stored event, as a command (for the audit's before). */
  private Command current(EventEntity e) {
    View v = views.of(List.of(e.id)).get(0);
    return new Command(
        e.typeId,
        e.title,
        e.startsAt,
        e.endsAt,
        e.location,
        Position.of(e.latitude, e.longitude, e.positionAccuracy),
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
  void apply(EventEntity e, Command cmd) {
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
    checkLinks(cmd);
    e.typeId = type.id();
    e.title = cmd.title().trim();
    e.startsAt = cmd.startsAt();
    e.endsAt = cmd.endsAt();
    e.location = blankToNull(cmd.location());
    Position at = cmd.position();
    e.latitude = at == null ? null : at.latitude();
    e.longitude = at == null ? null : at.longitude();
    e.positionAccuracy = at == null ? null : at.accuracy();
    e.unitId = cmd.unitId();
    e.leadUnitId = cmd.leadUnitId();
    e.programmeId = cmd.programmeId();
    e.attendance = cmd.attendance();
    e.sessions = cmd.sessions() == null ? 1 : cmd.sessions();
    e.outcome = blankToNull(cmd.outcome());
  }

  /** The programme, models and materials an event names are ones the caller may use. */
  private void checkLinks(Command cmd) {
    if (cmd.programmeId() != null) {
      ProgrammeEntity p = ProgrammeEntity.findById(cmd.programmeId());
      if (p == null || !programmes.visible(p)) {
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

  void insert(String sql, Object a, Object b, Object c) {
    Query q = em.createNativeQuery(sql).setParameter(1, a).setParameter(2, b);
    if (c != null) {
      q.setParameter(3, c);
    }
    q.executeUpdate();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static Map<String, Object> snapshot(EventEntity e, Command cmd) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("typeId", e.typeId);
    s.put("title", e.title);
    s.put("startsAt", e.startsAt == null ? null : e.startsAt.toString());
    s.put("endsAt", e.endsAt == null ? null : e.endsAt.toString());
    s.put("location", e.location);
    s.put("position", Position.describe(Position.of(e.latitude, e.longitude, e.positionAccuracy)));
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
