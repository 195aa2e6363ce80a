package vn.antq.model;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.antq.api.ModelsApi;
import vn.antq.api.model.MemberInput;
import vn.antq.api.model.MemberPage;
import vn.antq.api.model.ModelDetail;
import vn.antq.api.model.ModelInput;
import vn.antq.api.model.ModelPage;
import vn.antq.api.model.ModelTransition;
import vn.antq.api.model.RecognitionInput;
import vn.antq.api.model.RosterImport;
import vn.antq.api.model.RosterImportResult;
import vn.antq.api.model.RosterProblem;
import vn.antq.api.model.TeamInput;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.common.web.Keyset;
import vn.antq.common.web.PageRequest;
import vn.antq.common.web.Pages;
import vn.antq.common.web.Tables;
import vn.antq.integration.Idempotency;
import vn.antq.security.Caller;
import vn.antq.security.RateLimiter;
import vn.antq.security.Roles;
import vn.antq.territory.Position;

/**
 * {@code /api/models}, teams and members: every role reads within its territory; officers,
 * administrators and integration clients write; recognition is recorded by province officers (and
 * commune officers at commune level).
 */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class ModelResource implements ModelsApi {
  /** roster exports per caller and hour */
  static final int EXPORTS_PER_HOUR = 20;

  @Inject ModelService models;
  @Inject ModelQueries modelQueries;
  @Inject RosterService roster;
  @Inject RosterImporter rosterImport;
  @Inject RosterSearch rosterSearch;
  @Inject RateLimiter limiter;
  @Inject Caller caller;
  @Inject Idempotency idempotency;

  @Override
  public Response listModels(
      String q,
      Long fieldId,
      Long typeId,
      List<vn.antq.api.model.ModelStatus> status,
      Long ethnicGroupId,
      Long religionId,
      vn.antq.api.model.RecognitionLevel recognitionLevel,
      Long unitId,
      LocalDate establishedFrom,
      LocalDate establishedTo,
      Integer page,
      Integer size,
      String after,
      String sort) {
    PageRequest p =
        PageRequest.of(page, size, sort, ModelQueries.SORTABLE, ModelQueries.DEFAULT_SORT);
    ModelQueries.Filter filter =
        filter(
            q,
            fieldId,
            typeId,
            status,
            new ModelQueries.Community(ethnicGroupId, religionId),
            recognitionLevel,
            unitId,
            establishedFrom,
            establishedTo);
    ModelViews.Page result = modelQueries.list(filter, p, Keyset.decode(after, p));
    return Response.ok(
            Pages.of(
                    ModelPage::new,
                    result.content().stream().map(ModelMapper::summary).toList(),
                    p,
                    result.total())
                .nextCursor(result.next())
                .totalCapped(result.capped()))
        .build();
  }

  @Override
  public Response getModel(Long id) {
    return Etags.withEtag(
        Response.ok(), ModelMapper.detail(models.get(id)), ModelDetail::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createModel(ModelInput in) {
    ModelDetail created = ModelMapper.detail(models.create(command(in)));
    return Etags.withEtag(
        Response.created(URI.create("/api/models/" + created.getId())),
        created,
        ModelDetail::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response updateModel(Long id, ModelInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return Etags.withEtag(
        Response.ok(),
        ModelMapper.detail(models.update(id, expected, command(in))),
        ModelDetail::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response transitionModel(Long id, ModelTransition t, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    ModelService.Transition cmd = transition(t);
    return Etags.withEtag(
        Response.ok(),
        ModelMapper.detail(models.transition(id, expected, cmd)),
        ModelDetail::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER})
  public Response recognizeModel(Long id, RecognitionInput r, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    ModelService.RecognitionCommand cmd = recognition(r);
    return Etags.withEtag(
        Response.ok(),
        ModelMapper.detail(models.recognize(id, expected, cmd)),
        ModelDetail::getVersion);
  }

  @Override
  public Response listModelTeams(Long id) {
    return Response.ok(roster.teams(id).stream().map(ModelMapper::team).toList()).build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createTeam(Long id, TeamInput in) {
    var team = ModelMapper.team(roster.createTeam(id, teamCommand(in)));
    return Response.created(URI.create("/api/models/" + id + "/teams/" + team.getId()))
        .tag(new EntityTag(String.valueOf(team.getVersion())))
        .entity(team)
        .build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response updateTeam(Long id, Long teamId, TeamInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    var team = ModelMapper.team(roster.updateTeam(id, teamId, expected, teamCommand(in)));
    return Response.ok(team).tag(new EntityTag(String.valueOf(team.getVersion()))).build();
  }

  @Override
  public Response listTeamMembers(Long id, Long teamId) {
    return Response.ok(roster.members(id, teamId).stream().map(ModelMapper::member).toList())
        .build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createMember(Long id, Long teamId, MemberInput in, String idempotencyKey) {
    String scope = "models/" + id + "/teams/" + teamId + "/members";
    return idempotency.once(
        idempotencyKey,
        scope,
        in,
        () -> {
          var member = ModelMapper.member(roster.createMember(id, teamId, memberCommand(in)));
          return Response.created(URI.create("/api/models/" + id + "/members/" + member.getId()))
              .tag(new EntityTag(String.valueOf(member.getVersion())))
              .entity(member)
              .build();
        });
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response updateMember(Long id, Long memberId, MemberInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    var member = ModelMapper.member(roster.updateMember(id, memberId, expected, memberCommand(in)));
    return Response.ok(member).tag(new EntityTag(String.valueOf(member.getVersion()))).build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response deleteMember(Long id, Long memberId, String ifMatch) {
    roster.deleteMember(id, memberId, Etags.requireVersion(ifMatch));
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response importRoster(Long id, RosterImport in) {
    List<RosterImporter.Row> rows =
        in.getRows().stream()
            .map(
                r ->
                    new RosterImporter.Row(
                        r.getTeam(),
                        r.getArea(),
                        r.getFullName(),
                        r.getGender(),
                        r.getBirthYear(),
                        r.getRole(),
                        r.getPhone(),
                        r.getAddress(),
                        r.getJoinedOn()))
            .toList();
    RosterImporter.ImportResult result =
        rosterImport.importRoster(id, Boolean.TRUE.equals(in.getDryRun()), in.getAsOf(), rows);
    RosterImportResult body =
        new RosterImportResult()
            .valid(result.valid())
            .applied(result.applied())
            .rows(result.rows())
            .teamsCreated(result.teamsCreated())
            .membersCreated(result.membersCreated())
            .defaultDate(result.dates().defaultDate())
            .defaultDateGiven(result.dates().given())
            .rowsDefaulted(result.dates().rowsDefaulted())
            .problems(
                result.problems().stream()
                    .map(
                        p -> new RosterProblem().row(p.row()).field(p.field()).message(p.message()))
                    .toList());
    return Response.status(result.valid() || Boolean.TRUE.equals(in.getDryRun()) ? 200 : 422)
        .entity(body)
        .build();
  }

  @Override
  public Response exportRoster(Long id) {
    String who = caller.kind() + ":" + caller.actorId();
    long wait = limiter.hit("roster-export:" + who, EXPORTS_PER_HOUR, Duration.ofHours(1));
    if (wait > 0) {
      throw new ProblemException(
          ProblemType.TOO_MANY_REQUESTS,
          "Bạn đã xuất danh sách thành viên "
              + EXPORTS_PER_HOUR
              + " lần trong giờ này. Vui lòng thử lại sau "
              + (wait + 59) / 60
              + " phút.",
          List.of(),
          wait);
    }
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(
        "Tổ,Họ và tên,Giới tính,Năm sinh,Vai trò,Điện thoại,Địa chỉ,Ngày vào tổ,Ngày rời tổ\r\n");
    for (ModelViews.MemberView v : rosterSearch.exportRoster(id)) {
      var m = ModelMapper.member(v);
      csv.append(cell(v.teamName()))
          .append(',')
          .append(cell(m.getFullName()))
          .append(',')
          .append(m.getGender() == vn.antq.api.model.Gender.MALE ? "Nam" : "Nữ")
          .append(',')
          .append(m.getBirthYear() == null ? "" : m.getBirthYear())
          .append(',')
          .append(
              switch (m.getRole()) {
                case LEADER -> "Tổ trưởng";
                case DEPUTY -> "Tổ phó";
                case MEMBER -> "Tổ viên";
              })
          .append(',')
          .append(cell(m.getPhone()))
          .append(',')
          .append(cell(m.getAddress()))
          .append(',')
          .append(VietnamTime.format(m.getJoinedOn()))
          .append(',')
          .append(VietnamTime.format(m.getLeftOn()))
          .append("\r\n");
    }
    return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8))
        .type("text/csv; charset=UTF-8")
        .header(
            "Content-Disposition", "attachment; filename=\"danh-sach-thanh-vien-" + id + ".csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  /** A CSV cell: quoted when needed; a leading = + - @ is defused (spreadsheet formulas). */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  @Override
  public Response searchMembers(String q, Long unitId, Long modelId, Integer page, Integer size) {
    PageRequest p =
        PageRequest.of(page, size, null, java.util.Map.of("fullName", "x"), "fullName,asc");
    ModelViews.MemberPage result = rosterSearch.search(q, unitId, modelId, p.page(), p.size());
    return Response.ok(
            Pages.of(
                    MemberPage::new,
                    result.content().stream().map(ModelMapper::member).toList(),
                    p,
                    result.total())
                .totalCapped(result.capped()))
        .build();
  }

  /** The list's filters as the service takes them (the list and its export share them). */
  private static ModelQueries.Filter filter(
      String q,
      Long fieldId,
      Long typeId,
      List<vn.antq.api.model.ModelStatus> status,
      ModelQueries.Community community,
      vn.antq.api.model.RecognitionLevel recognitionLevel,
      Long unitId,
      LocalDate establishedFrom,
      LocalDate establishedTo) {
    Set<ModelStatus> statuses = EnumSet.noneOf(ModelStatus.class);
    if (status != null) {
      status.forEach(s -> statuses.add(ModelStatus.valueOf(s.name())));
    }
    return new ModelQueries.Filter(
        q,
        fieldId,
        typeId,
        statuses,
        community,
        recognitionLevel == null ? null : RecognitionLevel.valueOf(recognitionLevel.name()),
        unitId,
        establishedFrom,
        establishedTo);
  }

  static ModelService.Transition transition(ModelTransition t) {
    return new ModelService.Transition(
        ModelStatus.valueOf(t.getToStatus().name()),
        t.getDate(),
        t.getReason(),
        t.getNote(),
        t.getSiteUnitIds());
  }

  static ModelService.RecognitionCommand recognition(RecognitionInput r) {
    return new ModelService.RecognitionCommand(
        RecognitionLevel.valueOf(r.getLevel().name()),
        r.getDecisionNumber(),
        r.getDecisionDate(),
        r.getAuthority());
  }

  static ModelService.Command command(ModelInput in) {
    return new ModelService.Command(
        in.getName(),
        in.getTypeId(),
        in.getUnitId(),
        ModelMapper.names(in.getLeadOrganisations()),
        in.getEstablishedOn(),
        in.getDescription(),
        ModelMapper.names(in.getTargetCommunities()),
        in.getDeclaredTeams(),
        in.getDeclaredMembers(),
        in.getEthnicGroupId(),
        in.getReligionId(),
        Position.from(in.getPosition(), "position"));
  }

  private static RosterService.TeamCommand teamCommand(TeamInput in) {
    return new RosterService.TeamCommand(
        in.getName(), in.getUnitId(), in.getEstablishedOn(), in.getDissolvedOn());
  }

  private static RosterService.MemberCommand memberCommand(MemberInput in) {
    return new RosterService.MemberCommand(
        in.getFullName(),
        MemberEntity.Gender.valueOf(in.getGender().name()),
        in.getBirthYear(),
        MemberEntity.Role.valueOf(in.getRole().name()),
        in.getPhone(),
        in.getAddress(),
        in.getJoinedOn(),
        in.getLeftOn());
  }

  @Override
  public Response exportModels(
      String format,
      String q,
      Long fieldId,
      Long typeId,
      List<vn.antq.api.model.ModelStatus> status,
      Long ethnicGroupId,
      Long religionId,
      vn.antq.api.model.RecognitionLevel recognitionLevel,
      Long unitId,
      LocalDate establishedFrom,
      LocalDate establishedTo,
      String sort) {
    PageRequest checked =
        PageRequest.of(0, 20, sort, ModelQueries.SORTABLE, ModelQueries.DEFAULT_SORT);
    PageRequest p = new PageRequest(0, Tables.pageSize(), checked.sort(), checked.field());
    ModelQueries.Filter filter =
        filter(
            q,
            fieldId,
            typeId,
            status,
            new ModelQueries.Community(ethnicGroupId, religionId),
            recognitionLevel,
            unitId,
            establishedFrom,
            establishedTo);
    // page after page by keyset: the export reads each row once, however long the list
    String[] cursor = {null};
    List<List<Object>> rows =
        Tables.collect(
            n -> {
              if (n > 0 && cursor[0] == null) {
                return new Tables.Chunk(List.of(), 0); // the list ended with the last page
              }
              ModelViews.Page page = modelQueries.list(filter, p, Keyset.decode(cursor[0], p));
              cursor[0] = page.next();
              return new Tables.Chunk(
                  page.content().stream()
                      .map(ModelMapper::summary)
                      .map(ModelResource::exportRow)
                      .toList(),
                  page.total());
            });
    return Tables.download(
        format,
        "mo-hinh",
        "Mô hình",
        List.of(
            "Mã",
            "Tên mô hình",
            "Loại",
            "Lĩnh vực",
            "Đơn vị",
            "Trạng thái",
            "Từ ngày",
            "Điển hình cấp",
            "Ngày thành lập",
            "Số tổ",
            "Số thành viên",
            "Số tổ (báo cáo)",
            "Số thành viên (báo cáo)",
            "Vĩ độ",
            "Kinh độ"),
        rows);
  }

  private static List<Object> exportRow(vn.antq.api.model.ModelSummary m) {
    return java.util.Arrays.<Object>asList(
        m.getId(),
        m.getName(),
        m.getType().getName(),
        m.getField().getName(),
        m.getUnit().getName(),
        ModelStatus.valueOf(m.getStatus().name()).label(),
        m.getStatusSince(),
        m.getRecognitionLevel() == null ? null : m.getRecognitionLevel().toString(),
        m.getEstablishedOn(),
        m.getTeamCount(),
        m.getMemberCount(),
        m.getDeclaredTeams(),
        m.getDeclaredMembers(),
        m.getPosition() == null ? null : m.getPosition().getLatitude(),
        m.getPosition() == null ? null : m.getPosition().getLongitude());
  }
}
