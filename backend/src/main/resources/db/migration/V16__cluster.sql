-- Several instances on one database: work that runs once per cluster. (The key pair that signs
-- access tokens, when none is given to the instances, lives in schema antq_keys, created by
-- AntqMain before Flyway runs: see JwtKeys.loadOrCreate(Connection).)

-- A periodic task's schedule. The instance that moves next_run_at on (FOR UPDATE SKIP LOCKED)
-- runs the slot; the others find it not due.
CREATE TABLE scheduled_task (
  name             varchar(80) PRIMARY KEY,
  interval_seconds integer      NOT NULL CHECK (interval_seconds > 0),
  next_run_at      timestamptz  NOT NULL,
  last_run_at      timestamptz,
  last_instance    varchar(80),
  runs             bigint       NOT NULL DEFAULT 0
);

-- One row per run: a slot is run once (the unique key says so even if the claim were wrong).
CREATE TABLE scheduled_run (
  id           bigserial    PRIMARY KEY,
  task         varchar(80)  NOT NULL REFERENCES scheduled_task (name) ON DELETE CASCADE,
  slot         timestamptz  NOT NULL,
  instance     varchar(80)  NOT NULL,
  started_at   timestamptz  NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  succeeded    boolean,
  outcome      varchar(500),
  UNIQUE (task, slot)
);
CREATE INDEX scheduled_run_started_idx ON scheduled_run (task, started_at);


-- The instances alive now: each writes its row every few seconds (ClusterMembers). Work an instance
-- held when it stopped writing (a request under an Idempotency-Key) may be taken over by another.
CREATE TABLE cluster_instance (
  id            varchar(80)  PRIMARY KEY,
  started_at    timestamptz  NOT NULL DEFAULT now(),
  last_seen_at  timestamptz  NOT NULL DEFAULT now()
);

ALTER TABLE idempotency_key ADD COLUMN owner varchar(80);
