package vn.antq.security;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import vn.antq.common.audit.AuditService;
import vn.antq.common.problem.ProblemException;

/** API keys of machine clients: shown once, stored as a hash, scoped to a unit, revocable. */
@ApplicationScoped
public class ApiKeyService {
  static final String KEY_PREFIX = "antq_";

  @Inject Caller caller;
  @Inject AuditService audit;

  /** A created key and the only copy of its secret. */
  public record Created(ApiKeyEntity key, String secret) {}

  @Transactional
  public Created create(String name, long unitId) {
    String prefix = KEY_PREFIX + Secrets.randomHex(4);
    String secret = prefix + "_" + Secrets.randomToken(32);
    ApiKeyEntity key = new ApiKeyEntity();
    key.name = name.trim();
    key.prefix = prefix;
    key.keyHash = Secrets.sha256(secret);
    key.unitId = unitId;
    key.createdBy = caller.kind() == Caller.Kind.USER ? caller.actorId() : null;
    key.createdAt = Instant.now();
    key.persist();
    audit.record("API_KEY", key.id, "CREATE", AuditService.changes("name", null, key.name), null);
    return new Created(key, secret);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(long id) {
    return ApiKeyEntity.count("id", id) > 0;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ApiKeyEntity> list() {
    return ApiKeyEntity.listAll(Sort.by("createdAt").descending().and("id"));
  }

  @Transactional
  public ApiKeyEntity revoke(long id) {
    ApiKeyEntity key = ApiKeyEntity.findById(id);
    if (key == null) {
      throw ProblemException.notFound("Không tìm thấy khóa API " + id);
    }
    if (key.revokedAt == null) {
      key.revokedAt = Instant.now();
      audit.record("API_KEY", key.id, "REVOKE", AuditService.changes("revoked", false, true), null);
    }
    return key;
  }

  /** The key's row when the secret matches and the key is not revoked; null otherwise. */
  @Transactional
  public ApiKeyEntity verify(String secret) {
    int sep = secret.indexOf('_', KEY_PREFIX.length());
    if (!secret.startsWith(KEY_PREFIX) || sep < 0) {
      return null;
    }
    ApiKeyEntity key = ApiKeyEntity.find("prefix", secret.substring(0, sep)).firstResult();
    if (key == null
        || key.revokedAt != null
        || !Secrets.sameHash(key.keyHash, Secrets.sha256(secret))) {
      return null;
    }
    Instant now = Instant.now();
    if (ApiKeyIdentityProvider.stale(key.lastUsedAt, now)) {
      key.lastUsedAt = now; // at most one write a minute per key
    }
    return key;
  }
}
