-- A rename keeps the unit (issue 26: split and rename as operations): the names it had before,
-- each with the day it gave way to the next. The current name stays on unit.
CREATE TABLE unit_name (
  id          bigserial    PRIMARY KEY,
  unit_id     bigint       NOT NULL REFERENCES unit (id),
  name        varchar(200) NOT NULL,
  valid_to    date         NOT NULL,
  note        varchar(500),
  created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX unit_name_unit_idx ON unit_name (unit_id, valid_to);
