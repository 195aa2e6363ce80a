-- Lists in the orders the SPA asks for (issue 27, measured on the national dataset):
-- a unit found by the start of its code as well as by its name: with both sides indexed, the
-- search reads the matches through a bitmap instead of walking the units in name order (a selective
-- name: 86 ms -> 2 ms);
CREATE INDEX unit_code_lower_idx ON unit (lower(code) text_pattern_ops);
-- a province's events by title and by attendance (the events table's sortable columns besides the
-- start, which event_province_starts_idx serves): 100 and 60 ms -> one index range.
CREATE INDEX event_province_title_idx ON event (province_id, title COLLATE vietnamese, id);
CREATE INDEX event_province_attendance_idx ON event (province_id, attendance DESC NULLS LAST, id DESC);
