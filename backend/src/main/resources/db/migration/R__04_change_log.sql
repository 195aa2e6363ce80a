-- The change feed: every write to a fed table logged with its unit path.
-- The current definition of each function and trigger below: edit it here (a repeatable
-- migration runs again whenever its text changes); versioned migrations keep their history.

CREATE OR REPLACE FUNCTION public.f_log_change(p_type text, p_id bigint, p_op text, p_path text, p_old text)
 RETURNS void
 LANGUAGE sql
AS $function$ INSERT INTO change_log (entity_type, entity_id, op, path, old_path)
   VALUES (p_type, p_id, p_op, p_path, CASE WHEN p_old IS DISTINCT FROM p_path THEN p_old END) $function$;

CREATE OR REPLACE FUNCTION public.trg_change_unit()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM f_log_change('UNIT', OLD.id, 'D', OLD.path, NULL);
    RETURN OLD;
  END IF;
  PERFORM f_log_change('UNIT', NEW.id, 'U', NEW.path,
                       CASE WHEN TG_OP = 'UPDATE' THEN OLD.path END);
  IF TG_OP = 'UPDATE' AND NEW.path <> OLD.path THEN
    INSERT INTO change_log (entity_type, entity_id, op, path, old_path)
      SELECT 'MODEL', id, 'U', NEW.path, OLD.path FROM community_model WHERE unit_id = NEW.id
      UNION ALL SELECT 'EVENT', id, 'U', NEW.path, OLD.path FROM event WHERE unit_id = NEW.id
      UNION ALL SELECT 'AWARD', id, 'U', NEW.path, OLD.path FROM award_decision WHERE unit_id = NEW.id;
  END IF;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.trg_change_record()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM f_log_change(TG_ARGV[0], OLD.id, 'D', f_unit_path(OLD.unit_id), NULL);
    RETURN OLD;
  END IF;
  PERFORM f_log_change(TG_ARGV[0], NEW.id, 'U', f_unit_path(NEW.unit_id),
                       CASE WHEN TG_OP = 'UPDATE' THEN f_unit_path(OLD.unit_id) END);
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.trg_change_roster()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_model bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.model_id ELSE NEW.model_id END;
BEGIN
  INSERT INTO change_log (entity_type, entity_id, op, path)
    SELECT 'MODEL', m.id, 'U', u.path FROM community_model m JOIN unit u ON u.id = m.unit_id
    WHERE m.id = v_model;
  RETURN NULL;
END $function$;

-- members inserted by one statement (a roster upload of 2,000): their models changed, one entry
-- each, not one per member
CREATE OR REPLACE FUNCTION public.trg_change_roster_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO change_log (entity_type, entity_id, op, path)
    SELECT 'MODEL', m.id, 'U', u.path
    FROM (SELECT DISTINCT model_id FROM new_rows) n
    JOIN community_model m ON m.id = n.model_id JOIN unit u ON u.id = m.unit_id
    ORDER BY m.id;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.trg_change_records_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO change_log (entity_type, entity_id, op, path)
    SELECT TG_ARGV[0], n.id, 'U', u.path FROM new_rows n JOIN unit u ON u.id = n.unit_id
    ORDER BY n.id;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER award_decision_change_log AFTER DELETE OR UPDATE ON award_decision FOR EACH ROW EXECUTE FUNCTION trg_change_record('AWARD');

CREATE OR REPLACE TRIGGER award_decision_change_log_insert AFTER INSERT ON award_decision REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_change_records_inserted('AWARD');

CREATE OR REPLACE TRIGGER community_model_change_log AFTER DELETE OR UPDATE ON community_model FOR EACH ROW EXECUTE FUNCTION trg_change_record('MODEL');

CREATE OR REPLACE TRIGGER community_model_change_log_insert AFTER INSERT ON community_model REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_change_records_inserted('MODEL');

CREATE OR REPLACE TRIGGER event_change_log AFTER DELETE OR UPDATE ON event FOR EACH ROW EXECUTE FUNCTION trg_change_record('EVENT');

CREATE OR REPLACE TRIGGER event_change_log_insert AFTER INSERT ON event REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_change_records_inserted('EVENT');

CREATE OR REPLACE TRIGGER member_change_log AFTER DELETE OR UPDATE ON member FOR EACH ROW EXECUTE FUNCTION trg_change_roster();

CREATE OR REPLACE TRIGGER member_change_log_insert AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_change_roster_inserted();

CREATE OR REPLACE TRIGGER team_change_log AFTER INSERT OR DELETE OR UPDATE ON team FOR EACH ROW EXECUTE FUNCTION trg_change_roster();

CREATE OR REPLACE TRIGGER unit_change_log AFTER INSERT OR DELETE OR UPDATE ON unit FOR EACH ROW EXECUTE FUNCTION trg_change_unit();
