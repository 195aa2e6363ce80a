package vn.antq.safety;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import vn.antq.api.SafetyApi;
import vn.antq.api.model.ExemplaryPolice;
import vn.antq.api.model.ExemplaryPoliceInput;
import vn.antq.api.model.ExemplaryPolicePage;
import vn.antq.api.model.SafetyAssessment;
import vn.antq.api.model.SafetyAssessmentInput;
import vn.antq.api.model.SafetyAssessmentPage;
import vn.antq.api.model.SafetyChecklist;
import vn.antq.api.model.SafetyCriterionResult;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.common.web.Pages;
import vn.antq.security.Roles;
import vn.antq.territory.Places;

/**
 * {@code /api/safety-assessments}, {@code /api/exemplary-police}: officers assess and recognise the
 * units below their own; everybody reads what their territory holds.
 */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class SafetyResource implements SafetyApi {
  @Inject SafetyService safety;
  @Inject ExemplaryPoliceService police;

  @Override
  public Response listSafetyAssessments(
      Long unitId,
      Integer year,
      Long targetId,
      Boolean met,
      Integer page,
      Integer size,
      String sort) {
    PageRequest p = PageRequest.of(page, size, sort, SafetyService.SORTABLE, "year,desc");
    SafetyService.Page<SafetyService.View> result =
        safety.list(unitId, year, targetId, met, p.page(), p.size(), p.sqlOrder());
    return Response.ok(
            Pages.of(
                SafetyAssessmentPage::new,
                result.content().stream().map(SafetyResource::toApi).toList(),
                p,
                result.total()))
        .build();
  }

  @Override
  public Response getSafetyChecklist(Long unitId, Integer year) {
    SafetyService.Checklist c = safety.checklist(unitId, year);
    return Response.ok(
            new SafetyChecklist()
                .unit(Places.ref(c.unit().summary()))
                .target(CatalogueEntry.ref(c.target()))
                .year(c.year())
                .periodFrom(c.from())
                .periodTo(c.to())
                .assessmentId(c.existingId())
                .criteria(c.criteria().stream().map(CatalogueEntry::ref).toList()))
        .build();
  }

  @Override
  public Response getSafetyAssessment(Long id) {
    return Etags.withEtag(Response.ok(), toApi(safety.get(id)), SafetyAssessment::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createSafetyAssessment(SafetyAssessmentInput in) {
    SafetyAssessment created = toApi(safety.create(command(in)));
    return Etags.withEtag(
        Response.created(URI.create("/api/safety-assessments/" + created.getId())),
        created,
        SafetyAssessment::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response updateSafetyAssessment(Long id, SafetyAssessmentInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return Etags.withEtag(
        Response.ok(),
        toApi(safety.update(id, expected, command(in))),
        SafetyAssessment::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response deleteSafetyAssessment(Long id, String ifMatch) {
    safety.delete(id, Etags.requireVersion(ifMatch));
    return Response.noContent().build();
  }

  @Override
  public Response listExemplaryPolice(Long unitId, Integer year, Integer page, Integer size) {
    PageRequest p =
        PageRequest.of(page, size, null, java.util.Map.of("year", "e.year"), "year,desc");
    SafetyService.Page<ExemplaryPoliceService.PoliceView> result =
        police.list(unitId, year, p.page(), p.size());
    return Response.ok(
            Pages.of(
                ExemplaryPolicePage::new,
                result.content().stream().map(SafetyResource::toApi).toList(),
                p,
                result.total()))
        .build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createExemplaryPolice(ExemplaryPoliceInput in) {
    ExemplaryPolice created =
        toApi(
            police.create(
                new ExemplaryPoliceService.PoliceCommand(
                    in.getUnitId(),
                    in.getYear(),
                    in.getDecisionNumber(),
                    in.getDecidedOn(),
                    in.getAuthority(),
                    in.getNote())));
    return Response.created(URI.create("/api/exemplary-police/" + created.getId()))
        .tag(new EntityTag(String.valueOf(created.getVersion())))
        .entity(created)
        .build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response deleteExemplaryPolice(Long id, String ifMatch) {
    police.delete(id, Etags.requireVersion(ifMatch));
    return Response.noContent().build();
  }

  private static SafetyService.Command command(SafetyAssessmentInput in) {
    return new SafetyService.Command(
        in.getUnitId(),
        in.getYear(),
        in.getCriteria() == null
            ? List.of()
            : in.getCriteria().stream()
                .map(
                    c ->
                        new SafetyService.CriterionCommand(
                            c.getCriterionId(), c.getMet(), c.getEvidence()))
                .toList(),
        in.getRecognisedBy(),
        in.getRecognisedOn(),
        in.getDecisionNumber(),
        in.getNote());
  }

  static SafetyAssessment toApi(SafetyService.View v) {
    SafetyAssessmentEntity a = v.assessment();
    return new SafetyAssessment()
        .id(a.id)
        .unit(Places.ref(v.unit()))
        .target(CatalogueEntry.ref(v.target()))
        .year(a.year)
        .periodFrom(a.periodFrom)
        .periodTo(a.periodTo)
        .met(a.met)
        .metCount((int) v.criteria().stream().filter(SafetyService.CriterionView::met).count())
        .criteria(
            v.criteria().stream()
                .map(
                    c ->
                        new SafetyCriterionResult()
                            .criterion(CatalogueEntry.ref(c.criterion()))
                            .met(c.met())
                            .evidence(c.evidence()))
                .toList())
        .recognisedBy(a.recognisedBy)
        .recognisedOn(a.recognisedOn)
        .decisionNumber(a.decisionNumber)
        .note(a.note)
        .canEdit(v.canEdit())
        .updatedAt(a.updatedAt.atOffset(ZoneOffset.UTC))
        .version(a.version);
  }

  static ExemplaryPolice toApi(ExemplaryPoliceService.PoliceView v) {
    ExemplaryPoliceEntity e = v.designation();
    return new ExemplaryPolice()
        .id(e.id)
        .unit(Places.ref(v.unit()))
        .ward(Places.ref(v.ward()))
        .year(e.year)
        .decisionNumber(e.decisionNumber)
        .decidedOn(e.decidedOn)
        .authority(e.authority)
        .note(e.note)
        .version(e.version);
  }
}
