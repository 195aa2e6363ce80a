package vn.antq.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.territory.Paths;
import vn.antq.territory.Place;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * The yearly "Công an phường điển hình, kiểu mẫu" designation of a ward's police: recorded from the
 * decision that grants it, once per unit and year, by the officers above the ward.
 */
@ApplicationScoped
public class ExemplaryPoliceService {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject AuditService audit;
  @Inject SafetyService safety;

  public record PoliceCommand(
      Long unitId,
      Integer year,
      String decisionNumber,
      LocalDate decidedOn,
      String authority,
      String note) {}

  public record PoliceView(ExemplaryPoliceEntity designation, UnitSummary unit, UnitSummary ward) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public SafetyService.Page<PoliceView> list(Long unitId, Integer year, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where =
        new StringBuilder(" FROM exemplary_police e JOIN unit u ON u.id = e.unit_id WHERE 1 = 1")
            .append(territory.predicate("u").andClause(params));
    if (unitId != null) {
      where
          .append(" AND ")
          .append(Paths.underAny("u", territory.lineage(unitId), "sub").bind(params));
    }
    if (year != null) {
      params.put("year", year);
      where.append(" AND e.year = :year");
    }
    Query count = em.createNativeQuery("SELECT count(*)" + where);
    params.forEach(count::setParameter);
    Query ids =
        em.createNativeQuery(
            "SELECT e.id"
                + where
                + " ORDER BY e.year DESC, u.name, e.id"
                + PageRequest.limitSql(size, (long) page * size));
    params.forEach(ids::setParameter);
    return new SafetyService.Page<>(
        policeViews(Rows.longs(ids.getResultList())), Rows.toLong(count.getSingleResult()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ExemplaryPoliceEntity require(long id) {
    ExemplaryPoliceEntity e = ExemplaryPoliceEntity.findById(id);
    if (e == null || !territory.contains(e.unitId)) {
      throw ProblemException.notFound("Không tìm thấy danh hiệu " + id);
    }
    return e;
  }

  private List<PoliceView> policeViews(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, ExemplaryPoliceEntity> byId = new HashMap<>();
    ExemplaryPoliceEntity.<ExemplaryPoliceEntity>list("id in ?1", ids)
        .forEach(e -> byId.put(e.id, e));
    Map<Long, Long> wardOf = new HashMap<>();
    List<Object[]> parents =
        Rows.of(
            em.createNativeQuery("SELECT id, parent_id FROM unit WHERE id IN (:ids)")
                .setParameter("ids", byId.values().stream().map(e -> e.unitId).toList()));
    parents.forEach(r -> wardOf.put(Rows.toLong(r[0]), r[1] == null ? null : Rows.toLong(r[1])));
    Set<Long> all = new HashSet<>(wardOf.keySet());
    wardOf.values().stream().filter(Objects::nonNull).forEach(all::add);
    Map<Long, UnitSummary> names = places.summaries(all);
    List<PoliceView> out = new ArrayList<>();
    for (Long id : ids) {
      ExemplaryPoliceEntity e = byId.get(id);
      Long ward = wardOf.get(e.unitId);
      out.add(new PoliceView(e, names.get(e.unitId), ward == null ? null : names.get(ward)));
    }
    return out;
  }

  @Transactional
  public PoliceView create(PoliceCommand cmd) {
    if (cmd.year() == null || cmd.decidedOn() == null) {
      throw ProblemException.unprocessable(
          cmd.year() == null ? "year" : "decidedOn", "Ghi năm và ngày quyết định");
    }
    int year = cmd.year();
    if (year > VietnamTime.today().getYear()) {
      throw ProblemException.unprocessable("year", "Năm " + year + " chưa đến");
    }
    Place unit =
        safety.activeDuring(cmd.unitId(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    Object[] parent =
        (Object[])
            em.createNativeQuery(
                    "SELECT u.kind, p.kind FROM unit u LEFT JOIN unit p ON p.id = u.parent_id"
                        + " WHERE u.id = ?1")
                .setParameter(1, unit.id())
                .getSingleResult();
    if (!"POLICE".equals(parent[0]) || !"WARD".equals(parent[1])) {
      throw ProblemException.unprocessable(
          "unitId",
          "Danh hiệu Công an phường điển hình, kiểu mẫu chỉ dành cho đơn vị công an của một"
              + " phường; «"
              + unit.name()
              + "» không phải");
    }
    safety.requireWriter(unit.id(), unit.name());
    if (cmd.decidedOn().isAfter(VietnamTime.today())
        || cmd.decidedOn().getYear() < year
        || cmd.decidedOn().getYear() > year + 1) {
      throw ProblemException.unprocessable(
          "decidedOn",
          "Ngày quyết định phải trong năm " + year + " hoặc năm sau, và không sau hôm nay");
    }
    if (ExemplaryPoliceEntity.count("unitId = ?1 and year = ?2", unit.id(), year) > 0) {
      throw ProblemException.conflict(
          "year", "«" + unit.name() + "» đã được ghi danh hiệu năm " + year);
    }
    ExemplaryPoliceEntity e = new ExemplaryPoliceEntity();
    e.unitId = unit.id();
    e.year = year;
    e.decisionNumber = cmd.decisionNumber().trim();
    e.decidedOn = cmd.decidedOn();
    e.authority = cmd.authority().trim();
    e.note = blankToNull(cmd.note());
    e.createdAt = Instant.now();
    e.updatedAt = e.createdAt;
    e.persist();
    em.flush();
    Map<String, Object> snap = new LinkedHashMap<>();
    snap.put("year", year);
    snap.put("decisionNumber", e.decisionNumber);
    snap.put("decidedOn", e.decidedOn.toString());
    snap.put("authority", e.authority);
    audit.record("EXEMPLARY_POLICE", e.id, "CREATE", AuditService.diff(null, snap), unit.path());
    return policeViews(List.of(e.id)).get(0);
  }

  @Transactional
  public void delete(long id, long expected) {
    ExemplaryPoliceEntity e = require(id);
    Place unit = territory.placeOf(e.unitId);
    safety.requireWriter(e.unitId, unit.name());
    Etags.check(expected, e.version);
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("year", new AuditService.Change(e.year, null));
    changes.put("decisionNumber", new AuditService.Change(e.decisionNumber, null));
    e.delete();
    audit.record("EXEMPLARY_POLICE", id, "DELETE", changes, unit.path());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
