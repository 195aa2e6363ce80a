-- Figures reports: values locked once submitted, and the monthly pre-aggregates of approved figures.
-- The current definition of each function and trigger below: edit it here (a repeatable
-- migration runs again whenever its text changes); versioned migrations keep their history.

CREATE OR REPLACE FUNCTION public.f_stat_indicator_report()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION public.f_indicator_value_locked()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  st text;
BEGIN
  SELECT status INTO st FROM indicator_report
   WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.report_id ELSE NEW.report_id END;
  IF st IN ('APPROVED', 'SUPERSEDED') THEN
    RAISE EXCEPTION 'indicator report is locked' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $function$;

CREATE OR REPLACE TRIGGER indicator_report_stat BEFORE DELETE OR UPDATE ON indicator_report FOR EACH ROW EXECUTE FUNCTION f_stat_indicator_report();

CREATE OR REPLACE TRIGGER indicator_value_locked BEFORE INSERT OR DELETE OR UPDATE ON indicator_value FOR EACH ROW EXECUTE FUNCTION f_indicator_value_locked();
