package vn.antq.report;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.antq.api.model.AwardFormFigures;
import vn.antq.api.model.CountByItem;
import vn.antq.api.model.EventTypeFigures;
import vn.antq.api.model.ModelStatus;
import vn.antq.api.model.PeriodKind;
import vn.antq.api.model.PlaceCount;
import vn.antq.api.model.RecognitionCount;
import vn.antq.api.model.RecognitionLevel;
import vn.antq.api.model.ReportChild;
import vn.antq.api.model.ReportFigures;
import vn.antq.api.model.ReportGrouping;
import vn.antq.api.model.ReportLeftOut;
import vn.antq.api.model.ReportLeftOutPeriod;
import vn.antq.api.model.ReportPoint;
import vn.antq.api.model.ReportSummary;
import vn.antq.api.model.SafetyFigures;
import vn.antq.api.model.StatusCount;
import vn.antq.api.model.UnitKind;
import vn.antq.api.model.UnitRef;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.territory.Place;
import vn.antq.territory.UnitSummary;

/** The summary as the contract shows it: figures with their catalogue items, sorted for reading. */
final class ReportMapper {
  private ReportMapper() {}

  /** The catalogue items a territory's figures name (a part's are a subset of the total's). */
  static Set<Long> catalogueIds(ReportService.Figures f) {
    Set<Long> ids = new HashSet<>();
    ids.addAll(f.eventsByType.keySet());
    ids.addAll(f.materials.keySet());
    ids.addAll(f.modelsByField.keySet());
    ids.addAll(f.modelsByType.keySet());
    ids.addAll(f.modelsByEthnicGroup.keySet());
    ids.addAll(f.modelsByReligion.keySet());
    ids.addAll(f.awardsByForm.keySet());
    ids.addAll(f.indicators.keySet());
    ids.addAll(f.safetyByTarget.keySet());
    return ids;
  }

