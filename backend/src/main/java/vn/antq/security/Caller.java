package vn.antq.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.antq.common.audit.Actor;

/**
 * Who is calling: a signed-in person (JWT), a machine (API key), or the system itself (start-up
 * work with no HTTP request). Services ask it for the role and the unit that bounds the caller's
 * territory.
 */
@RequestScoped
public class Caller implements Actor {
  public enum Kind {
    USER,
    API_KEY,
    SYSTEM
  }

  @Inject SecurityIdentity identity;
  @Inject CurrentVertxRequest currentRequest;

  private RoutingContext http() {
    return currentRequest == null ? null : currentRequest.getCurrent();
  }

  public Kind kind() {
    if (identity.isAnonymous()) {
      return http() == null ? Kind.SYSTEM : null;
    }
    return identity.getAttribute(ApiKeyIdentityProvider.API_KEY_ID) != null
        ? Kind.API_KEY
        : Kind.USER;
  }

  @Override
  public String actorKind() {
    Kind k = kind();
    return k == null ? Kind.SYSTEM.name() : k.name();
  }

  /** The system (start-up work) and administrators see everything. */
  public boolean isGlobal() {
    Kind k = kind();
    return k == Kind.SYSTEM || (k != null && identity.hasRole(Roles.ADMIN));
  }

  /** The caller's role; null for anonymous HTTP callers (who never reach a service). */
  public Role role() {
    Kind k = kind();
    if (k == null) {
      return null;
    }
    if (k == Kind.SYSTEM) {
      return Role.ADMIN;
    }
    for (Role r : Role.values()) {
      if (identity.hasRole(r.name())) {
        return r;
      }
    }
    return null;
  }

  /** The unit whose subtree is the caller's territory; null when global. */
  public Long unitId() {
    if (identity.isAnonymous()) {
      return null;
    }
    Object attr = identity.getAttribute(ApiKeyIdentityProvider.UNIT_ID);
    if (attr instanceof Long l) {
      return l;
    }
    if (identity.getAttribute(OidcIdentityAugmentor.USERNAME) != null) {
      return null; // an external token: the unit comes from the ANTQ account (attribute above)
    }
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      Object claim = jwt.getClaim(TokenService.CLAIM_UNIT);
      if (claim instanceof Number n) {
        return n.longValue();
      }
      if (claim != null) {
        return Long.valueOf(claim.toString());
      }
    }
    return null;
  }

  public Long actorId() {
    if (identity.isAnonymous()) {
      return null;
    }
    Object key = identity.getAttribute(ApiKeyIdentityProvider.API_KEY_ID);
    if (key instanceof Long l) {
      return l;
    }
    Object external = identity.getAttribute(OidcIdentityAugmentor.USER_ID);
    if (external instanceof Long l) {
      return l;
    }
    if (jwt() != null && identity.getAttribute(OidcIdentityAugmentor.USERNAME) != null) {
      return null; // signed in at the OpenID Connect provider without an ANTQ account
    }
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      Object uid = jwt.getClaim(TokenService.CLAIM_USER_ID);
      return uid == null ? null : Long.valueOf(uid.toString());
    }
    return null;
  }

  public String actorName() {
    Kind k = kind();
    if (k == null || k == Kind.SYSTEM) {
      return "Hệ thống";
    }
    Object external = identity.getAttribute(OidcIdentityAugmentor.USERNAME);
    return external != null ? external.toString() : identity.getPrincipal().getName();
  }

  /** The user name of a person signed in at the OpenID Connect provider without an ANTQ account. */
  public String unregisteredUsername() {
    Object name = identity.getAttribute(OidcIdentityAugmentor.UNREGISTERED);
    return name == null ? null : name.toString();
  }

  /** The JWT of a signed-in person, if any. */
  public JsonWebToken jwt() {
    return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
  }

  /**
   * The client's address. Behind a trusted proxy ({@code ANTQ_TRUSTED_PROXIES}) Quarkus takes it
   * from X-Forwarded-For; from anyone else that header is ignored, so it cannot be forged.
   */
  public String clientAddress() {
    RoutingContext rc = http();
    if (rc == null) {
      return "system";
    }
    return rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().hostAddress();
  }

  /** Address and user agent of the HTTP client, for the audit trail. */
  public String client() {
    RoutingContext rc = http();
    if (rc == null) {
      return "hệ thống";
    }
    String ip = clientAddress();
    String agent = rc.request().getHeader("User-Agent");
    String client = ip + (agent == null ? "" : " · " + agent);
    return client.length() > 400 ? client.substring(0, 400) : client;
  }
}
