package vn.antq.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens verified once, not at every request: checking a token's RSA signature and parsing
 * its JSON was ≈ 10 % of the application's CPU on a page of models (T1, issue 24). A token whose
 * signature and claims SmallRye JWT accepted is kept, by its exact text, until it expires; any
 * other text is verified as before, and a failure is never kept. Sign-out still holds at once: the
 * revoked list is checked at every request ({@link RevokedTokenFilter}). At most {@value #KEPT}
 * tokens per instance (the expired ones go first), so memory stays bounded; nothing is shared
 * between instances.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens implements JWTParser {
  static final int KEPT = 2_000;

  private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();
  private final DefaultJWTParser parser;
  private final Clock clock;

  @Inject
  public VerifiedTokens(DefaultJWTParser parser) {
    this(parser, Clock.systemUTC());
  }

  VerifiedTokens(DefaultJWTParser parser, Clock clock) {
    this.parser = parser;
    this.clock = clock;
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    long now = clock.instant().getEpochSecond();
    JsonWebToken known = verified.get(token);
    if (known != null) {
      if (known.getExpirationTime() > now) {
        return known;
      }
      verified.remove(token, known);
    }
    JsonWebToken jwt = parser.parse(token);
    if (jwt.getExpirationTime() > now) {
      if (verified.size() >= KEPT) {
        verified.values().removeIf(t -> t.getExpirationTime() <= now);
        if (verified.size() >= KEPT) {
          verified.clear();
        }
      }
      verified.put(token, jwt);
    }
    return jwt;
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return parser.parse(token, context);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return parser.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return parser.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return parser.verify(token, secret);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    return parser.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    return parser.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    return parser.decrypt(token, secret);
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return parser.parseOnly(token);
  }
}
