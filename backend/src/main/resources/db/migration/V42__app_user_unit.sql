-- Who is told of a change (Notifier): the officers of the units on the changed unit's path,
-- looked up by unit rather than every account of a role matched against every path.
CREATE INDEX app_user_unit_idx ON app_user (unit_id);
