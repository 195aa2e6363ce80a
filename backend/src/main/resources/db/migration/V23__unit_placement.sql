-- Where each unit stood in the tree, dated: a unit that moves (a merger's successor takes the
-- predecessor's children; an edit changes the parent) keeps its past placements, so the facts
-- recorded before the move still count under the units it was under then (issue 26). The first
-- placement of a unit holds since it began (valid_from NULL); the last one holds on (valid_to NULL),
-- also after the unit retired. The rows are written by f_unit_placement (R__02_units.sql).
CREATE TABLE unit_placement (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id     bigint NOT NULL REFERENCES unit (id),
  parent_id   bigint REFERENCES unit (id),
  path        text   NOT NULL,
  valid_from  date,
  valid_to    date,
  CONSTRAINT unit_placement_range CHECK (valid_to IS NULL OR valid_from IS NULL
                                          OR valid_to > valid_from)
);

-- the placement of a unit on a day
CREATE INDEX unit_placement_unit_idx ON unit_placement (unit_id, valid_from);
-- the units under a path on a day
CREATE INDEX unit_placement_path_idx ON unit_placement (path text_pattern_ops);
-- the children of a unit on a day
CREATE INDEX unit_placement_parent_idx ON unit_placement (parent_id);
-- the days a territory's map changed: only the placements a move began or ended (few)
CREATE INDEX unit_placement_moves_idx ON unit_placement (path text_pattern_ops)
  WHERE valid_from IS NOT NULL OR valid_to IS NOT NULL;

INSERT INTO unit_placement (unit_id, parent_id, path)
SELECT id, parent_id, path FROM unit ORDER BY id;
