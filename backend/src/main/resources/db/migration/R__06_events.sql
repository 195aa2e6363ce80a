-- Events: the monthly and yearly pre-aggregates of events, sessions, attendance and materials, by unit and by bucket.
-- The current definition of each function and trigger below: edit it here (a repeatable
-- migration runs again whenever its text changes); versioned migrations keep their history.

CREATE OR REPLACE FUNCTION public.f_stat_event_add(p_unit bigint, p_month date, p_type bigint, p_events bigint, p_sessions bigint, p_attendance bigint)
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO stat_event_month AS s (unit_id, month, type_id, events, sessions, attendance)
  VALUES (p_unit, p_month, p_type, p_events, p_sessions, p_attendance)
  ON CONFLICT (unit_id, month, type_id) DO UPDATE
    SET events = s.events + EXCLUDED.events,
        sessions = s.sessions + EXCLUDED.sessions,
        attendance = s.attendance + EXCLUDED.attendance;
  INSERT INTO stat_event_year AS y (unit_id, year, type_id, events, sessions, attendance)
  VALUES (p_unit, CAST(EXTRACT(YEAR FROM p_month) AS integer), p_type, p_events, p_sessions,
          p_attendance)
  ON CONFLICT (unit_id, year, type_id) DO UPDATE
    SET events = y.events + EXCLUDED.events,
        sessions = y.sessions + EXCLUDED.sessions,
        attendance = y.attendance + EXCLUDED.attendance;
  SELECT f_stat_event_bucket_add(p_unit, CAST(EXTRACT(YEAR FROM p_month) AS integer), p_type,
                                 p_events, p_sessions, p_attendance);
$function$;

CREATE OR REPLACE FUNCTION public.f_stat_material_add(p_unit bigint, p_month date, p_type bigint, p_quantity bigint)
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO stat_material_month AS s (unit_id, month, material_type_id, quantity)
  VALUES (p_unit, p_month, p_type, p_quantity)
  ON CONFLICT (unit_id, month, material_type_id) DO UPDATE
    SET quantity = s.quantity + EXCLUDED.quantity
$function$;

CREATE OR REPLACE FUNCTION public.f_stat_event_write()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM f_stat_event_add(OLD.unit_id, f_vn_month(OLD.starts_at), OLD.type_id,
                             -1, -OLD.sessions, -coalesce(OLD.attendance, 0));
    -- the event's materials follow it to its new unit or month
    IF OLD.unit_id <> NEW.unit_id OR f_vn_month(OLD.starts_at) <> f_vn_month(NEW.starts_at) THEN
      PERFORM f_stat_material_add(OLD.unit_id, f_vn_month(OLD.starts_at), m.material_type_id,
                                  -m.quantity)
        FROM event_material m WHERE m.event_id = OLD.id;
      PERFORM f_stat_material_add(NEW.unit_id, f_vn_month(NEW.starts_at), m.material_type_id,
                                  m.quantity)
        FROM event_material m WHERE m.event_id = NEW.id;
    END IF;
  END IF;
  PERFORM f_stat_event_add(NEW.unit_id, f_vn_month(NEW.starts_at), NEW.type_id,
                           1, NEW.sessions, coalesce(NEW.attendance, 0));
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.f_stat_event_delete()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM f_stat_event_add(OLD.unit_id, f_vn_month(OLD.starts_at), OLD.type_id,
                           -1, -OLD.sessions, -coalesce(OLD.attendance, 0));
  PERFORM f_stat_material_add(OLD.unit_id, f_vn_month(OLD.starts_at), m.material_type_id,
                              -m.quantity)
    FROM event_material m WHERE m.event_id = OLD.id;
  RETURN OLD;
END $function$;

CREATE OR REPLACE FUNCTION public.f_stat_event_material()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  e record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT unit_id, starts_at INTO e FROM event WHERE id = OLD.event_id;
    IF FOUND THEN
      PERFORM f_stat_material_add(e.unit_id, f_vn_month(e.starts_at), OLD.material_type_id,
                                  -OLD.quantity);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT unit_id, starts_at INTO e FROM event WHERE id = NEW.event_id;
    PERFORM f_stat_material_add(e.unit_id, f_vn_month(e.starts_at), NEW.material_type_id,
                                NEW.quantity);
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.f_stat_event_bucket_add(p_unit bigint, p_year integer, p_type bigint, p_events bigint, p_sessions bigint, p_attendance bigint)
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO stat_event_bucket_year AS b (bucket_id, province_id, year, type_id, events,
                                           sessions, attendance)
  SELECT coalesce(u.commune_id, u.id), u.province_id, p_year, p_type, p_events, p_sessions,
         p_attendance
  FROM unit u WHERE u.id = p_unit
  ON CONFLICT (bucket_id, year, type_id) DO UPDATE
    SET province_id = EXCLUDED.province_id,
        events = b.events + EXCLUDED.events,
        sessions = b.sessions + EXCLUDED.sessions,
        attendance = b.attendance + EXCLUDED.attendance;
