package vn.antq.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import vn.antq.api.AuditApi;
import vn.antq.api.model.AuditEvent;
import vn.antq.api.model.AuditPage;
import vn.antq.api.model.Change;
import vn.antq.common.audit.AuditService;
import vn.antq.common.audit.AuditedRecords;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.web.Pages;
import vn.antq.security.Caller;
import vn.antq.security.Roles;

/**
 * An object's history: records of the territory (units, models, events…) for administrators and
 * province officers within it; accounts, API keys, catalogues and award powers for administrators.
 * Which types there are and whether the caller may read one, each feature answers for its own
 * ({@link AuditedRecords}).
 */
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER})
public class AuditResource implements AuditApi {
  @Inject AuditService audit;
  @Inject Caller caller;
  @Inject Instance<AuditedRecords> features;

  private final Map<String, AuditedRecords> owners = new HashMap<>();
  private final Map<String, AuditedRecords.Type> types = new HashMap<>();
  private String accepted;

  @PostConstruct
  void collect() {
    for (AuditedRecords f : features) {
      for (AuditedRecords.Type t : f.types()) {
        owners.put(t.name(), f);
        types.put(t.name(), t);
      }
    }
    accepted =
        types.values().stream()
            .sorted(Comparator.comparingInt(AuditedRecords.Type::position))
            .map(AuditedRecords.Type::name)
            .collect(Collectors.joining(", "));
  }

  @Override
  public Response listAuditEvents(String entityType, Long entityId, Integer page, Integer size) {
    AuditedRecords owner = owners.get(entityType);
    if (owner == null) {
      throw ProblemException.badRequest(
          "entityType", "Loại đối tượng không hợp lệ; chấp nhận: " + accepted);
    }
    if (types.get(entityType).administratorsOnly() && !caller.isGlobal()) {
      throw new io.quarkus.security.ForbiddenException();
    }
    // 404 outside the caller's territory, as for a record that does not exist
    if (!owner.readable(entityType, entityId)) {
      throw ProblemException.notFound("Không tìm thấy đối tượng " + entityId);
    }
    long total = audit.count(entityType, entityId);
    return Response.ok(
            Pages.of(
                AuditPage::new,
                audit.history(entityType, entityId, page, size).stream()
                    .map(AuditResource::toApi)
                    .toList(),
                page,
                size,
                total))
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
