-- The community a model serves, where it serves one (issue 26: "đồng bào dân tộc Khmer", a parish):
-- its ethnic group and religion from the ETHNIC_GROUP and RELIGION catalogues. Few models have one,
-- so the indexes hold only those (the list filters and the report's breakdowns read them).
ALTER TABLE community_model
  ADD COLUMN ethnic_group_id bigint REFERENCES catalogue_item (id),
  ADD COLUMN religion_id bigint REFERENCES catalogue_item (id);
CREATE INDEX community_model_ethnic_group_idx ON community_model (ethnic_group_id, unit_id)
  WHERE ethnic_group_id IS NOT NULL;
CREATE INDEX community_model_religion_idx ON community_model (religion_id, unit_id)
  WHERE religion_id IS NOT NULL;
