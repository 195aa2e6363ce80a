package vn.antq.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.antq.api.ApiKeysApi;
import vn.antq.api.model.ApiKeyCreated;
import vn.antq.api.model.ApiKeyInput;
import vn.antq.api.model.UnitRef;
import vn.antq.common.problem.ProblemException;

/** API keys of machine clients: administrators only. */
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource implements ApiKeysApi {
  @Inject ApiKeyService keys;
  @Inject UnitDirectory units;

  @Override
  public Response listApiKeys() {
    List<ApiKeyEntity> list = keys.list();
    Map<Long, UnitRef> refs = unitsOf(list);
    return Response.ok(list.stream().map(k -> SecurityMapper.toApiKey(k, refs)).toList()).build();
  }

  @Override
  public Response createApiKey(ApiKeyInput in) {
    if (!units.exists(in.getUnitId())) {
      throw ProblemException.unprocessable("unitId", "Không tìm thấy đơn vị " + in.getUnitId());
    }
    ApiKeyService.Created created = keys.create(in.getName(), in.getUnitId());
    return Response.created(URI.create("/api/api-keys/" + created.key().id))
        .header("Cache-Control", "no-store")
        .entity(
            new ApiKeyCreated()
                .apiKey(SecurityMapper.toApiKey(created.key(), unitsOf(List.of(created.key()))))
                .key(created.secret()))
        .build();
  }

  @Override
  public Response revokeApiKey(Long id) {
    ApiKeyEntity key = keys.revoke(id);
    return Response.ok(SecurityMapper.toApiKey(key, unitsOf(List.of(key)))).build();
  }

  private Map<Long, UnitRef> unitsOf(List<ApiKeyEntity> list) {
    return units.refs(list.stream().map(k -> k.unitId).collect(Collectors.toSet()));
  }
}
