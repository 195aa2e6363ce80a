package vn.antq.common.db;

import jakarta.persistence.EntityManager;

/**
 * Instances starting together on one database seed it one after the other: each seeder checks what
 * exists and adds what is missing while holding this lock (a transaction-scoped advisory lock), so
 * no two of them add the same row.
 */
public final class StartupLock {
  /** the advisory lock's key ("antq-seed") */
  static final long SEEDING = 0x616e74712d736565L;

  private StartupLock() {}

  /** Waits for, then holds until the current transaction ends, the seeding lock. */
  public static void seeding(EntityManager em) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SEEDING + ")").getSingleResult();
  }
}
