package vn.antq.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.antq.api.ReportsApi;
import vn.antq.api.model.AwardFormFigures;
import vn.antq.api.model.CountByItem;
import vn.antq.api.model.EventTypeFigures;
import vn.antq.api.model.ModelStatus;
import vn.antq.api.model.RecognitionCount;
import vn.antq.api.model.RecognitionLevel;
import vn.antq.api.model.ReportChild;
import vn.antq.api.model.ReportFigures;
import vn.antq.api.model.ReportGrouping;
import vn.antq.api.model.ReportPoint;
import vn.antq.api.model.ReportSummary;
import vn.antq.api.model.StatusCount;
import vn.antq.api.model.UnitKind;
import vn.antq.api.model.UnitRef;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.security.Caller;
import vn.antq.security.Roles;

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

  @Override
  public Response getReportSummary(
      LocalDate from, LocalDate to, Long unitId, ReportGrouping groupBy) {
    return Response.ok(summary(unitId, from, to, groupBy)).build();
  }

  @Override
  public Response exportReportXlsx(
      LocalDate from, LocalDate to, Long unitId, ReportGrouping groupBy) {
    ReportSummary s = summary(unitId, from, to, groupBy);
    return file(
        ReportExports.xlsx(s),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportText.fileName(unitName(s), from, to, "xlsx"));
  }

  @Override
  public Response exportReportDocx(
      LocalDate from, LocalDate to, Long unitId, ReportGrouping groupBy) {
    ReportSummary s = summary(unitId, from, to, groupBy);
    return file(
        ReportExports.docx(s, VietnamTime.today()),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ReportText.fileName(unitName(s), from, to, "docx"));
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

  private ReportSummary summary(Long unitId, LocalDate from, LocalDate to, ReportGrouping groupBy) {
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
    ReportService.Summary s =
        reports.summary(
            unitId,
            from,
            to,
            groupBy == null ? null : ReportService.Grouping.valueOf(groupBy.name()));
    Set<Long> ids = new HashSet<>();
    collect(s.totals(), ids);
    Map<Long, CatalogueEntry> cats = catalogues.byIds(ids);
    ReportFigures totals = figures(s.totals(), cats);
    String name = s.unit() == null ? null : s.unit().name();
    return new ReportSummary()
        .unit(
            s.unit() == null
                ? null
                : new UnitRef()
                    .id(s.unit().id())
                    .code(s.unit().code())
                    .name(s.unit().name())
                    .kind(UnitKind.fromValue(s.unit().kind())))
        .national(s.unit() == null)
        .from(s.from())
        .to(s.to())
        .groupBy(ReportGrouping.valueOf(s.groupBy().name()))
        .text(ReportText.sentence(name, s.from(), s.to(), totals))
        .totals(totals)
        .children(
            s.children().stream()
                .map(
                    c ->
                        new ReportChild()
                            .unit(
                                new UnitRef()
                                    .id(c.getKey().id())
                                    .code(c.getKey().code())
                                    .name(c.getKey().name())
                                    .kind(UnitKind.fromValue(c.getKey().kind())))
                            .figures(figures(c.getValue(), cats)))
                .toList())
        .direct(figures(s.direct(), cats))
        .series(
            s.series().entrySet().stream()
                .map(
                    e ->
                        new ReportPoint()
                            .period(e.getKey())
                            .events(e.getValue().events)
                            .sessions(e.getValue().sessions)
                            .attendance(e.getValue().attendance)
                            .modelsRegistered(e.getValue().modelsRegistered)
                            .awardedCollectives(e.getValue().collectives)
                            .awardedIndividuals(e.getValue().individuals))
                .toList());
  }

  /** The catalogue items a territory's figures name (a part's are a subset of the total's). */
  private static void collect(ReportService.Figures f, Set<Long> ids) {
    ids.addAll(f.eventsByType.keySet());
    ids.addAll(f.materials.keySet());
    ids.addAll(f.modelsByField.keySet());
    ids.addAll(f.modelsByType.keySet());
    ids.addAll(f.awardsByForm.keySet());
    ids.addAll(f.indicators.keySet());
    ids.addAll(f.safetyByTarget.keySet());
  }

  static ReportFigures figures(ReportService.Figures f, Map<Long, CatalogueEntry> cats) {
    return new ReportFigures()
        .events(f.events())
        .sessions(f.sessions())
        .attendance(f.attendance())
        .eventsByType(
            f.eventsByType.entrySet().stream()
                .map(
                    e ->
                        new EventTypeFigures()
                            .type(CatalogueEntry.ref(cats.get(e.getKey())))
                            .events(e.getValue()[0])
                            .sessions(e.getValue()[1])
                            .attendance(e.getValue()[2]))
                .sorted(
                    Comparator.comparing(EventTypeFigures::getEvents)
                        .reversed()
                        .thenComparing(e -> e.getType().getName()))
                .toList())
        .materials(counts(f.materials, cats))
        .models(f.models)
        .modelsRegistered(f.modelsRegistered)
        .modelsByStatus(
            f.modelsByStatus.entrySet().stream()
                .map(
                    e ->
                        new StatusCount()
                            .status(ModelStatus.valueOf(e.getKey()))
                            .count(e.getValue()))
                .sorted(Comparator.comparing(StatusCount::getStatus))
                .toList())
        .modelsByField(counts(f.modelsByField, cats))
        .modelsByType(counts(f.modelsByType, cats))
        .modelsByRecognition(
            f.modelsByRecognition.entrySet().stream()
                .map(
                    e ->
                        new RecognitionCount()
                            .level(
                                RecognitionLevel.valueOf(
                                    vn.antq.model.RecognitionLevel.of(e.getKey()).name()))
                            .count(e.getValue()))
                .sorted(Comparator.comparing(RecognitionCount::getLevel))
                .toList())
        .teams(f.teams)
        .members(f.members)
        .awardDecisions((long) f.decisions.size())
        .awardedCollectives(f.collectives())
        .awardedIndividuals(f.individuals())
        .awardsByForm(
            f.awardsByForm.entrySet().stream()
                .map(
                    e ->
                        new AwardFormFigures()
                            .form(CatalogueEntry.ref(cats.get(e.getKey())))
                            .collectives(e.getValue()[0])
                            .individuals(e.getValue()[1]))
                .sorted(
                    Comparator.comparing(
                            (AwardFormFigures a) -> a.getCollectives() + a.getIndividuals())
                        .reversed()
                        .thenComparing(a -> a.getForm().getName()))
                .toList())
        .indicators(
            f.indicators.entrySet().stream()
                .map(
                    e ->
                        new CountByItem()
                            .item(CatalogueEntry.ref(cats.get(e.getKey())))
                            .count(e.getValue()))
                .sorted(Comparator.comparing(c -> c.getItem().getId()))
                .toList())
        .safetyAssessed(f.safetyAssessed())
        .safetyMet(f.safetyMet())
        .safetyByTarget(
            f.safetyByTarget.entrySet().stream()
                .map(
                    e ->
                        new vn.antq.api.model.SafetyFigures()
                            .target(CatalogueEntry.ref(cats.get(e.getKey())))
                            .assessed(e.getValue()[0])
                            .met(e.getValue()[1]))
                .sorted(Comparator.comparing(x -> x.getTarget().getId()))
                .toList())
        .exemplaryPolice(f.exemplaryPolice);
  }

  private static List<CountByItem> counts(Map<Long, Long> m, Map<Long, CatalogueEntry> cats) {
    return m.entrySet().stream()
        .map(
            e ->
                new CountByItem()
                    .item(CatalogueEntry.ref(cats.get(e.getKey())))
                    .count(e.getValue()))
        .sorted(
            Comparator.comparing(CountByItem::getCount)
                .reversed()
                .thenComparing(c -> c.getItem().getName()))
        .toList();
  }
}
