package vn.antq.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import vn.antq.api.AuditApi;
import vn.antq.api.model.AuditEvent;
import vn.antq.api.model.AuditPage;
import vn.antq.api.model.Change;
import vn.antq.common.problem.ProblemException;
import vn.antq.security.ApiKeyService;
import vn.antq.security.Caller;
import vn.antq.security.Roles;
import vn.antq.security.UserService;
import vn.antq.unit.UnitService;

/**
 * An object's history: units and models for administrators and province officers within their
 * territory; accounts and API keys for administrators.
 */
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER})
public class AuditResource implements AuditApi {
  @Inject AuditService audit;
  @Inject UnitService units;
  @Inject UserService users;
  @Inject ApiKeyService keys;
  @Inject Caller caller;
  @Inject vn.antq.model.ModelService models;
  @Inject vn.antq.event.EventService events;
  @Inject vn.antq.catalogue.CatalogueService catalogues;
  @Inject vn.antq.award.AwardService awards;
  @Inject vn.antq.indicator.IndicatorService indicators;
  @Inject vn.antq.assessment.SafetyService safety;

  @Override
  public Response listAuditEvents(String entityType, Long entityId, Integer page, Integer size) {
    switch (entityType) {
      case "UNIT" -> units.visiblePath(entityId); // 404 outside the caller's territory
      case "MODEL" -> models.require(entityId); // idem
      case "EVENT" -> events.require(entityId);
      case "PROGRAMME" -> events.requireProgramme(entityId);
      case "AWARD" -> awards.require(entityId);
      case "INDICATOR_REPORT" -> indicators.require(entityId);
      case "SAFETY_ASSESSMENT" -> safety.require(entityId);
      case "EXEMPLARY_POLICE" -> safety.requirePolice(entityId);
      case "USER", "API_KEY", "CATALOGUE", "AWARD_POWER" -> {
        if (!caller.isGlobal()) {
          throw new io.quarkus.security.ForbiddenException();
        }
        boolean exists =
            switch (entityType) {
              case "USER" -> users.exists(entityId);
              case "API_KEY" -> keys.exists(entityId);
              case "AWARD_POWER" -> awards.powerExists(entityId);
              default -> catalogues.exists(entityId);
            };
        if (!exists) {
          throw ProblemException.notFound("Không tìm thấy đối tượng " + entityId);
        }
      }
      default ->
          throw ProblemException.badRequest(
              "entityType",
              "Loại đối tượng không hợp lệ; chấp nhận: UNIT, MODEL, EVENT, PROGRAMME, AWARD,"
                  + " INDICATOR_REPORT, SAFETY_ASSESSMENT, EXEMPLARY_POLICE, USER,"
                  + " API_KEY, CATALOGUE, AWARD_POWER");
    }
    long total = audit.count(entityType, entityId);
    return Response.ok(
            new AuditPage()
                .content(
                    audit.history(entityType, entityId, page, size).stream()
                        .map(AuditResource::toApi)
                        .toList())
                .page(page)
                .size(size)
                .totalElements(total)
                .totalPages((int) ((total + size - 1) / size)))
        .build();
  }

  private static AuditEvent toApi(AuditService.Event e) {
    Map<String, Change> changes = new java.util.LinkedHashMap<>();
    e.changes().forEach((k, v) -> changes.put(k, new Change().from(v.from()).to(v.to())));
    return new AuditEvent()
        .id(e.id())
        .at(e.at())
        .actorKind(AuditEvent.ActorKindEnum.fromValue(e.actorKind()))
        .actorName(e.actorName())
        .client(e.client())
        .entityType(e.entityType())
        .entityId(e.entityId())
        .action(e.action())
        .changes(changes);
  }
}
