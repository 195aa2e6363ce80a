-- Model stocks of provinces, kept by triggers. A province's (or the country's) report counted its
-- models by regrouping every one of them at each request (≈ 12 ms of CPU for the 8,851 models of
-- a province of the nationwide dataset); it now reads these counts and corrects them with the
-- models established after its end, or before its start, whichever side is the smaller
-- (ReportService; README Performance, T3). A model counts for its province and bucket (V10, V13:
-- moved by the triggers there when units move, which these triggers follow).

-- every model by province, bucket and status (whatever its date)
CREATE TABLE stat_model_bucket (
  province_id  bigint,
  bucket_id    bigint,
  status       varchar(20)  NOT NULL,
  n            integer      NOT NULL,
  CONSTRAINT stat_model_bucket_key UNIQUE NULLS NOT DISTINCT (province_id, bucket_id, status)
);

-- every model by province and type (T), field (F) or recognition level (R; NULL: none)
CREATE TABLE stat_model_attr (
  province_id  bigint,
  attr         char(1)  NOT NULL,
  value        bigint,
  n            integer  NOT NULL,
  CONSTRAINT stat_model_attr_key UNIQUE NULLS NOT DISTINCT (province_id, attr, value)
);

-- every model by province and month of establishment
CREATE TABLE stat_model_month (
  province_id  bigint,
  month        date     NOT NULL,
  n            integer  NOT NULL,
  CONSTRAINT stat_model_month_key UNIQUE NULLS NOT DISTINCT (province_id, month)
);

CREATE FUNCTION f_stat_model_add(p_province bigint, p_bucket bigint, p_status varchar,
                                 p_type bigint, p_field bigint, p_level smallint, p_on date,
                                 p_n integer) RETURNS void LANGUAGE sql AS $$
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
$$;

CREATE FUNCTION f_stat_model() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;

CREATE TRIGGER community_model_stock AFTER INSERT OR DELETE OR UPDATE OF province_id, bucket_id,
  status, type_id, field_id, recognition_level, established_on ON community_model
  FOR EACH ROW EXECUTE FUNCTION f_stat_model();

-- the stocks again from the models (here, and after a bulk load with the trigger off)
CREATE FUNCTION f_stat_model_rebuild() RETURNS void LANGUAGE sql AS $$
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
$$;
SELECT f_stat_model_rebuild();
