-- Pre-aggregated figures for reports, kept current by triggers in the same transaction as
-- every write (whatever the path: API, import, SQL). One row per unit, Vietnam calendar month
-- and catalogue item; a report sums the rows of a territory's units over a period.
CREATE TABLE stat_event_month (
  unit_id     bigint  NOT NULL REFERENCES unit (id),
  month       date    NOT NULL,  -- first day of the month, Vietnam time
  type_id     bigint  NOT NULL REFERENCES catalogue_item (id),
  events      bigint  NOT NULL DEFAULT 0,
  sessions    bigint  NOT NULL DEFAULT 0,
  attendance  bigint  NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month, type_id)
);
CREATE INDEX stat_event_month_month_idx ON stat_event_month (month);

CREATE TABLE stat_material_month (
  unit_id           bigint NOT NULL REFERENCES unit (id),
  month             date   NOT NULL,
  material_type_id  bigint NOT NULL REFERENCES catalogue_item (id),
  quantity          bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month, material_type_id)
);

-- award recipients by the recipient's unit and the decision's month
CREATE TABLE stat_award_month (
  unit_id      bigint NOT NULL REFERENCES unit (id),
  month        date   NOT NULL,
  form_id      bigint NOT NULL REFERENCES catalogue_item (id),
  collectives  bigint NOT NULL DEFAULT 0,
  individuals  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month, form_id)
);

CREATE FUNCTION f_vn_month(timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CAST(date_trunc('month', $1 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS date) $$;

-- ---------------------------------------------------------------- events
CREATE FUNCTION f_stat_event_add(p_unit bigint, p_month date, p_type bigint,
                                 p_events bigint, p_sessions bigint, p_attendance bigint)
  RETURNS void LANGUAGE sql AS $$
  INSERT INTO stat_event_month AS s (unit_id, month, type_id, events, sessions, attendance)
  VALUES (p_unit, p_month, p_type, p_events, p_sessions, p_attendance)
  ON CONFLICT (unit_id, month, type_id) DO UPDATE
    SET events = s.events + EXCLUDED.events,
        sessions = s.sessions + EXCLUDED.sessions,
        attendance = s.attendance + EXCLUDED.attendance
$$;

CREATE FUNCTION f_stat_material_add(p_unit bigint, p_month date, p_type bigint, p_quantity bigint)
  RETURNS void LANGUAGE sql AS $$
  INSERT INTO stat_material_month AS s (unit_id, month, material_type_id, quantity)
  VALUES (p_unit, p_month, p_type, p_quantity)
  ON CONFLICT (unit_id, month, material_type_id) DO UPDATE
    SET quantity = s.quantity + EXCLUDED.quantity
$$;

CREATE FUNCTION f_stat_event_write() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER event_stat_write AFTER INSERT OR UPDATE ON event
  FOR EACH ROW EXECUTE FUNCTION f_stat_event_write();

-- before the delete: the materials are still there (the cascade removes them afterwards, and
-- their own trigger then finds no event and does nothing)
CREATE FUNCTION f_stat_event_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM f_stat_event_add(OLD.unit_id, f_vn_month(OLD.starts_at), OLD.type_id,
                           -1, -OLD.sessions, -coalesce(OLD.attendance, 0));
  PERFORM f_stat_material_add(OLD.unit_id, f_vn_month(OLD.starts_at), m.material_type_id,
                              -m.quantity)
    FROM event_material m WHERE m.event_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER event_stat_delete BEFORE DELETE ON event
  FOR EACH ROW EXECUTE FUNCTION f_stat_event_delete();

CREATE FUNCTION f_stat_event_material() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER event_material_stat AFTER INSERT OR UPDATE OR DELETE ON event_material
  FOR EACH ROW EXECUTE FUNCTION f_stat_event_material();

-- ---------------------------------------------------------------- award recipients
CREATE FUNCTION f_stat_award_add(p_unit bigint, p_month date, p_form bigint, p_kind text,
                                 p_n bigint)
  RETURNS void LANGUAGE sql AS $$
  INSERT INTO stat_award_month AS s (unit_id, month, form_id, collectives, individuals)
  VALUES (p_unit, p_month, p_form,
          CASE WHEN p_kind = 'COLLECTIVE' THEN p_n ELSE 0 END,
          CASE WHEN p_kind = 'INDIVIDUAL' THEN p_n ELSE 0 END)
  ON CONFLICT (unit_id, month, form_id) DO UPDATE
    SET collectives = s.collectives + EXCLUDED.collectives,
        individuals = s.individuals + EXCLUDED.individuals
$$;

CREATE FUNCTION f_stat_award_recipient() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER award_recipient_stat AFTER INSERT OR UPDATE OR DELETE ON award_recipient
  FOR EACH ROW EXECUTE FUNCTION f_stat_award_recipient();

-- a decision's recipients move with its month or form, and leave with it
CREATE FUNCTION f_stat_award_decision() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER award_decision_stat_update AFTER UPDATE ON award_decision
  FOR EACH ROW EXECUTE FUNCTION f_stat_award_decision();
CREATE TRIGGER award_decision_stat_delete BEFORE DELETE ON award_decision
  FOR EACH ROW EXECUTE FUNCTION f_stat_award_decision();

-- ---------------------------------------------------------------- what is already there
INSERT INTO stat_event_month (unit_id, month, type_id, events, sessions, attendance)
  SELECT unit_id, f_vn_month(starts_at), type_id, count(*), sum(sessions),
         sum(coalesce(attendance, 0))
  FROM event GROUP BY 1, 2, 3;
INSERT INTO stat_material_month (unit_id, month, material_type_id, quantity)
  SELECT e.unit_id, f_vn_month(e.starts_at), m.material_type_id, sum(m.quantity)
  FROM event_material m JOIN event e ON e.id = m.event_id GROUP BY 1, 2, 3;
INSERT INTO stat_award_month (unit_id, month, form_id, collectives, individuals)
  SELECT r.unit_id, CAST(date_trunc('month', d.decided_on) AS date), d.form_id,
         count(*) FILTER (WHERE r.kind = 'COLLECTIVE'), count(*) FILTER (WHERE r.kind = 'INDIVIDUAL')
  FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id GROUP BY 1, 2, 3;
