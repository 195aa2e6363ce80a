-- Models and rosters: a model's province, member name keys, and the pre-aggregated stocks of models, teams and members.
-- The current definition of each function and trigger below: edit it here (a repeatable
-- migration runs again whenever its text changes); versioned migrations keep their history.

CREATE OR REPLACE FUNCTION public.f_model_province()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  SELECT u.province_id, coalesce(u.commune_id, u.id) INTO NEW.province_id, NEW.bucket_id
    FROM unit u WHERE u.id = NEW.unit_id;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.f_member_name_keys()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.full_name IS NOT DISTINCT FROM OLD.full_name THEN
      IF NEW.model_id IS NOT DISTINCT FROM OLD.model_id THEN
        RETURN NULL;
      END IF;
      -- moved to another model: the keys follow its province (V35)
      UPDATE member_name_key SET province_id = (SELECT province_id FROM community_model
                                                 WHERE id = NEW.model_id)
       WHERE member_id = NEW.id;
      RETURN NULL;
    END IF;
    DELETE FROM member_name_key WHERE member_id = NEW.id;
  END IF;
  INSERT INTO member_name_key (member_id, key, province_id)
    SELECT NEW.id, s, (SELECT province_id FROM community_model WHERE id = NEW.model_id)
      FROM f_name_suffixes(NEW.full_name) s WHERE s <> '';
  RETURN NULL;
END $function$;

-- A model moved to another province (its unit moved): its members' name keys follow (V35).
CREATE OR REPLACE FUNCTION public.f_model_name_keys()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE member_name_key k SET province_id = NEW.province_id
    FROM member x WHERE x.model_id = NEW.id AND k.member_id = x.id;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.f_roster_add(p_bucket bigint, p_province bigint, p_from date, p_to date, p_teams bigint, p_members bigint)
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO stat_roster_day AS s (bucket_id, province_id, day, teams, members)
  SELECT p_bucket, p_province, d.day, d.sign * p_teams, d.sign * p_members
  FROM (VALUES (p_from, 1), (p_to, -1)) AS d (day, sign)
  WHERE d.day IS NOT NULL AND (p_to IS NULL OR p_to > p_from)
  ON CONFLICT (bucket_id, day) DO UPDATE
    SET province_id = EXCLUDED.province_id,
        teams = s.teams + EXCLUDED.teams,
        members = s.members + EXCLUDED.members;
$function$;

CREATE OR REPLACE FUNCTION public.f_roster_member(p_bucket bigint, p_province bigint, p_established date, p_dissolved date, p_joined date, p_left date, p_sign integer)
 RETURNS void
 LANGUAGE sql
AS $function$
  SELECT f_roster_add(p_bucket, p_province, greatest(coalesce(p_joined, p_established),
                      p_established), least(p_left, p_dissolved), 0, p_sign);
$function$;

CREATE OR REPLACE FUNCTION public.f_stat_roster_member()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  t record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT coalesce(u.commune_id, u.id) AS bucket, u.province_id, x.established_on,
           x.dissolved_on INTO t
      FROM team x JOIN unit u ON u.id = x.unit_id WHERE x.id = OLD.team_id;
    IF FOUND THEN
      PERFORM f_roster_member(t.bucket, t.province_id, t.established_on, t.dissolved_on,
                              OLD.joined_on, OLD.left_on, -1);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT coalesce(u.commune_id, u.id) AS bucket, u.province_id, x.established_on,
           x.dissolved_on INTO t
      FROM team x JOIN unit u ON u.id = x.unit_id WHERE x.id = NEW.team_id;
    PERFORM f_roster_member(t.bucket, t.province_id, t.established_on, t.dissolved_on,
                            NEW.joined_on, NEW.left_on, 1);
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.f_stat_roster_team()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM f_roster_add(coalesce(u.commune_id, u.id), u.province_id, OLD.established_on,
                         OLD.dissolved_on, -1, 0) FROM unit u WHERE u.id = OLD.unit_id;
    IF TG_OP = 'UPDATE' THEN
      PERFORM f_roster_member(coalesce(u.commune_id, u.id), u.province_id, OLD.established_on,
                              OLD.dissolved_on, m.joined_on, m.left_on, -1)
         FROM member m, unit u WHERE m.team_id = OLD.id AND u.id = OLD.unit_id;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM f_roster_add(coalesce(u.commune_id, u.id), u.province_id, NEW.established_on,
                         NEW.dissolved_on, 1, 0) FROM unit u WHERE u.id = NEW.unit_id;
    IF TG_OP = 'UPDATE' THEN
      PERFORM f_roster_member(coalesce(u.commune_id, u.id), u.province_id, NEW.established_on,
                              NEW.dissolved_on, m.joined_on, m.left_on, 1)
         FROM member m, unit u WHERE m.team_id = NEW.id AND u.id = NEW.unit_id;
    END IF;
  END IF;
  RETURN NULL;
