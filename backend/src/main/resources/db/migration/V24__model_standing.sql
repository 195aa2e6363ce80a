-- the recognitions decided after a report's end, whose models it counts at a lower level
CREATE INDEX model_recognition_date_idx ON model_recognition (decision_date, model_id);
