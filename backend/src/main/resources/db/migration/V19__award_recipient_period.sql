-- A province's award figures over a period came from its recipients (found by province, V15)
-- joined to their decisions for the day and the form: with 100,000 decisions the planner chose
-- to read all of them (a period of ten years matches nearly every one), 19 ms for the monthly
-- roll-up and 19 ms for the distinct decisions of one province. Recipients now carry their
-- decision's day and form, kept by triggers, and one index range answers both.
ALTER TABLE award_recipient ADD COLUMN decided_on date, ADD COLUMN form_id bigint;
-- the copy changes no figure: the pre-aggregate trigger would take each row out and put it back
ALTER TABLE award_recipient DISABLE TRIGGER award_recipient_stat;
UPDATE award_recipient r SET decided_on = d.decided_on, form_id = d.form_id
  FROM award_decision d WHERE d.id = r.decision_id;
ALTER TABLE award_recipient ENABLE TRIGGER award_recipient_stat;
ALTER TABLE award_recipient ALTER COLUMN decided_on SET NOT NULL,
                            ALTER COLUMN form_id SET NOT NULL;
DROP INDEX award_recipient_province_idx;
CREATE INDEX award_recipient_province_idx ON award_recipient (province_id, decided_on)
  INCLUDE (bucket_id, decision_id, kind, form_id);

-- a recipient takes its decision's day and form
CREATE FUNCTION f_award_recipient_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT d.decided_on, d.form_id INTO NEW.decided_on, NEW.form_id
    FROM award_decision d WHERE d.id = NEW.decision_id;
  RETURN NEW;
END $$;
CREATE TRIGGER award_recipient_decision BEFORE INSERT OR UPDATE OF decision_id ON award_recipient
  FOR EACH ROW EXECUTE FUNCTION f_award_recipient_decision();

-- and follows it when the decision's day or form is corrected
CREATE FUNCTION f_award_decision_recipients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE award_recipient SET decided_on = NEW.decided_on, form_id = NEW.form_id
   WHERE decision_id = NEW.id
     AND (decided_on IS DISTINCT FROM NEW.decided_on OR form_id IS DISTINCT FROM NEW.form_id);
  RETURN NULL;
END $$;
CREATE TRIGGER award_decision_recipients AFTER UPDATE OF decided_on, form_id ON award_decision
  FOR EACH ROW EXECUTE FUNCTION f_award_decision_recipients();

ANALYZE award_recipient;