$function$;

CREATE OR REPLACE FUNCTION public.f_stat_event_bucket_add_to(p_bucket bigint, p_province bigint, p_year integer, p_type bigint, p_events bigint, p_sessions bigint, p_attendance bigint)
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO stat_event_bucket_year AS b (bucket_id, province_id, year, type_id, events,
                                           sessions, attendance)
  VALUES (p_bucket, p_province, p_year, p_type, p_events, p_sessions, p_attendance)
  ON CONFLICT (bucket_id, year, type_id) DO UPDATE
    SET province_id = EXCLUDED.province_id,
        events = b.events + EXCLUDED.events,
        sessions = b.sessions + EXCLUDED.sessions,
        attendance = b.attendance + EXCLUDED.attendance;
$function$;

CREATE OR REPLACE FUNCTION public.f_stat_event_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO stat_event_month AS s (unit_id, month, type_id, events, sessions, attendance)
    SELECT unit_id, f_vn_month(starts_at), type_id, count(*), sum(sessions),
           sum(coalesce(attendance, 0))
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (unit_id, month, type_id) DO UPDATE
    SET events = s.events + EXCLUDED.events,
        sessions = s.sessions + EXCLUDED.sessions,
        attendance = s.attendance + EXCLUDED.attendance;
  INSERT INTO stat_event_year AS y (unit_id, year, type_id, events, sessions, attendance)
    SELECT unit_id, CAST(EXTRACT(YEAR FROM f_vn_month(starts_at)) AS integer), type_id, count(*),
           sum(sessions), sum(coalesce(attendance, 0))
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (unit_id, year, type_id) DO UPDATE
    SET events = y.events + EXCLUDED.events,
        sessions = y.sessions + EXCLUDED.sessions,
        attendance = y.attendance + EXCLUDED.attendance;
  INSERT INTO stat_event_bucket_year AS b (bucket_id, province_id, year, type_id, events,
                                           sessions, attendance)
    SELECT coalesce(u.commune_id, u.id), min(u.province_id),
           CAST(EXTRACT(YEAR FROM f_vn_month(n.starts_at)) AS integer), n.type_id, count(*),
           sum(n.sessions), sum(coalesce(n.attendance, 0))
    FROM new_rows n JOIN unit u ON u.id = n.unit_id
    GROUP BY 1, 3, 4 ORDER BY 1, 3, 4
  ON CONFLICT (bucket_id, year, type_id) DO UPDATE
    SET province_id = EXCLUDED.province_id,
        events = b.events + EXCLUDED.events,
        sessions = b.sessions + EXCLUDED.sessions,
        attendance = b.attendance + EXCLUDED.attendance;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER event_stat_delete BEFORE DELETE ON event FOR EACH ROW EXECUTE FUNCTION f_stat_event_delete();

CREATE OR REPLACE TRIGGER event_stat_insert AFTER INSERT ON event REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION f_stat_event_inserted();

CREATE OR REPLACE TRIGGER event_stat_update AFTER UPDATE ON event FOR EACH ROW EXECUTE FUNCTION f_stat_event_write();

CREATE OR REPLACE TRIGGER event_material_stat AFTER INSERT OR DELETE OR UPDATE ON event_material FOR EACH ROW EXECUTE FUNCTION f_stat_event_material();

-- An event carries its unit's province (V31): set when it is written, followed when its unit moves
-- to another province (f_unit_province_moves).
CREATE OR REPLACE FUNCTION public.f_event_province()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.province_id := (SELECT province_id FROM unit WHERE id = NEW.unit_id);
  RETURN NEW;
END $function$;

CREATE OR REPLACE TRIGGER event_province BEFORE INSERT OR UPDATE OF unit_id ON event FOR EACH ROW EXECUTE FUNCTION f_event_province();

-- The longest any event has lasted (V34), grown by the events inserted or lengthened.
CREATE OR REPLACE FUNCTION public.f_event_longest()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    UPDATE event_longest SET longest = NEW.ends_at - NEW.starts_at
     WHERE longest < NEW.ends_at - NEW.starts_at;
  ELSE
    UPDATE event_longest l SET longest = n.longest
      FROM (SELECT max(ends_at - starts_at) AS longest FROM new_rows) n
     WHERE l.longest < n.longest;
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER event_longest_insert AFTER INSERT ON event REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION f_event_longest();

CREATE OR REPLACE TRIGGER event_longest_update AFTER UPDATE OF starts_at, ends_at ON event FOR EACH ROW WHEN ((new.ends_at - new.starts_at) > (old.ends_at - old.starts_at)) EXECUTE FUNCTION f_event_longest();
