-- Fixed-window request counters shared by every replica (sign-in attempts per client address).
CREATE TABLE rate_limit (
  bucket        varchar(200) NOT NULL,
  window_start  timestamptz  NOT NULL,
  hits          int          NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_window_idx ON rate_limit (window_start);
