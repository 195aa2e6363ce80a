package vn.antq.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import vn.antq.api.ReportsApi;
import vn.antq.api.model.ReportGrouping;
import vn.antq.api.model.ReportSummary;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.indicator.ReportingLine;
import vn.antq.security.Caller;
import vn.antq.security.Roles;
import vn.antq.territory.Territory;

/** {@code /api/reports}: every role reads the reports of what it may see. */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class ReportResource implements ReportsApi {
  @Inject ReportService reports;
  @Inject CatalogueService catalogues;
  @Inject Caller caller;
  @Inject ReportCache cache;
  @Inject Territory territory;
  @Inject ReportingLine reportingLine;

  @Override
  public Response getReportSummary(
      LocalDate from,
      LocalDate to,
      Long unitId,
      ReportGrouping groupBy,
      LocalDate asOf,
      Integer depth) {
    Query q = query(unitId, from, to, groupBy, asOf, depth);
    return Response.ok(cache.json(q.key(), q.unitId(), () -> compute(q)))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @Override
  public Response exportReportXlsx(
      LocalDate from,
      LocalDate to,
      Long unitId,
      ReportGrouping groupBy,
      LocalDate asOf,
      Integer depth) {
    ReportSummary s = summary(unitId, from, to, groupBy, asOf, depth);
    return file(
        ReportExports.xlsx(s, line(s, from, to)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportText.fileName(unitName(s), from, to, "xlsx"));
  }

  @Override
  public Response exportReportDocx(
      LocalDate from,
      LocalDate to,
      Long unitId,
      ReportGrouping groupBy,
      LocalDate asOf,
      Integer depth) {
    ReportSummary s = summary(unitId, from, to, groupBy, asOf, depth);
    return file(
        ReportDocx.docx(s, VietnamTime.today(), line(s, from, to)),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ReportText.fileName(unitName(s), from, to, "docx"));
  }

  /**
   * The reporting-rate line of the files, read beside the kept summary rather than in it: it
   * changes whenever a commune sends, which the summary's cache does not follow.
   */
  private ReportingLine.Line line(ReportSummary s, LocalDate from, LocalDate to) {
    Long unit = s.getUnit() == null ? null : s.getUnit().getId();
    return reportingLine.of(unit, from, to).orElse(null);
  }

  static String unitName(ReportSummary s) {
    return s.getUnit() == null ? null : s.getUnit().getName();
  }

  private static Response file(byte[] content, String type, String name) {
    return Response.ok(content)
        .type(type)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  private ReportSummary summary(
      Long unitId,
      LocalDate from,
      LocalDate to,
      ReportGrouping groupBy,
      LocalDate asOf,
      Integer depth) {
    Query q = query(unitId, from, to, groupBy, asOf, depth);
    return cache.summary(q.key(), q.unitId(), () -> compute(q));
  }

  /** A report asked for, checked, with the caller's unit when none was named. */
  record Query(
      Long unitId,
      LocalDate from,
      LocalDate to,
      ReportService.Grouping groupBy,
      LocalDate asOf,
      int depth) {
    /** What a kept report is found by: the same question on the same day (today moves maps). */
    String key() {
      return String.join(
          "|",
          "summary",
          String.valueOf(unitId),
          from.toString(),
          to.toString(),
          String.valueOf(groupBy),
          String.valueOf(asOf),
          String.valueOf(depth),
          VietnamTime.today().toString());
    }
  }

  private Query query(
      Long unitId,
      LocalDate from,
      LocalDate to,
      ReportGrouping groupBy,
      LocalDate asOf,
      Integer depth) {
    if (asOf != null && asOf.isAfter(VietnamTime.today())) {
      throw ProblemException.badRequest(
          "asOf",
          "Ngày địa giới phải không sau hôm nay (" + VietnamTime.format(VietnamTime.today()) + ")");
    }
    if (to.isBefore(from)) {
      throw ProblemException.badRequest("to", "Ngày kết thúc phải từ ngày bắt đầu");
    }
    if (from.plusYears(50).isBefore(to)) {
      throw ProblemException.badRequest("from", "Khoảng thời gian tối đa 50 năm");
    }
    if (unitId == null && !caller.isGlobal()) {
      unitId = caller.unitId();
      if (unitId == null) {
        throw ProblemException.badRequest("unitId", "Chọn địa bàn báo cáo");
      }
    }
    if (unitId != null) {
      // a kept report is no less guarded than a computed one
      territory.requireVisible(unitId);
    }
    return new Query(
        unitId,
        from,
        to,
        groupBy == null ? null : ReportService.Grouping.valueOf(groupBy.name()),
        asOf,
        depth == null ? 1 : depth);
  }

  private ReportSummary compute(Query q) {
    ReportService.Summary s =
        reports.summary(q.unitId(), q.from(), q.to(), q.groupBy(), q.asOf(), q.depth());
    return ReportMapper.toApi(s, catalogues.byIds(ReportMapper.catalogueIds(s.totals())));
  }
}
