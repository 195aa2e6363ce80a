package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.BulkSql;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.model.RosterService.MemberCommand;
import vn.antq.model.RosterService.RowProblem;
import vn.antq.territory.Place;
import vn.antq.territory.Places;

/**
 * A model's roster uploaded as a list (a spreadsheet's rows): every row checked by the rules of
 * single edits, new teams created on the way, and nothing written unless every row is right.
 */
@ApplicationScoped
public class RosterImporter {
  @Inject RosterService roster;
  @Inject Places places;
  @Inject AuditService audit;
  @Inject EntityManager em;

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

  public record ImportResult(
      boolean valid,
      boolean applied,
      int rows,
      int teamsCreated,
      int membersCreated,
      List<RowProblem> problems,
      Dates dates) {}

  /**
   * The date new teams start and members without a joining date join: the one given, or the model's
   * founding date; how many rows took it.
   */
  public record Dates(LocalDate defaultDate, boolean given, int rowsDefaulted) {}

  @Transactional
  public ImportResult importRoster(long modelId, boolean dryRun, LocalDate asOf, List<Row> rows) {
    CommunityModelEntity model = roster.writable(modelId);
    if (asOf != null && asOf.isAfter(VietnamTime.today())) {
      throw ProblemException.badRequest("asOf", "Ngày áp dụng không được sau hôm nay");
    }
    if (asOf != null && asOf.isBefore(model.establishedOn)) {
      throw ProblemException.badRequest(
          "asOf",
          "Ngày áp dụng không được trước ngày thành lập mô hình ("
              + VietnamTime.format(model.establishedOn)
              + ")");
    }
    Plan plan = new Plan(model, roster.scopeRoot(model), asOf);
    for (int i = 0; i < rows.size(); i++) {
      plan.add(rows.get(i), i + 1);
    }
    boolean valid = plan.problems.isEmpty();
    if (dryRun || !valid) {
      return new ImportResult(
          valid,
          false,
          rows.size(),
          valid ? plan.newTeams.size() : 0,
          valid ? rows.size() : 0,
          plan.problems,
          plan.dates());
    }
    plan.write();
    RosterService.touch(model);
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("teamsCreated", new AuditService.Change(null, plan.newTeams.size()));
    changes.put("membersCreated", new AuditService.Change(null, rows.size()));
    audit.record("MODEL", model.id, "ROSTER_IMPORT", changes, roster.path(model));
    return new ImportResult(
        true, true, rows.size(), plan.newTeams.size(), rows.size(), List.of(), plan.dates());
  }

  /** The rows read so far: their problems, the teams they create and the members they add. */
  private final class Plan {
    final CommunityModelEntity model;
    final Place root;

    /** New teams start, and members without a joining date join, on this date. */
    final LocalDate defaultDate;

    final boolean given;
    int rowsDefaulted;

    /** New teams whose start was taken from a stated joining date. */
    final java.util.Set<String> datedTeams = new java.util.HashSet<>();

    /** Per row: whether its joining date is the default one. */
    final List<Boolean> undated = new ArrayList<>();

    final Map<String, TeamEntity> existing = new HashMap<>();
    final Map<String, TeamEntity> newTeams = new LinkedHashMap<>();
    final List<RowProblem> problems = new ArrayList<>();
    final List<String> leaders = new ArrayList<>();
    final List<MemberCommand> commands = new ArrayList<>();
    final List<String> teamOfRow = new ArrayList<>();

    Plan(CommunityModelEntity model, Place root, LocalDate asOf) {
      this.model = model;
      this.root = root;
      this.given = asOf != null;
      this.defaultDate = given ? asOf : model.establishedOn;
      TeamEntity.<TeamEntity>list("modelId", model.id)
          .forEach(t -> existing.put(RosterService.key(t.name), t));
    }

    Dates dates() {
      return new Dates(defaultDate, given, rowsDefaulted);
    }

    void add(Row r, int n) {
      int before = problems.size();
      TeamEntity team = team(r, n);
      MemberCommand cmd = command(r, n);
      // without a date of its own, a member joins an existing team no earlier than it started
      boolean dated = r.joinedOn() != null && !r.joinedOn().isBlank();
      if (!dated
          && team != null
          && team.id != null
          && cmd.joinedOn().isBefore(team.establishedOn)) {
        cmd = withJoined(cmd, team.establishedOn);
      }
      // a new team starts with its earliest member that states a date, else on the default date
      if (dated && team != null && team.id == null && cmd.joinedOn() != null) {
        String key = RosterService.key(team.name);
        if (datedTeams.add(key) || cmd.joinedOn().isBefore(team.establishedOn)) {
          team.establishedOn = cmd.joinedOn();
        }
      }
      undated.add(!dated);
      roster.checkMember(
          team != null && team.id != null ? team : null, cmd, null, n, problems, leaders);
      if (RosterImporter.role(r.role()) == MemberEntity.Role.LEADER && team != null) {
        String key = RosterService.key(team.name);
        if (team.id == null && leaders.contains(key)) {
          problems.add(
              new RowProblem(
                  n,
                  "role",
                  "Tổ «" + team.name + "» đã có tổ trưởng; mỗi tổ chỉ có một tổ trưởng"));
        }
        leaders.add(key);
      }
      commands.add(problems.size() == before ? cmd : null);
      teamOfRow.add(team == null ? null : RosterService.key(team.name));
    }