END $function$;

-- the members one statement inserted (a roster upload, an import): their name keys and their
-- days in the roster stock in one pass each, not per member (the two row triggers were 555 of
-- 721 ms for 2,000 members); updates and deletions keep the row triggers
CREATE OR REPLACE FUNCTION public.f_members_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO member_name_key (member_id, key, province_id)
    SELECT n.id, k.s, m.province_id
    FROM new_rows n LEFT JOIN community_model m ON m.id = n.model_id
    CROSS JOIN LATERAL f_name_suffixes(n.full_name) AS k (s)
    WHERE k.s <> '';
  INSERT INTO stat_roster_day AS s (bucket_id, province_id, day, teams, members)
    SELECT r.bucket, max(r.province_id), d.day, 0, sum(d.sign)
    FROM (SELECT coalesce(u.commune_id, u.id) AS bucket, u.province_id,
                 greatest(coalesce(n.joined_on, t.established_on), t.established_on) AS a,
                 least(n.left_on, t.dissolved_on) AS b
          FROM new_rows n JOIN team t ON t.id = n.team_id JOIN unit u ON u.id = t.unit_id) r
    CROSS JOIN LATERAL (VALUES (r.a, 1), (r.b, -1)) AS d (day, sign)
    WHERE d.day IS NOT NULL AND (r.b IS NULL OR r.b > r.a)
    GROUP BY r.bucket, d.day ORDER BY r.bucket, d.day
  ON CONFLICT (bucket_id, day) DO UPDATE
    SET province_id = EXCLUDED.province_id,
        teams = s.teams + EXCLUDED.teams,
        members = s.members + EXCLUDED.members;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.f_stat_roster_rebuild()
 RETURNS void
 LANGUAGE sql
AS $function$
  DELETE FROM stat_roster_day;
  INSERT INTO stat_roster_day (bucket_id, province_id, day, teams, members)
    SELECT bucket, min(province), day, sum(teams), sum(members)
    FROM (
      SELECT coalesce(u.commune_id, u.id) AS bucket, u.province_id AS province, d.day,
             d.sign AS teams, 0 AS members
      FROM team t JOIN unit u ON u.id = t.unit_id
      CROSS JOIN LATERAL (VALUES (t.established_on, 1), (t.dissolved_on, -1)) AS d (day, sign)
      WHERE d.day IS NOT NULL AND (t.dissolved_on IS NULL OR t.dissolved_on > t.established_on)
      UNION ALL
      SELECT coalesce(u.commune_id, u.id), u.province_id, d.day, 0, d.sign
      FROM member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
      CROSS JOIN LATERAL (SELECT greatest(coalesce(m.joined_on, t.established_on),
                                          t.established_on) AS a,
                                 least(m.left_on, t.dissolved_on) AS b) iv
      CROSS JOIN LATERAL (VALUES (iv.a, 1), (iv.b, -1)) AS d (day, sign)
      WHERE d.day IS NOT NULL AND (iv.b IS NULL OR iv.b > iv.a)
    ) x
    GROUP BY bucket, day;
$function$;

CREATE OR REPLACE FUNCTION public.f_stat_model_add(p_province bigint, p_bucket bigint, p_status character varying, p_type bigint, p_field bigint, p_level smallint, p_on date, p_n integer)
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO stat_model_bucket AS s (province_id, bucket_id, status, n)
  VALUES (p_province, p_bucket, p_status, p_n)
  ON CONFLICT ON CONSTRAINT stat_model_bucket_key DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stat_model_attr AS s (province_id, attr, value, n)
  VALUES (p_province, 'T', p_type, p_n), (p_province, 'F', p_field, p_n),
         (p_province, 'R', p_level, p_n)
  ON CONFLICT ON CONSTRAINT stat_model_attr_key DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stat_model_month AS s (province_id, month, n)
  VALUES (p_province, CAST(date_trunc('month', p_on) AS date), p_n)
  ON CONFLICT ON CONSTRAINT stat_model_month_key DO UPDATE SET n = s.n + EXCLUDED.n;
$function$;

