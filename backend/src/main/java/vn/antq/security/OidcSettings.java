package vn.antq.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.api.model.OidcClientConfig;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;

/**
 * An external OpenID Connect provider that ANTQ trusts instead of its own passwords, configured by
 * {@code ANTQ_OIDC_ISSUER} (and {@code _CLIENT_ID}, {@code _USERNAME_CLAIM}, {@code _SCOPE}, {@code
 * _PROVIDER_NAME}). Tokens are verified by smallrye-jwt against the provider's JWKS (set up by
 * {@code AntqMain}); who may do what still comes from the ANTQ account of the same user name.
 */
@ApplicationScoped
public class OidcSettings {
  @ConfigProperty(name = "antq.auth.oidc.issuer")
  Optional<String> issuer;

  @ConfigProperty(name = "antq.auth.oidc.client-id")
  Optional<String> clientId;

  @ConfigProperty(name = "antq.auth.oidc.username-claim", defaultValue = "preferred_username")
  String usernameClaim;

  @ConfigProperty(name = "antq.auth.oidc.scope", defaultValue = "openid profile")
  String scope;

  @ConfigProperty(
      name = "antq.auth.oidc.provider-name",
      defaultValue = "Hệ thống đăng nhập tập trung")
  String providerName;

  @Inject ObjectMapper json;

  private volatile OidcClientConfig client;

  public boolean enabled() {
    return issuer.filter(s -> !s.isBlank()).isPresent();
  }

  public String usernameClaim() {
    return usernameClaim;
  }

  public String providerName() {
    return providerName;
  }

  /**
   * What the SPA needs for the authorization-code flow with PKCE, from the provider's discovery.
   */
  public OidcClientConfig clientConfig() {
    OidcClientConfig known = client;
    if (known != null) {
      return known;
    }
    JsonNode doc;
    try {
      doc = discover(issuer.orElseThrow());
    } catch (IOException e) {
      throw new ProblemException(
          ProblemType.SERVICE_UNAVAILABLE,
          "Không liên lạc được với " + providerName + ". Vui lòng thử lại sau ít phút.");
    }
    OidcClientConfig made =
        new OidcClientConfig()
            .issuer(issuer.get())
            .clientId(clientId.orElse("antq"))
            .authorizationEndpoint(doc.path("authorization_endpoint").asText())
            .tokenEndpoint(doc.path("token_endpoint").asText())
            .endSessionEndpoint(
                doc.hasNonNull("end_session_endpoint")
                    ? doc.get("end_session_endpoint").asText()
                    : null)
            .scope(scope)
            .providerName(providerName);
    client = made;
    return made;
  }

  private JsonNode discover(String iss) throws IOException {
    return fetchDiscovery(iss, json);
  }

  /** The provider's {@code /.well-known/openid-configuration} document. */
  public static JsonNode fetchDiscovery(String issuer, ObjectMapper json) throws IOException {
    String url =
        (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
            + "/.well-known/openid-configuration";
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> res =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new IOException(url + " answered " + res.statusCode());
      }
      JsonNode doc = json.readTree(res.body());
      if (!doc.hasNonNull("jwks_uri") || !doc.hasNonNull("token_endpoint")) {
        throw new IOException(url + " is not an OpenID Connect discovery document");
      }
      return doc;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