    /** The row's team: one of the model's, one created earlier in the list, or a new one. */
    private TeamEntity team(Row r, int n) {
      String name = r.team() == null ? "" : r.team().trim();
      if (name.isEmpty()) {
        problems.add(new RowProblem(n, "team", "Nhập tên tổ"));
        return null;
      }
      String key = RosterService.key(name);
      TeamEntity team = existing.containsKey(key) ? existing.get(key) : newTeams.get(key);
      if (team != null) {
        return team;
      }
      team = new TeamEntity();
      team.modelId = model.id;
      team.name = name;
      team.establishedOn = defaultDate;
      if (r.area() == null || r.area().isBlank()) {
        team.unitId = model.unitId;
      } else {
        List<Place> areas = places.findByNameWithin(root, r.area());
        if (areas.isEmpty()) {
          problems.add(
              new RowProblem(
                  n,
                  "area",
                  "Không tìm thấy địa bàn «" + r.area().trim() + "» trong " + root.name()));
        } else if (areas.size() > 1) {
          problems.add(new RowProblem(n, "area", ambiguous(r.area().trim(), areas)));
        } else {
          team.unitId = areas.get(0).id();
        }
      }
      if (team.unitId != null) {
        newTeams.put(key, team);
      }
      return team;
    }

    /** "Có nhiều địa bàn tên «Khối 1» trong …: Khối 1 — Khu phố 2 (mã …); … Ghi mã của địa bàn." */
    private String ambiguous(String name, List<Place> areas) {
      boolean more = areas.size() > Places.CANDIDATES;
      List<String> named =
          areas.stream().limit(Places.CANDIDATES).map(a -> places.pathName(root, a)).toList();
      return "Có nhiều địa bàn tên «"
          + name
          + "» trong "
          + root.name()
          + ": "
          + String.join("; ", named)
          + (more ? "; …" : "")
          + ". Ghi mã của địa bàn (hoặc tên riêng của nó) vào cột Địa bàn";
    }

    /** The row as a member's command, with the problems of its text fields. */
    private MemberCommand command(Row r, int n) {
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
      boolean blank = r.joinedOn() == null || r.joinedOn().isBlank();
      if (!blank && joined == null) {
        problems.add(new RowProblem(n, "joinedOn", "Ngày vào tổ phải có dạng dd/MM/yyyy"));
      } else if (blank) {
        joined = defaultDate;
        rowsDefaulted++;
      }
      if (r.address() != null && r.address().length() > 300) {
        problems.add(new RowProblem(n, "address", "Địa chỉ dài quá 300 ký tự"));
      }
      return new MemberCommand(
          r.fullName(),
          gender,
          birthYear,
          role == null ? MemberEntity.Role.MEMBER : role,
          r.phone(),
          r.address(),
          joined,
          null);
    }

    /**
     * Creates the new teams, then a member for every row — the members with one statement (a roster
     * of 2,000 took 2.1 s row by row, issue 24), its row triggers (search keys, roster counts,
     * change log) firing for each as for one.
     */
    void write() {
      for (TeamEntity t : newTeams.values()) {
        t.createdAt = Instant.now();
        t.updatedAt = t.createdAt;
        t.persist();
        existing.put(RosterService.key(t.name), t);
      }
      int n = commands.size();
      Object[][] c = new Object[9][n];
      for (int i = 0; i < n; i++) {
        TeamEntity team = existing.get(teamOfRow.get(i));
        MemberCommand cmd = commands.get(i);
        // an undated member of a new team joins when the team starts, if that is later
        if (undated.get(i) && cmd.joinedOn().isBefore(team.establishedOn)) {
          cmd = withJoined(cmd, team.establishedOn);
        }
        Object[] row = {
          team.id,
          model.id,
          cmd.fullName().trim().replaceAll("\\s+", " "),
          cmd.gender().name(),
          cmd.birthYear() == null ? null : cmd.birthYear().shortValue(),
          cmd.role().name(),
          RosterService.normalisePhone(cmd.phone()),
          ModelService.blankToNull(cmd.address()),
          cmd.joinedOn() == null ? null : cmd.joinedOn().toString()
        };
        for (int k = 0; k < row.length; k++) {
          c[k][i] = row[k];
        }
      }
      BulkSql.execute(
          em,
          "INSERT INTO member (team_id, model_id, full_name, gender, birth_year, role, phone,"
              + " address, joined_on, version, created_at, updated_at)"
              + " SELECT t, m, f, g, b, r, p, a, CAST(j AS date), 0, now(), now()"
              + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) AS u(t, m, f, g, b, r, p, a, j)",
          new BulkSql.Column("int8", c[0]),
          new BulkSql.Column("int8", c[1]),
          new BulkSql.Column("text", c[2]),
          new BulkSql.Column("text", c[3]),
          new BulkSql.Column("int2", c[4]),
          new BulkSql.Column("text", c[5]),
          new BulkSql.Column("text", c[6]),
          new BulkSql.Column("text", c[7]),
          new BulkSql.Column("text", c[8]));
    }
  }

  private static MemberCommand withJoined(MemberCommand c, LocalDate joined) {
    return new MemberCommand(
        c.fullName(),
        c.gender(),
        c.birthYear(),
        c.role(),
        c.phone(),
        c.address(),
        joined,
        c.leftOn());
  }

  static MemberEntity.Gender gender(String text) {
    if (text == null) {
      return null;
    }
    return switch (RosterService.key(text)) {
      case "nam", "male", "m" -> MemberEntity.Gender.MALE;
      case "nu", "female", "f" -> MemberEntity.Gender.FEMALE;
      default -> null;
    };
  }

  static MemberEntity.Role role(String text) {
    if (text == null || text.isBlank()) {
      return MemberEntity.Role.MEMBER;
    }
    return switch (RosterService.key(text)) {
      case "to truong", "leader", "truong" -> MemberEntity.Role.LEADER;
      case "to pho", "deputy", "pho" -> MemberEntity.Role.DEPUTY;
      case "to vien", "member", "thanh vien" -> MemberEntity.Role.MEMBER;
      default -> null;
    };
  }
}
