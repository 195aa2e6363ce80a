-- A model's status as it stood on a day (issue 26: reports count each model as it stood at the end
-- of their period). The current status holds from status_since; before that, the status history
-- (model_status_change) says: the last change on or before the day, or the first change's starting
-- status. A model with no history that changed after the day started as REGISTERED. Callers test
-- status_since first, so it runs for the few models that changed after the day: COST 1 keeps the
-- planner from taking a province's models for expensive (and launching parallel workers for them).
CREATE OR REPLACE FUNCTION f_model_status_on(p_model bigint, p_status text, p_since date, p_day date)
  RETURNS text LANGUAGE sql STABLE PARALLEL SAFE COST 1 AS $$
  SELECT CASE WHEN p_since <= p_day THEN p_status ELSE coalesce(
    (SELECT c.to_status FROM model_status_change c WHERE c.model_id = p_model AND c.on_date <= p_day
      ORDER BY c.on_date DESC, c.id DESC LIMIT 1),
    (SELECT c.from_status FROM model_status_change c WHERE c.model_id = p_model
      ORDER BY c.on_date, c.id LIMIT 1),
    'REGISTERED') END
$$;

-- the recognitions decided after a report's end, whose models it counts at a lower level
CREATE INDEX model_recognition_date_idx ON model_recognition (decision_date, model_id);
