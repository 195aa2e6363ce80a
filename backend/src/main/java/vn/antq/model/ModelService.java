package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.security.Caller;
import vn.antq.security.Role;
import vn.antq.territory.Place;
import vn.antq.territory.Places;
import vn.antq.territory.Position;
import vn.antq.territory.Territory;

/**
 * The register of self-management models: territory-scoped reads, registration and edits, the
 * status life cycle and recognition as exemplary. Team and member counts are always counted from
 * the roster; declared totals are kept apart.
 */
@ApplicationScoped
public class ModelService {
  @Inject ModelNotices notices;
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject CatalogueService catalogues;
  @Inject AuditService audit;
  @Inject Caller caller;
  @Inject ModelQueries queries;
  @Inject ModelDetails details;

  public record Command(
      String name,
      Long typeId,
      Long unitId,
      List<String> leadOrganisations,
      LocalDate establishedOn,
      String description,
      List<String> targetCommunities,
      Integer declaredTeams,
      Integer declaredMembers,
      Long ethnicGroupId,
      Long religionId,
      Position position) {}

  public record Transition(
      ModelStatus to, LocalDate date, String reason, String note, List<Long> siteUnitIds) {}

  public record RecognitionCommand(
      RecognitionLevel level, String decisionNumber, LocalDate decisionDate, String authority) {}

  // ------------------------------------------------------------------ territory

  /** The SQL condition restricting unit alias {@code alias} to the caller's territory. */
  String territorySql(String alias, Map<String, Object> params) {
    return territory.predicate(alias).andClause(params);
  }

  /** What other features need of a model they name: 404 when the caller may not see it. */
  public record ModelRef(long id, long unitId, String name, java.time.LocalDate establishedOn) {}

  /** A model the caller may see, as other features name it (404 otherwise). */
  // a refused check leaves the caller's transaction alone (see ProblemException)
  @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
  public ModelRef requireVisible(long id) {
    CommunityModelEntity m = require(id);
    return new ModelRef(m.id, m.unitId, m.name, m.establishedOn);
  }

  /**
   * A member named in another feature's record (an award): the member, its model and the unit of
   * its team; empty when there is no such member.
   */
  public record MemberRef(long id, long modelId, Long teamUnitId, String fullName) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<MemberRef> member(long id) {
    MemberEntity m = MemberEntity.findById(id);
    if (m == null) {
      return java.util.Optional.empty();
    }
    TeamEntity team = m.teamId == null ? null : TeamEntity.findById(m.teamId);
    return java.util.Optional.of(
        new MemberRef(m.id, m.modelId, team == null ? null : team.unitId, m.fullName));
  }

  /** A model the caller may see; 404 (no hint that it exists) otherwise. */
  // a refused check leaves the caller's transaction alone (see ProblemException)
  @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
  CommunityModelEntity require(long id) {
    CommunityModelEntity model = CommunityModelEntity.findById(id);
    if (model == null || !visible(model.unitId)) {
      throw ProblemException.notFound("Không tìm thấy mô hình " + id);
    }
    return model;
  }

  private boolean visible(long unitId) {
    return territory.contains(unitId);
  }

