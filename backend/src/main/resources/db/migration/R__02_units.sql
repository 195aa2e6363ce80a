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
  UPDATE event SET province_id = NEW.province_id
   WHERE unit_id = NEW.id AND province_id IS DISTINCT FROM NEW.province_id;
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

-- A unit's dated placements (V23): a new unit's first one; a move (its path changes: its own parent
-- or an ancestor's) ends the open placement on the day of the move and begins the next. The day is
-- the transaction's antq.moved_on (a merger sets its date) or today in Vietnam; a placement begun
-- on that day or later (moved twice in one day, or back before a later move) is corrected in place.
CREATE OR REPLACE FUNCTION public.f_unit_placement()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  d date := coalesce(nullif(current_setting('antq.moved_on', true), '')::date,
                     (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date);
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO unit_placement (unit_id, parent_id, path) VALUES (NEW.id, NEW.parent_id, NEW.path);
    RETURN NULL;
  END IF;
  DELETE FROM unit_placement WHERE unit_id = NEW.id AND valid_from >= d;
  UPDATE unit_placement SET valid_to = NULL WHERE unit_id = NEW.id AND valid_to >= d;
  IF EXISTS (SELECT 1 FROM unit_placement WHERE unit_id = NEW.id AND valid_to IS NULL
             AND parent_id IS NOT DISTINCT FROM NEW.parent_id AND path = NEW.path) THEN
    RETURN NULL; -- moved back where it stood before the day
  END IF;
  UPDATE unit_placement SET valid_to = d WHERE unit_id = NEW.id AND valid_to IS NULL;
  IF FOUND THEN
    INSERT INTO unit_placement (unit_id, parent_id, path, valid_from)
    VALUES (NEW.id, NEW.parent_id, NEW.path, d);
  ELSE
    INSERT INTO unit_placement (unit_id, parent_id, path) VALUES (NEW.id, NEW.parent_id, NEW.path);
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER unit_placement_new AFTER INSERT ON unit FOR EACH ROW EXECUTE FUNCTION f_unit_placement();
CREATE OR REPLACE TRIGGER unit_placement_moves AFTER UPDATE OF path, parent_id ON unit FOR EACH ROW WHEN (old.path IS DISTINCT FROM new.path OR old.parent_id IS DISTINCT FROM new.parent_id) EXECUTE FUNCTION f_unit_placement();
