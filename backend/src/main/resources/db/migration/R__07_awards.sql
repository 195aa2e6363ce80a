-- Award decisions and recipients: the period and place a recipient counts for, and the monthly pre-aggregates.
-- The current definition of each function and trigger below: edit it here (a repeatable
-- migration runs again whenever its text changes); versioned migrations keep their history.

CREATE OR REPLACE FUNCTION public.f_stat_award_add(p_unit bigint, p_month date, p_form bigint, p_kind text, p_n bigint)
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO stat_award_month AS s (unit_id, month, form_id, collectives, individuals)
  VALUES (p_unit, p_month, p_form,
          CASE WHEN p_kind = 'COLLECTIVE' THEN p_n ELSE 0 END,
          CASE WHEN p_kind = 'INDIVIDUAL' THEN p_n ELSE 0 END)
  ON CONFLICT (unit_id, month, form_id) DO UPDATE
    SET collectives = s.collectives + EXCLUDED.collectives,
        individuals = s.individuals + EXCLUDED.individuals
$function$;

CREATE OR REPLACE FUNCTION public.f_stat_award_recipient()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  d record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT decided_on, form_id INTO d FROM award_decision WHERE id = OLD.decision_id;
    IF FOUND THEN
      PERFORM f_stat_award_add(OLD.unit_id, CAST(date_trunc('month', d.decided_on) AS date),
                               d.form_id, OLD.kind, -1);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT decided_on, form_id INTO d FROM award_decision WHERE id = NEW.decision_id;
    PERFORM f_stat_award_add(NEW.unit_id, CAST(date_trunc('month', d.decided_on) AS date),
                             d.form_id, NEW.kind, 1);
  END IF;
  RETURN NULL;
END $function$;

-- the recipients one statement inserted (a batch of decisions), grouped: one upsert per month
-- row, not one per recipient (half of a 1,000-recipient INSERT); their decision's date and form
-- are on the rows already (award_recipient_decision)
CREATE OR REPLACE FUNCTION public.f_stat_award_recipients_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO stat_award_month AS s (unit_id, month, form_id, collectives, individuals)
    SELECT unit_id, CAST(date_trunc('month', decided_on) AS date), form_id,
           count(*) FILTER (WHERE kind = 'COLLECTIVE'), count(*) FILTER (WHERE kind = 'INDIVIDUAL')
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (unit_id, month, form_id) DO UPDATE
    SET collectives = s.collectives + EXCLUDED.collectives,
        individuals = s.individuals + EXCLUDED.individuals;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.f_stat_award_decision()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' OR date_trunc('month', OLD.decided_on) <> date_trunc('month', NEW.decided_on)
      OR OLD.form_id <> NEW.form_id THEN
    PERFORM f_stat_award_add(r.unit_id, CAST(date_trunc('month', OLD.decided_on) AS date),
                             OLD.form_id, r.kind, -1)
      FROM award_recipient r WHERE r.decision_id = OLD.id;
    IF TG_OP = 'UPDATE' THEN
      PERFORM f_stat_award_add(r.unit_id, CAST(date_trunc('month', NEW.decided_on) AS date),
                               NEW.form_id, r.kind, 1)
        FROM award_recipient r WHERE r.decision_id = NEW.id;
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
END $function$;

CREATE OR REPLACE FUNCTION public.f_award_recipient_place()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  SELECT u.province_id, coalesce(u.commune_id, u.id) INTO NEW.province_id, NEW.bucket_id
    FROM unit u WHERE u.id = NEW.unit_id;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.f_award_recipient_decision()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  SELECT d.decided_on, d.form_id INTO NEW.decided_on, NEW.form_id
    FROM award_decision d WHERE d.id = NEW.decision_id;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.f_award_decision_recipients()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE award_recipient SET decided_on = NEW.decided_on, form_id = NEW.form_id
   WHERE decision_id = NEW.id
     AND (decided_on IS DISTINCT FROM NEW.decided_on OR form_id IS DISTINCT FROM NEW.form_id);
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER award_decision_recipients AFTER UPDATE OF decided_on, form_id ON award_decision FOR EACH ROW EXECUTE FUNCTION f_award_decision_recipients();

CREATE OR REPLACE TRIGGER award_decision_stat_delete BEFORE DELETE ON award_decision FOR EACH ROW EXECUTE FUNCTION f_stat_award_decision();

CREATE OR REPLACE TRIGGER award_decision_stat_update AFTER UPDATE ON award_decision FOR EACH ROW EXECUTE FUNCTION f_stat_award_decision();

CREATE OR REPLACE TRIGGER award_recipient_decision BEFORE INSERT OR UPDATE OF decision_id ON award_recipient FOR EACH ROW EXECUTE FUNCTION f_award_recipient_decision();

CREATE OR REPLACE TRIGGER award_recipient_place BEFORE INSERT OR UPDATE OF unit_id ON award_recipient FOR EACH ROW EXECUTE FUNCTION f_award_recipient_place();

CREATE OR REPLACE TRIGGER award_recipient_stat AFTER DELETE OR UPDATE ON award_recipient FOR EACH ROW EXECUTE FUNCTION f_stat_award_recipient();

CREATE OR REPLACE TRIGGER award_recipient_stat_insert AFTER INSERT ON award_recipient REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION f_stat_award_recipients_inserted();
