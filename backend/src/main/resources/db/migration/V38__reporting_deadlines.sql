-- Deadlines for reported figures (issue 23). A period's deadline is the end of the day, Vietnam
-- time, `days_after` days after its last day; a rule holds from `valid_from` until the next rule
-- of the same kind and scope, and a period takes the rule in force on its last day. A province may
-- set its own, never later than the national one (checked on writing; the earlier of the two is
-- applied when the national rule later becomes stricter).
CREATE TABLE reporting_deadline (
  id           bigserial    PRIMARY KEY,
  period_kind  varchar(7)   NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER')),
  province_id  bigint       REFERENCES unit (id),
  days_after   smallint     NOT NULL CHECK (days_after BETWEEN 1 AND 60),
  valid_from   date         NOT NULL,
  note         text,
  created_by   text,
  created_at   timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT reporting_deadline_uq UNIQUE NULLS NOT DISTINCT (period_kind, province_id, valid_from)
);
-- the national defaults: a month by day 5 of the next month, a quarter by day 10 after it
INSERT INTO reporting_deadline (period_kind, province_id, days_after, valid_from, note, created_by)
VALUES ('MONTH', NULL, 5, DATE '2000-01-01', 'Mặc định: ngày 5 tháng sau', 'ANTQ'),
       ('QUARTER', NULL, 10, DATE '2000-01-01', 'Mặc định: ngày 10 sau khi hết quý', 'ANTQ');

-- The first time a period's figures were sent: on time or late is judged by it (a report returned
-- and sent again keeps it; submitted_at is the latest sending).
ALTER TABLE indicator_report ADD COLUMN first_submitted_at timestamptz;
UPDATE indicator_report SET first_submitted_at = submitted_at WHERE submitted_at IS NOT NULL;