CREATE OR REPLACE FUNCTION public.f_stat_model()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.province_id, OLD.bucket_id, OLD.status, OLD.type_id, OLD.field_id,
                           OLD.recognition_level, OLD.established_on)
      IS NOT DISTINCT FROM (NEW.province_id, NEW.bucket_id, NEW.status, NEW.type_id,
                            NEW.field_id, NEW.recognition_level, NEW.established_on) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM f_stat_model_add(OLD.province_id, OLD.bucket_id, OLD.status, OLD.type_id,
                             OLD.field_id, OLD.recognition_level, OLD.established_on, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM f_stat_model_add(NEW.province_id, NEW.bucket_id, NEW.status, NEW.type_id,
                             NEW.field_id, NEW.recognition_level, NEW.established_on, 1);
  END IF;
  RETURN NULL;
END $function$;

-- the stocks of the models one statement inserted (an import's batch), grouped: one upsert per
-- stock row, not three per model (each row's upserts were 60 % of a 1,000-model INSERT)
CREATE OR REPLACE FUNCTION public.f_stat_model_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO stat_model_bucket AS s (province_id, bucket_id, status, n)
    SELECT province_id, bucket_id, status, count(*) FROM new_rows
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT stat_model_bucket_key DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stat_model_attr AS s (province_id, attr, value, n)
    SELECT n.province_id, a.attr, a.value, count(*) FROM new_rows n
      CROSS JOIN LATERAL (VALUES ('T', n.type_id), ('F', n.field_id),
                                 ('R', n.recognition_level)) AS a(attr, value)
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT stat_model_attr_key DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stat_model_month AS s (province_id, month, n)
    SELECT province_id, CAST(date_trunc('month', established_on) AS date), count(*) FROM new_rows
    GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ON CONSTRAINT stat_model_month_key DO UPDATE SET n = s.n + EXCLUDED.n;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.f_stat_model_rebuild()
 RETURNS void
 LANGUAGE sql
AS $function$
  DELETE FROM stat_model_bucket;
  DELETE FROM stat_model_attr;
  DELETE FROM stat_model_month;
  INSERT INTO stat_model_bucket (province_id, bucket_id, status, n)
    SELECT province_id, bucket_id, status, count(*) FROM community_model GROUP BY 1, 2, 3;
  INSERT INTO stat_model_attr (province_id, attr, value, n)
    SELECT province_id, 'T', type_id, count(*) FROM community_model GROUP BY 1, 3
    UNION ALL
    SELECT province_id, 'F', field_id, count(*) FROM community_model GROUP BY 1, 3
    UNION ALL
    SELECT province_id, 'R', recognition_level, count(*) FROM community_model GROUP BY 1, 3;
  INSERT INTO stat_model_month (province_id, month, n)
    SELECT province_id, CAST(date_trunc('month', established_on) AS date), count(*)
    FROM community_model GROUP BY 1, 2;
$function$;

CREATE OR REPLACE TRIGGER community_model_province BEFORE INSERT OR UPDATE OF unit_id ON community_model FOR EACH ROW EXECUTE FUNCTION f_model_province();

CREATE OR REPLACE TRIGGER community_model_stock AFTER DELETE OR UPDATE OF province_id, bucket_id, status, type_id, field_id, recognition_level, established_on ON community_model FOR EACH ROW EXECUTE FUNCTION f_stat_model();

CREATE OR REPLACE TRIGGER community_model_stock_insert AFTER INSERT ON community_model REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION f_stat_model_inserted();

CREATE OR REPLACE TRIGGER member_name_keys AFTER UPDATE OF full_name, model_id ON member FOR EACH ROW EXECUTE FUNCTION f_member_name_keys();

CREATE OR REPLACE TRIGGER member_inserted AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION f_members_inserted();

CREATE OR REPLACE TRIGGER model_name_keys AFTER UPDATE OF province_id ON community_model FOR EACH ROW WHEN (old.province_id IS DISTINCT FROM new.province_id) EXECUTE FUNCTION f_model_name_keys();

CREATE OR REPLACE TRIGGER member_roster_stat AFTER DELETE OR UPDATE OF team_id, joined_on, left_on ON member FOR EACH ROW EXECUTE FUNCTION f_stat_roster_member();

CREATE OR REPLACE TRIGGER team_roster_stat AFTER INSERT OR DELETE OR UPDATE OF unit_id, established_on, dissolved_on ON team FOR EACH ROW EXECUTE FUNCTION f_stat_roster_team();

-- A model's status as it stood on a day (reports count each model as it stood at the end of their
-- period). The current status holds from status_since; before that, the status history says: the
-- last change on or before the day, or the first change's starting status; a model with no history
-- that changed after the day started as REGISTERED. Callers test status_since first, so it runs for
-- the few models that changed after the day: COST 1 keeps the planner from taking a province's
-- models for expensive (and launching parallel workers for them).
CREATE OR REPLACE FUNCTION public.f_model_status_on(p_model bigint, p_status text, p_since date, p_day date)
 RETURNS text
 LANGUAGE sql
 STABLE PARALLEL SAFE COST 1
AS $function$
  SELECT CASE WHEN p_since <= p_day THEN p_status ELSE coalesce(
    (SELECT c.to_status FROM model_status_change c WHERE c.model_id = p_model AND c.on_date <= p_day
      ORDER BY c.on_date DESC, c.id DESC LIMIT 1),
    (SELECT c.from_status FROM model_status_change c WHERE c.model_id = p_model
      ORDER BY c.on_date, c.id LIMIT 1),
    'REGISTERED') END
$function$;