  static ReportSummary toApi(ReportService.Summary s, Map<Long, CatalogueEntry> cats) {
    ReportFigures totals = figures(s.totals(), cats);
    String name = s.unit() == null ? null : s.unit().name();
    ReportLeftOut leftOut = leftOut(s.leftOut());
    return new ReportSummary()
        .unit(s.unit() == null ? null : unitRef(s.unit()))
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
                            .unit(unitRef(c.unit()))
                            .level(c.level())
                            .parentId(c.parentId())
                            .figures(figures(c.figures(), cats)))
                .toList())
        .direct(figures(s.direct(), cats))
        .series(s.series().entrySet().stream().map(e -> point(e.getKey(), e.getValue())).toList())
        .leftOut(leftOut)
        .asOf(s.asOf())
        .mapChanges(s.mapChanges())
        .notes(ReportText.notes(s, leftOut, totals));
  }

  private static ReportLeftOut leftOut(ReportService.LeftOut l) {
    return new ReportLeftOut()
        .total(l.total())
        .periods(
            l.periods().stream()
                .map(
                    p ->
                        new ReportLeftOutPeriod()
                            .unit(unitRef(p.unit()))
                            .periodKind(p.months() == 3 ? PeriodKind.QUARTER : PeriodKind.MONTH)
                            .year(p.start().getYear())
                            .number(
                                p.months() == 3
                                    ? (p.start().getMonthValue() - 1) / 3 + 1
                                    : p.start().getMonthValue())
                            .from(p.start())
                            .to(p.start().plusMonths(p.months()).minusDays(1)))
                .toList());
  }

  private static UnitRef unitRef(UnitSummary u) {
    return new UnitRef()
        .id(u.id())
        .code(u.code())
        .name(u.name())
        .kind(UnitKind.fromValue(u.kind()));
  }

  private static UnitRef unitRef(Place p) {
    return new UnitRef()
        .id(p.id())
        .code(p.code())
        .name(p.name())
        .kind(UnitKind.fromValue(p.kind()));
  }

  private static ReportPoint point(String period, ReportService.Point p) {
    return new ReportPoint()
        .period(period)
        .events(p.events)
        .sessions(p.sessions)
        .attendance(p.attendance)
        .modelsRegistered(p.modelsRegistered)
        .awardedCollectives(p.collectives)
        .awardedIndividuals(p.individuals);
  }

  static ReportFigures figures(ReportService.Figures f, Map<Long, CatalogueEntry> cats) {
    return new ReportFigures()
        .events(f.events())
        .sessions(f.sessions())
        .attendance(f.attendance())
        .eventsByType(eventsByType(f, cats))
        .materials(counts(f.materials, cats))
        .models(f.models)
        .modelsInForce(f.models - f.modelsByStatus.getOrDefault("RETIRED", 0L))
        .modelsRegistered(f.modelsRegistered)
        .modelsByStatus(modelsByStatus(f))
        .modelsByField(counts(f.modelsByField, cats))
        .modelsByType(counts(f.modelsByType, cats))
        .modelsByRecognition(modelsByRecognition(f))
        .modelsByEthnicGroup(counts(f.modelsByEthnicGroup, cats))
        .modelsByReligion(counts(f.modelsByReligion, cats))
        .teams(f.teams)
        .members(f.members)
        .modelKinds((long) f.kinds.size())
        .modelFields((long) f.fields.size())
        .modelPlaces(f.placesByKind.values().stream().mapToLong(Long::longValue).sum())
        .modelPlacesByKind(
            f.placesByKind.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new PlaceCount().kind(UnitKind.fromValue(e.getKey())).count(e.getValue()))
                .toList())
        .replicationSites(f.replicationSites)
        .modelsDeclared(f.modelsDeclared)
        .teamsDeclared(f.teamsDeclared)
        .membersDeclared(f.membersDeclared)
        .awardDecisions((long) f.decisions.size())
        .awardedCollectives(f.collectives())
        .awardedIndividuals(f.individuals())
        .awardsByForm(awardsByForm(f, cats))
        .indicators(indicators(f, cats))
        .safetyAssessed(f.safetyAssessed())
        .safetyMet(f.safetyMet())
        .safetyByTarget(safetyByTarget(f, cats))
        .exemplaryPolice(f.exemplaryPolice);
  }

  private static List<EventTypeFigures> eventsByType(
      ReportService.Figures f, Map<Long, CatalogueEntry> cats) {
    return f.eventsByType.entrySet().stream()
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
        .toList();
  }

  private static List<StatusCount> modelsByStatus(ReportService.Figures f) {
    return f.modelsByStatus.entrySet().stream()
        .filter(e -> e.getValue() != 0)
        .map(e -> new StatusCount().status(ModelStatus.valueOf(e.getKey())).count(e.getValue()))
        .sorted(Comparator.comparing(StatusCount::getStatus))
        .toList();
  }

  private static List<RecognitionCount> modelsByRecognition(ReportService.Figures f) {
    return f.modelsByRecognition.entrySet().stream()
        .filter(e -> e.getValue() != 0)
        .map(
            e ->
                new RecognitionCount()
                    .level(
                        RecognitionLevel.valueOf(
                            vn.antq.model.RecognitionLevel.of(e.getKey()).name()))
                    .count(e.getValue()))
        .sorted(Comparator.comparing(RecognitionCount::getLevel))
        .toList();
  }

  private static List<AwardFormFigures> awardsByForm(
      ReportService.Figures f, Map<Long, CatalogueEntry> cats) {
    return f.awardsByForm.entrySet().stream()
        .map(
            e ->
                new AwardFormFigures()
                    .form(CatalogueEntry.ref(cats.get(e.getKey())))
                    .collectives(e.getValue()[0])
                    .individuals(e.getValue()[1]))
        .sorted(
            Comparator.comparing((AwardFormFigures a) -> a.getCollectives() + a.getIndividuals())
                .reversed()
                .thenComparing(a -> a.getForm().getName()))
        .toList();
  }

  private static List<CountByItem> indicators(
      ReportService.Figures f, Map<Long, CatalogueEntry> cats) {
    return f.indicators.entrySet().stream()
        .map(
            e ->
                new CountByItem()
                    .item(CatalogueEntry.ref(cats.get(e.getKey())))
                    .count(e.getValue()))
        .sorted(Comparator.comparing(c -> c.getItem().getId()))
        .toList();
  }

  private static List<SafetyFigures> safetyByTarget(
      ReportService.Figures f, Map<Long, CatalogueEntry> cats) {
    return f.safetyByTarget.entrySet().stream()
        .map(
            e ->
                new SafetyFigures()
                    .target(CatalogueEntry.ref(cats.get(e.getKey())))
                    .assessed(e.getValue()[0])
                    .met(e.getValue()[1]))
        .sorted(Comparator.comparing(x -> x.getTarget().getId()))
        .toList();
  }

  private static List<CountByItem> counts(Map<Long, Long> m, Map<Long, CatalogueEntry> cats) {
    return m.entrySet().stream()
        .filter(e -> e.getValue() != 0)
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
