package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.territory.Place;
import vn.antq.territory.Places;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Teams and their rosters: one rule set for single edits and for imported lists. Phone numbers and
 * addresses leave the service masked unless the caller is an officer of the territory.
 */
@ApplicationScoped
public class RosterService {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject ModelService models;
  @Inject AuditService audit;

  public record TeamCommand(
      String name, Long unitId, LocalDate establishedOn, LocalDate dissolvedOn) {}

  public record MemberCommand(
      String fullName,
      MemberEntity.Gender gender,
      Integer birthYear,
      MemberEntity.Role role,
      String phone,
      String address,
      LocalDate joinedOn,
      LocalDate leftOn) {}

  public record RowProblem(int row, String field, String message) {}

  // ------------------------------------------------------------------ teams

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ModelViews.TeamView> teams(long modelId) {
    models.require(modelId);
    List<TeamEntity> teams =
        TeamEntity.<TeamEntity>list("modelId = ?1 order by establishedOn, id", modelId);
    return teamViews(teams);
  }

  private List<ModelViews.TeamView> teamViews(List<TeamEntity> teams) {
    if (teams.isEmpty()) {
      return List.of();
    }
    LocalDate today = VietnamTime.today();
    Map<Long, List<MemberEntity>> members =
        MemberEntity.<MemberEntity>list(
                "teamId in ?1 order by id", teams.stream().map(t -> t.id).toList())
            .stream()
            .filter(m -> m.currentOn(today))
            .collect(Collectors.groupingBy(m -> m.teamId));
    Map<Long, UnitSummary> unitNames =
        places.summaries(teams.stream().map(t -> t.unitId).collect(Collectors.toSet()));
    return teams.stream()
        .map(
            t -> {
              List<MemberEntity> ms = members.getOrDefault(t.id, List.of());
              return new ModelViews.TeamView(
                  t,
                  unitNames.get(t.unitId),
                  first(ms, MemberEntity.Role.LEADER),
                  first(ms, MemberEntity.Role.DEPUTY),
                  ms.size());
            })
        .toList();
  }

  private static MemberEntity first(List<MemberEntity> ms, MemberEntity.Role role) {
    return ms.stream().filter(m -> m.role == role).findFirst().orElse(null);
  }

  @Transactional
  public ModelViews.TeamView createTeam(long modelId, TeamCommand cmd) {
    CommunityModelEntity model = writable(modelId);
    TeamEntity team = new TeamEntity();
    team.modelId = model.id;
    applyTeam(model, team, cmd);
    team.createdAt = Instant.now();
    team.updatedAt = team.createdAt;
    team.persist();
    touch(model);
    audit.record(
        "MODEL", model.id, "TEAM_CREATE", AuditService.diff(null, teamSnapshot(team)), path(model));
    return teamViews(List.of(team)).get(0);
  }

  @Transactional
  public ModelViews.TeamView updateTeam(long modelId, long teamId, long expected, TeamCommand cmd) {
    CommunityModelEntity model = writable(modelId);
    TeamEntity team = team(model, teamId);
    Etags.check(expected, team.version);
    Map<String, Object> before = teamSnapshot(team);
    applyTeam(model, team, cmd);
    team.updatedAt = Instant.now();
    touch(model);
    Map<String, AuditService.Change> changes = AuditService.diff(before, teamSnapshot(team));
    changes.put("team", new AuditService.Change(null, team.name));
    audit.record("MODEL", model.id, "TEAM_UPDATE", changes, path(model));
    em.flush();
    return teamViews(List.of(team)).get(0);
  }

  private void applyTeam(CommunityModelEntity model, TeamEntity team, TeamCommand cmd) {
    Place place = territory.requirePlace(cmd.unitId(), "unitId");
    Place root = scopeRoot(model);
    if (!place.path().startsWith(root.path())) {
      throw ProblemException.unprocessable(
          "unitId", "Tổ phải phụ trách một địa bàn thuộc " + root.name());
    }
    if (cmd.establishedOn().isAfter(VietnamTime.today())) {
      throw ProblemException.unprocessable(
          "establishedOn", "Ngày thành lập không được sau hôm nay");
    }
    if (cmd.dissolvedOn() != null && cmd.dissolvedOn().isBefore(cmd.establishedOn())) {
      throw ProblemException.unprocessable("dissolvedOn", "Ngày giải thể phải từ ngày thành lập");
    }
    String name = cmd.name().trim();
    long same =
        Rows.toLong(
            em.createNativeQuery(
                    "SELECT count(*) FROM team WHERE model_id = ?1 AND id <> ?2"
                        + " AND f_search_key(name) = f_search_key(?3)")
                .setParameter(1, model.id)
                .setParameter(2, team.id == null ? -1L : team.id)
                .setParameter(3, name)
                .getSingleResult());
    if (same > 0) {
      throw ProblemException.conflict("name", "Mô hình đã có tổ tên «" + name + "»");
    }
    team.name = name;
    team.unitId = place.id();
    team.establishedOn = cmd.establishedOn();
    team.dissolvedOn = cmd.dissolvedOn();
  }

