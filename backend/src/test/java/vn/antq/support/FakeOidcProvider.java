package vn.antq.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * A stand-in for an OpenID Connect provider (Keycloak, a province's single sign-on): a discovery
 * document and a JWKS over real HTTP, and access tokens signed with its own RSA key.
 */
public final class FakeOidcProvider implements AutoCloseable {
  public static final String KEY_ID = "fake-1";
  private final HttpServer server;
  private final KeyPair keys;
  private final String issuer;

  private FakeOidcProvider(HttpServer server, KeyPair keys) {
    this.server = server;
    this.keys = keys;
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/antq";
  }

  public static FakeOidcProvider start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeOidcProvider idp = new FakeOidcProvider(server, rsa());
      server.createContext("/realms/antq/.well-known/openid-configuration", idp::discovery);
      server.createContext("/realms/antq/jwks", idp::jwks);
      server.start();
      return idp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static KeyPair rsa() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      return gen.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  public KeyPair keys() {
    return keys;
  }

  public String issuer() {
    return issuer;
  }

  public String jwksUrl() {
    return issuer + "/jwks";
  }

  /** An access token as the provider issues it: user name, the provider's own groups, 5 min. */
  public String token(String username, String... groups) {
    return token(issuer, username, Duration.ofMinutes(5), Set.of(groups), keys);
  }

  /** A token with the given issuer, lifetime (negative: expired) and signing key. */
  public String token(
      String iss, String username, Duration lifetime, Set<String> groups, KeyPair signer) {
    Instant now = Instant.now();
    return Jwt.issuer(iss)
        .subject(UUID.randomUUID().toString())
        .claim("preferred_username", username)
        .claim("azp", "antq-spa")
        .groups(groups)
        .issuedAt(now.minusSeconds(lifetime.isNegative() ? 3600 : 0))
        .expiresAt(now.plus(lifetime))
        .claim("jti", UUID.randomUUID().toString())
        .jws()
        .keyId(KEY_ID)
        .sign(signer.getPrivate());
  }

  /** A key pair the provider does not publish (a forged token). */
  public static KeyPair otherKeys() {
    return rsa();
  }

  private void discovery(HttpExchange ex) throws IOException {
    send(
        ex,
        """
        {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
         "end_session_endpoint":"%1$s/logout","jwks_uri":"%1$s/jwks"}"""
            .formatted(issuer));
  }

  private void jwks(HttpExchange ex) throws IOException {
    RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    send(
        ex,
        """
        {"keys":[{"kty":"RSA","kid":"%s","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}"""
            .formatted(
                KEY_ID,
                b64.encodeToString(unsigned(pub.getModulus().toByteArray())),
                b64.encodeToString(unsigned(pub.getPublicExponent().toByteArray()))));
  }

  private static byte[] unsigned(byte[] twosComplement) {
    if (twosComplement.length > 1 && twosComplement[0] == 0) {
      return java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length);
    }
    return twosComplement;
  }

  private static void send(HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
