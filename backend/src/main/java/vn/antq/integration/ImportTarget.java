package vn.antq.integration;

import java.util.Optional;

/**
 * A resource that provincial systems push in bulk. Implemented by the feature that owns the
 * resource, through its own service, so a pushed record meets exactly the rules of the
 * single-record endpoints.
 */
public interface ImportTarget {
  /** The name in URLs: {@code models}, {@code events}, {@code awards}. */
  String name();

  /** The key the records' external ids are kept under: MODEL, EVENT, AWARD. */
  String resource();

  /** The body of the single-record create/update endpoint (ModelInput …). */
  Class<?> inputType();

  /** The version of a stored record whoever's territory it is in; empty when it is gone. */
  Optional<Long> storedVersion(long id);

  /** The caller may see and change the record. */
  boolean visible(long id);

  long create(Object input);

  void update(long id, long expected, Object input);

  /** Why records of this kind cannot be deleted in bulk, or null when they can. */
  default String notDeletable() {
    return null;
  }

  void delete(long id, long expected);
}
