-- The unit tree: materialised paths and the province a moved subtree now counts for.
-- The current definition of each function and trigger below: edit it here (a repeatable
-- migration runs again whenever its text changes); versioned migrations keep their history.

CREATE OR REPLACE FUNCTION public.f_unit_province_moves()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE community_model
     SET province_id = NEW.province_id, bucket_id = coalesce(NEW.commune_id, NEW.id)
   WHERE unit_id = NEW.id;
  UPDATE award_recipient
     SET province_id = NEW.province_id, bucket_id = coalesce(NEW.commune_id, NEW.id)
   WHERE unit_id = NEW.id;
  PERFORM f_stat_event_bucket_add_to(coalesce(OLD.commune_id, OLD.id), OLD.province_id,
                                     s.year, s.type_id, -s.events, -s.sessions, -s.attendance)
     FROM stat_event_year s WHERE s.unit_id = NEW.id;
  PERFORM f_stat_event_bucket_add_to(coalesce(NEW.commune_id, NEW.id), NEW.province_id,
                                     s.year, s.type_id, s.events, s.sessions, s.attendance)
     FROM stat_event_year s WHERE s.unit_id = NEW.id;
  PERFORM f_roster_add(coalesce(OLD.commune_id, OLD.id), OLD.province_id, t.established_on,
                       t.dissolved_on, -1, 0) FROM team t WHERE t.unit_id = NEW.id;
  PERFORM f_roster_member(coalesce(OLD.commune_id, OLD.id), OLD.province_id, t.established_on,
                          t.dissolved_on, m.joined_on, m.left_on, -1)
     FROM team t JOIN member m ON m.team_id = t.id WHERE t.unit_id = NEW.id;
  PERFORM f_roster_add(coalesce(NEW.commune_id, NEW.id), NEW.province_id, t.established_on,
                       t.dissolved_on, 1, 0) FROM team t WHERE t.unit_id = NEW.id;
  PERFORM f_roster_member(coalesce(NEW.commune_id, NEW.id), NEW.province_id, t.established_on,
                          t.dissolved_on, m.joined_on, m.left_on, 1)
     FROM team t JOIN member m ON m.team_id = t.id WHERE t.unit_id = NEW.id;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.f_unit_path(p_unit bigint)
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$ SELECT path FROM unit WHERE id = p_unit $function$;

CREATE OR REPLACE TRIGGER unit_bucket_moves AFTER UPDATE OF province_id, commune_id ON unit FOR EACH ROW WHEN (old.province_id IS DISTINCT FROM new.province_id OR old.commune_id IS DISTINCT FROM new.commune_id) EXECUTE FUNCTION f_unit_province_moves();
