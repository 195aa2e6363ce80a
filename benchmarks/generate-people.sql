-- Members and award decisions for the nationwide synthetic dataset (after generate.sql): one
-- team per model with :members_per_model members (3M for 300k models at 10), and :awards
-- award decisions, each to one member of a model of the deciding commune. Vietnamese names are
-- drawn with the usual surname frequencies (Nguyễn ≈ 38 %), so a search without diacritics
-- meets the crowds a real one would. Run by benchmarks/benchmark.sh:
--   psql -v members_per_model=10 -v awards=100000 -f benchmarks/generate-people.sql
-- A third of the names have a second given name (Nguyễn Thị Thu Hà). Names say nothing real: any likeness to a person is the generator's. Deterministic.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL maintenance_work_mem = '1GB';

-- the change log would log every row as a change of its model: a generated dataset has no
-- history to follow, so its rows go in without it (as a restore would)
ALTER TABLE team DISABLE TRIGGER team_change_log;
ALTER TABLE member DISABLE TRIGGER member_change_log;
ALTER TABLE member DISABLE TRIGGER member_change_log_insert;
-- the per-row triggers of the search keys and the roster roll-up are replaced by the set-based
-- statements at the end (member_name_key, f_stat_roster_rebuild)
ALTER TABLE member DISABLE TRIGGER member_name_keys;
ALTER TABLE team DISABLE TRIGGER team_roster_stat;
ALTER TABLE member DISABLE TRIGGER member_roster_stat;
ALTER TABLE member DISABLE TRIGGER member_inserted;

-- (sets first: an anti-join planned while the table was empty would rescan its growing heap)
CREATE TEMP TABLE teamless AS
  SELECT id FROM community_model EXCEPT SELECT model_id FROM team;
INSERT INTO team (model_id, name, unit_id, established_on)
  SELECT m.id, 'Tổ 1', m.unit_id, m.established_on
  FROM community_model m JOIN teamless USING (id);
CREATE TEMP TABLE empty_team AS
  SELECT id FROM team EXCEPT SELECT team_id FROM member;
ANALYZE empty_team;

CREATE TEMP TABLE surname (n int, w int, s text);
INSERT INTO surname VALUES (1, 380, 'Nguyễn'), (2, 110, 'Trần'), (3, 95, 'Lê'), (4, 70, 'Phạm'),
  (5, 51, 'Hoàng'), (6, 50, 'Huỳnh'), (7, 45, 'Phan'), (8, 39, 'Vũ'), (9, 39, 'Võ'),
  (10, 21, 'Đặng'), (11, 20, 'Bùi'), (12, 14, 'Đỗ'), (13, 13, 'Hồ'), (14, 13, 'Ngô'),
  (15, 10, 'Dương'), (16, 5, 'Lý'), (17, 25, 'Đinh');
-- cumulative weights: a member's number picks its surname on a 0..sum scale
CREATE TEMP TABLE surname_cum AS
  SELECT s, sum(w) OVER (ORDER BY n) - w AS lo, sum(w) OVER (ORDER BY n) AS hi FROM surname;
CREATE TEMP TABLE middle (n int, s text);
INSERT INTO middle SELECT row_number() OVER (), x FROM unnest(ARRAY['Văn', 'Thị', 'Hữu', 'Đức',
  'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Xuân', 'Hoàng', 'Kim', 'Thu', 'Văn', 'Thị', 'Công', 'Bá'])
  x;
CREATE TEMP TABLE given (n int, s text);
INSERT INTO given SELECT row_number() OVER (), x FROM unnest(ARRAY['An', 'Anh', 'Bình', 'Cường',
  'Dũng', 'Duy', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiền', 'Hiếu', 'Hòa', 'Hoa', 'Hùng', 'Hương',
  'Huy', 'Khánh', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngọc', 'Nhung',
  'Phong', 'Phúc', 'Phương', 'Quang', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thành', 'Thủy',
  'Tiến', 'Trang', 'Trung', 'Tú', 'Tuấn', 'Tùng', 'Vân', 'Việt', 'Vinh', 'Yến', 'Đạt', 'Đông',
  'Lộc', 'Lợi', 'Hậu', 'Nghĩa', 'Tín', 'Thư', 'Uyên', 'Xuyến', 'Ánh']) x;

