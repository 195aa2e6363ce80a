package vn.antq.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import vn.antq.api.IndicatorsApi;
import vn.antq.api.model.IndicatorReport;
import vn.antq.api.model.IndicatorReportInput;
import vn.antq.api.model.IndicatorReportPage;
import vn.antq.api.model.IndicatorReportStatus;
import vn.antq.api.model.IndicatorReportTransition;
import vn.antq.api.model.IndicatorRevisionInput;
import vn.antq.api.model.IndicatorValue;
import vn.antq.api.model.IndicatorValueInput;
import vn.antq.api.model.IndicatorValuesInput;
import vn.antq.api.model.PeriodKind;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.common.web.Pages;
import vn.antq.integration.Idempotency;
import vn.antq.security.Roles;
import vn.antq.territory.Places;

/**
 * {@code /api/indicator-reports}: units enter and submit their periodic figures; province officers
 * approve or return them; everybody reads what their territory holds.
 */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class IndicatorResource implements IndicatorsApi {
  @Inject IndicatorService indicators;
  @Inject IndicatorQueries queries;
  @Inject Idempotency idempotency;

  @Override
  public Response listIndicatorReports(
      Long unitId,
      IndicatorReportStatus status,
      Integer year,
      Boolean awaitingMe,
      Boolean allRevisions,
      Integer page,
      Integer size,
      String sort) {
    PageRequest p = PageRequest.of(page, size, sort, IndicatorQueries.SORTABLE, "periodStart,desc");
    IndicatorQueries.Page result =
        queries.list(
            new IndicatorQueries.Filter(
                unitId,
                status == null ? null : status.name(),
                year,
                Boolean.TRUE.equals(awaitingMe),
                Boolean.TRUE.equals(allRevisions)),
            p.page(),
            p.size(),
            p.sqlOrder());
    return Response.ok(
            Pages.of(
                IndicatorReportPage::new,
                result.content().stream().map(IndicatorResource::toApi).toList(),
                p,
                result.total()))
        .build();
  }

  @Override
  public Response getIndicatorReport(Long id) {
    return Etags.withEtag(Response.ok(), toApi(queries.get(id)), IndicatorReport::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createIndicatorReport(IndicatorReportInput in) {
    Period period =
        Period.of(Period.Kind.valueOf(in.getPeriodKind().name()), in.getYear(), in.getNumber());
    IndicatorReport created =
        toApi(
            indicators.create(
                new IndicatorService.Command(
                    in.getUnitId(), period, in.getNote(), values(in.getValues()))));
    return Etags.withEtag(
        Response.created(URI.create("/api/indicator-reports/" + created.getId())),
        created,
        IndicatorReport::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response updateIndicatorReport(
      Long id, IndicatorValuesInput in, String ifMatch, String idempotencyKey) {
    long expected = Etags.requireVersion(ifMatch);
    return idempotency.once(
        idempotencyKey,
        "indicator-reports/" + id + "@" + expected,
        in,
        () ->
            Etags.withEtag(
                Response.ok(),
                toApi(indicators.update(id, expected, in.getNote(), values(in.getValues()))),
                IndicatorReport::getVersion));
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response deleteIndicatorReport(Long id, String ifMatch) {
    indicators.delete(id, Etags.requireVersion(ifMatch));
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response transitionIndicatorReport(Long id, IndicatorReportTransition in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return Etags.withEtag(
        Response.ok(),
        toApi(
            indicators.transition(
                id,
                expected,
                IndicatorService.Action.valueOf(in.getAction().value()),
                in.getComment())),
        IndicatorReport::getVersion);
  }

  @Override
  public Response listIndicatorReportRevisions(Long id) {
    return Response.ok(queries.revisions(id).stream().map(IndicatorResource::toApi).toList())
        .build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response reviseIndicatorReport(Long id, IndicatorRevisionInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    IndicatorReport created = toApi(indicators.revise(id, expected, in.getReason()));
    return Etags.withEtag(
        Response.created(URI.create("/api/indicator-reports/" + created.getId())),
        created,
        IndicatorReport::getVersion);
  }

  private static List<IndicatorService.ValueCommand> values(List<IndicatorValueInput> in) {
    return in == null
        ? List.of()
        : in.stream()
            .map(v -> new IndicatorService.ValueCommand(v.getIndicatorId(), v.getValue()))
            .toList();
  }

  static IndicatorReport toApi(IndicatorQueries.View v) {
    IndicatorReportEntity r = v.report();
    Period p = v.period();
    return new IndicatorReport()
        .id(r.id)
        .unit(Places.ref(v.unit()))
        .periodKind(PeriodKind.fromValue(p.kind().name()))
        .year(p.year())
        .number(p.number())
        .periodStart(p.start())
        .periodEnd(p.end())
        .periodLabel(p.label())
        .revision(r.revision)
        .status(IndicatorReportStatus.fromValue(r.status))
        .note(r.note)
        .revisionReason(r.revisionReason)
        .reviewComment(r.reviewComment)
        .submittedAt(r.submittedAt == null ? null : r.submittedAt.atOffset(ZoneOffset.UTC))
        .submittedBy(r.submittedBy)
        .reviewedAt(r.reviewedAt == null ? null : r.reviewedAt.atOffset(ZoneOffset.UTC))
        .reviewedBy(r.reviewedBy)
        .canEdit(v.canEdit())
        .canReview(v.canReview())
        .values(
            v.values().stream()
                .map(
                    x ->
                        new IndicatorValue()
                            .indicator(CatalogueEntry.ref(x.indicator()))
                            .value(x.value()))
                .toList())
        .updatedAt(r.updatedAt.atOffset(ZoneOffset.UTC))
        .version(r.version);
  }
}
