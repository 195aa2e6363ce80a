-- Integration with provincial systems: their records by their own ids, idempotent requests,
-- import jobs that survive restarts, and a change feed read by keyset.

-- A record pushed by a client under its own id. (client, resource, external_id) is the identity:
-- the same batch sent twice finds its records here and creates nothing new.
CREATE TABLE external_ref (
  client          varchar(80)  NOT NULL,   -- 'API_KEY:3', 'USER:12'
  resource        varchar(20)  NOT NULL,   -- MODEL, EVENT, AWARD
  external_id     varchar(100) NOT NULL,
  entity_id       bigint       NOT NULL,
  data_hash       varchar(64)  NOT NULL,   -- SHA-256 of the last data applied
  entity_version  bigint       NOT NULL,   -- the record's version after that write
  updated_at      timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (client, resource, external_id)
);
CREATE INDEX external_ref_entity_idx ON external_ref (resource, entity_id);

-- Idempotency-Key: the first response is kept (24 hours) and returned to every retry.
CREATE TABLE idempotency_key (
  client        varchar(80)  NOT NULL,
  key           varchar(200) NOT NULL,
  request_hash  varchar(64)  NOT NULL,
  state         varchar(10)  NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
  status        integer,
  location      varchar(300),
  body          text,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  expires_at    timestamptz  NOT NULL,
  PRIMARY KEY (client, key)
);
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);

-- Import jobs: rows are stored with the job; progress is written in the same transaction as the
-- rows it counts, so a job resumes after a crash without applying anything twice.
CREATE TABLE import_job (
  id             bigserial    PRIMARY KEY,
  client         varchar(80)  NOT NULL,
  resource       varchar(20)  NOT NULL,
  mode           varchar(10)  NOT NULL CHECK (mode IN ('ALL', 'PARTIAL')),
  dry_run        boolean      NOT NULL,
  state          varchar(12)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
  source_name    varchar(300),
  total          integer      NOT NULL,
  done           integer      NOT NULL DEFAULT 0,
  created        integer      NOT NULL DEFAULT 0,
  updated        integer      NOT NULL DEFAULT 0,
  unchanged      integer      NOT NULL DEFAULT 0,
  deleted        integer      NOT NULL DEFAULT 0,
  rejected       integer      NOT NULL DEFAULT 0,
  errors         jsonb        NOT NULL DEFAULT '[]',
  message        text,
  -- the rows are applied as the person or key that submitted them, with their rules and territory
  actor_kind     varchar(10)  NOT NULL,
  actor_id       bigint,
  actor_name     varchar(200) NOT NULL,
  actor_role     varchar(20)  NOT NULL,
  actor_unit_id  bigint,
  attempts       integer      NOT NULL DEFAULT 0,
  lease_owner    varchar(80),
  lease_until    timestamptz,
  created_at     timestamptz  NOT NULL DEFAULT now(),
  started_at     timestamptz,
  finished_at    timestamptz
);
CREATE INDEX import_job_client_idx ON import_job (client, id DESC);
CREATE INDEX import_job_pending_idx ON import_job (id) WHERE state IN ('QUEUED', 'RUNNING');

CREATE TABLE import_job_row (
  job_id  bigint  NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
  idx     integer NOT NULL,
  record  jsonb   NOT NULL,
  PRIMARY KEY (job_id, idx)
);

-- The change feed. Rows are read in (xid, seq) order and only below the oldest transaction still
-- running, so a row that commits late is never skipped by a reader that already moved past it.
CREATE TABLE change_log (
  seq          bigserial    PRIMARY KEY,
  xid          xid8         NOT NULL DEFAULT pg_current_xact_id(),
  entity_type  varchar(20)  NOT NULL,
  entity_id    bigint       NOT NULL,
  op           char(1)      NOT NULL CHECK (op IN ('U', 'D')),
  path         text         NOT NULL,   -- the unit path of the record after the change
  old_path     text,                    -- the path before, when the record changed territory
  changed_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX change_log_order_idx ON change_log (xid, seq);
CREATE INDEX change_log_entity_idx ON change_log (entity_type, entity_id);

CREATE FUNCTION f_unit_path(p_unit bigint) RETURNS text LANGUAGE sql STABLE AS
$$ SELECT path FROM unit WHERE id = p_unit $$;

CREATE FUNCTION f_log_change(p_type text, p_id bigint, p_op text, p_path text, p_old text)
RETURNS void LANGUAGE sql AS
$$ INSERT INTO change_log (entity_type, entity_id, op, path, old_path)
   VALUES (p_type, p_id, p_op, p_path, CASE WHEN p_old IS DISTINCT FROM p_path THEN p_old END) $$;

-- units: their own row; when a unit moves, the records kept at it move with it
CREATE FUNCTION trg_change_unit() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER unit_change_log AFTER INSERT OR UPDATE OR DELETE ON unit
  FOR EACH ROW EXECUTE FUNCTION trg_change_unit();

-- models, events, awards: kept at a unit
CREATE FUNCTION trg_change_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM f_log_change(TG_ARGV[0], OLD.id, 'D', f_unit_path(OLD.unit_id), NULL);
    RETURN OLD;
  END IF;
  PERFORM f_log_change(TG_ARGV[0], NEW.id, 'U', f_unit_path(NEW.unit_id),
                       CASE WHEN TG_OP = 'UPDATE' THEN f_unit_path(OLD.unit_id) END);
  RETURN NEW;
END $$;
CREATE TRIGGER community_model_change_log AFTER INSERT OR UPDATE OR DELETE ON community_model
  FOR EACH ROW EXECUTE FUNCTION trg_change_record('MODEL');
CREATE TRIGGER event_change_log AFTER INSERT OR UPDATE OR DELETE ON event
  FOR EACH ROW EXECUTE FUNCTION trg_change_record('EVENT');
CREATE TRIGGER award_decision_change_log AFTER INSERT OR UPDATE OR DELETE ON award_decision
  FOR EACH ROW EXECUTE FUNCTION trg_change_record('AWARD');

-- teams and members are part of their model: its counts change with them
CREATE FUNCTION trg_change_roster() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_model bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.model_id ELSE NEW.model_id END;
BEGIN
  INSERT INTO change_log (entity_type, entity_id, op, path)
    SELECT 'MODEL', m.id, 'U', u.path FROM community_model m JOIN unit u ON u.id = m.unit_id
    WHERE m.id = v_model;
  RETURN NULL;
END $$;
CREATE TRIGGER team_change_log AFTER INSERT OR UPDATE OR DELETE ON team
  FOR EACH ROW EXECUTE FUNCTION trg_change_roster();
CREATE TRIGGER member_change_log AFTER INSERT OR UPDATE OR DELETE ON member
  FOR EACH ROW EXECUTE FUNCTION trg_change_roster();

-- what exists already is the feed's starting point
INSERT INTO change_log (entity_type, entity_id, op, path)
  SELECT 'UNIT', id, 'U', path FROM unit ORDER BY depth, id;
INSERT INTO change_log (entity_type, entity_id, op, path)
  SELECT 'MODEL', m.id, 'U', u.path FROM community_model m JOIN unit u ON u.id = m.unit_id ORDER BY m.id;
INSERT INTO change_log (entity_type, entity_id, op, path)
  SELECT 'EVENT', e.id, 'U', u.path FROM event e JOIN unit u ON u.id = e.unit_id ORDER BY e.id;
INSERT INTO change_log (entity_type, entity_id, op, path)
  SELECT 'AWARD', a.id, 'U', u.path FROM award_decision a JOIN unit u ON u.id = a.unit_id ORDER BY a.id;
