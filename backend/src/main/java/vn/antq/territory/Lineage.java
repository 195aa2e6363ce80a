package vn.antq.territory;

/**
 * How a unit's past is found through the lineage table, in one place for every query that walks it
 * (territories, reports): through a merge a unit takes over its predecessor whole; through a split
 * only the children (hamlets…) that moved from the split unit to it on the split day — what was
 * written on the split unit itself stays its own (and its parent's), so no report counts it twice.
 */
public final class Lineage {
  private Lineage() {}

  /**
   * The recursive step of a CTE {@code preds(…, id)} (aliased {@code p} in the step): the units the
   * units in {@code preds} succeeded. {@code carried} are the CTE's other columns as selected from
   * {@code p} (e.g. {@code "p.child_id, "}), or empty.
   */
  public static String step(String carried) {
    return "SELECT "
        + carried
        + "coalesce(mv.unit_id, l.predecessor_id) FROM unit_lineage l"
        + " JOIN preds p ON l.successor_id = p.id"
        + " LEFT JOIN LATERAL (SELECT a.unit_id FROM unit_placement a JOIN unit_placement b"
        + " ON b.unit_id = a.unit_id AND b.valid_from = a.valid_to AND b.parent_id = l.successor_id"
        + " WHERE l.change_kind = 'SPLIT' AND a.parent_id = l.predecessor_id"
        + " AND a.valid_to = l.effective_date) mv ON true"
        + " WHERE l.change_kind <> 'SPLIT' OR mv.unit_id IS NOT NULL";
  }
}
