-- A nationwide synthetic dataset for the benchmarks: 34 provinces, 3,321 communes, ~100k
-- hamlets, 300k models, 3M events over ten years (2016–2025), in an ANTQ database that the app
-- has migrated. Run by benchmarks/report-benchmark.sh:
--   psql -v provinces=34 -v communes=3321 -v hamlets=100000 -v models=300000 -v events=3000000 \
--        -f benchmarks/generate.sql
-- Names say "Mẫu" (sample); nothing here is real. Deterministic (setseed), so runs compare.
\set ON_ERROR_STOP on
SELECT setseed(0.2025);
BEGIN;

-- ---------------------------------------------------------------- units
CREATE TEMP TABLE gp AS
  SELECT g AS n, nextval('unit_id_seq') AS id FROM generate_series(1, :provinces) g;
INSERT INTO unit (id, name, kind, parent_id, province_id, commune_id, path, depth, valid_from)
  SELECT id, 'Tỉnh Mẫu ' || lpad(n::text, 2, '0'), 'PROVINCE', NULL, id, NULL,
         '/' || id || '/', 0, DATE '2008-08-01'
  FROM gp;

CREATE TEMP TABLE gc AS
  SELECT g AS n, nextval('unit_id_seq') AS id, gp.id AS province_id
  FROM generate_series(1, :communes) g JOIN gp ON gp.n = 1 + (g - 1) % :provinces;
CREATE INDEX ON gc (n);
INSERT INTO unit (id, name, kind, parent_id, province_id, commune_id, path, depth, valid_from)
  SELECT id, CASE WHEN n % 3 = 0 THEN 'Phường Mẫu ' ELSE 'Xã Mẫu ' END || n,
         CASE WHEN n % 3 = 0 THEN 'WARD' ELSE 'COMMUNE' END, province_id, province_id, id,
         '/' || province_id || '/' || id || '/', 1, DATE '2025-07-01'
  FROM gc;

CREATE TEMP TABLE gh AS
  SELECT g AS n, nextval('unit_id_seq') AS id, gc.id AS commune_id, gc.province_id
  FROM generate_series(1, :hamlets) g JOIN gc ON gc.n = 1 + (g - 1) % :communes;
INSERT INTO unit (id, name, kind, parent_id, province_id, commune_id, path, depth, valid_from)
  SELECT id, 'Ấp Mẫu ' || n, 'HAMLET', commune_id, province_id, commune_id,
         '/' || province_id || '/' || commune_id || '/' || id || '/', 2, DATE '2025-07-01'
  FROM gh;

-- ---------------------------------------------------------------- models
CREATE TEMP TABLE mt AS
  SELECT row_number() OVER (ORDER BY id) AS n, id, parent_id
  FROM catalogue_item WHERE catalogue = 'MODEL_TYPE';
-- the model stocks (V21) are rebuilt once after the load instead of row by row
ALTER TABLE community_model DISABLE TRIGGER community_model_stock;
ALTER TABLE community_model DISABLE TRIGGER community_model_stock_insert;
INSERT INTO community_model (name, type_id, field_id, unit_id, lead_orgs, established_on, status,
                             status_since, recognition_level)
  SELECT 'Mô hình mẫu ' || g, mt.id, mt.parent_id, gc.id, ARRAY['POLICE', 'FRONT'],
         DATE '2016-01-01' + (g * 37) % 3650,
         (ARRAY['REGISTERED', 'ACTIVE', 'ACTIVE', 'REVIEWED', 'FINAL_REVIEWED', 'REPLICATED',
                'RETIRED'])[1 + g % 7],
         DATE '2016-01-01' + (g * 37) % 3650,
         CASE WHEN g % 50 = 0 THEN 3 WHEN g % 10 = 0 THEN 1 END  -- province, commune (V26 codes)
  FROM generate_series(1, :models) g
  JOIN gc ON gc.n = 1 + (g * 7) % :communes
  JOIN mt ON mt.n = 1 + (g / 5) % (SELECT count(*) FROM mt);
ALTER TABLE community_model ENABLE TRIGGER community_model_stock;
ALTER TABLE community_model ENABLE TRIGGER community_model_stock_insert;
SELECT f_stat_model_rebuild();

-- ---------------------------------------------------------------- events
-- the pre-aggregates are rebuilt once at the end instead of row by row
ALTER TABLE event DISABLE TRIGGER event_stat_insert;
CREATE TEMP TABLE et AS
  SELECT row_number() OVER (ORDER BY id) AS n, id FROM catalogue_item WHERE catalogue = 'EVENT_TYPE';
INSERT INTO event (type_id, title, starts_at, ends_at, unit_id, lead_unit_id, attendance, sessions)
  SELECT et.id, 'Sự kiện mẫu ' || g, s, s + interval '2 hours', gc.id, gc.id,
         20 + (g * 13) % 480, 1 + g % 3
  FROM generate_series(1, :events) g
  JOIN gc ON gc.n = 1 + (g * 31) % :communes
  JOIN et ON et.n = 1 + (g / 7) % (SELECT count(*) FROM et)
  CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2016-01-01 00:00:00+07'
                             + ((g::bigint * 104729) % 315360000) * interval '1 second' AS s) t;
ALTER TABLE event ENABLE TRIGGER event_stat_insert;

DELETE FROM stat_event_month;
INSERT INTO stat_event_month (unit_id, month, type_id, events, sessions, attendance)
  SELECT unit_id, f_vn_month(starts_at), type_id, count(*), sum(sessions),
         sum(coalesce(attendance, 0))
  FROM event GROUP BY 1, 2, 3;
DELETE FROM stat_event_year;
INSERT INTO stat_event_year (unit_id, year, type_id, events, sessions, attendance)
  SELECT unit_id, CAST(EXTRACT(YEAR FROM month) AS integer), type_id, sum(events), sum(sessions),
         sum(attendance)
  FROM stat_event_month GROUP BY 1, 2, 3;
DELETE FROM stat_event_bucket_year;
INSERT INTO stat_event_bucket_year (bucket_id, province_id, year, type_id, events, sessions,
                                    attendance)
  SELECT coalesce(u.commune_id, u.id), min(u.province_id), s.year, s.type_id, sum(s.events),
         sum(s.sessions), sum(s.attendance)
  FROM stat_event_year s JOIN unit u ON u.id = s.unit_id
  GROUP BY coalesce(u.commune_id, u.id), s.year, s.type_id;
COMMIT;
-- the visibility map lets the covering indexes answer without reading the tables
VACUUM ANALYZE;
