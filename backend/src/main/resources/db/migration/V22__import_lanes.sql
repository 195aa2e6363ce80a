-- A partial import job's chunks are applied by several connections side by side (ImportEngine:
-- lanes), so they commit out of order: each commit records the positions it finished, and a job
-- resumed after its instance stopped skips them (jobs stopped before this version resume from
-- their count of rows done, which then covered a prefix).
CREATE TABLE import_job_done (
  job_id    bigint  NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
  from_pos  integer NOT NULL,
  to_pos    integer NOT NULL,
  PRIMARY KEY (job_id, from_pos)
);

-- Events inserted together fold into the pre-aggregates with one upsert per table, each taking its
-- rows in key order, table after table (month, year, bucket). Two transactions inserting events of
-- the same units and months (two lanes of an import) then wait for each other instead of
-- deadlocking, as they could when each group's month, year and bucket rows were locked in turn.
CREATE OR REPLACE FUNCTION f_stat_event_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_event_month AS s (unit_id, month, type_id, events, sessions, attendance)
    SELECT unit_id, f_vn_month(starts_at), type_id, count(*), sum(sessions),
           sum(coalesce(attendance, 0))
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (unit_id, month, type_id) DO UPDATE
    SET events = s.events + EXCLUDED.events,
        sessions = s.sessions + EXCLUDED.sessions,
        attendance = s.attendance + EXCLUDED.attendance;
  INSERT INTO stat_event_year AS y (unit_id, year, type_id, events, sessions, attendance)
    SELECT unit_id, CAST(EXTRACT(YEAR FROM f_vn_month(starts_at)) AS integer), type_id, count(*),
           sum(sessions), sum(coalesce(attendance, 0))
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (unit_id, year, type_id) DO UPDATE
    SET events = y.events + EXCLUDED.events,
        sessions = y.sessions + EXCLUDED.sessions,
        attendance = y.attendance + EXCLUDED.attendance;
  INSERT INTO stat_event_bucket_year AS b (bucket_id, province_id, year, type_id, events,
                                           sessions, attendance)
    SELECT coalesce(u.commune_id, u.id), min(u.province_id),
           CAST(EXTRACT(YEAR FROM f_vn_month(n.starts_at)) AS integer), n.type_id, count(*),
           sum(n.sessions), sum(coalesce(n.attendance, 0))
    FROM new_rows n JOIN unit u ON u.id = n.unit_id
    GROUP BY 1, 3, 4 ORDER BY 1, 3, 4
  ON CONFLICT (bucket_id, year, type_id) DO UPDATE
    SET province_id = EXCLUDED.province_id,
        events = b.events + EXCLUDED.events,
        sessions = b.sessions + EXCLUDED.sessions,
        attendance = b.attendance + EXCLUDED.attendance;
  RETURN NULL;
END $$;
