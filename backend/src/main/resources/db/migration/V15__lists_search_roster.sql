-- Lists read in sort order straight from an index, also deep pages by keyset (?after=):
-- a province's models by name (the list's default sort; measured over 300,000 models: a
-- page of 50 of one province without it read 1,700 rows by name and filtered them by path).
CREATE INDEX community_model_province_name_idx
  ON community_model (province_id, (name COLLATE vietnamese), id);

-- Member search by the start of any word of the name, without diacritics: every suffix of a
-- member's name key that starts a word ('nguyen van hung', 'van hung', 'hung'), so "van hung",
-- "hung" and "nguyen van h" are each one range of a btree. The trigram index answered the same
-- question by intersecting posting lists of very common trigrams ("ngu", "an "): 55 ms for
-- "nguyen van hung" over 3M members; the range reads only the matches.
CREATE TABLE member_name_key (
  member_id  bigint NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  key        text COLLATE "C" NOT NULL,
  PRIMARY KEY (member_id, key)
);
CREATE INDEX member_name_key_idx ON member_name_key (key, member_id);

-- the normalised form of a name or a query: search key, one space between words
CREATE FUNCTION f_name_words(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(public.f_search_key($1), '\s+', ' ', 'g')) $$;

CREATE FUNCTION f_name_suffixes(text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  STRICT AS $$
  SELECT DISTINCT array_to_string(w[i:], ' ')
  FROM (SELECT string_to_array(public.f_name_words($1), ' ') AS w) a,
       generate_subscripts(a.w, 1) AS i
$$;

CREATE FUNCTION f_member_name_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.full_name IS NOT DISTINCT FROM OLD.full_name THEN
      RETURN NULL;
    END IF;
    DELETE FROM member_name_key WHERE member_id = NEW.id;
  END IF;
  INSERT INTO member_name_key (member_id, key)
    SELECT NEW.id, s FROM f_name_suffixes(NEW.full_name) s WHERE s <> '';
  RETURN NULL;
END $$;
CREATE TRIGGER member_name_keys AFTER INSERT OR UPDATE OF full_name ON member
  FOR EACH ROW EXECUTE FUNCTION f_member_name_keys();

INSERT INTO member_name_key (member_id, key)
  SELECT x.id, s FROM member x, f_name_suffixes(x.full_name) s WHERE s <> '';

-- Teams and members in force at a date, by commune ("bucket", V13), for the reports of a
-- province or of the country: each team adds +1 on the day it was established and -1 on the day
-- it was dissolved; each member +1 from the day they count (joined, not before their team) and
-- -1 from the day they stop (left, or their team dissolved). In force on day d = the sum of the
-- rows up to d. Measured on the nationwide dataset (3M members): a province's count as of the
-- report's end took 340 ms through its members, this sum reads a few thousand index rows.
CREATE TABLE stat_roster_day (
  bucket_id    bigint  NOT NULL REFERENCES unit (id),
  province_id  bigint,
  day          date    NOT NULL,
  teams        bigint  NOT NULL DEFAULT 0,
  members      bigint  NOT NULL DEFAULT 0,
  PRIMARY KEY (bucket_id, day)
);
CREATE INDEX stat_roster_day_province_idx ON stat_roster_day (province_id, day)
  INCLUDE (bucket_id, teams, members);

-- adds n from p_from (inclusive) to p_to (exclusive; NULL: for good)
CREATE FUNCTION f_roster_add(p_bucket bigint, p_province bigint, p_from date, p_to date,
                             p_teams bigint, p_members bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO stat_roster_day AS s (bucket_id, province_id, day, teams, members)
  SELECT p_bucket, p_province, d.day, d.sign * p_teams, d.sign * p_members
  FROM (VALUES (p_from, 1), (p_to, -1)) AS d (day, sign)
  WHERE d.day IS NOT NULL AND (p_to IS NULL OR p_to > p_from)
  ON CONFLICT (bucket_id, day) DO UPDATE
    SET province_id = EXCLUDED.province_id,
        teams = s.teams + EXCLUDED.teams,
        members = s.members + EXCLUDED.members;
$$;

-- a member counts from max(joined, team established) until min(left, team dissolved)
CREATE FUNCTION f_roster_member(p_bucket bigint, p_province bigint, p_established date,
                                p_dissolved date, p_joined date, p_left date, p_sign integer)
  RETURNS void LANGUAGE sql AS $$
  SELECT f_roster_add(p_bucket, p_province, greatest(coalesce(p_joined, p_established),
                      p_established), least(p_left, p_dissolved), 0, p_sign);
$$;

CREATE FUNCTION f_stat_roster_member() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER member_roster_stat AFTER INSERT OR DELETE OR UPDATE OF team_id, joined_on, left_on
  ON member FOR EACH ROW EXECUTE FUNCTION f_stat_roster_member();

-- a team's own row, and its members' rows when its dates or place change
CREATE FUNCTION f_stat_roster_team() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER team_roster_stat AFTER INSERT OR DELETE
  OR UPDATE OF unit_id, established_on, dissolved_on ON team
  FOR EACH ROW EXECUTE FUNCTION f_stat_roster_team();

-- Award recipients carry their unit's province and bucket too (as models do since V13), so a
-- province's report counts its award decisions and recipients through an index by province
-- instead of the paths of all its units (measured on the nationwide dataset, 100,000 decisions:
-- 31 ms for the distinct decisions and 12 ms for the monthly roll-up through unit paths).
ALTER TABLE award_recipient ADD COLUMN province_id bigint, ADD COLUMN bucket_id bigint;
UPDATE award_recipient r SET province_id = u.province_id, bucket_id = coalesce(u.commune_id, u.id)
  FROM unit u WHERE u.id = r.unit_id;
CREATE INDEX award_recipient_province_idx ON award_recipient (province_id)
  INCLUDE (bucket_id, decision_id, kind);

CREATE FUNCTION f_award_recipient_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT u.province_id, coalesce(u.commune_id, u.id) INTO NEW.province_id, NEW.bucket_id
    FROM unit u WHERE u.id = NEW.unit_id;
  RETURN NEW;
END $$;
CREATE TRIGGER award_recipient_place BEFORE INSERT OR UPDATE OF unit_id ON award_recipient
  FOR EACH ROW EXECUTE FUNCTION f_award_recipient_place();

-- a unit that changes commune or province takes its models, award recipients and teams' rows
-- along (V13's function, plus these)
CREATE OR REPLACE FUNCTION f_unit_province_moves() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;

-- the whole table from the registry: what is already there, and after bulk loads that switch
-- the triggers off (benchmarks/generate-people.sql)
CREATE FUNCTION f_stat_roster_rebuild() RETURNS void LANGUAGE sql AS $$
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
$$;
SELECT f_stat_roster_rebuild();
