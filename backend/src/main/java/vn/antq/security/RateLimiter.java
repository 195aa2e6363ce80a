package vn.antq.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import vn.antq.common.db.Rows;

/**
 * Fixed-window counters in PostgreSQL, so that a limit holds across replicas: one upsert per hit;
 * old windows go with {@link SecurityHousekeeping}.
 */
@ApplicationScoped
public class RateLimiter {
  @Inject EntityManager em;

  /** Seconds to wait when the bucket is over its limit in the current window, else 0. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long hit(String bucket, int limit, Duration window) {
    long windowSeconds = window.toSeconds();
    Instant now = Instant.now();
    Instant start = Instant.ofEpochSecond(now.getEpochSecond() / windowSeconds * windowSeconds);
    int hits =
        Rows.toInt(
            em.createNativeQuery(
                    "INSERT INTO rate_limit (bucket, window_start, hits) VALUES (?1, ?2, 1)"
                        + " ON CONFLICT (bucket, window_start)"
                        + " DO UPDATE SET hits = rate_limit.hits + 1 RETURNING hits")
                .setParameter(1, bucket)
                .setParameter(2, start)
                .getSingleResult());
    return hits > limit
        ? Math.max(1, start.plus(window).getEpochSecond() - now.getEpochSecond())
        : 0;
  }
}