  /** Phone numbers and addresses are for officers of the territory; everyone else sees masks. */
  public boolean seesPersonalData() {
    Role role = caller.role();
    return role == Role.PROVINCE_OFFICER || role == Role.COMMUNE_OFFICER;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ModelViews.Detail get(long id) {
    return detail(require(id));
  }

  private ModelViews.Detail detail(CommunityModelEntity model) {
    if (em.isJoinedToTransaction()) {
      em.flush(); // a write: the version in the answer is the new one
    }
    return details.of(List.of(model)).get(0);
  }

  // ------------------------------------------------------------------ writing

  @Transactional
  public ModelViews.Detail create(Command cmd) {
    CommunityModelEntity model = new CommunityModelEntity();
    Place place = prepareNew(model, cmd);
    model.persist();
    audit.record(
        "MODEL", model.id, "CREATE", AuditService.diff(null, snapshot(model)), place.path());
    return detail(model);
  }

  @Transactional
  public ModelViews.Detail update(long id, long expected, Command cmd) {
    CommunityModelEntity model = require(id);
    Etags.check(expected, model.version);
    Map<String, Object> before = snapshot(model);
    Place place = apply(model, cmd);
    if (model.establishedOn.isAfter(model.statusSince)) {
      throw ProblemException.unprocessable(
          "establishedOn", "Ngày thành lập không được sau ngày của trạng thái hiện tại");
    }
    model.updatedAt = Instant.now();
    audit.record(
        "MODEL", model.id, "UPDATE", AuditService.diff(before, snapshot(model)), place.path());
    return detail(model);
  }

  /**
   * A new model as {@link #create} makes it, not yet written, under the same checks: its place (a
   * refused command throws and leaves nothing behind). Also for {@link ModelBulkWriter}.
   */
  Place prepareNew(CommunityModelEntity model, Command cmd) {
    Place place = apply(model, cmd);
    model.status = ModelStatus.REGISTERED;
    model.statusSince = cmd.establishedOn();
    model.createdAt = Instant.now();
    model.updatedAt = model.createdAt;
    return place;
  }

  private Place apply(CommunityModelEntity model, Command cmd) {
    Place place = territory.requirePlace(cmd.unitId(), "unitId");
    if (model.id == null || !model.typeId.equals(cmd.typeId())) {
      CatalogueEntry type = catalogues.requireActive(Catalogue.MODEL_TYPE, cmd.typeId(), "typeId");
      model.typeId = type.id();
      model.fieldId = type.parentId();
    }
    if (cmd.establishedOn().isAfter(VietnamTime.today())) {
      throw ProblemException.unprocessable(
          "establishedOn", "Ngày thành lập không được sau hôm nay");
    }
    model.name = cmd.name().trim();
    model.unitId = place.id();
    model.leadOrgs = cmd.leadOrganisations().stream().distinct().toArray(String[]::new);
    model.targetCommunities =
        cmd.targetCommunities() == null
            ? new String[0]
            : cmd.targetCommunities().stream().distinct().toArray(String[]::new);
    model.establishedOn = cmd.establishedOn();
    model.description =
        cmd.description() == null || cmd.description().isBlank() ? null : cmd.description().trim();
    model.declaredTeams = cmd.declaredTeams();
    model.declaredMembers = cmd.declaredMembers();
    Position at = cmd.position();
    model.latitude = at == null ? null : at.latitude();
    model.longitude = at == null ? null : at.longitude();
    model.positionAccuracy = at == null ? null : at.accuracy();
    model.ethnicGroupId =
        community(Catalogue.ETHNIC_GROUP, cmd.ethnicGroupId(), model.ethnicGroupId);
    model.religionId = community(Catalogue.RELIGION, cmd.religionId(), model.religionId);
    return place;
  }

  /** A community item: an unchanged one is kept even if since ended, a new one must be in force. */
  private Long community(Catalogue catalogue, Long id, Long before) {
    if (id == null || id.equals(before)) {
      return id;
    }
    String field = catalogue == Catalogue.ETHNIC_GROUP ? "ethnicGroupId" : "religionId";
    return catalogues.requireActive(catalogue, id, field).id();
  }

  @Transactional
  public ModelViews.Detail transition(long id, long expected, Transition t) {
    CommunityModelEntity model = require(id);
    Etags.check(expected, model.version);
    checkTransition(model, t);
    List<Long> sites = t.siteUnitIds() == null ? List.of() : t.siteUnitIds();
    addSites(model, t, sites);
    ModelStatus from = model.status;
    model.status = t.to();
    model.statusSince = t.date();
    model.updatedAt = Instant.now();
    em.createNativeQuery(
            "INSERT INTO model_status_change (model_id, from_status, to_status, on_date, reason,"
                + " note, actor_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, model.id)
        .setParameter(2, from.name())
        .setParameter(3, t.to().name())
        .setParameter(4, t.date())
        .setParameter(5, blankToNull(t.reason()))
        .setParameter(6, blankToNull(t.note()))
        .setParameter(7, caller.actorName())
        .executeUpdate();
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("status", new AuditService.Change(from.name(), t.to().name()));
    changes.put("date", new AuditService.Change(null, t.date()));
    if (t.reason() != null && !t.reason().isBlank()) {
      changes.put("reason", new AuditService.Change(null, t.reason().trim()));
    }
    if (!sites.isEmpty()) {
      changes.put("sites", new AuditService.Change(null, sites));
    }
    audit.record("MODEL", model.id, "TRANSITION", changes, territory.placeOf(model.unitId).path());
    notices.statusChanged(model, from, t);
    return detail(model);
  }

  /** The life cycle's rules: an allowed next status, a date in order, a reason to retire. */
  private static void checkTransition(CommunityModelEntity model, Transition t) {
    if (!model.status.canGoTo(t.to())) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Không thể chuyển mô hình từ «"
              + model.status.label()
              + "» sang «"
              + t.to().label()
              + "». Có thể chuyển sang: "
              + (model.status.next().isEmpty()
                  ? "không trạng thái nào"
                  : model.status.next().stream()
                      .map(ModelStatus::label)
                      .collect(Collectors.joining(", ")))
              + ".");
    }
    if (t.date().isAfter(VietnamTime.today())) {
      throw ProblemException.unprocessable("date", "Ngày chuyển trạng thái không được sau hôm nay");
    }
    if (t.date().isBefore(model.statusSince)) {
      throw ProblemException.unprocessable(
          "date",
          "Ngày chuyển trạng thái không được trước ngày của trạng thái hiện tại ("
              + VietnamTime.format(model.statusSince)
              + ")");
    }
    if (t.to() == ModelStatus.RETIRED && (t.reason() == null || t.reason().isBlank())) {
      throw ProblemException.unprocessable("reason", "Ghi lý do thanh loại mô hình");
    }
  }

