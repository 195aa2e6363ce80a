package vn.antq.integration;

import java.util.List;

/**
 * A resource whose new records can be created many at once, set-based, under the same rules as
 * {@link ImportTarget#create}. The import engine hands it the rows of a chunk that have no record
 * yet; updates and deletions still go one by one.
 */
public interface BulkImportTarget extends ImportTarget {
  /** What became of one input: the new record's id and version, or why it was refused. */
  record Created(Long id, long version, RuntimeException problem) {}

  /**
   * Creates the records, answering in the inputs' order. A refused input writes nothing and the
   * others are still created; a failure of the database (a constraint, a lost connection) is
   * thrown, and the engine then applies the chunk again one row at a time.
   */
  List<Created> createAll(List<Object> inputs);

  /**
   * Whether this new record can be created with the others by {@link #createAll}; one that cannot
   * (a model sent with its status history, whose steps are taken one by one) goes through {@link
   * #create} in its place in the chunk.
   */
  default boolean creatableTogether(Object input) {
    return true;
  }
}
