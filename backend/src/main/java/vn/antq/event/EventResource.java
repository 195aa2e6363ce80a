package vn.antq.event;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.antq.api.EventsApi;
import vn.antq.api.model.Attachment;
import vn.antq.api.model.Event;
import vn.antq.api.model.EventInput;
import vn.antq.api.model.EventPage;
import vn.antq.api.model.MaterialLine;
import vn.antq.api.model.ModelRef;
import vn.antq.api.model.Programme;
import vn.antq.api.model.ProgrammeInput;
import vn.antq.api.model.ProgrammePage;
import vn.antq.api.model.ProgrammeRef;
import vn.antq.api.model.ProgrammeStatus;
import vn.antq.api.model.UnitRef;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.common.web.Pages;
import vn.antq.common.web.Tables;
import vn.antq.integration.Idempotency;
import vn.antq.security.Roles;
import vn.antq.territory.Places;
import vn.antq.territory.Position;
import vn.antq.territory.UnitSummary;

/**
 * {@code /api/events}, {@code /api/programmes}: everybody reads in their territory; writers write.
 */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class EventResource implements EventsApi {
  @Inject EventService events;
  @Inject ProgrammeService programmes;
  @Inject AttachmentService attachments;
  @Inject Idempotency idempotency;

  @Override
  public Response listEvents(
      String q,
      Long typeId,
      Long programmeId,
      Long organiserId,
      Long unitId,
      LocalDate from,
      LocalDate to,
      Integer page,
      Integer size,
      String sort) {
    PageRequest p = PageRequest.of(page, size, sort, EventService.SORTABLE, "startsAt,desc");
    if (from != null && to != null && to.isBefore(from)) {
      throw ProblemException.badRequest("to", "Ngày kết thúc phải từ ngày bắt đầu");
    }
    EventService.Page result =
        events.list(
            new EventService.Filter(q, typeId, programmeId, organiserId, unitId, from, to),
            p.page(),
            p.size(),
            p.sqlOrder("e.id", EventService.NULLABLE_SORTS));
    return Response.ok(
            Pages.of(
                    EventPage::new,
                    result.content().stream().map(EventResource::toApi).toList(),
                    p,
                    result.total())
                .totalCapped(result.capped()))
        .build();
  }

  @Override
  public Response getEvent(Long id) {
    return Etags.withEtag(Response.ok(), toApi(events.get(id)), Event::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createEvent(EventInput in, String idempotencyKey) {
    return idempotency.once(
        idempotencyKey,
        "events",
        in,
        () -> {
          Event created = toApi(events.create(command(in)));
          return Etags.withEtag(
              Response.created(URI.create("/api/events/" + created.getId())),
              created,
              Event::getVersion);
        });
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response updateEvent(Long id, EventInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return Etags.withEtag(
        Response.ok(), toApi(events.update(id, expected, command(in))), Event::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response deleteEvent(Long id, String ifMatch) {
    events.delete(id, Etags.requireVersion(ifMatch));
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response uploadEventAttachment(
      Long id, String fileName, File body, String idempotencyKey) {
    byte[] content;
    try {
      if (body.length() > AttachmentService.MAX_ATTACHMENT) {
        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "Tệp đính kèm tối đa 10 MB");
      }
      content = Files.readAllBytes(body.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return idempotency.once(
        idempotencyKey,
        "events/" + id + "/attachments/" + Idempotency.hash(fileName, content),
        List.of(),
        () -> {
          AttachmentService.AttachmentView a = attachments.attach(id, fileName, content);
          return Response.created(URI.create("/api/events/" + id + "/attachments/" + a.id()))
              .entity(attachment(a))
              .build();
        });
  }

  @Override
  public Response getEventAttachment(Long id, Long attachmentId) {
    AttachmentService.Download d = attachments.download(id, attachmentId);
    String encoded = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    // shown in the browser (photos, PDFs), sandboxed: the bytes were checked to be what they say
    return Response.ok(d.content())
        .type(d.contentType())
        .header("Content-Disposition", "inline; filename*=UTF-8''" + encoded)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
        .header("Cache-Control", "private, max-age=3600")
        .build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response deleteEventAttachment(Long id, Long attachmentId) {
    attachments.detach(id, attachmentId);
    return Response.noContent().build();
  }

  // ------------------------------------------------------------------ programmes

  @Override
  public Response listProgrammes(
      String q, Long unitId, ProgrammeStatus status, Integer page, Integer size) {
    PageRequest p =
        PageRequest.of(page, size, null, java.util.Map.of("signedOn", "x"), "signedOn,desc");
    long[] total = new long[1];
    List<ProgrammeService.ProgrammeView> found =
        programmes.list(
            q, unitId, status == null ? null : status.name(), p.page(), p.size(), total);
    return Response.ok(
            Pages.of(
                ProgrammePage::new, found.stream().map(EventResource::toApi).toList(), p, total[0]))
        .build();
  }

  @Override
  public Response getProgramme(Long id) {
    Programme body = toApi(programmes.get(id));
    return Response.ok(body).tag(new EntityTag(String.valueOf(body.getVersion()))).build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createProgramme(ProgrammeInput in) {
    Programme body = toApi(programmes.create(programmeCommand(in)));
    return Response.created(URI.create("/api/programmes/" + body.getId()))
        .tag(new EntityTag(String.valueOf(body.getVersion())))
        .entity(body)
        .build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response updateProgramme(Long id, ProgrammeInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    Programme body = toApi(programmes.update(id, expected, programmeCommand(in)));
    return Response.ok(body).tag(new EntityTag(String.valueOf(body.getVersion()))).build();
  }

  // ------------------------------------------------------------------ mapping

  static EventService.Command command(EventInput in) {
    return new EventService.Command(
        in.getTypeId(),
        in.getTitle(),
        in.getStartsAt().toInstant(),
        in.getEndsAt().toInstant(),
        in.getLocation(),
        Position.from(in.getPosition(), "position"),
        in.getUnitId(),
        in.getLeadUnitId(),
        in.getCoOrganiserIds() == null ? Set.of() : new LinkedHashSet<>(in.getCoOrganiserIds()),
        in.getProgrammeId(),
        in.getModelIds() == null ? Set.of() : new LinkedHashSet<>(in.getModelIds()),
        in.getAttendance(),
        in.getSessions(),
        in.getMaterials() == null
            ? List.of()
            : in.getMaterials().stream()
                .map(m -> new EventService.Material(m.getMaterialTypeId(), m.getQuantity()))
                .toList(),
        in.getOutcome());
  }

  private static ProgrammeService.ProgrammeCommand programmeCommand(ProgrammeInput in) {
    return new ProgrammeService.ProgrammeCommand(
        in.getNumber(),
        in.getTitle(),
        in.getSignedOn(),
        new LinkedHashSet<>(in.getPartyIds()),
        in.getScopeUnitId(),
        in.getPeriodFrom(),
        in.getPeriodTo(),
        in.getStatus().name(),
        in.getRenewedById());
  }

  static UnitRef unit(UnitSummary s) {
    return Places.ref(s);
  }

  static ProgrammeRef ref(ProgrammeEntity p) {
    return p == null ? null : new ProgrammeRef().id(p.id).number(p.number).title(p.title);
  }

  static Attachment attachment(AttachmentService.AttachmentView a) {
    return new Attachment()
        .id(a.id())
        .fileName(a.fileName())
        .contentType(Attachment.ContentTypeEnum.fromValue(a.contentType()))
        .size(a.size())
        .uploadedAt(a.uploadedAt().atOffset(ZoneOffset.UTC));
  }

  static Event toApi(EventService.View v) {
    EventEntity e = v.event();
    return new Event()
        .id(e.id)
        .type(CatalogueEntry.ref(v.type()))
        .title(e.title)
        .startsAt(e.startsAt.atOffset(ZoneOffset.UTC))
        .endsAt(e.endsAt.atOffset(ZoneOffset.UTC))
        .location(e.location)
        .position(Position.toApi(Position.of(e.latitude, e.longitude, e.positionAccuracy)))
        .unit(unit(v.unit()))
        .lead(unit(v.lead()))
        .coOrganisers(v.coOrganisers().stream().map(EventResource::unit).toList())
        .programme(ref(v.programme()))
        .models(v.models().stream().map(m -> new ModelRef().id(m.id()).name(m.name())).toList())
        .attendance(e.attendance)
        .sessions(e.sessions)
        .materials(
            v.materials().stream()
                .map(
                    m ->
                        new MaterialLine()
                            .material(CatalogueEntry.ref(m.getKey()))
                            .quantity(m.getValue()))
                .toList())
        .outcome(e.outcome)
        .attachments(v.attachments().stream().map(EventResource::attachment).toList())
        .version(e.version);
  }

  static Programme toApi(ProgrammeService.ProgrammeView v) {
    ProgrammeEntity p = v.programme();
    return new Programme()
        .id(p.id)
        .number(p.number)
        .title(p.title)
        .signedOn(p.signedOn)
        .parties(v.parties().stream().map(EventResource::unit).toList())
        .scope(unit(v.scope()))
        .periodFrom(p.periodFrom)
        .periodTo(p.periodTo)
        .status(ProgrammeStatus.fromValue(p.status))
        .renewedBy(ref(v.renewedBy()))
        .eventCount(v.eventCount())
        .version(p.version);
  }

  @Override
  public Response exportEvents(
      String format,
      String q,
      Long typeId,
      Long programmeId,
      Long organiserId,
      Long unitId,
      LocalDate from,
      LocalDate to,
      String sort) {
    PageRequest p = PageRequest.of(0, 20, sort, EventService.SORTABLE, "startsAt,desc");
    if (from != null && to != null && to.isBefore(from)) {
      throw ProblemException.badRequest("to", "Ngày kết thúc phải từ ngày bắt đầu");
    }
    EventService.Filter filter =
        new EventService.Filter(q, typeId, programmeId, organiserId, unitId, from, to);
    List<List<Object>> rows =
        Tables.collectIds(
            events.ids(filter, p.sqlOrder("e.id", EventService.NULLABLE_SORTS), Tables.MAX_ROWS),
            chunk ->
                events.viewsOf(chunk).stream()
                    .map(EventResource::toApi)
                    .map(
                        e ->
                            java.util.Arrays.<Object>asList(
                                e.getId(),
                                e.getTitle(),
                                e.getType().getName(),
                                e.getStartsAt(),
                                e.getEndsAt(),
                                e.getLocation(),
                                e.getPosition() == null ? null : e.getPosition().getLatitude(),
                                e.getPosition() == null ? null : e.getPosition().getLongitude(),
                                e.getUnit().getName(),
                                e.getLead().getName(),
                                e.getProgramme() == null ? null : e.getProgramme().getTitle(),
                                e.getAttendance(),
                                e.getSessions(),
                                e.getOutcome()))
                    .toList());
    return Tables.download(
        format,
        "su-kien",
        "Sự kiện",
        List.of(
            "Mã",
            "Tên sự kiện",
            "Loại",
            "Bắt đầu",
            "Kết thúc",
            "Địa điểm",
            "Vĩ độ",
            "Kinh độ",
            "Địa bàn",
            "Đơn vị chủ trì",
            "Chương trình phối hợp",
            "Số người tham dự",
            "Số buổi",
            "Kết quả"),
        rows);
  }
}
