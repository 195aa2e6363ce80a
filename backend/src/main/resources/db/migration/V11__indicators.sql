-- Reported figures: what the registry cannot know (tips received, subjects clarified, weapons
-- surrendered…), entered by a unit per month or quarter, submitted, approved or returned by the
-- level above. An approved period is locked; a correction is a new revision and the approved
-- one stays (SUPERSEDED once the correction is approved).
CREATE TABLE indicator_report (
  id              bigserial    PRIMARY KEY,
  unit_id         bigint       NOT NULL REFERENCES unit (id),
  period_start    date         NOT NULL,  -- first day of the month or quarter
  period_months   smallint     NOT NULL CHECK (period_months IN (1, 3)),
  revision        integer      NOT NULL CHECK (revision >= 1),
  status          varchar(12)  NOT NULL
                  CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED')),
  note            text,
  revision_reason text,
  review_comment  text,
  submitted_at    timestamptz,
  submitted_by    text,
  reviewed_at     timestamptz,
  reviewed_by     text,
  created_by      text,
  created_at      timestamptz  NOT NULL,
  updated_at      timestamptz  NOT NULL,
  version         bigint       NOT NULL DEFAULT 0,
  CONSTRAINT indicator_report_start_ck CHECK (extract(day FROM period_start) = 1
    AND (period_months = 1 OR extract(month FROM period_start) IN (1, 4, 7, 10))),
  CONSTRAINT indicator_report_revision_uq UNIQUE (unit_id, period_start, period_months, revision)
);
-- one revision in progress and one in force per unit and period, whatever the races
CREATE UNIQUE INDEX indicator_report_open_uq ON indicator_report (unit_id, period_start, period_months)
  WHERE status IN ('DRAFT', 'SUBMITTED', 'RETURNED');
CREATE UNIQUE INDEX indicator_report_approved_uq ON indicator_report (unit_id, period_start, period_months)
  WHERE status = 'APPROVED';
CREATE INDEX indicator_report_pending_idx ON indicator_report (status, unit_id);
CREATE INDEX indicator_report_period_idx ON indicator_report (period_start);

CREATE TABLE indicator_value (
  report_id     bigint NOT NULL REFERENCES indicator_report (id) ON DELETE CASCADE,
  indicator_id  bigint NOT NULL REFERENCES catalogue_item (id),
  value         bigint NOT NULL CHECK (value >= 0),
  PRIMARY KEY (report_id, indicator_id)
);

-- Approved values by unit, period and indicator: what reports read. Kept by the trigger below
-- in the same transaction as the approval (and the supersession of the previous revision).
CREATE TABLE stat_indicator_month (
  unit_id       bigint   NOT NULL REFERENCES unit (id),
  month         date     NOT NULL,  -- first day of the period
  months        smallint NOT NULL,  -- 1 (a month) or 3 (a quarter)
  indicator_id  bigint   NOT NULL REFERENCES catalogue_item (id),
  value         bigint   NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month, months, indicator_id)
);
CREATE INDEX stat_indicator_month_month_idx ON stat_indicator_month (month);

CREATE FUNCTION f_stat_indicator_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status IN ('APPROVED', 'SUPERSEDED') THEN
      RAISE EXCEPTION 'indicator report % is locked', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status IS DISTINCT FROM NEW.status THEN
    IF NEW.status = 'APPROVED' THEN
      INSERT INTO stat_indicator_month AS s (unit_id, month, months, indicator_id, value)
        SELECT NEW.unit_id, NEW.period_start, NEW.period_months, v.indicator_id, v.value
          FROM indicator_value v WHERE v.report_id = NEW.id
      ON CONFLICT (unit_id, month, months, indicator_id) DO UPDATE SET value = s.value + EXCLUDED.value;
    ELSIF OLD.status = 'APPROVED' THEN
      UPDATE stat_indicator_month s SET value = s.value - v.value
        FROM indicator_value v
       WHERE v.report_id = OLD.id AND s.unit_id = OLD.unit_id AND s.month = OLD.period_start
         AND s.months = OLD.period_months AND s.indicator_id = v.indicator_id;
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER indicator_report_stat BEFORE UPDATE OR DELETE ON indicator_report
  FOR EACH ROW EXECUTE FUNCTION f_stat_indicator_report();

-- values of an approved or superseded revision never change, whoever writes
CREATE FUNCTION f_indicator_value_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  SELECT status INTO st FROM indicator_report
   WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.report_id ELSE NEW.report_id END;
  IF st IN ('APPROVED', 'SUPERSEDED') THEN
    RAISE EXCEPTION 'indicator report is locked' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER indicator_value_locked BEFORE INSERT OR UPDATE OR DELETE ON indicator_value
  FOR EACH ROW EXECUTE FUNCTION f_indicator_value_locked();
