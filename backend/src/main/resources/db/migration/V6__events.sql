-- Coordination programmes (chương trình phối hợp) signed by units, scoped to a unit's territory
CREATE TABLE programme (
  id              bigserial    PRIMARY KEY,
  number          varchar(60)  NOT NULL,
  title           varchar(500) NOT NULL,
  title_key       text GENERATED ALWAYS AS (f_search_key(number || ' ' || title)) STORED,
  signed_on       date         NOT NULL,
  scope_unit_id   bigint       NOT NULL REFERENCES unit (id),
  period_from     date         NOT NULL,
  period_to       date,
  status          varchar(20)  NOT NULL,
  renewed_by_id   bigint       REFERENCES programme (id),
  version         bigint       NOT NULL DEFAULT 0,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  updated_at      timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT programme_period_ck CHECK (period_to IS NULL OR period_to >= period_from)
);
CREATE INDEX programme_scope_idx ON programme (scope_unit_id);

CREATE TABLE programme_party (
  programme_id  bigint NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  unit_id       bigint NOT NULL REFERENCES unit (id),
  PRIMARY KEY (programme_id, unit_id)
);

-- Events. Times are instants (UTC); calendar days are Vietnam days. One row per event however
-- many organisers it has, so reports count it once.
CREATE TABLE event (
  id              bigserial    PRIMARY KEY,
  type_id         bigint       NOT NULL REFERENCES catalogue_item (id),
  title           varchar(500) NOT NULL,
  search_key      text GENERATED ALWAYS AS (f_search_key(title || ' ' || coalesce(location, ''))) STORED,
  starts_at       timestamptz  NOT NULL,
  ends_at         timestamptz  NOT NULL,
  location        varchar(500),
  unit_id         bigint       NOT NULL REFERENCES unit (id),
  lead_unit_id    bigint       NOT NULL REFERENCES unit (id),
  programme_id    bigint       REFERENCES programme (id),
  attendance      integer      CHECK (attendance >= 0),
  sessions        integer      NOT NULL DEFAULT 1 CHECK (sessions >= 1),
  outcome         text,
  version         bigint       NOT NULL DEFAULT 0,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  updated_at      timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT event_times_ck CHECK (ends_at > starts_at)
);
CREATE INDEX event_unit_starts_idx ON event (unit_id, starts_at);
CREATE INDEX event_starts_idx ON event (starts_at, id);
CREATE INDEX event_programme_idx ON event (programme_id);
CREATE INDEX event_type_idx ON event (type_id);
CREATE INDEX event_search_trgm_idx ON event USING gin (search_key gin_trgm_ops);

CREATE TABLE event_organiser (
  event_id  bigint  NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  unit_id   bigint  NOT NULL REFERENCES unit (id),
  lead      boolean NOT NULL,
  PRIMARY KEY (event_id, unit_id)
);
CREATE INDEX event_organiser_unit_idx ON event_organiser (unit_id);

CREATE TABLE event_model (
  event_id  bigint NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  model_id  bigint NOT NULL REFERENCES community_model (id),
  PRIMARY KEY (event_id, model_id)
);

CREATE TABLE event_material (
  event_id          bigint  NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  material_type_id  bigint  NOT NULL REFERENCES catalogue_item (id),
  quantity          integer NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (event_id, material_type_id)
);

-- Attachments live apart from the event rows (shared by every replica, gone with the event)
CREATE TABLE event_attachment (
  id            bigserial    PRIMARY KEY,
  event_id      bigint       NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  file_name     varchar(255) NOT NULL,
  content_type  varchar(40)  NOT NULL,
  size          bigint       NOT NULL,
  sha256        char(64)     NOT NULL,
  content       bytea        NOT NULL,
  uploaded_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX event_attachment_event_idx ON event_attachment (event_id);