  /** Teams cover places in the model's commune (or province, for a model above communes). */
  Place scopeRoot(CommunityModelEntity model) {
    Place unit = territory.placeOf(model.unitId);
    if (unit.communeId() != null) {
      return territory.placeOf(unit.communeId());
    }
    if (unit.provinceId() != null) {
      return territory.placeOf(unit.provinceId());
    }
    return unit;
  }

  private TeamEntity team(CommunityModelEntity model, long teamId) {
    TeamEntity team = TeamEntity.findById(teamId);
    if (team == null || !team.modelId.equals(model.id)) {
      throw ProblemException.notFound("Không tìm thấy tổ " + teamId + " của mô hình này");
    }
    return team;
  }

  /** A model the caller may change: visible, and not retired. */
  CommunityModelEntity writable(long modelId) {
    CommunityModelEntity model = models.require(modelId);
    if (model.status == ModelStatus.RETIRED) {
      throw new ProblemException(
          ProblemType.CONFLICT, "Mô hình đã thanh loại, không sửa tổ và thành viên được nữa");
    }
    return model;
  }

  /** Roster changes change the model's counts: its version moves, so cached copies are stale. */
  static void touch(CommunityModelEntity model) {
    model.updatedAt = Instant.now();
  }

  String path(CommunityModelEntity model) {
    return territory.placeOf(model.unitId).path();
  }

  // ------------------------------------------------------------------ members

  /** Leader, deputies, then members; current before former; names in Vietnamese order. */
  static final java.util.Comparator<MemberEntity> ROSTER_ORDER =
      java.util.Comparator.<MemberEntity, Boolean>comparing(m -> m.leftOn != null)
          .thenComparing(m -> m.role.ordinal())
          .thenComparing(
              m -> m.fullName, java.text.Collator.getInstance(Locale.forLanguageTag("vi")))
          .thenComparing(m -> m.id);

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ModelViews.MemberView> members(long modelId, long teamId) {
    CommunityModelEntity model = models.require(modelId);
    TeamEntity team = team(model, teamId);
    return MemberEntity.<MemberEntity>list("teamId = ?1", team.id).stream()
        .sorted(ROSTER_ORDER)
        .map(m -> view(m, team.name, model.name))
        .toList();
  }

  @Transactional
  public ModelViews.MemberView createMember(long modelId, long teamId, MemberCommand cmd) {
    CommunityModelEntity model = writable(modelId);
    TeamEntity team = team(model, teamId);
    MemberEntity member = new MemberEntity();
    member.teamId = team.id;
    member.modelId = model.id;
    applyMember(team, member, cmd);
    member.createdAt = Instant.now();
    member.updatedAt = member.createdAt;
    member.persist();
    touch(model);
    Map<String, AuditService.Change> changes = AuditService.diff(null, memberSnapshot(member));
    changes.put("team", new AuditService.Change(null, team.name));
    audit.record("MODEL", model.id, "MEMBER_CREATE", changes, path(model));
    return view(member, team.name, model.name);
  }

  @Transactional
  public ModelViews.MemberView updateMember(
      long modelId, long memberId, long expected, MemberCommand cmd) {
    CommunityModelEntity model = writable(modelId);
    MemberEntity member = member(model, memberId);
    Etags.check(expected, member.version);
    TeamEntity team = TeamEntity.findById(member.teamId);
    Map<String, Object> before = memberSnapshot(member);
    applyMember(team, member, cmd);
    member.updatedAt = Instant.now();
    touch(model);
    Map<String, AuditService.Change> changes = AuditService.diff(before, memberSnapshot(member));
    changes.put("member", new AuditService.Change(null, member.fullName));
    audit.record("MODEL", model.id, "MEMBER_UPDATE", changes, path(model));
    em.flush();
    return view(member, team.name, model.name);
  }

  @Transactional
  public void deleteMember(long modelId, long memberId, long expected) {
    CommunityModelEntity model = writable(modelId);
    MemberEntity member = member(model, memberId);
    Etags.check(expected, member.version);
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    memberSnapshot(member).forEach((k, v) -> changes.put(k, new AuditService.Change(v, null)));
    member.delete();
    touch(model);
    audit.record("MODEL", model.id, "MEMBER_DELETE", changes, path(model));
  }

  private MemberEntity member(CommunityModelEntity model, long memberId) {
    MemberEntity member = MemberEntity.findById(memberId);
    if (member == null || !member.modelId.equals(model.id)) {
      throw ProblemException.notFound("Không tìm thấy thành viên " + memberId + " của mô hình này");
    }
    return member;
  }

