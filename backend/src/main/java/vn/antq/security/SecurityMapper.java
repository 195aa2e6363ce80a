package vn.antq.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import vn.antq.api.model.ApiKey;
import vn.antq.api.model.CurrentUser;
import vn.antq.api.model.UnitRef;
import vn.antq.api.model.User;

/** Security entities to API models. */
final class SecurityMapper {
  private SecurityMapper() {}

  static vn.antq.api.model.Role toApi(Role role) {
    return vn.antq.api.model.Role.valueOf(role.name());
  }

  static Role toRole(vn.antq.api.model.Role role) {
    return role == null ? null : Role.valueOf(role.name());
  }

  static User toUser(UserEntity u, Map<Long, UnitRef> units) {
    return new User()
        .id(u.id)
        .username(u.username)
        .fullName(u.fullName)
        .role(toApi(u.role))
        .unit(u.unitId == null ? null : units.get(u.unitId))
        .enabled(u.enabled)
        .locked(u.lockedAt(Instant.now()))
        .lastLoginAt(utc(u.lastLoginAt))
        .version(u.version);
  }

  static CurrentUser toCurrent(UserEntity u, UnitRef unit) {
    return new CurrentUser()
        .id(u.id)
        .username(u.username)
        .fullName(u.fullName)
        .role(toApi(u.role))
        .unit(unit);
  }

  static ApiKey toApiKey(ApiKeyEntity k, Map<Long, UnitRef> units) {
    return new ApiKey()
        .id(k.id)
        .name(k.name)
        .prefix(k.prefix)
        .unit(units.get(k.unitId))
        .createdAt(utc(k.createdAt))
        .lastUsedAt(utc(k.lastUsedAt))
        .revoked(k.revokedAt != null)
        .revokedAt(utc(k.revokedAt));
  }

  static OffsetDateTime utc(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
