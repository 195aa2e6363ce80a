package vn.antq.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.security.Caller;
import vn.antq.territory.Place;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;

/**
 * Reported figures: a unit enters the values of the indicators for a month or a quarter (a draft),
 * submits them, and the level above approves or returns them with a comment. An approved revision
 * is locked (the database refuses changes to its values); a correction is a new revision, and the
 * approved one keeps counting until the correction is approved, when it becomes SUPERSEDED. Reports
 * read the approved values from {@code stat_indicator_month}, kept by a trigger on approval.
 */
@ApplicationScoped
public class IndicatorService {
  /** Units that report figures: administrative units (communes first of all). */
  private static final Set<String> REPORTING_KINDS =
      Set.of("PROVINCE", "DISTRICT", "COMMUNE", "WARD", "TOWNSHIP", "SPECIAL_ZONE");

  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject IndicatorNotices notices;
  @Inject CatalogueService catalogues;
  @Inject AuditService audit;
  @Inject Caller caller;
  @Inject IndicatorQueries queries;

  public enum Action {
    SUBMIT,
    APPROVE,
    RETURN
  }

  public record ValueCommand(Long indicatorId, Long value) {}

  public record Command(Long unitId, Period period, String note, List<ValueCommand> values) {}

  // ------------------------------------------------------------------ writing

  @Transactional
  public IndicatorQueries.View create(Command cmd) {
    if (!IndicatorQueries.WRITERS.contains(caller.role())) {
      throw new ProblemException(ProblemType.FORBIDDEN, "Tài khoản này chỉ được xem số liệu.");
    }
    Period period = cmd.period();
    Place unit = reportingUnit(cmd.unitId(), period);
    if (period.start().isAfter(VietnamTime.today())) {
      throw ProblemException.unprocessable(
          "number", period.label() + " chưa bắt đầu, chưa nhập số liệu được");
    }
    checkNoOverlap(unit, period);
    Map<Long, Long> values = checkValues(cmd.values(), period);
    IndicatorReportEntity r = new IndicatorReportEntity();
    r.unitId = unit.id();
    r.periodStart = period.start();
    r.periodMonths = (short) period.months();
    r.revision = 1;
    r.status = "DRAFT";
    r.note = blankToNull(cmd.note());
    r.createdBy = caller.actorName();
    r.createdAt = Instant.now();
    r.updatedAt = r.createdAt;
    r.persist();
    em.flush();
    writeValues(r.id, values);
    audit.record(
        "INDICATOR_REPORT",
        r.id,
        "CREATE",
        AuditService.diff(null, snapshot(r, values)),
        unitPath(r.unitId));
    return queries.get(r.id);
  }

  @Transactional
  public IndicatorQueries.View update(
      long id, long expected, String note, List<ValueCommand> valueCommands) {
    IndicatorReportEntity r = queries.requireWritable(id, expected);
    if (!IndicatorQueries.editable(r)) {
      throw locked(r);
    }
    Map<Long, Long> before = currentValues(r.id);
    Map<String, Object> old = snapshot(r, before);
    Map<Long, Long> values = checkValues(valueCommands, Period.from(r.periodStart, r.periodMonths));
    r.note = blankToNull(note);
    r.updatedAt = Instant.now();
    em.createNativeQuery("DELETE FROM indicator_value WHERE report_id = ?1")
        .setParameter(1, r.id)
        .executeUpdate();
    writeValues(r.id, values);
    em.flush();
    audit.record(
        "INDICATOR_REPORT",
        r.id,
        "UPDATE",
        AuditService.diff(old, snapshot(r, values)),
        unitPath(r.unitId));
    return queries.get(r.id);
  }

  @Transactional
  public void delete(long id, long expected) {
    IndicatorReportEntity r = queries.requireWritable(id, expected);
    if (!IndicatorQueries.editable(r)) {
      throw locked(r);
    }
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    snapshot(r, currentValues(r.id))
        .forEach((k, v) -> changes.put(k, new AuditService.Change(v, null)));
    String path = unitPath(r.unitId);
    r.delete();
    audit.record("INDICATOR_REPORT", id, "DELETE", changes, path);
  }