  private void applyMember(TeamEntity team, MemberEntity member, MemberCommand sent) {
    MemberCommand cmd = PersonalData.unmasked(member, sent, models.seesPersonalData());
    List<RowProblem> problems = new ArrayList<>();
    checkMember(team, cmd, member.id, 0, problems, List.of());
    if (!problems.isEmpty()) {
      RowProblem p = problems.get(0);
      throw ProblemException.unprocessable(p.field(), p.message());
    }
    member.fullName = cmd.fullName().trim().replaceAll("\\s+", " ");
    member.gender = cmd.gender();
    member.birthYear = cmd.birthYear() == null ? null : cmd.birthYear().shortValue();
    member.role = cmd.role();
    member.phone = normalisePhone(cmd.phone());
    member.address = ModelService.blankToNull(cmd.address());
    member.joinedOn = cmd.joinedOn();
    member.leftOn = cmd.leftOn();
  }

  /**
   * The rules of a member, for single edits and imported rows alike. {@code pendingLeaders}: the
   * team names that already got a leader earlier in the same import.
   */
  void checkMember(
      TeamEntity team,
      MemberCommand cmd,
      Long self,
      int row,
      List<RowProblem> problems,
      List<String> pendingLeaders) {
    LocalDate today = VietnamTime.today();
    if (cmd.fullName() == null || cmd.fullName().isBlank()) {
      problems.add(new RowProblem(row, "fullName", "Nhập họ và tên"));
    }
    if (cmd.birthYear() != null
        && (cmd.birthYear() < 1900 || cmd.birthYear() > Year.now(VietnamTime.ZONE).getValue())) {
      problems.add(new RowProblem(row, "birthYear", "Năm sinh phải từ 1900 đến năm nay"));
    }
    if (PersonalData.isMasked(cmd.phone()) || PersonalData.isMasked(cmd.address())) {
      String field = PersonalData.isMasked(cmd.phone()) ? "phone" : "address";
      problems.add(
          new RowProblem(
              row,
              field,
              ("phone".equals(field) ? "Số điện thoại" : "Địa chỉ")
                  + " là giá trị bị che (có dấu *), không lưu được: nhập giá trị đầy đủ"));
    } else if (cmd.phone() != null && !cmd.phone().isBlank()) {
      String digits = cmd.phone().replaceAll("[^0-9]", "");
      if (!cmd.phone().matches("[0-9+ .()-]*") || digits.length() < 9 || digits.length() > 12) {
        problems.add(new RowProblem(row, "phone", "Số điện thoại không hợp lệ"));
      }
    }
    if (cmd.joinedOn() != null) {
      if (cmd.joinedOn().isAfter(today)) {
        problems.add(new RowProblem(row, "joinedOn", "Ngày vào tổ không được sau hôm nay"));
      } else if (team != null && cmd.joinedOn().isBefore(team.establishedOn)) {
        problems.add(
            new RowProblem(
                row,
                "joinedOn",
                "Ngày vào tổ không được trước ngày thành lập tổ ("
                    + VietnamTime.format(team.establishedOn)
                    + ")"));
      }
    }
    if (cmd.leftOn() != null && cmd.joinedOn() != null && cmd.leftOn().isBefore(cmd.joinedOn())) {
      problems.add(new RowProblem(row, "leftOn", "Ngày rời tổ phải từ ngày vào tổ"));
    }
    boolean current = cmd.leftOn() == null || cmd.leftOn().isAfter(today);
    if (cmd.role() == MemberEntity.Role.LEADER && current && team != null) {
      long leaders =
          MemberEntity.count(
              "teamId = ?1 and role = ?2 and (leftOn is null or leftOn > ?3) and id <> ?4",
              team.id,
              MemberEntity.Role.LEADER,
              today,
              self == null ? -1L : self);
      if (leaders > 0 || pendingLeaders.contains(key(team.name))) {
        problems.add(
            new RowProblem(
                row,
                "role",
                "Tổ «" + team.name + "» đã có tổ trưởng; mỗi tổ chỉ có một tổ trưởng"));
      }
    }
  }

  static String normalisePhone(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    return phone.replaceAll("[^0-9+]", "");
  }

  ModelViews.MemberView view(MemberEntity m, String teamName, String modelName) {
    return new ModelViews.MemberView(m, teamName, modelName, !models.seesPersonalData());
  }

  static String key(String name) {
    return java.text.Normalizer.normalize(
            name.trim().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replace('đ', 'd')
        .replaceAll("\\s+", " ");
  }

  private static Map<String, Object> teamSnapshot(TeamEntity t) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", t.name);
    s.put("unitId", t.unitId);
    s.put("establishedOn", t.establishedOn);
    s.put("dissolvedOn", t.dissolvedOn);
    return s;
  }

  private static Map<String, Object> memberSnapshot(MemberEntity m) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("fullName", m.fullName);
    s.put("gender", m.gender);
    s.put("birthYear", m.birthYear);
    s.put("role", m.role);
    s.put("phone", m.phone == null ? null : PersonalData.maskPhone(m.phone));
    s.put("address", m.address == null ? null : "(có)");
    s.put("joinedOn", m.joinedOn);
    s.put("leftOn", m.leftOn);
    return s;
  }
}
