-- Where an event took place and where a model works, from a phone's GPS or picked on a map (WGS 84).
-- Both coordinates or none; the accuracy (metres) only with them.
ALTER TABLE event
  ADD COLUMN latitude double precision,
  ADD COLUMN longitude double precision,
  ADD COLUMN position_accuracy double precision,
  ADD CONSTRAINT event_position_whole CHECK ((latitude IS NULL) = (longitude IS NULL)
    AND (position_accuracy IS NULL OR latitude IS NOT NULL));

ALTER TABLE community_model
  ADD COLUMN latitude double precision,
  ADD COLUMN longitude double precision,
  ADD COLUMN position_accuracy double precision,
  ADD CONSTRAINT community_model_position_whole CHECK ((latitude IS NULL) = (longitude IS NULL)
    AND (position_accuracy IS NULL OR latitude IS NOT NULL));
