package vn.antq.common.audit;

import java.util.List;

/**
 * A feature's records whose history the audit trail shows. Each feature implements it for its own
 * types, so the history endpoint asks them all the same way and knows none of them.
 */
public interface AuditedRecords {
  /**
   * A type of record written to the trail: its name, where the contract lists it among the others,
   * and whether only administrators (who see everything) may read its history.
   */
  record Type(String name, int position, boolean administratorsOnly) {}

  List<Type> types();

  /**
   * Whether a record of one of {@link #types()} exists and the caller may read it; throws 404 when
   * it lies outside the caller's territory (as if it did not exist).
   */
  boolean readable(String type, long id);
}
