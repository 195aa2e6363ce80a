package vn.antq.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * With an external OpenID Connect provider, its token says only who the person is. What they may do
 * — role and unit — comes from the enabled ANTQ account with the same user name; the provider's
 * groups and roles are ignored. A person without such an account is authenticated but has no role:
 * every endpoint refuses them with 403, and {@code /api/auth/me} says why.
 */
@ApplicationScoped
public class OidcIdentityAugmentor implements SecurityIdentityAugmentor {
  public static final String USER_ID = "antq.userId";
  public static final String USERNAME = "antq.username";
  public static final String UNREGISTERED = "antq.unregistered";

  @Inject OidcSettings oidc;
  @Inject UserService users;

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (!oidc.enabled()
        || identity.isAnonymous()
        || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Uni.createFrom().item(identity);
    }
    return context.runBlocking(() -> map(identity, jwt));
  }

  @ActivateRequestContext
  SecurityIdentity map(SecurityIdentity identity, JsonWebToken jwt) {
    Object claim = jwt.getClaim(oidc.usernameClaim());
    String username = claim == null ? jwt.getName() : claim.toString();
    UserEntity user =
        username == null ? null : UserEntity.find("username", username.trim()).firstResult();
    var builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(jwt)
            .addCredentials(identity.getCredentials())
            .addAttribute(USERNAME, username);
    if (user == null || !user.enabled) {
      return builder.addAttribute(UNREGISTERED, username == null ? "?" : username).build();
    }
    builder.addRole(user.role.name()).addAttribute(USER_ID, user.id);
    users.noteSignIn(user);
    if (user.unitId != null) {
      builder.addAttribute(ApiKeyIdentityProvider.UNIT_ID, user.unitId);
    }
    return builder.build();
  }
}
