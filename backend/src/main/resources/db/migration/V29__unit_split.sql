-- A split (issue 26): each successor may carry a stated share (percent) of the split unit's own
-- approved figures; the children it received are the placements that moved from the split unit to
-- it on the split day (unit_placement), so they need no column here.
ALTER TABLE unit_lineage ADD COLUMN share numeric(5, 2)
  CONSTRAINT unit_lineage_share CHECK (share IS NULL OR (share >= 0 AND share <= 100));
-- the links of a split unit (a parent report divides its figures among the successors)
CREATE INDEX unit_lineage_predecessor_idx ON unit_lineage (predecessor_id);
-- the children that moved on a day (a split successor's history)
CREATE INDEX unit_placement_moved_idx ON unit_placement (parent_id, valid_to)
  WHERE valid_to IS NOT NULL;
