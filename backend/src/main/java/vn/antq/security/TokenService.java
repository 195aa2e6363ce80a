package vn.antq.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived signed access tokens (JWT) and rotated refresh tokens. Everything that must be shared
 * between replicas (refresh tokens, revocations) lives in PostgreSQL.
 */
@ApplicationScoped
public class TokenService {
  public static final String ISSUER = "antq";
  static final String CLAIM_USER_ID = "uid";
  static final String CLAIM_UNIT = "unit";
  static final String CLAIM_NAME = "name";

  @ConfigProperty(name = "antq.auth.access-token-lifetime", defaultValue = "PT15M")
  Duration accessLifetime;

  @ConfigProperty(name = "antq.auth.refresh-token-lifetime", defaultValue = "PT12H")
  Duration refreshLifetime;

  /**
   * A refresh token used again this soon after its rotation is a race between browser tabs loading
   * at once (they share the cookie), not a replay: it is honoured.
   */
  @ConfigProperty(name = "antq.auth.refresh-reuse-grace", defaultValue = "PT30S")
  Duration reuseGrace;

  @Inject EntityManager em;

  public Duration accessLifetime() {
    return accessLifetime;
  }

  public Duration refreshLifetime() {
    return refreshLifetime;
  }

  /** A signed access token for a person: 15 minutes by default. */
  public String accessToken(UserEntity user) {
    JwtClaimsBuilder claims =
        Jwt.issuer(ISSUER)
            .upn(user.username)
            .subject(String.valueOf(user.id))
            .groups(Set.of(user.role.name()))
            .claim(CLAIM_USER_ID, user.id)
            .claim(CLAIM_NAME, user.fullName)
            .claim("jti", Secrets.randomHex(16))
            .expiresIn(accessLifetime);
    if (user.unitId != null) {
      claims.claim(CLAIM_UNIT, user.unitId);
    }
    return claims.sign();
  }

  /** A new refresh token for the user; only its hash is stored. */
  @Transactional
  public String newRefreshToken(long userId) {
    String token = Secrets.randomToken(32);
    RefreshTokenEntity row = new RefreshTokenEntity();
    row.userId = userId;
    row.tokenHash = Secrets.sha256(token);
    row.createdAt = Instant.now();
    row.expiresAt = row.createdAt.plus(refreshLifetime);
    row.persist();
    return token;
  }

  /**
   * Uses a refresh token once: answers its user and revokes it (the caller issues the next one). A
   * token used twice was stolen or replayed: every session of that user is ended.
   */
  @Transactional
  public Optional<UserEntity> rotate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    RefreshTokenEntity row =
        RefreshTokenEntity.find("tokenHash", Secrets.sha256(token))
            .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    Instant now = Instant.now();
    if (row == null) {
      return Optional.empty();
    }
    if (row.revokedAt != null || row.expiresAt.isBefore(now)) {
      return Optional.empty();
    }
    if (row.rotatedAt == null) {
      row.rotatedAt = now;
    } else if (row.rotatedAt.isBefore(now.minus(reuseGrace))) {
      revokeAllOf(row.userId); // a replay: end every session of this user
      return Optional.empty();
    }
    UserEntity user = UserEntity.findById(row.userId);
    if (user == null || !user.enabled) {
      return Optional.empty();
    }
    return Optional.of(user);
  }

  @Transactional
  public void revokeRefreshToken(String token) {
    if (token != null && !token.isBlank()) {
      RefreshTokenEntity.update(
          "revokedAt = ?1 where tokenHash = ?2 and revokedAt is null",
          Instant.now(),
          Secrets.sha256(token));
    }
  }

  @Transactional
  public void revokeAllOf(long userId) {
    RefreshTokenEntity.update(
        "revokedAt = ?1 where userId = ?2 and revokedAt is null", Instant.now(), userId);
  }

  /** Ends an access token before its expiry (sign-out). */
  @Transactional
  public void revokeAccessToken(String jti, Instant expiresAt) {
    if (jti == null) {
      return;
    }
    em.createNativeQuery(
            "INSERT INTO revoked_access_token (jti, expires_at) VALUES (?1, ?2)"
                + " ON CONFLICT (jti) DO NOTHING")
        .setParameter(1, jti)
        .setParameter(2, expiresAt)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isRevoked(String jti) {
    return jti != null
        && !em.createNativeQuery("SELECT 1 FROM revoked_access_token WHERE jti = ?1")
            .setParameter(1, jti)
            .getResultList()
            .isEmpty();
  }
}
