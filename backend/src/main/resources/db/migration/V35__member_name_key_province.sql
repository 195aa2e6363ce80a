-- A member's name keys carry the province of the member's model, so a province's search reads
-- its own range of keys (province_id, key) instead of the nation's range joined to every member
-- and model ("nguyen van hung" in a province on the national dataset: 2,355 keys, members and
-- models read for 80 matches, 52 ms of SQL). Kept by f_member_name_keys (a member written or moved
-- to another model) and f_model_name_keys (a model moved to another province), R__05.
-- Rebuilt rather than updated in place: 10 million rows on the national dataset.
CREATE TABLE member_name_key_p (
  member_id    bigint NOT NULL,
  key          text COLLATE "C" NOT NULL,
  province_id  bigint
);
INSERT INTO member_name_key_p (member_id, key, province_id)
SELECT k.member_id, k.key, m.province_id
  FROM member_name_key k JOIN member x ON x.id = k.member_id
  JOIN community_model m ON m.id = x.model_id;
DROP TABLE member_name_key;
ALTER TABLE member_name_key_p RENAME TO member_name_key;
ALTER TABLE member_name_key ADD PRIMARY KEY (member_id, key);
ALTER TABLE member_name_key ADD FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE;
CREATE INDEX member_name_key_idx ON member_name_key (key, member_id);
CREATE INDEX member_name_key_province_idx ON member_name_key (province_id, key, member_id);
ANALYZE member_name_key;
