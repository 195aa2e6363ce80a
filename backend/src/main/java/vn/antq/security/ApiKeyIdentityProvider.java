package vn.antq.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** Checks an API key against its stored hash and makes an INTEGRATION identity of it. */
@ApplicationScoped
public class ApiKeyIdentityProvider
    implements IdentityProvider<ApiKeyIdentityProvider.ApiKeyRequest> {
  public static final String API_KEY_ID = "antq.apiKeyId";
  public static final String UNIT_ID = "antq.unitId";

  /** The credential: the key as sent in {@code X-API-Key}. */
  public static final class ApiKeyRequest extends BaseAuthenticationRequest {
    final String key;

    public ApiKeyRequest(String key) {
      this.key = key;
    }
  }

  @Inject ApiKeyService keys;

  @Override
  public Class<ApiKeyRequest> getRequestType() {
    return ApiKeyRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      ApiKeyRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> verify(request.key));
  }

  @ActivateRequestContext
  SecurityIdentity verify(String key) {
    ApiKeyEntity found = keys.verify(key);
    if (found == null) {
      throw new AuthenticationFailedException("invalid API key");
    }
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(found.name))
        .addRole(Roles.INTEGRATION)
        .addAttribute(API_KEY_ID, found.id)
        .addAttribute(UNIT_ID, found.unitId)
        .build();
  }

  static boolean stale(Instant lastUsed, Instant now) {
    return lastUsed == null || lastUsed.isBefore(now.minus(Duration.ofMinutes(1)));
  }
}
