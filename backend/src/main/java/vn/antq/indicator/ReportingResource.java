package vn.antq.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import vn.antq.api.ReportingApi;
import vn.antq.api.model.PeriodKind;
import vn.antq.api.model.ReportReporting;
import vn.antq.api.model.ReportingCell;
import vn.antq.api.model.ReportingCounts;
import vn.antq.api.model.ReportingDeadline;
import vn.antq.api.model.ReportingDeadlineInput;
import vn.antq.api.model.ReportingMissing;
import vn.antq.api.model.ReportingPeriod;
import vn.antq.api.model.ReportingRow;
import vn.antq.api.model.ReportingState;
import vn.antq.security.Roles;
import vn.antq.territory.Places;

/**
 * {@code /api/reporting}: the deadlines of reported figures and who has reported — for province
 * officers who chase the communes that have not, and for communes that see where they stand.
 */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class ReportingResource implements ReportingApi {
  @Inject ReportingDeadlines deadlines;
  @Inject ReportingCompleteness completeness;
  @Inject Places places;
  @Inject ReportingLine line;

  @Override
  public Response listReportingDeadlines(Long provinceId) {
    return Response.ok(deadlines.list(provinceId).stream().map(this::toApi).toList()).build();
  }

  @Override
  public Response createReportingDeadline(ReportingDeadlineInput in) {
    ReportingDeadlines.Rule r =
        deadlines.create(
            new ReportingDeadlines.Command(
                Period.Kind.valueOf(in.getPeriodKind().name()),
                in.getProvinceId(),
                in.getDaysAfter(),
                in.getValidFrom(),
                in.getNote()));
    return Response.status(Response.Status.CREATED).entity(toApi(r)).build();
  }

  @Override
  public Response getReportingCompleteness(
      LocalDate from, LocalDate to, Long unitId, PeriodKind periodKind) {
    Period.Kind kind =
        periodKind == null ? Period.Kind.MONTH : Period.Kind.valueOf(periodKind.name());
    ReportingCompleteness.Result r = completeness.of(unitId, kind, from, to);
    return Response.ok(
            new vn.antq.api.model.ReportingCompleteness()
                .unit(Places.ref(r.unit()))
                .periodKind(PeriodKind.valueOf(r.kind().name()))
                .periods(
                    r.periods().stream()
                        .map(
                            p ->
                                new ReportingPeriod()
                                    .periodStart(p.period().start())
                                    .periodEnd(p.period().end())
                                    .periodLabel(p.period().label())
                                    .deadline(p.deadline())
                                    .due(p.due())
                                    .counts(counts(p.counts(), p.due()))
                                    .missing(
                                        p.missing().stream()
                                            .map(
                                                m ->
                                                    new ReportingMissing()
                                                        .unit(Places.ref(m.unit()))
                                                        .under(Places.ref(m.under())))
                                            .toList()))
                        .toList())
                .rows(
                    r.rows().stream()
                        .map(
                            row ->
                                new ReportingRow()
                                    .unit(Places.ref(row.unit()))
                                    .leaf(row.leaf())
                                    .counts(counts(row.counts(), true))
                                    .cells(row.cells().stream().map(this::cell).toList()))
                        .toList())
                .total(counts(r.total(), true)))
        .build();
  }

  @Override
  public Response getReportingSummaryLine(LocalDate from, LocalDate to, Long unitId) {
    return line.of(unitId, from, to)
        .map(l -> Response.ok(toApi(l)).build())
        .orElseGet(() -> Response.noContent().build());
  }

  /** The line as the contract has it. */
  public static ReportReporting toApi(ReportingLine.Line l) {
    return new ReportReporting()
        .periodLabel(l.period().label())
        .periodStart(l.period().start())
        .deadline(l.deadline())
        .last(counts(l.last(), true))
        .months(l.months())
        .overall(counts(l.overall(), true))
        .text(l.text());
  }

  private ReportingCell cell(ReportingCompleteness.Cell c) {
    return new ReportingCell()
        .state(c.state() == null ? null : ReportingState.valueOf(c.state().name()))
        .onTime(c.onTime())
        .reportId(c.reportId())
        .firstSubmittedAt(
            c.firstSubmitted() == null ? null : c.firstSubmitted().atOffset(ZoneOffset.UTC))
        .counts(counts(c.counts(), false));
  }

  /** The counts, with their rates when {@code rated} and something was expected. */
  private static ReportingCounts counts(ReportingCompleteness.Counts c, boolean rated) {
    ReportingCounts out =
        new ReportingCounts()
            .expected(c.expected())
            .submitted(c.submitted())
            .onTime(c.onTime())
            .approved(c.approved());
    if (rated && c.expected() > 0) {
      out.submittedRate(rate(c.submitted(), c.expected()))
          .onTimeRate(rate(c.onTime(), c.expected()))
          .approvedRate(rate(c.approved(), c.expected()));
    }
    return out;
  }

  private static double rate(int part, int whole) {
    return Math.round(10_000.0 * part / whole) / 10_000.0;
  }

  private ReportingDeadline toApi(ReportingDeadlines.Rule r) {
    ReportingDeadline out =
        new ReportingDeadline()
            .id(r.id())
            .periodKind(PeriodKind.valueOf(r.kind().name()))
            .daysAfter(r.daysAfter())
            .validFrom(r.validFrom())
            .validTo(r.validTo())
            .note(r.note())
            .createdBy(r.createdBy())
            .createdAt(r.createdAt() == null ? null : r.createdAt().atOffset(ZoneOffset.UTC));
    if (r.provinceId() != null) {
      out.province(places.refs(Set.of(r.provinceId())).get(r.provinceId()));
    }
    return out;
  }
}
