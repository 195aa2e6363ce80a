package vn.antq.award;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.antq.api.AwardsApi;
import vn.antq.api.model.Award;
import vn.antq.api.model.AwardCounts;
import vn.antq.api.model.AwardFormCount;
import vn.antq.api.model.AwardInput;
import vn.antq.api.model.AwardPage;
import vn.antq.api.model.AwardPower;
import vn.antq.api.model.AwardPowerInput;
import vn.antq.api.model.AwardRecipient;
import vn.antq.api.model.AwardRecipientHit;
import vn.antq.api.model.AwardRecipientInput;
import vn.antq.api.model.AwardRecipientPage;
import vn.antq.api.model.AwardRecipientsInput;
import vn.antq.api.model.AwardRef;
import vn.antq.api.model.EventRef;
import vn.antq.api.model.ModelRef;
import vn.antq.api.model.ProgrammeRef;
import vn.antq.api.model.RecipientKind;
import vn.antq.api.model.UnitRef;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.common.web.Pages;
import vn.antq.common.web.Tables;
import vn.antq.security.Roles;
import vn.antq.territory.Places;
import vn.antq.territory.UnitSummary;

/**
 * {@code /api/awards}, {@code /api/award-recipients}, {@code /api/award-powers}: everybody reads
 * what their territory holds; officers write decisions of their units; administrators keep the
 * powers.
 */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class AwardResource implements AwardsApi {
  @Inject AwardService awards;
  @Inject AwardQueries queries;
  @Inject AwardPowerService powers;
  @Inject CatalogueService catalogues;

  // ------------------------------------------------------------------ decisions

  @Override
  public Response listAwards(
      String q,
      Long formId,
      Long typeId,
      Long authorityId,
      RecipientKind recipientKind,
      Long unitId,
      Long eventId,
      Long programmeId,
      LocalDate from,
      LocalDate to,
      Integer page,
      Integer size,
      String sort) {
    PageRequest p = PageRequest.of(page, size, sort, AwardService.SORTABLE, "decidedOn,desc");
    AwardService.Page result =
        queries.list(
            filter(
                q,
                formId,
                typeId,
                authorityId,
                recipientKind,
                unitId,
                eventId,
                programmeId,
                from,
                to),
            p.page(),
            p.size(),
            p.sqlOrder());
    return Response.ok(
            Pages.of(
                AwardPage::new,
                result.content().stream().map(AwardResource::toApi).toList(),
                p,
                result.total()))
        .build();
  }

  @Override
  public Response countAwards(
      String q,
      Long formId,
      Long typeId,
      Long authorityId,
      RecipientKind recipientKind,
      Long unitId,
      Long eventId,
      Long programmeId,
      LocalDate from,
      LocalDate to) {
    AwardService.Counts c =
        queries.counts(
            filter(
                q,
                formId,
                typeId,
                authorityId,
                recipientKind,
                unitId,
                eventId,
                programmeId,
                from,
                to));
    return Response.ok(
            new AwardCounts()
                .decisions(c.decisions())
                .collectives(c.collectives())
                .individuals(c.individuals())
                .byForm(
                    c.byForm().stream()
                        .map(
                            f ->
                                new AwardFormCount()
                                    .form(CatalogueEntry.ref(f.form()))
                                    .decisions(f.decisions())
                                    .collectives(f.collectives())
                                    .individuals(f.individuals()))
                        .toList()))
        .build();
  }

  @Override
  public Response getAward(Long id) {
    return Etags.withEtag(Response.ok(), toApi(queries.get(id)), Award::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createAward(AwardInput in) {
    Award created = toApi(awards.create(command(in)));
    return Etags.withEtag(
        Response.created(URI.create("/api/awards/" + created.getId())), created, Award::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response updateAward(Long id, AwardInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return Etags.withEtag(
        Response.ok(), toApi(awards.update(id, expected, command(in))), Award::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response deleteAward(Long id, String ifMatch) {
    awards.delete(id, Etags.requireVersion(ifMatch));
    return Response.noContent().build();
  }

  @Override
  public Response listAwardRecipients(Long id) {
    return Response.ok(queries.recipients(id).stream().map(AwardResource::recipient).toList())
        .build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response addAwardRecipients(Long id, AwardRecipientsInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return Etags.withEtag(
        Response.ok(),
        toApi(awards.addRecipients(id, expected, recipients(in.getRecipients()))),
        Award::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response removeAwardRecipient(Long id, Long recipientId, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return Etags.withEtag(
        Response.ok(), toApi(awards.removeRecipient(id, expected, recipientId)), Award::getVersion);
  }

  @Override
  public Response searchAwardRecipients(
      String q,
      RecipientKind recipientKind,
      Long unitId,
      Long modelId,
      Long memberId,
      Long formId,
      LocalDate from,
      LocalDate to,
      Integer page,
      Integer size) {
    checkRange(from, to);
    PageRequest p = PageRequest.of(page, size, null, Map.of("decidedOn", "x"), "decidedOn,desc");
    AwardService.HitPage found =
        queries.searchRecipients(
            q,
            recipientKind == null ? null : AwardService.Kind.valueOf(recipientKind.name()),
            unitId,
            modelId,
            memberId,
            formId,
            from,
            to,
            p.page(),
            p.size());
    return Response.ok(
            Pages.of(
                AwardRecipientPage::new,
                found.content().stream()
                    .map(
                        h ->
                            new AwardRecipientHit()
                                .recipient(recipient(h.recipient()))
                                .award(ref(h.award())))
                    .toList(),
                p,
                found.total()))
        .build();
  }

  // ------------------------------------------------------------------ powers

  @Override
  public Response listAwardPowers(Long authorityId, Long formId, LocalDate activeOn) {
    List<AwardPowerEntity> list = powers.list(authorityId, formId, activeOn);
    Map<Long, CatalogueEntry> cats =
        catalogues.byIds(
            list.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.authorityId, p.formId))
                .collect(Collectors.toSet()));
    return Response.ok(list.stream().map(p -> toApi(p, cats)).toList()).build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response createAwardPower(AwardPowerInput in) {
    AwardPowerEntity p = powers.create(powerCommand(in));
    return powerResponse(Response.created(URI.create("/api/award-powers/" + p.id)), p);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response updateAwardPower(Long id, AwardPowerInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return powerResponse(Response.ok(), powers.update(id, expected, powerCommand(in)));
  }

  private Response powerResponse(Response.ResponseBuilder builder, AwardPowerEntity p) {
    Map<Long, CatalogueEntry> cats = catalogues.byIds(Set.of(p.authorityId, p.formId));
    return builder.tag(new EntityTag(String.valueOf(p.version))).entity(toApi(p, cats)).build();
  }

  private static AwardPowerService.Command powerCommand(AwardPowerInput in) {
    return new AwardPowerService.Command(
        in.getAuthorityId(),
        in.getFormId(),
        in.getValidFrom(),
        in.getValidTo(),
        in.getLegalBasis());
  }

  static AwardPower toApi(AwardPowerEntity p, Map<Long, CatalogueEntry> cats) {
    return new AwardPower()
        .id(p.id)
        .authority(CatalogueEntry.ref(cats.get(p.authorityId)))
        .form(CatalogueEntry.ref(cats.get(p.formId)))
        .validFrom(p.validFrom)
        .validTo(p.validTo)
        .legalBasis(p.legalBasis)
        .active(p.activeOn(VietnamTime.today()))
        .version(p.version);
  }

  // ------------------------------------------------------------------ mapping

  private static void checkRange(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw ProblemException.badRequest("to", "Ngày kết thúc phải từ ngày bắt đầu");
    }
  }

  private static AwardService.Filter filter(
      String q,
      Long formId,
      Long typeId,
      Long authorityId,
      RecipientKind kind,
      Long unitId,
      Long eventId,
      Long programmeId,
      LocalDate from,
      LocalDate to) {
    checkRange(from, to);
    return new AwardService.Filter(
        q,
        formId,
        typeId,
        authorityId,
        kind == null ? null : AwardService.Kind.valueOf(kind.name()),
        unitId,
        eventId,
        programmeId,
        from,
        to);
  }

  static AwardService.Command command(AwardInput in) {
    return new AwardService.Command(
        in.getNumber(),
        in.getDecidedOn(),
        in.getAuthorityId(),
        in.getUnitId(),
        in.getIssuerName(),
        in.getSigner(),
        in.getFormId(),
        in.getTypeId(),
        in.getReason(),
        in.getEventId(),
        in.getProgrammeId(),
        recipients(in.getRecipients()));
  }

  private static List<AwardService.RecipientCommand> recipients(List<AwardRecipientInput> in) {
    return in.stream()
        .map(
            r ->
                new AwardService.RecipientCommand(
                    r.getKind() == null ? null : AwardService.Kind.valueOf(r.getKind().name()),
                    r.getUnitId(),
                    r.getModelId(),
                    r.getMemberId(),
                    AwardService.blankToNull(r.getFullName()),
                    AwardService.blankToNull(r.getPosition())))
        .toList();
  }

  static UnitRef unit(UnitSummary s) {
    return Places.ref(s);
  }

  static AwardRecipient recipient(AwardService.RecipientView r) {
    return new AwardRecipient()
        .id(r.id())
        .kind(RecipientKind.valueOf(r.kind().name()))
        .name(r.name())
        .position(r.position())
        .unitName(r.unitName())
        .unit(unit(r.unit()))
        .model(r.modelId() == null ? null : new ModelRef().id(r.modelId()).name(r.modelName()))
        .memberId(r.memberId());
  }

  static AwardRef ref(AwardService.View v) {
    return new AwardRef()
        .id(v.decision().id)
        .number(v.decision().number)
        .decidedOn(v.decision().decidedOn)
        .issuerName(v.decision().issuerName)
        .form(CatalogueEntry.ref(v.form()))
        .type(CatalogueEntry.ref(v.type()));
  }

  static Award toApi(AwardService.View v) {
    AwardDecisionEntity d = v.decision();
    return new Award()
        .id(d.id)
        .number(d.number)
        .decidedOn(d.decidedOn)
        .authority(CatalogueEntry.ref(v.authority()))
        .unit(unit(v.unit()))
        .issuerName(d.issuerName)
        .signer(d.signer)
        .form(CatalogueEntry.ref(v.form()))
        .type(CatalogueEntry.ref(v.type()))
        .reason(d.reason)
        .event(
            v.event() == null
                ? null
                : new EventRef()
                    .id(v.event().id())
                    .title(v.event().title())
                    .startsAt(v.event().startsAt().atOffset(ZoneOffset.UTC)))
        .programme(
            v.programme() == null
                ? null
                : new ProgrammeRef()
                    .id(v.programme().id())
                    .number(v.programme().number())
                    .title(v.programme().title()))
        .collectiveCount(v.collectives())
        .individualCount(v.individuals())
        .recipients(
            v.recipients() == null
                ? null
                : v.recipients().stream().map(AwardResource::recipient).toList())
        .version(d.version);
  }

  @Override
  public Response exportAwards(
      String format,
      String q,
      Long formId,
      Long typeId,
      Long authorityId,
      RecipientKind recipientKind,
      Long unitId,
      Long eventId,
      Long programmeId,
      LocalDate from,
      LocalDate to,
      String sort) {
    PageRequest p = PageRequest.of(0, 20, sort, AwardService.SORTABLE, "decidedOn,desc");
    AwardService.Filter f =
        filter(
            q, formId, typeId, authorityId, recipientKind, unitId, eventId, programmeId, from, to);
    List<List<Object>> rows =
        Tables.collectIds(
            queries.ids(f, p.sqlOrder(), Tables.MAX_ROWS + 1, 0),
            chunk ->
                queries.viewsOf(chunk).stream()
                    .map(AwardResource::toApi)
                    .map(
                        a ->
                            java.util.Arrays.<Object>asList(
                                a.getId(),
                                a.getNumber(),
                                a.getDecidedOn(),
                                a.getAuthority().getName(),
                                a.getIssuerName(),
                                a.getUnit().getName(),
                                a.getForm().getName(),
                                a.getType().getName(),
                                a.getCollectiveCount(),
                                a.getIndividualCount(),
                                a.getReason()))
                    .toList());
    return Tables.download(
        format,
        "khen-thuong",
        "Khen thưởng",
        List.of(
            "Mã",
            "Số quyết định",
            "Ngày ký",
            "Cấp khen",
            "Cơ quan, người ký",
            "Đơn vị",
            "Hình thức",
            "Loại",
            "Số tập thể",
            "Số cá nhân",
            "Thành tích"),
        rows);
  }
}
