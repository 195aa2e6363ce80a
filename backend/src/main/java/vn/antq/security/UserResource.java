package vn.antq.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.antq.api.UsersApi;
import vn.antq.api.model.UnitRef;
import vn.antq.api.model.User;
import vn.antq.api.model.UserInput;
import vn.antq.api.model.UserPage;
import vn.antq.api.model.UserUpdate;
import vn.antq.common.web.Etags;
import vn.antq.common.web.Pages;

/** Account administration: administrators only. */
@RolesAllowed(Roles.ADMIN)
public class UserResource implements UsersApi {
  @Inject UserService users;
  @Inject UnitDirectory units;

  @Override
  public Response listUsers(String q, Integer page, Integer size) {
    UserService.PageResult result = users.list(q, page, size);
    Map<Long, UnitRef> refs = unitsOf(result.content());
    return Response.ok(
            Pages.of(
                UserPage::new,
                result.content().stream().map(u -> SecurityMapper.toUser(u, refs)).toList(),
                page,
                size,
                result.total()))
        .build();
  }

  @Override
  public Response createUser(UserInput in) {
    UserEntity created =
        users.create(
            new UserService.UserCommand(
                in.getUsername(),
                in.getFullName(),
                SecurityMapper.toRole(in.getRole()),
                in.getUnitId(),
                in.getPassword(),
                true,
                false));
    User body = SecurityMapper.toUser(created, unitsOf(List.of(created)));
    return Response.created(URI.create("/api/users/" + created.id))
        .tag(new EntityTag(String.valueOf(created.version)))
        .entity(body)
        .build();
  }

  @Override
  public Response updateUser(Long id, UserUpdate in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    UserEntity updated =
        users.update(
            id,
            expected,
            new UserService.UserCommand(
                null,
                in.getFullName(),
                SecurityMapper.toRole(in.getRole()),
                in.getUnitId(),
                in.getNewPassword(),
                in.getEnabled(),
                Boolean.TRUE.equals(in.getUnlock())));
    return Response.ok(SecurityMapper.toUser(updated, unitsOf(List.of(updated))))
        .tag(new EntityTag(String.valueOf(updated.version)))
        .build();
  }

  private Map<Long, UnitRef> unitsOf(List<UserEntity> list) {
    return units.refs(
        list.stream().map(u -> u.unitId).filter(Objects::nonNull).collect(Collectors.toSet()));
  }
}
