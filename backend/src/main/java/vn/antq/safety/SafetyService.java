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
import java.util.stream.Collectors;
import vn.antq.api.model.Violation;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueSeeder;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.security.Caller;
import vn.antq.security.Role;
import vn.antq.territory.Paths;
import vn.antq.territory.Place;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * The safety standard "An toàn về an ninh, trật tự" (Thông tư 124/2021/TT-BCA, amended by
 * 48/2025/TT-BCA): which criteria apply to a unit (by its kind: residential area, commune/ward,
 * agency, enterprise, school) over which period of a year, a yearly assessment with every criterion
 * met or not and its evidence, the result (met when every criterion is), and who recognised it. A
 * unit never assesses itself. The yearly "Công an phường điển hình, kiểu mẫu" designation is {@link
 * ExemplaryPoliceService}.
 */
@ApplicationScoped
public class SafetyService {
  public static final Map<String, String> SORTABLE =
      Map.of("year", "a.year", "updatedAt", "a.updated_at");

  private static final Set<Role> WRITERS =
      Set.of(Role.ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER, Role.INTEGRATION);

  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject CatalogueService catalogues;
  @Inject AuditService audit;
  @Inject Caller caller;

  public record Checklist(
      Place unit,
      CatalogueEntry target,
      int year,
      LocalDate from,
      LocalDate to,
      List<CatalogueEntry> criteria,
      Long existingId) {}

  public record CriterionCommand(Long criterionId, Boolean met, String evidence) {}

  public record Command(
      Long unitId,
      Integer year,
      List<CriterionCommand> criteria,
      String recognisedBy,
      LocalDate recognisedOn,
      String decisionNumber,
      String note) {}

  public record CriterionView(CatalogueEntry criterion, boolean met, String evidence) {}

  public record View(
      SafetyAssessmentEntity assessment,
      UnitSummary unit,
      CatalogueEntry target,
      List<CriterionView> criteria,
      boolean canEdit) {}

  public record Page<T>(List<T> content, long total) {}

  // ------------------------------------------------------------------ the rules of the circular

  /** The target kind of a unit kind; null when units of that kind are not assessed. */
  static String targetCode(String unitKind) {
    return switch (unitKind) {
      case "HAMLET" -> "KDC";
      case "COMMUNE", "WARD", "TOWNSHIP", "SPECIAL_ZONE" -> "XA";
      case "AGENCY" -> "CO_QUAN";
      case "ENTERPRISE" -> "DOANH_NGHIEP";
      case "SCHOOL" -> "CO_SO_GIAO_DUC";
      default -> null;
    };
  }

