package vn.antq.integration;

import java.util.List;
import java.util.Optional;
import vn.antq.api.model.Violation;
import vn.antq.integration.ImportEngine.Row;

/**
 * A resource that provincial systems push in bulk. Implemented by the feature that owns the
 * resource, through its own service, so a pushed record meets exactly the rules of the
 * single-record endpoints.
 */
public interface ImportTarget {
  /**
   * The key units' external ids are kept under: records of other resources name their unit by the
   * sender's id of it ({@link ImportEngine#recordOf}).
   */
  String UNIT = "UNIT";

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

  /**
   * Updates the record and answers the id the sender's external id stands for afterwards: the same
   * one, unless the update makes a new record in its place (a correction of approved figures is a
   * new revision).
   */
  default long replace(long id, long expected, Object input) {
    update(id, expected, input);
    return id;
  }

  /** Why records of this kind cannot be deleted in bulk, or null when they can. */
  default String notDeletable() {
    return null;
  }

  void delete(long id, long expected);

  /**
   * The rows in the order they are applied (the results answer in the batch's order whatever it
   * is): records that refer to others of the same batch come after them. Deterministic, so a
   * resumed job finds the same positions.
   */
  default List<Row> inOrder(List<Row> rows) {
    return rows;
  }

  /**
   * Problems of rows that only the batch as a whole shows (records that refer to each other in a
   * circle), one list per row of {@link #inOrder}'s answer; none by default.
   */
  default List<List<Violation>> batchProblems(List<Row> rows) {
    return rows.stream().map(r -> List.<Violation>of()).toList();
  }
}
