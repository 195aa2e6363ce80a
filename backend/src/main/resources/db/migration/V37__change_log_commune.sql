-- The change feed read by a commune's officer: the commune's rows are a few in ten thousand of the
-- log, so reading them in log order through change_log_order_idx walked the whole log for a page
-- (0.36 s on the national dataset, growing with the log). Indexed by the commune's id in the path
-- (the second id of /province/commune/…) in log order; moves out of a commune by the old path.
CREATE INDEX change_log_commune_idx ON change_log ((split_part(path, '/', 3)), xid, seq);
CREATE INDEX change_log_old_commune_idx ON change_log ((split_part(old_path, '/', 3)), xid, seq)
  WHERE old_path IS NOT NULL;
