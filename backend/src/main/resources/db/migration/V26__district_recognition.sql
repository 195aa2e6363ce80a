-- Recognition as exemplary at district level (cấp huyện), given until the 2025 reform (issue 26:
-- recognition levels by date). Levels stay ordered codes so that "at least" is a comparison:
-- 1 commune, 2 district, 3 province, 4 ministry — the province and ministry codes move up by one.
-- community_model's stock trigger moves the pre-aggregated counts with them.
ALTER TABLE model_recognition DROP CONSTRAINT model_recognition_level_check;
UPDATE model_recognition SET level = level + 1 WHERE level >= 2;
ALTER TABLE model_recognition ADD CONSTRAINT model_recognition_level_check
  CHECK (level BETWEEN 1 AND 4);
UPDATE community_model SET recognition_level = recognition_level + 1 WHERE recognition_level >= 2;
COMMENT ON COLUMN community_model.recognition_level IS
  'highest recognition so far: 1 commune, 2 district (before 1/7/2025), 3 province, 4 ministry';
