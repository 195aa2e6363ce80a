package vn.antq.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.db.WordSearch;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.security.Caller;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Coordination programmes: seen by everyone inside their scope and by those whose territory holds
 * it; national ones (no scope) by all.
 */
@ApplicationScoped
public class ProgrammeService {
  @Inject EntityManager em;
  @Inject WordSearch words;
  @Inject Territory territory;
  @Inject Places places;
  @Inject AuditService audit;
  @Inject Caller caller;

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

  /** A programme as other features name it. */
  public record ProgrammeRef(long id, String number, String title) {}

  /** A programme the caller may see, as other features name it (404 otherwise). */
  // a refused check leaves the caller's transaction alone (see ProblemException)
  @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
  public ProgrammeRef requireRef(long id) {
    ProgrammeEntity p = require(id);
    return new ProgrammeRef(p.id, p.number, p.title);
  }

  /** The programmes of these ids as other features name them. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, ProgrammeRef> refs(Set<Long> ids) {
    return ids.isEmpty()
        ? Map.of()
        : ProgrammeEntity.<ProgrammeEntity>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(p -> p.id, p -> new ProgrammeRef(p.id, p.number, p.title)));
  }

  /** A programme covers the caller's area, or lies inside it; national ones are seen by all. */
  boolean visible(ProgrammeEntity p) {
    return visible(p, territory.prefixes());
  }

  private boolean visible(ProgrammeEntity p, List<String> paths) {
    if (paths == null || p.scopeUnitId == null) {
      return true;
    }
    String scope = territory.placeOf(p.scopeUnitId).path();
    return paths.stream().anyMatch(t -> scope.startsWith(t) || t.startsWith(scope));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ProgrammeEntity require(long id) {
    ProgrammeEntity p = ProgrammeEntity.findById(id);
    if (p == null || !visible(p)) {
      throw ProblemException.notFound("Không tìm thấy chương trình " + id);
    }
    return p;
  }

  // ------------------------------------------------------------------ programmes

  /**
   * A page of the programmes the caller may see (their scope inside the caller's territory, or the
   * caller's territory inside their scope), newest first, filtered and paged in SQL; the page's
   * parties, names, successors and event counts in one statement each.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ProgrammeView> list(
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
    words.every(q, "programme", "title_key", "p", "q").andTo(where, params);
    if (unitId != null) {
      params.put("sub", territory.requireVisible(unitId).path());
      where.append(" AND s.path LIKE :sub || '%'");
    }
    String from = " FROM programme p LEFT JOIN unit s ON s.id = p.scope_unit_id";
    jakarta.persistence.Query count = em.createNativeQuery("SELECT count(*)" + from + where);
    params.forEach(count::setParameter);
    total[0] = Rows.toLong(count.getSingleResult());
    jakarta.persistence.Query ids =
        em.createNativeQuery(
            "SELECT p.id"
                + from
                + where
                + " ORDER BY p.signed_on DESC, p.id DESC"
                + PageRequest.limitSql(size, (long) page * size));
    params.forEach(ids::setParameter);
    List<Long> found = Rows.longs(ids.getResultList());
    List<Long> order = found.stream().map(Rows::toLong).toList();
    if (order.isEmpty()) {
      return List.of();
    }
    Map<Long, ProgrammeEntity> byId =
        ProgrammeEntity.<ProgrammeEntity>list("id in ?1", order).stream()
            .collect(Collectors.toMap(x -> x.id, x -> x));
    return programmeViews(order.stream().map(byId::get).toList());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ProgrammeView get(long id) {
    return programmeView(require(id));
  }

  private ProgrammeView programmeView(ProgrammeEntity p) {
    return programmeViews(List.of(p)).get(0);
  }

  /** Views of the given programmes, in order: parties, names, successors, event counts. */
  private List<ProgrammeView> programmeViews(List<ProgrammeEntity> programmes) {
    List<Long> ids = programmes.stream().map(p -> p.id).toList();
    List<Object[]> partyRows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT programme_id, unit_id FROM programme_party WHERE programme_id IN (:ids)"
                        + " ORDER BY programme_id, unit_id")
                .setParameter("ids", ids));
    Map<Long, List<Long>> parties = new HashMap<>();
    Set<Long> unitIds = new LinkedHashSet<>();
    for (Object[] r : partyRows) {
      parties.computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>()).add(Rows.toLong(r[1]));
      unitIds.add(Rows.toLong(r[1]));
    }
    programmes.stream()
        .map(p -> p.scopeUnitId)
        .filter(java.util.Objects::nonNull)
        .forEach(unitIds::add);
    Map<Long, UnitSummary> names = places.summaries(unitIds);
    List<Object[]> countRows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT programme_id, count(*) FROM event WHERE programme_id IN (:ids)"
                        + " GROUP BY programme_id")
                .setParameter("ids", ids));
    Map<Long, Integer> events = new HashMap<>();
    countRows.forEach(r -> events.put(Rows.toLong(r[0]), Rows.toInt(r[1])));
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
  public ProgrammeView create(ProgrammeCommand cmd) {
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
  public ProgrammeView update(long id, long expected, ProgrammeCommand cmd) {
    ProgrammeEntity p = require(id);
    Etags.check(expected, p.version);
    if (p.scopeUnitId == null ? !caller.isGlobal() : !territory.contains(p.scopeUnitId)) {
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
      require(cmd.renewedById());
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
      em.createNativeQuery("INSERT INTO programme_party (programme_id, unit_id) VALUES (?1, ?2)")
          .setParameter(1, p.id)
          .setParameter(2, party)
          .executeUpdate();
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
}