  /** A model replicated names the units it was replicated to (and only then). */
  private void addSites(CommunityModelEntity model, Transition t, List<Long> sites) {
    if (t.to() == ModelStatus.REPLICATED) {
      if (sites.isEmpty()) {
        throw ProblemException.unprocessable(
            "siteUnitIds", "Chọn ít nhất một đơn vị nơi mô hình được nhân rộng");
      }
      for (Long siteId : new LinkedHashSet<>(sites)) {
        Place site = territory.requirePlace(siteId, "siteUnitIds");
        if (site.id() == model.unitId) {
          throw ProblemException.unprocessable(
              "siteUnitIds", "Đơn vị nhân rộng phải khác đơn vị của mô hình");
        }
        em.createNativeQuery(
                "INSERT INTO model_site (model_id, unit_id, since) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, model.id)
            .setParameter(2, site.id())
            .setParameter(3, t.date())
            .executeUpdate();
      }
    } else if (!sites.isEmpty()) {
      throw ProblemException.unprocessable(
          "siteUnitIds", "Chỉ chọn đơn vị nhân rộng khi chuyển sang «Đã nhân rộng»");
    }
  }

  @Transactional
  public ModelViews.Detail recognize(long id, long expected, RecognitionCommand r) {
    CommunityModelEntity model = require(id);
    Etags.check(expected, model.version);
    if (caller.role() == Role.COMMUNE_OFFICER && r.level() != RecognitionLevel.COMMUNE) {
      throw new io.quarkus.security.ForbiddenException();
    }
    if (model.status == ModelStatus.RETIRED) {
      throw new ProblemException(
          ProblemType.CONFLICT, "Mô hình đã thanh loại, không ghi nhận điển hình được nữa");
    }
    if (r.level().endedOn() != null && !r.decisionDate().isBefore(r.level().endedOn())) {
      throw ProblemException.unprocessable(
          "level",
          "Điển hình "
              + r.level().label()
              + " chỉ được công nhận trước "
              + VietnamTime.format(r.level().endedOn())
              + " (từ ngày đó không còn cấp huyện)");
    }
    if (r.decisionDate().isAfter(VietnamTime.today())
        || r.decisionDate().isBefore(model.establishedOn)) {
      throw ProblemException.unprocessable(
          "decisionDate", "Ngày quyết định phải từ ngày thành lập mô hình đến hôm nay");
    }
    long same =
        Rows.toLong(
            em.createNativeQuery(
                    "SELECT count(*) FROM model_recognition WHERE model_id = ?1 AND level = ?2"
                        + " AND decision_number = ?3")
                .setParameter(1, model.id)
                .setParameter(2, r.level().code())
                .setParameter(3, r.decisionNumber().trim())
                .getSingleResult());
    if (same > 0) {
      throw ProblemException.conflict("decisionNumber", "Quyết định này đã được ghi nhận");
    }
    em.createNativeQuery(
            "INSERT INTO model_recognition (model_id, level, decision_number, decision_date,"
                + " authority) VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, model.id)
        .setParameter(2, r.level().code())
        .setParameter(3, r.decisionNumber().trim())
        .setParameter(4, r.decisionDate())
        .setParameter(5, blankToNull(r.authority()))
        .executeUpdate();
    Short before = model.recognitionLevel;
    if (before == null || before < r.level().code()) {
      model.recognitionLevel = r.level().code();
    }
    model.updatedAt = Instant.now();
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put(
        "recognition",
        new AuditService.Change(
            null, r.level().name() + " " + r.decisionNumber().trim() + " " + r.decisionDate()));
    audit.record("MODEL", model.id, "RECOGNIZE", changes, territory.placeOf(model.unitId).path());
    return detail(model);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static Map<String, Object> snapshot(CommunityModelEntity m) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", m.name);
    s.put("typeId", m.typeId);
    s.put("unitId", m.unitId);
    s.put("leadOrganisations", m.leadOrgs == null ? null : Arrays.asList(m.leadOrgs));
    s.put("establishedOn", m.establishedOn);
    s.put("description", m.description);
    s.put(
        "targetCommunities",
        m.targetCommunities == null ? null : Arrays.asList(m.targetCommunities));
    s.put("declaredTeams", m.declaredTeams);
    s.put("declaredMembers", m.declaredMembers);
    s.put("ethnicGroupId", m.ethnicGroupId);
    s.put("religionId", m.religionId);
    s.put("position", Position.describe(Position.of(m.latitude, m.longitude, m.positionAccuracy)));
    return s;
  }
}
