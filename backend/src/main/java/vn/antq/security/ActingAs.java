package vn.antq.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * The identity background work runs under: the person or API key that asked for it, with their role
 * and unit, so its rules and territory are theirs. Captured from {@link Caller} at request time and
 * rebuilt by the worker.
 */
public record ActingAs(String kind, Long actorId, String name, String role, Long unitId) {
  public static ActingAs of(Caller caller) {
    Caller.Kind k = caller.kind();
    Role r = caller.role();
    return new ActingAs(
        k == null ? Caller.Kind.USER.name() : k.name(),
        caller.actorId(),
        caller.actorName(),
        r == null ? Role.VIEWER.name() : r.name(),
        caller.unitId());
  }

  public SecurityIdentity identity() {
    QuarkusSecurityIdentity.Builder b =
        QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(role);
    if (unitId != null) {
      b.addAttribute(ApiKeyIdentityProvider.UNIT_ID, unitId);
    }
    if (actorId != null) {
      b.addAttribute(
          Caller.Kind.API_KEY.name().equals(kind)
              ? ApiKeyIdentityProvider.API_KEY_ID
              : OidcIdentityAugmentor.USER_ID,
          actorId);
    }
    return b.build();
  }
}
