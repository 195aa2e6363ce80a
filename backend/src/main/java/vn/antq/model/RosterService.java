package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
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

  public record Row(
      String team,
      String area,
      String fullName,
      String gender,
      String birthYear,
      String role,
      String phone,
      String address,
      String joinedOn) {}

  public record RowProblem(int row, String field, String message) {}

  public record ImportResult(
      boolean valid,
      boolean applied,
      int rows,
      int teamsCreated,
      int membersCreated,
      List<RowProblem> problems) {}

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
  private Place scopeRoot(CommunityModelEntity model) {
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
  private CommunityModelEntity writable(long modelId) {
    CommunityModelEntity model = models.require(modelId);
    if (model.status == ModelStatus.RETIRED) {
      throw new ProblemException(
          ProblemType.CONFLICT, "Mô hình đã thanh loại, không sửa tổ và thành viên được nữa");
    }
    return model;
  }

  /** Roster changes change the model's counts: its version moves, so cached copies are stale. */
  private static void touch(CommunityModelEntity model) {
    model.updatedAt = Instant.now();
  }

  private String path(CommunityModelEntity model) {
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

  private void applyMember(TeamEntity team, MemberEntity member, MemberCommand cmd) {
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
    // who may not see a member's phone and address may not change them either: kept as they are
    if (member.id == null || models.seesPersonalData()) {
      member.phone = normalisePhone(cmd.phone());
      member.address = ModelService.blankToNull(cmd.address());
    }
    member.joinedOn = cmd.joinedOn();
    member.leftOn = cmd.leftOn();
  }

  /**
   * The rules of a member, for single edits and imported rows alike. {@code pendingLeaders}: the
   * team names that already got a leader earlier in the same import.
   */
  private void checkMember(
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
    if (cmd.phone() != null && !cmd.phone().isBlank()) {
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

  /** 0912345678 → 091*****78: enough to tell two numbers apart, not enough to call. */
  public static String maskPhone(String phone) {
    if (phone == null) {
      return null;
    }
    if (phone.length() <= 5) {
      return "*".repeat(phone.length());
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 5)
        + phone.substring(phone.length() - 2);
  }

  public static String maskAddress(String address) {
    return address == null ? null : "*** (đã ẩn)";
  }

  // ------------------------------------------------------------------ import

  @Transactional
  public ImportResult importRoster(long modelId, boolean dryRun, List<Row> rows) {
    CommunityModelEntity model = writable(modelId);
    Place root = scopeRoot(model);
    Map<String, TeamEntity> existing = new HashMap<>();
    TeamEntity.<TeamEntity>list("modelId", model.id).forEach(t -> existing.put(key(t.name), t));
    List<RowProblem> problems = new ArrayList<>();
    Map<String, TeamEntity> newTeams = new LinkedHashMap<>();
    List<String> leaders = new ArrayList<>();
    List<MemberCommand> commands = new ArrayList<>();
    List<String> teamOfRow = new ArrayList<>();
    LocalDate today = VietnamTime.today();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      int n = i + 1;
      int before = problems.size();
      String teamName = r.team() == null ? "" : r.team().trim();
      TeamEntity team = null;
      if (teamName.isEmpty()) {
        problems.add(new RowProblem(n, "team", "Nhập tên tổ"));
      } else {
        team = existing.get(key(teamName));
        if (team == null) {
          team = newTeams.get(key(teamName));
        }
        if (team == null) {
          team = new TeamEntity();
          team.modelId = model.id;
          team.name = teamName;
          team.establishedOn = today;
          if (r.area() == null || r.area().isBlank()) {
            team.unitId = model.unitId;
          } else {
            Optional<Place> area = places.findByNameWithin(root, r.area());
            if (area.isEmpty()) {
              problems.add(
                  new RowProblem(
                      n,
                      "area",
                      "Không tìm thấy địa bàn «" + r.area().trim() + "» trong " + root.name()));
            } else {
              team.unitId = area.get().id();
            }
          }
          if (team.unitId != null) {
            newTeams.put(key(teamName), team);
          }
        }
      }
      MemberEntity.Gender gender = gender(r.gender());
      if (gender == null) {
        problems.add(new RowProblem(n, "gender", "Giới tính phải là Nam hoặc Nữ"));
      }
      MemberEntity.Role role = role(r.role());
      if (role == null) {
        problems.add(new RowProblem(n, "role", "Vai trò phải là Tổ trưởng, Tổ phó hoặc Tổ viên"));
      }
      Integer birthYear = null;
      if (r.birthYear() != null && !r.birthYear().isBlank()) {
        try {
          birthYear = Integer.valueOf(r.birthYear().trim());
        } catch (NumberFormatException e) {
          problems.add(new RowProblem(n, "birthYear", "Năm sinh phải là số, ví dụ 1975"));
        }
      }
      LocalDate joined = VietnamTime.parse(r.joinedOn());
      if (r.joinedOn() != null && !r.joinedOn().isBlank() && joined == null) {
        problems.add(new RowProblem(n, "joinedOn", "Ngày vào tổ phải có dạng dd/MM/yyyy"));
      }
      if (r.address() != null && r.address().length() > 300) {
        problems.add(new RowProblem(n, "address", "Địa chỉ dài quá 300 ký tự"));
      }
      MemberCommand cmd =
          new MemberCommand(
              r.fullName(),
              gender,
              birthYear,
              role == null ? MemberEntity.Role.MEMBER : role,
              r.phone(),
              r.address(),
              joined,
              null);
      // a new team starts with its earliest member
      if (team != null
          && team.id == null
          && joined != null
          && joined.isBefore(team.establishedOn)) {
        team.establishedOn = joined;
      }
      checkMember(team != null && team.id != null ? team : null, cmd, null, n, problems, leaders);
      if (role == MemberEntity.Role.LEADER && team != null) {
        if (team.id == null && leaders.contains(key(team.name))) {
          problems.add(
              new RowProblem(
                  n,
                  "role",
                  "Tổ «" + team.name + "» đã có tổ trưởng; mỗi tổ chỉ có một tổ trưởng"));
        }
        leaders.add(key(team.name));
      }
      commands.add(problems.size() == before ? cmd : null);
      teamOfRow.add(team == null ? null : key(team.name));
    }
    boolean valid = problems.isEmpty();
    if (dryRun || !valid) {
      return new ImportResult(
          valid,
          false,
          rows.size(),
          valid ? newTeams.size() : 0,
          valid ? rows.size() : 0,
          problems);
    }
    for (TeamEntity t : newTeams.values()) {
      t.createdAt = Instant.now();
      t.updatedAt = t.createdAt;
      t.persist();
      existing.put(key(t.name), t);
    }
    for (int i = 0; i < commands.size(); i++) {
      TeamEntity team = existing.get(teamOfRow.get(i));
      MemberCommand cmd = commands.get(i);
      MemberEntity m = new MemberEntity();
      m.teamId = team.id;
      m.modelId = model.id;
      m.fullName = cmd.fullName().trim().replaceAll("\\s+", " ");
      m.gender = cmd.gender();
      m.birthYear = cmd.birthYear() == null ? null : cmd.birthYear().shortValue();
      m.role = cmd.role();
      m.phone = normalisePhone(cmd.phone());
      m.address = ModelService.blankToNull(cmd.address());
      m.joinedOn = cmd.joinedOn();
      m.createdAt = Instant.now();
      m.updatedAt = m.createdAt;
      m.persist();
    }
    touch(model);
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("teamsCreated", new AuditService.Change(null, newTeams.size()));
    changes.put("membersCreated", new AuditService.Change(null, rows.size()));
    audit.record("MODEL", model.id, "ROSTER_IMPORT", changes, path(model));
    return new ImportResult(true, true, rows.size(), newTeams.size(), rows.size(), List.of());
  }

  static String key(String name) {
    return java.text.Normalizer.normalize(
            name.trim().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replace('đ', 'd')
        .replaceAll("\\s+", " ");
  }

  static MemberEntity.Gender gender(String text) {
    if (text == null) {
      return null;
    }
    return switch (key(text)) {
      case "nam", "male", "m" -> MemberEntity.Gender.MALE;
      case "nu", "female", "f" -> MemberEntity.Gender.FEMALE;
      default -> null;
    };
  }

  static MemberEntity.Role role(String text) {
    if (text == null || text.isBlank()) {
      return MemberEntity.Role.MEMBER;
    }
    return switch (key(text)) {
      case "to truong", "leader", "truong" -> MemberEntity.Role.LEADER;
      case "to pho", "deputy", "pho" -> MemberEntity.Role.DEPUTY;
      case "to vien", "member", "thanh vien" -> MemberEntity.Role.MEMBER;
      default -> null;
    };
  }

  // ------------------------------------------------------------------ search and export

  /**
   * Matches counted exactly up to this many ({@code antq.members.search-limit}, 10,000); beyond it
   * the search answers "more than" and pages through the first of them in registration order.
   */
  @ConfigProperty(name = "antq.members.search-limit", defaultValue = "10000")
  int searchLimit;

  /**
   * Members whose name has words starting with the query's words, without diacritics ("van hung"
   * finds Nguyễn Văn Hùng and Lê Văn Hưng), in the unit's subtree or the caller's territory. Each
   * word-start suffix of a name is a row of {@code member_name_key}, so a query is one range of a
   * btree. Up to {@link #searchLimit} matches are counted and come in Vietnamese name order; a
   * query that matches more (a surname such as "nguyen" matches one person in three) is neither
   * counted nor sorted in full: its first {@link #searchLimit} matches come in the order of the
   * range (the name from the matched word on), and the page says it is capped.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ModelViews.MemberPage search(String q, Long unitId, Long modelId, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    // a unit filter is about where the teams are; the territory about where the models are
    String unitAlias = unitId != null ? "tu" : "mu";
    Territory.Scope scope = territory.scope(unitId, "m", unitAlias);
    scope.predicate().andTo(where, params);
    boolean joinUnit = scope.joinsUnit();
    if (modelId != null) {
      models.require(modelId);
      params.put("modelId", modelId);
      where.append(" AND x.model_id = :modelId");
    }
    // nothing to scope (an administrator's search): the keys alone answer, from their index
    boolean scoped = where.length() > " WHERE 1 = 1".length();
    String joins = scoped ? " JOIN community_model m ON m.id = x.model_id" : "";
    if (joinUnit && unitAlias.equals("tu")) {
      joins += " JOIN team t ON t.id = x.team_id JOIN unit tu ON tu.id = t.unit_id";
    } else if (joinUnit) {
      joins += " JOIN unit mu ON mu.id = m.unit_id";
    }
    boolean byName = q != null && !q.isBlank();
    String from;
    String idColumn;
    if (byName) {
      from =
          " FROM member_name_key k"
              + (scoped ? " JOIN member x ON x.id = k.member_id" + joins : "");
      idColumn = "k.member_id";
      params.put("q", q.trim());
      // the range of keys starting with the query: [words, words || the last code point)
      where.append(
          " AND k.key >= f_name_words(:q) COLLATE \"C\""
              + " AND k.key < (f_name_words(:q) || chr(1114111)) COLLATE \"C\"");
    } else {
      from = " FROM member x" + joins;
      idColumn = "x.id";
    }
    // a name may match by two of its words: count members, not keys
    Query count =
        em.createNativeQuery(
            "SELECT count(DISTINCT id), count(*) FROM (SELECT "
                + idColumn
                + " AS id"
                + from
                + where
                + " LIMIT "
                + (2L * searchLimit + 1)
                + ") c");
    params.forEach(count::setParameter);
    Object[] counted = (Object[]) count.getSingleResult();
    long total = Rows.toLong(counted[0]);
    boolean capped = total > searchLimit || Rows.toLong(counted[1]) > 2L * searchLimit;
    if (capped) {
      total = searchLimit;
    }
    long offset = (long) page * size;
    if (offset >= total) {
      return new ModelViews.MemberPage(List.of(), total, capped);
    }
    String sql =
        capped
            ? "SELECT "
                + idColumn
                + from
                + where
                + (byName ? " ORDER BY k.key, " : " ORDER BY ")
                + idColumn
            : "SELECT x.id FROM member x WHERE x.id IN (SELECT "
                + idColumn
                + from
                + where
                + ") ORDER BY x.full_name COLLATE vietnamese, x.id";
    Query select =
        em.createNativeQuery(sql + PageRequest.limitSql(Math.min(size, total - offset), offset));
    params.forEach(select::setParameter);
    // (capped and by name: a member matching by two words could come twice; shown once)
    List<Long> ids =
        ((List<?>) select.getResultList()).stream().map(o -> Rows.toLong(o)).distinct().toList();
    if (ids.isEmpty()) {
      return new ModelViews.MemberPage(List.of(), total, capped);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> names =
        em.createNativeQuery(
                "SELECT x.id, t.name, m.name FROM member x JOIN team t ON t.id = x.team_id"
                    + " JOIN community_model m ON m.id = x.model_id WHERE x.id IN (:ids)")
            .setParameter("ids", ids)
            .getResultList();
    Map<Long, Object[]> nameById =
        names.stream().collect(Collectors.toMap(r -> Rows.toLong(r[0]), r -> r));
    Map<Long, MemberEntity> byId =
        MemberEntity.<MemberEntity>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(m -> m.id, m -> m));
    return new ModelViews.MemberPage(
        ids.stream()
            .map(
                id ->
                    view(byId.get(id), (String) nameById.get(id)[1], (String) nameById.get(id)[2]))
            .toList(),
        total,
        capped);
  }

  /** Every member of the model, team by team, for the CSV export. */
  @Transactional
  public List<ModelViews.MemberView> exportRoster(long modelId) {
    CommunityModelEntity model = models.require(modelId);
    Map<Long, String> teamNames =
        TeamEntity.<TeamEntity>list("modelId", model.id).stream()
            .collect(Collectors.toMap(t -> t.id, t -> t.name));
    List<ModelViews.MemberView> out =
        MemberEntity.<MemberEntity>list("modelId = ?1", model.id).stream()
            .sorted(
                java.util.Comparator.<MemberEntity, Long>comparing(m -> m.teamId)
                    .thenComparing(ROSTER_ORDER))
            .map(m -> view(m, teamNames.get(m.teamId), model.name))
            .toList();
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("members", new AuditService.Change(null, out.size()));
    changes.put("masked", new AuditService.Change(null, !models.seesPersonalData()));
    audit.record("MODEL", model.id, "ROSTER_EXPORT", changes, path(model));
    return out;
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
    s.put("phone", m.phone == null ? null : maskPhone(m.phone));
    s.put("address", m.address == null ? null : "(có)");
    s.put("joinedOn", m.joinedOn);
    s.put("leftOn", m.leftOn);
    return s;
  }
}
