-- The province report's model figures (the models in force at the end of the period: by type and
-- field, their places, ethnic groups and religions, the totals they declare, their status then)
-- read every column they need from one index, not the table: V13's covering index, widened to the
-- columns those statements came to use (status_since, unit, ethnic group, religion, declared
-- totals, id). 10-year report of a province of the national dataset: its models-in-force statement
-- 9.4 → 6.9 ms, the declared totals 2.1 → 1.4, their status over the period 3.9 → 3.4 (psql).
DROP INDEX IF EXISTS community_model_province_report_idx;
CREATE INDEX community_model_province_report_idx ON community_model (province_id, established_on)
  INCLUDE (bucket_id, status, status_since, type_id, field_id, recognition_level, unit_id,
           ethnic_group_id, religion_id, declared_teams, declared_members, id);