  @Transactional
  public IndicatorQueries.View transition(long id, long expected, Action action, String comment) {
    IndicatorReportEntity r = queries.require(id);
    String from = r.status;
    switch (action) {
      case SUBMIT -> submit(r, expected);
      case APPROVE, RETURN -> review(r, expected, action, comment);
      default -> throw new IllegalStateException(action.name());
    }
    r.updatedAt = Instant.now();
    em.flush();
    audit.record(
        "INDICATOR_REPORT",
        r.id,
        action.name(),
        AuditService.changes("status", from, r.status),
        unitPath(r.unitId));
    notices.transitioned(r, action, comment);
    return queries.get(r.id);
  }

  /** The unit's figures go to the level above. */
  private void submit(IndicatorReportEntity r, long expected) {
    if (!queries.mayWrite(r.unitId)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN, "Chỉ cán bộ của đơn vị được gửi số liệu của đơn vị.");
    }
    Etags.check(expected, r.version);
    if (!IndicatorQueries.editable(r)) {
      throw wrongStatus(r, "gửi duyệt");
    }
    if (currentValues(r.id).isEmpty()) {
      throw ProblemException.unprocessable(
          "values", "Chưa nhập chỉ tiêu nào: hãy nhập số liệu trước khi gửi");
    }
    r.status = "SUBMITTED";
    r.submittedAt = Instant.now();
    r.submittedBy = caller.actorName();
    if (r.firstSubmittedAt == null) {
      r.firstSubmittedAt = r.submittedAt;
    }
  }

  /** The level above approves the figures (they count in reports) or returns them. */
  private void review(IndicatorReportEntity r, long expected, Action action, String comment) {
    if (!queries.mayReview(r.unitId)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Chỉ cán bộ cấp tỉnh quản lý đơn vị (hoặc quản trị viên) được duyệt, trả lại số liệu;"
              + " đơn vị không tự duyệt số liệu của mình.");
    }
    Etags.check(expected, r.version);
    if (!"SUBMITTED".equals(r.status)) {
      throw wrongStatus(r, action == Action.APPROVE ? "duyệt" : "trả lại");
    }
    if (action == Action.RETURN && (comment == null || comment.isBlank())) {
      throw ProblemException.unprocessable("comment", "Hãy ghi nhận xét: đơn vị cần biết sửa gì");
    }
    r.reviewedAt = Instant.now();
    r.reviewedBy = caller.actorName();
    r.reviewComment = blankToNull(comment);
    if (action == Action.APPROVE) {
      // the revision in force, if any, gives way (its figures leave the reports)
      IndicatorReportEntity current =
          IndicatorReportEntity.find(
                  "unitId = ?1 and periodStart = ?2 and periodMonths = ?3 and status ="
                      + " 'APPROVED'",
                  r.unitId,
                  r.periodStart,
                  r.periodMonths)
              .firstResult();
      if (current != null) {
        current.status = "SUPERSEDED";
        current.updatedAt = Instant.now();
        em.flush();
      }
      r.status = "APPROVED";
    } else {
      r.status = "RETURNED";
    }
  }

  /**
   * One report per unit and time: no other period of the unit (of either kind) overlaps this one.
   * Writers of a unit take turns, so two cannot both find the period free.
   */
  private void checkNoOverlap(Place unit, Period period) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('indicator:' || ?1, 0))")
        .setParameter(1, unit.id())
        .getSingleResult();
    List<Object[]> overlapping =
        Rows.of(
            em.createNativeQuery(
                    "SELECT id, period_start, period_months FROM indicator_report WHERE unit_id = ?1"
                        + " AND period_start < ?3 AND period_start + make_interval(months =>"
                        + " period_months) > ?2 ORDER BY revision DESC LIMIT 1")
                .setParameter(1, unit.id())
                .setParameter(2, period.start())
                .setParameter(3, period.start().plusMonths(period.months())));
    if (!overlapping.isEmpty()) {
      Object[] o = overlapping.get(0);
      Period other = Period.from(toDate(o[1]), Rows.toInt(o[2]));
      throw ProblemException.conflict(
          other.equals(period) ? "number" : "periodKind",
          other.equals(period)
              ? "«"
                  + unit.name()
                  + "» đã có báo cáo "
                  + lower(period.label())
                  + " (số "
                  + o[0]
                  + "): hãy sửa, hoặc điều chỉnh bản đó"
              : "«"
                  + unit.name()
                  + "» đã báo cáo "
                  + lower(other.label())
                  + ", trùng thời gian với "
                  + lower(period.label())
                  + ": mỗi khoảng thời gian chỉ báo cáo theo tháng hoặc theo quý");
    }
  }

  /** A correction of an approved period: a new draft revision with the same values. */
  @Transactional
  public IndicatorQueries.View revise(long id, long expected, String reason) {
    IndicatorReportEntity approved = queries.requireWritable(id, expected);
    if (!"APPROVED".equals(approved.status)) {
      throw ProblemException.conflict(
          null,
          "Chỉ điều chỉnh được kỳ đã duyệt; kỳ này đang ở trạng thái «"
              + statusLabel(approved.status)
              + "»");
    }
    if (reason == null || reason.isBlank()) {
      throw ProblemException.unprocessable("reason", "Hãy ghi lý do điều chỉnh");
    }
    long open =
        IndicatorReportEntity.count(
            "unitId = ?1 and periodStart = ?2 and periodMonths = ?3 and status in ('DRAFT',"
                + " 'SUBMITTED', 'RETURNED')",
            approved.unitId,
            approved.periodStart,
            approved.periodMonths);
    if (open > 0) {
      throw ProblemException.conflict(
          null, "Kỳ này đang có một bản điều chỉnh chưa duyệt: hãy hoàn tất bản đó");
    }
    Long last =
        Rows.toLongOrNull(
            em.createNativeQuery(
                    "SELECT max(revision) FROM indicator_report WHERE unit_id = ?1"
                        + " AND period_start = ?2 AND period_months = ?3")
                .setParameter(1, approved.unitId)
                .setParameter(2, approved.periodStart)
                .setParameter(3, approved.periodMonths)
                .getSingleResult());
    IndicatorReportEntity r = new IndicatorReportEntity();
    r.unitId = approved.unitId;
    r.periodStart = approved.periodStart;
    r.periodMonths = approved.periodMonths;
    r.revision = last.intValue() + 1;
    r.status = "DRAFT";
    r.note = approved.note;
    r.revisionReason = reason.trim();
    r.createdBy = caller.actorName();
    r.createdAt = Instant.now();
    r.updatedAt = r.createdAt;
    r.persist();
    em.flush();
    Map<Long, Long> values = currentValues(approved.id);
    writeValues(r.id, values);
    audit.record(
        "INDICATOR_REPORT",
        r.id,
        "REVISE",
        AuditService.diff(null, snapshot(r, values)),
        unitPath(r.unitId));
    return queries.get(r.id);
  }

  // ------------------------------------------------------------------ checks

  private Place reportingUnit(Long unitId, Period period) {
    Place unit;
    try {
      unit = territory.requireActiveOn(unitId, "unitId", period.start());
    } catch (ProblemException notOnTheFirstDay) {
      LocalDate last =
          period.end().isAfter(VietnamTime.today()) ? VietnamTime.today() : period.end();
      unit = territory.requireActiveOn(unitId, "unitId", last);
    }
    if (!REPORTING_KINDS.contains(unit.kind())) {
      throw ProblemException.unprocessable(
          "unitId",
          "Số liệu báo cáo được nhập cho xã, phường, đặc khu (hoặc huyện, tỉnh); «"
              + unit.name()
              + "» không phải đơn vị hành chính");
    }
    return unit;
  }

  /** indicator → value, in the order given; 422 naming the line of each problem. */
  private Map<Long, Long> checkValues(List<ValueCommand> lines, Period period) {
    Map<Long, Long> out = new LinkedHashMap<>();
    if (lines == null) {
      return out;
    }
    Set<Long> ids = new HashSet<>();
    lines.forEach(l -> ids.add(l.indicatorId()));
    ids.remove(null);
    Map<Long, CatalogueEntry> items = catalogues.byIds(ids);
    List<vn.antq.api.model.Violation> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ValueCommand l = lines.get(i);
      String field = "values[" + i + "].indicatorId";
      CatalogueEntry item = l.indicatorId() == null ? null : items.get(l.indicatorId());
      if (item == null || !item.catalogue().equals(Catalogue.INDICATOR.name())) {
        problems.add(ProblemException.violation(field, "Không có chỉ tiêu này"));
      } else if (!item.validFrom().isBefore(period.end().plusDays(1))
          || (item.validTo() != null && !item.validTo().isAfter(period.start()))) {
        problems.add(
            ProblemException.violation(
                field,
                "Chỉ tiêu «" + item.name() + "» không còn hiệu lực trong " + period.label()));
      } else if (out.containsKey(item.id())) {
        problems.add(
            ProblemException.violation(field, "Chỉ tiêu «" + item.name() + "» được nhập hai lần"));
      } else if (l.value() == null || l.value() < 0) {
        problems.add(
            ProblemException.violation(
                "values[" + i + "].value", "Số liệu phải là số nguyên không âm"));
      } else {
        out.put(item.id(), l.value());
      }
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(
          ProblemType.BUSINESS_RULE,
          "Số liệu có " + problems.size() + " dòng chưa hợp lệ",
          problems);
    }
    return out;
  }

  private void writeValues(long reportId, Map<Long, Long> values) {
    values.forEach(
        (indicator, value) ->
            em.createNativeQuery(
                    "INSERT INTO indicator_value (report_id, indicator_id, value) VALUES (?1, ?2,"
                        + " ?3)")
                .setParameter(1, reportId)
                .setParameter(2, indicator)
                .setParameter(3, value)
                .executeUpdate());
  }

  private Map<Long, Long> currentValues(long reportId) {
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT indicator_id, value FROM indicator_value WHERE report_id = ?1"
                        + " ORDER BY indicator_id")
                .setParameter(1, reportId));
    Map<Long, Long> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(Rows.toLong(r[0]), Rows.toLong(r[1])));
    return out;
  }

  private static ProblemException locked(IndicatorReportEntity r) {
    return ProblemException.conflict(
        null,
        "Kỳ báo cáo đang ở trạng thái «"
            + statusLabel(r.status)
            + "», không sửa được"
            + ("APPROVED".equals(r.status) ? ": hãy tạo bản điều chỉnh" : ""));
  }

  private static ProblemException wrongStatus(IndicatorReportEntity r, String what) {
    return ProblemException.conflict(
        null,
        "Không " + what + " được kỳ báo cáo đang ở trạng thái «" + statusLabel(r.status) + "»");
  }

  public static String statusLabel(String status) {
    return switch (status) {
      case "DRAFT" -> "Nháp";
      case "SUBMITTED" -> "Đã gửi, chờ duyệt";
      case "RETURNED" -> "Bị trả lại";
      case "APPROVED" -> "Đã duyệt";
      case "SUPERSEDED" -> "Đã thay bằng bản điều chỉnh";
      default -> status;
    };
  }

  private String unitPath(long unitId) {
    return territory.placeOf(unitId).path();
  }

  private static Map<String, Object> snapshot(IndicatorReportEntity r, Map<Long, Long> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", Period.from(r.periodStart, r.periodMonths).label());
    m.put("revision", r.revision);
    m.put("status", r.status);
    m.put("note", r.note);
    values.forEach((k, v) -> m.put("indicator:" + k, v));
    return m;
  }

  /** "Quý III/2025" → "quý III/2025". */
  static String lower(String label) {
    return Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static LocalDate toDate(Object o) {
    return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
  }
}
