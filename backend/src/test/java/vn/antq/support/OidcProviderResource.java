package vn.antq.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs a {@link FakeOidcProvider} and points ANTQ at it, as {@code ANTQ_OIDC_*} would. */
public class OidcProviderResource implements QuarkusTestResourceLifecycleManager {
  /** The running provider, for tests to take tokens from. */
  public static volatile FakeOidcProvider provider;

  @Override
  public Map<String, String> start() {
    provider = FakeOidcProvider.start();
    // The provider's key is handed over as PEM: with Quarkus' made-up test key present, a key
    // given as PEM wins over a JWKS location. Fetching the JWKS (discovery, jwks_uri) is what the
    // packaged app does in scripts/e2e.sh against frontend/e2e/fake-idp.mjs.
    return Map.of(
        "mp.jwt.verify.publickey",
        provider.publicKeyPem(),
        "antq.auth.oidc.issuer",
        provider.issuer(),
        "antq.auth.oidc.client-id",
        "antq-spa",
        "antq.auth.oidc.provider-name",
        "Cổng đăng nhập thử nghiệm",
        "mp.jwt.verify.issuer",
        provider.issuer());
  }

  @Override
  public void stop() {
    if (provider != null) {
      provider.close();
    }
  }
}
