-- Summary reports kept in the database and reused while nothing they count has changed (issue 27:
-- a province's busy morning reads the same ten-year report again and again).
--
-- Each write to a table a report reads records, once per transaction and province, its
-- transaction id (R__09_report_cache.sql); province 0 stands for a change that may touch every
-- report (units, their placements and lineage, catalogues).
CREATE TABLE report_change (
  province_id  bigint NOT NULL,
  xid          xid8   NOT NULL,
  changed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_id, xid)
);
CREATE INDEX report_change_xid_idx ON report_change (xid);

-- A report as served (its JSON), with the snapshot of the database it was computed from: it is
-- served again while no transaction that recorded a change for its provinces (or for all) has
-- committed outside that snapshot. provinces NULL: the whole country's report, any change.
CREATE TABLE report_cache (
  key          text        PRIMARY KEY,
  snapshot     text        NOT NULL,
  provinces    bigint[],
  body         bytea       NOT NULL,
  computed_at  timestamptz NOT NULL DEFAULT now()
);
