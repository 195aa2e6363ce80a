package vn.antq.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.security.Caller;
import vn.antq.security.Role;
import vn.antq.territory.Paths;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Reported figures as the caller may read them — the list, one period, its revisions — and what the
 * caller may do with each (edit, review).
 */
@ApplicationScoped
public class IndicatorQueries {
  public static final Map<String, String> SORTABLE =
      Map.of(
          "periodStart", "r.period_start",
          "updatedAt", "r.updated_at",
          "submittedAt", "r.submitted_at");

  static final Set<Role> WRITERS =
      Set.of(Role.ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER, Role.INTEGRATION);

  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject CatalogueService catalogues;
  @Inject Caller caller;

  public record Filter(
      Long unitId, String status, Integer year, boolean awaitingMe, boolean allRevisions) {}

  public record Value(CatalogueEntry indicator, long value) {}

  public record View(
      IndicatorReportEntity report,
      UnitSummary unit,
      List<Value> values,
      boolean canEdit,
      boolean canReview) {
    public long id() {
      return report.id;
    }

    public long version() {
      return report.version;
    }

    public Period period() {
      return Period.from(report.periodStart, report.periodMonths);
    }
  }

  public record Page(List<View> content, long total) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page list(Filter f, int page, int size, String orderBy) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where =
        new StringBuilder(" FROM indicator_report r JOIN unit u ON u.id = r.unit_id WHERE 1 = 1")
            .append(territory.predicate("u").andClause(params));
    if (f.unitId() != null) {
      where
          .append(" AND ")
          .append(Paths.underAny("u", territory.lineage(f.unitId()), "sub").bind(params));
    }
    if (f.status() != null) {
      params.put("status", f.status());
      where.append(" AND r.status = :status");
    }
    if (f.year() != null) {
      params.put("ya", LocalDate.of(f.year(), 1, 1));
      params.put("yb", LocalDate.of(f.year() + 1, 1, 1));
      where.append(" AND r.period_start >= :ya AND r.period_start < :yb");
    }
    if (f.awaitingMe()) {
      where.append(" AND r.status = 'SUBMITTED'");
      Role role = caller.role();
      if (role == Role.PROVINCE_OFFICER && caller.unitId() != null) {
        params.put("me", caller.unitId());
        where.append(" AND r.unit_id <> :me");
      } else if (role != Role.ADMIN) {
        where.append(" AND 1 = 0");
      }
    }
    if (!f.allRevisions()) {
      where.append(
          " AND NOT EXISTS (SELECT 1 FROM indicator_report n WHERE n.unit_id = r.unit_id"
              + " AND n.period_start = r.period_start AND n.period_months = r.period_months"
              + " AND n.revision > r.revision)");
    }
    Query count = em.createNativeQuery("SELECT count(*)" + where);
    params.forEach(count::setParameter);
    long total = Rows.toLong(count.getSingleResult());
    Query ids =
        em.createNativeQuery(
            "SELECT r.id"
                + where
                + " ORDER BY "
                + orderBy
                + ", u.name, r.revision DESC, r.id DESC"
                + PageRequest.limitSql(size, (long) page * size));
    params.forEach(ids::setParameter);
    return new Page(views(Rows.longs(ids.getResultList())), total);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public View get(long id) {
    return views(List.of(require(id).id)).get(0);
  }

  /** Every revision of the same unit and period, the newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<View> revisions(long id) {
    IndicatorReportEntity r = require(id);
    List<Long> ids =
        IndicatorReportEntity.<IndicatorReportEntity>list(
                "unitId = ?1 and periodStart = ?2 and periodMonths = ?3 order by revision desc",
                r.unitId,
                r.periodStart,
                r.periodMonths)
            .stream()
            .map(x -> x.id)
            .toList();
    return views(ids);
  }

  /** A report the caller may see: its unit lies in the caller's territory (404 otherwise). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public IndicatorReportEntity require(long id) {
    IndicatorReportEntity r = IndicatorReportEntity.findById(id);
    if (r == null || !territory.contains(r.unitId)) {
      throw ProblemException.notFound("Không tìm thấy kỳ báo cáo số liệu " + id);
    }
    return r;
  }

  private List<View> views(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, IndicatorReportEntity> byId = new HashMap<>();
    IndicatorReportEntity.<IndicatorReportEntity>list("id in ?1", ids)
        .forEach(r -> byId.put(r.id, r));
    Set<Long> unitIds = new HashSet<>();
    byId.values().forEach(r -> unitIds.add(r.unitId));
    Map<Long, UnitSummary> unitsById = places.summaries(unitIds);
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT v.report_id, v.indicator_id, v.value FROM indicator_value v"
                        + " WHERE v.report_id IN (:ids)")
                .setParameter("ids", ids));
    Set<Long> indicatorIds = new HashSet<>();
    rows.forEach(r -> indicatorIds.add(Rows.toLong(r[1])));
    Map<Long, CatalogueEntry> items = catalogues.byIds(indicatorIds);
    Map<Long, List<Value>> values = new HashMap<>();
    for (Object[] r : rows) {
      values
          .computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>())
          .add(new Value(items.get(Rows.toLong(r[1])), Rows.toLong(r[2])));
    }
    // indicators in catalogue order (their codes), the order of the entry form
    values
        .values()
        .forEach(l -> l.sort((a, b) -> Long.compare(a.indicator().id(), b.indicator().id())));
    List<View> out = new ArrayList<>();
    for (Long id : ids) {
      IndicatorReportEntity r = byId.get(id);
      out.add(
          new View(
              r,
              unitsById.get(r.unitId),
              values.getOrDefault(id, List.of()),
              editable(r) && mayWrite(r.unitId),
              "SUBMITTED".equals(r.status) && mayReview(r.unitId)));
    }
    return out;
  }

  // ------------------------------------------------------------------ who may do what

  static boolean editable(IndicatorReportEntity r) {
    return "DRAFT".equals(r.status) || "RETURNED".equals(r.status);
  }

  boolean mayWrite(long unitId) {
    return WRITERS.contains(caller.role()) && territory.contains(unitId);
  }

  /** Administrators, and province officers for the units below their own. */
  boolean mayReview(long unitId) {
    Role role = caller.role();
    if (role == Role.ADMIN) {
      return true;
    }
    return role == Role.PROVINCE_OFFICER
        && territory.contains(unitId)
        && !Objects.equals(caller.unitId(), unitId);
  }

  IndicatorReportEntity requireWritable(long id, long expected) {
    IndicatorReportEntity r = require(id);
    if (!mayWrite(r.unitId)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN, "Chỉ cán bộ của đơn vị được nhập, sửa số liệu của đơn vị.");
    }
    Etags.check(expected, r.version);
    return r;
  }
}