-- the trigram index is built once after the load instead of row by row
DROP INDEX member_name_trgm_idx;
INSERT INTO member (team_id, model_id, full_name, gender, birth_year, role, phone, address,
                    joined_on)
  SELECT t.id, t.model_id,
         sn.s || ' ' || mi.s || CASE WHEN h.extra < 30 THEN ' ' || mx.s ELSE '' END || ' ' || gi.s,
         CASE WHEN mi.s = 'Thị' THEN 'FEMALE' ELSE 'MALE' END,
         1950 + h.k % 55,
         CASE WHEN i = 1 THEN 'LEADER' WHEN i = 2 THEN 'DEPUTY' ELSE 'MEMBER' END,
         '09' || lpad((h.k % 100000000)::text, 8, '0'),
         'Số ' || (1 + h.k % 300) || ', ấp ' || (1 + h.k % 12),
         t.established_on
  FROM team t
  JOIN empty_team USING (id)
  CROSS JOIN generate_series(1, :members_per_model) i
  -- independent hashes of the member's number pick each part of the name
  CROSS JOIN LATERAL (SELECT abs(hashint8((t.id * 100 + i) * 8)::bigint) AS k,
                             abs(hashint8((t.id * 100 + i) * 8 + 1)::bigint) % 1000 AS s,
                             1 + abs(hashint8((t.id * 100 + i) * 8 + 2)::bigint) % 16 AS m,
                             1 + abs(hashint8((t.id * 100 + i) * 8 + 3)::bigint) % 60 AS m2,
                             1 + abs(hashint8((t.id * 100 + i) * 8 + 4)::bigint) % 60 AS g,
                             abs(hashint8((t.id * 100 + i) * 8 + 5)::bigint) % 100 AS extra) h
  JOIN surname_cum sn ON h.s >= sn.lo AND h.s < sn.hi
  JOIN middle mi ON mi.n = h.m
  JOIN given mx ON mx.n = h.m2
  JOIN given gi ON gi.n = h.g;
CREATE INDEX member_name_trgm_idx ON member USING gin (name_key gin_trgm_ops);
INSERT INTO member_name_key (member_id, key, province_id)
  SELECT x.id, s, m.province_id
  FROM member x JOIN empty_team e ON e.id = x.team_id JOIN community_model m ON m.id = x.model_id,
       f_name_suffixes(x.full_name) s
  WHERE s <> '';
ALTER TABLE member ENABLE TRIGGER member_name_keys;
SELECT f_stat_roster_rebuild();
ALTER TABLE team ENABLE TRIGGER team_roster_stat;
ALTER TABLE member ENABLE TRIGGER member_roster_stat;
ALTER TABLE member ENABLE TRIGGER member_inserted;

ALTER TABLE team ENABLE TRIGGER team_change_log;
ALTER TABLE member ENABLE TRIGGER member_change_log;
ALTER TABLE member ENABLE TRIGGER member_change_log_insert;

-- ---------------------------------------------------------------- award decisions
-- commune chairs' certificates of merit to a member of a model of their commune, spread over
-- ten years; the pre-aggregates are kept by the triggers (one row per commune, month and form).
-- Only on a dataset without them (the script runs once per dataset).
ANALYZE member;
CREATE TEMP TABLE pick AS
  SELECT g, m.id AS model_id, m.unit_id, DATE '2016-01-01' + (g * 53) % 3650 AS decided_on
  FROM generate_series(1, :awards) g
  JOIN community_model m ON m.id = (SELECT min(id) FROM community_model) + (g * 11) % 300000
  WHERE NOT EXISTS (SELECT 1 FROM award_decision);
INSERT INTO award_decision (number, decided_on, authority_id, unit_id, issuer_name, form_id,
                            type_id, reason)
  SELECT g || '/QĐ-UBND', p.decided_on,
         (SELECT id FROM catalogue_item WHERE catalogue = 'AWARD_AUTHORITY' ORDER BY id LIMIT 1),
         p.unit_id, 'Ủy ban nhân dân ' || u.name,
         (SELECT id FROM catalogue_item WHERE catalogue = 'AWARD_FORM' ORDER BY id LIMIT 1),
         (SELECT id FROM catalogue_item WHERE catalogue = 'AWARD_TYPE' ORDER BY id LIMIT 1),
         'Có thành tích trong phong trào Toàn dân bảo vệ an ninh Tổ quốc'
  FROM pick p JOIN unit u ON u.id = p.unit_id;
INSERT INTO award_recipient (decision_id, kind, unit_id, member_id, name, unit_name, position_no)
  SELECT d.id, 'INDIVIDUAL', d.unit_id, x.id, x.full_name, u.name, 1
  FROM award_decision d
  JOIN unit u ON u.id = d.unit_id
  JOIN pick p ON p.g || '/QĐ-UBND' = d.number AND p.unit_id = d.unit_id
  CROSS JOIN LATERAL (SELECT id, full_name FROM member WHERE model_id = p.model_id
                      ORDER BY id LIMIT 1) x;
COMMIT;
VACUUM ANALYZE member;
VACUUM ANALYZE team;
VACUUM ANALYZE award_decision;
VACUUM ANALYZE award_recipient;