  /**
   * The assessment period of a year: residential areas from 1/11 of the year before to 31/10;
   * communes, agencies, enterprises and schools from 16/11 of the year before to 15/11.
   */
  static LocalDate[] period(String targetCode, int year) {
    return "KDC".equals(targetCode)
        ? new LocalDate[] {LocalDate.of(year - 1, 11, 1), LocalDate.of(year, 10, 31)}
        : new LocalDate[] {LocalDate.of(year - 1, 11, 16), LocalDate.of(year, 11, 15)};
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Checklist checklist(Long unitId, int year) {
    Place probe = territory.requireVisible(unitId);
    String code = targetCode(probe.kind());
    if (code == null) {
      throw ProblemException.unprocessable(
          "unitId",
          "«"
              + probe.name()
              + "» không thuộc đối tượng đánh giá an toàn về an ninh, trật tự (khu dân cư; xã,"
              + " phường, đặc khu; cơ quan; doanh nghiệp; cơ sở giáo dục)");
    }
    LocalDate[] p = period(code, year);
    if (p[0].isAfter(VietnamTime.today())) {
      throw ProblemException.unprocessable(
          "year",
          "Kỳ đánh giá năm "
              + year
              + " bắt đầu từ "
              + VietnamTime.format(p[0])
              + ", chưa đánh giá được");
    }
    Place unit = activeDuring(unitId, p[0], p[1]);
    Long targetId = CatalogueSeeder.idOf(Catalogue.SAFETY_TARGET, code);
    CatalogueEntry target = catalogues.byIds(Set.of(targetId)).get(targetId);
    List<CatalogueEntry> criteria =
        catalogues.entries(Catalogue.SAFETY_CRITERION, null, targetId).stream()
            .filter(
                c ->
                    !c.validFrom().isAfter(p[1])
                        && (c.validTo() == null || c.validTo().isAfter(p[0])))
            .sorted((a, b) -> Long.compare(a.id(), b.id()))
            .toList();
    SafetyAssessmentEntity existing =
        SafetyAssessmentEntity.find("unitId = ?1 and year = ?2", unit.id(), year).firstResult();
    return new Checklist(
        unit, target, year, p[0], p[1], criteria, existing == null ? null : existing.id);
  }

  /** The unit in the caller's territory and in force on some day of the period (422 otherwise). */
  Place activeDuring(long unitId, LocalDate from, LocalDate to) {
    LocalDate last = to.isAfter(VietnamTime.today()) ? VietnamTime.today() : to;
    try {
      return territory.requireActiveOn(unitId, "unitId", last);
    } catch (ProblemException notOnTheLastDay) {
      return territory.requireActiveOn(unitId, "unitId", from);
    }
  }

  // ------------------------------------------------------------------ assessments: reading

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<View> list(
      Long unitId, Integer year, Long targetId, Boolean met, int page, int size, String order) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where =
        new StringBuilder(" FROM safety_assessment a JOIN unit u ON u.id = a.unit_id WHERE 1 = 1")
            .append(territory.predicate("u").andClause(params));
    if (unitId != null) {
      where
          .append(" AND ")
          .append(Paths.underAny("u", territory.lineage(unitId), "sub").bind(params));
    }
    if (year != null) {
      params.put("year", year);
      where.append(" AND a.year = :year");
    }
    if (targetId != null) {
      params.put("target", targetId);
      where.append(" AND a.target_id = :target");
    }
    if (met != null) {
      params.put("met", met);
      where.append(" AND a.met = :met");
    }
    Query count = em.createNativeQuery("SELECT count(*)" + where);
    params.forEach(count::setParameter);
    Query ids =
        em.createNativeQuery(
            "SELECT a.id"
                + where
                + " ORDER BY "
                + order
                + ", u.name, a.id"
                + PageRequest.limitSql(size, (long) page * size));
    params.forEach(ids::setParameter);
    return new Page<>(views(Rows.longs(ids.getResultList())), Rows.toLong(count.getSingleResult()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public View get(long id) {
    return views(List.of(require(id).id)).get(0);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public SafetyAssessmentEntity require(long id) {
    SafetyAssessmentEntity a = SafetyAssessmentEntity.findById(id);
    if (a == null || !territory.contains(a.unitId)) {
      throw ProblemException.notFound("Không tìm thấy đánh giá an toàn về ANTT " + id);
    }
    return a;
  }

  private List<View> views(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, SafetyAssessmentEntity> byId = new HashMap<>();
    SafetyAssessmentEntity.<SafetyAssessmentEntity>list("id in ?1", ids)
        .forEach(a -> byId.put(a.id, a));
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT assessment_id, criterion_id, met, evidence FROM safety_assessment_criterion"
                        + " WHERE assessment_id IN (:ids) ORDER BY criterion_id")
                .setParameter("ids", ids));
    Set<Long> items = new HashSet<>();
    byId.values().forEach(a -> items.add(a.targetId));
    rows.forEach(r -> items.add(Rows.toLong(r[1])));
    Map<Long, CatalogueEntry> cats = catalogues.byIds(items);
    Map<Long, List<CriterionView>> criteria = new HashMap<>();
    for (Object[] r : rows) {
      criteria
          .computeIfAbsent(Rows.toLong(r[0]), k -> new ArrayList<>())
          .add(new CriterionView(cats.get(Rows.toLong(r[1])), (Boolean) r[2], (String) r[3]));
    }
    Map<Long, UnitSummary> unitNames =
        places.summaries(byId.values().stream().map(a -> a.unitId).collect(Collectors.toSet()));
    List<View> out = new ArrayList<>();
    for (Long id : ids) {
      SafetyAssessmentEntity a = byId.get(id);
      out.add(
          new View(
              a,
              unitNames.get(a.unitId),
              cats.get(a.targetId),
              criteria.getOrDefault(id, List.of()),
              mayWrite(a.unitId)));
    }
    return out;
  }

  // ------------------------------------------------------------------ assessments: writing

  private boolean mayWrite(long unitId) {
    Role role = caller.role();
    return WRITERS.contains(role)
        && territory.contains(unitId)
        && (role == Role.ADMIN || !Objects.equals(caller.unitId(), unitId));
  }

  void requireWriter(long unitId, String name) {
    if (!WRITERS.contains(caller.role())) {
      throw new ProblemException(ProblemType.FORBIDDEN, "Tài khoản này chỉ được xem.");
    }
    if (caller.role() != Role.ADMIN && Objects.equals(caller.unitId(), unitId)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "«" + name + "» không tự đánh giá, công nhận mình: việc này do cấp trên thực hiện.");
    }
  }

  @Transactional
  public View create(Command cmd) {
    if (cmd.unitId() == null || cmd.year() == null) {
      throw ProblemException.unprocessable(
          cmd.unitId() == null ? "unitId" : "year", "Chọn đơn vị và năm đánh giá");
    }
    if (!territory.contains(cmd.unitId())) {
      // a unit named in a body: 422 on the field, the same for unknown and foreign units
      throw ProblemException.unprocessable("unitId", "Không tìm thấy đơn vị " + cmd.unitId());
    }
    Checklist list = checklist(cmd.unitId(), cmd.year());
    requireWriter(list.unit().id(), list.unit().name());
    if (list.existingId() != null) {
      throw ProblemException.conflict(
          "year",
          "«"
              + list.unit().name()
              + "» đã có đánh giá năm "
              + cmd.year()
              + " (số "
              + list.existingId()
              + "): hãy sửa đánh giá đó");
    }
    Map<Long, CriterionCommand> checked = checkCriteria(cmd, list);
    SafetyAssessmentEntity a = new SafetyAssessmentEntity();
    a.unitId = list.unit().id();
    a.targetId = list.target().id();
    a.year = cmd.year();
    a.periodFrom = list.from();
    a.periodTo = list.to();
    a.createdAt = Instant.now();
    apply(a, cmd, checked, list);
    a.persist();
    em.flush();
    writeCriteria(a.id, checked);
    audit.record(
        "SAFETY_ASSESSMENT",
        a.id,
        "CREATE",
        AuditService.diff(null, snapshot(a, checked)),
        list.unit().path());
    return get(a.id);
  }

  @Transactional
  public View update(long id, long expected, Command cmd) {
    SafetyAssessmentEntity a = require(id);
    Place unit = territory.placeOf(a.unitId);
    requireWriter(a.unitId, unit.name());
    Etags.check(expected, a.version);
    if (!Objects.equals(cmd.unitId(), a.unitId) || !Objects.equals(cmd.year(), a.year)) {
      throw ProblemException.unprocessable(
          !Objects.equals(cmd.unitId(), a.unitId) ? "unitId" : "year",
          "Không đổi được đơn vị, năm của một đánh giá: hãy xóa rồi ghi đánh giá mới");
    }
    Checklist list = checklist(a.unitId, a.year);
    Map<Long, CriterionCommand> checked = checkCriteria(cmd, list);
    Map<String, Object> before = snapshot(a, storedCriteria(a.id));
    apply(a, cmd, checked, list);
    em.createNativeQuery("DELETE FROM safety_assessment_criterion WHERE assessment_id = ?1")
        .setParameter(1, a.id)
        .executeUpdate();
    writeCriteria(a.id, checked);
    em.flush();
    audit.record(
        "SAFETY_ASSESSMENT",
        a.id,
        "UPDATE",
        AuditService.diff(before, snapshot(a, checked)),
        unit.path());
    return get(a.id);
  }

  @Transactional
  public void delete(long id, long expected) {
    SafetyAssessmentEntity a = require(id);
    Place unit = territory.placeOf(a.unitId);
    requireWriter(a.unitId, unit.name());
    Etags.check(expected, a.version);
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    snapshot(a, storedCriteria(a.id))
        .forEach((k, v) -> changes.put(k, new AuditService.Change(v, null)));
    a.delete();
    audit.record("SAFETY_ASSESSMENT", id, "DELETE", changes, unit.path());
  }

  /** criterion → its line; 422 naming each problem (unknown, twice, missing). */
  private static Map<Long, CriterionCommand> checkCriteria(Command cmd, Checklist list) {
    Map<Long, CatalogueEntry> allowed = new LinkedHashMap<>();
    list.criteria().forEach(c -> allowed.put(c.id(), c));
    Map<Long, CriterionCommand> out = new LinkedHashMap<>();
    List<Violation> problems = new ArrayList<>();
    List<CriterionCommand> lines = cmd.criteria() == null ? List.of() : cmd.criteria();
    for (int i = 0; i < lines.size(); i++) {
      CriterionCommand l = lines.get(i);
      String field = "criteria[" + i + "].criterionId";
      if (l.criterionId() == null || !allowed.containsKey(l.criterionId())) {
        problems.add(
            ProblemException.violation(
                field,
                "Tiêu chí này không áp dụng cho «"
                    + list.target().name()
                    + "» trong kỳ đánh giá năm "
                    + list.year()));
      } else if (out.containsKey(l.criterionId())) {
        problems.add(ProblemException.violation(field, "Tiêu chí được đánh giá hai lần"));
      } else if (l.met() == null) {
        problems.add(
            ProblemException.violation("criteria[" + i + "].met", "Chọn đạt hoặc không đạt"));
      } else {
        out.put(l.criterionId(), l);
      }
    }
    List<String> missing =
        allowed.values().stream().filter(c -> !out.containsKey(c.id())).map(c -> c.name()).toList();
    if (problems.isEmpty() && !missing.isEmpty()) {
      problems.add(
          ProblemException.violation(
              "criteria",
              "Còn " + missing.size() + " tiêu chí chưa đánh giá: " + String.join("; ", missing)));
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(
          ProblemType.BUSINESS_RULE,
          "Bảng đánh giá có " + problems.size() + " chỗ chưa hợp lệ",
          problems);
    }
    return out;
  }

  private static void apply(
      SafetyAssessmentEntity a, Command cmd, Map<Long, CriterionCommand> criteria, Checklist list) {
    a.met = criteria.values().stream().allMatch(CriterionCommand::met);
    String by = blankToNull(cmd.recognisedBy());
    if (cmd.recognisedOn() != null || by != null || blankToNull(cmd.decisionNumber()) != null) {
      if (!a.met) {
        throw ProblemException.unprocessable(
            "recognisedOn",
            "Chỉ ghi công nhận khi đơn vị đạt tất cả tiêu chí của tiêu chuẩn an toàn về an ninh,"
                + " trật tự");
      }
      if (cmd.recognisedOn() == null || by == null) {
        throw ProblemException.unprocessable(
            cmd.recognisedOn() == null ? "recognisedOn" : "recognisedBy",
            "Ghi đủ cấp công nhận và ngày công nhận");
      }
      if (cmd.recognisedOn().isBefore(list.from())
          || cmd.recognisedOn().isAfter(VietnamTime.today())) {
        throw ProblemException.unprocessable(
            "recognisedOn",
            "Ngày công nhận phải từ "
                + VietnamTime.format(list.from())
                + " (đầu kỳ đánh giá) đến hôm nay");
      }
    }
    a.recognisedBy = by;
    a.recognisedOn = cmd.recognisedOn();
    a.decisionNumber = blankToNull(cmd.decisionNumber());
    a.note = blankToNull(cmd.note());
    a.updatedAt = Instant.now();
  }

  private void writeCriteria(long id, Map<Long, CriterionCommand> criteria) {
    criteria.forEach(
        (criterion, c) ->
            em.createNativeQuery(
                    "INSERT INTO safety_assessment_criterion (assessment_id, criterion_id, met,"
                        + " evidence) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, criterion)
                .setParameter(3, c.met())
                .setParameter(4, blankToNull(c.evidence()))
                .executeUpdate());
  }

  private Map<Long, CriterionCommand> storedCriteria(long id) {
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT criterion_id, met, evidence FROM safety_assessment_criterion"
                        + " WHERE assessment_id = ?1 ORDER BY criterion_id")
                .setParameter(1, id));
    Map<Long, CriterionCommand> out = new LinkedHashMap<>();
    for (Object[] r : rows) {
      long c = Rows.toLong(r[0]);
      out.put(c, new CriterionCommand(c, (Boolean) r[1], (String) r[2]));
    }
    return out;
  }

  private static Map<String, Object> snapshot(
      SafetyAssessmentEntity a, Map<Long, CriterionCommand> criteria) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", a.year);
    m.put("met", a.met);
    m.put("recognisedBy", a.recognisedBy);
    m.put("recognisedOn", a.recognisedOn == null ? null : a.recognisedOn.toString());
    m.put("decisionNumber", a.decisionNumber);
    m.put("note", a.note);
    criteria.forEach(
        (k, c) ->
            m.put(
                "criterion:" + k,
                (c.met() ? "đạt" : "không đạt")
                    + (c.evidence() == null || c.evidence().isBlank()
                        ? ""
                        : " — " + c.evidence().trim())));
    return m;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
