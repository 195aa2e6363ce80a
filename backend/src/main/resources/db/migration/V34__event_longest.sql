-- The longest any event has lasted. An event overlapping a range of days started at most this long
-- before the range, so the range is read from (province_id, starts_at, id) and (starts_at) between
-- two bounds instead of from every earlier event (a province's month on the national dataset: the
-- count read 88,000 events for 730). Kept by f_event_longest (R__06_events.sql); it only grows,
-- which keeps it a bound when an event is shortened or deleted.
CREATE TABLE event_longest (
  one     boolean  PRIMARY KEY DEFAULT true CHECK (one),
  longest interval NOT NULL
);
INSERT INTO event_longest (longest)
SELECT coalesce(max(ends_at - starts_at), interval '0') FROM event;
