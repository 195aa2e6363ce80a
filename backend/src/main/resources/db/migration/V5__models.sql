-- Catalogues: effective-dated lists editable by administrators (model fields and types now;
-- event types, award forms, indicators later). Not enums in code: provinces keep their own.
CREATE TABLE catalogue_item (
  id          bigserial    PRIMARY KEY,
  catalogue   varchar(40)  NOT NULL,
  code        varchar(40)  NOT NULL,
  name        varchar(300) NOT NULL,
  parent_id   bigint       REFERENCES catalogue_item (id),
  valid_from  date         NOT NULL,
  valid_to    date,
  version     bigint       NOT NULL DEFAULT 0,
  created_at  timestamptz  NOT NULL DEFAULT now(),
  updated_at  timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT catalogue_item_dates_ck CHECK (valid_to IS NULL OR valid_to > valid_from),
  CONSTRAINT catalogue_item_code_uq UNIQUE (catalogue, code)
);
CREATE INDEX catalogue_item_list_idx ON catalogue_item (catalogue, parent_id);

-- Self-management models (mô hình tự phòng, tự quản). The unit they run in decides the
-- territory; subtree filters join the unit's denormalised province/commune ids and path.
CREATE TABLE community_model (
  id                 bigserial     PRIMARY KEY,
  name               varchar(300)  NOT NULL,
  name_key           text GENERATED ALWAYS AS (f_search_key(name)) STORED,
  type_id            bigint        NOT NULL REFERENCES catalogue_item (id),
  field_id           bigint        NOT NULL REFERENCES catalogue_item (id),
  unit_id            bigint        NOT NULL REFERENCES unit (id),
  lead_orgs          varchar(40)[] NOT NULL,
  target_communities varchar(40)[] NOT NULL DEFAULT '{}',
  established_on     date          NOT NULL,
  description        text,
  status             varchar(20)   NOT NULL,
  status_since       date          NOT NULL,
  recognition_level  smallint,     -- 1 commune, 2 province, 3 ministry (highest so far)
  declared_teams     integer       CHECK (declared_teams >= 0),
  declared_members   integer       CHECK (declared_members >= 0),
  version            bigint        NOT NULL DEFAULT 0,
  created_at         timestamptz   NOT NULL DEFAULT now(),
  updated_at         timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX community_model_unit_idx ON community_model (unit_id);
CREATE INDEX community_model_type_idx ON community_model (type_id);
CREATE INDEX community_model_field_idx ON community_model (field_id);
CREATE INDEX community_model_name_idx ON community_model ((name COLLATE vietnamese), id);
CREATE INDEX community_model_name_trgm_idx ON community_model USING gin (name_key gin_trgm_ops);

CREATE TABLE model_status_change (
  id           bigserial    PRIMARY KEY,
  model_id     bigint       NOT NULL REFERENCES community_model (id),
  from_status  varchar(20)  NOT NULL,
  to_status    varchar(20)  NOT NULL,
  on_date      date         NOT NULL,
  reason       varchar(1000),
  note         varchar(1000),
  at           timestamptz  NOT NULL DEFAULT now(),
  actor_name   varchar(200) NOT NULL
);
CREATE INDEX model_status_change_model_idx ON model_status_change (model_id, id);

CREATE TABLE model_recognition (
  id               bigserial    PRIMARY KEY,
  model_id         bigint       NOT NULL REFERENCES community_model (id),
  level            smallint     NOT NULL CHECK (level BETWEEN 1 AND 3),
  decision_number  varchar(60)  NOT NULL,
  decision_date    date         NOT NULL,
  authority        varchar(300),
  created_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX model_recognition_model_idx ON model_recognition (model_id);

-- Where a model was replicated (nhân rộng)
CREATE TABLE model_site (
  model_id  bigint NOT NULL REFERENCES community_model (id),
  unit_id   bigint NOT NULL REFERENCES unit (id),
  since     date   NOT NULL,
  PRIMARY KEY (model_id, unit_id)
);

CREATE TABLE team (
  id              bigserial    PRIMARY KEY,
  model_id        bigint       NOT NULL REFERENCES community_model (id),
  name            varchar(200) NOT NULL,
  unit_id         bigint       NOT NULL REFERENCES unit (id),
  established_on  date         NOT NULL,
  dissolved_on    date,
  version         bigint       NOT NULL DEFAULT 0,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  updated_at      timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT team_dates_ck CHECK (dissolved_on IS NULL OR dissolved_on >= established_on)
);
CREATE INDEX team_model_idx ON team (model_id);
CREATE INDEX team_unit_idx ON team (unit_id);
-- one team of a name per model (the roster import finds teams by name)
CREATE UNIQUE INDEX team_model_name_uq ON team (model_id, f_search_key(name));

-- Roster members: personal data (Luật 91/2025/QH15); phone and address are masked for readers
-- outside the member's territory.
CREATE TABLE member (
  id          bigserial    PRIMARY KEY,
  team_id     bigint       NOT NULL REFERENCES team (id),
  model_id    bigint       NOT NULL REFERENCES community_model (id),
  full_name   varchar(200) NOT NULL,
  name_key    text GENERATED ALWAYS AS (f_search_key(full_name)) STORED,
  gender      varchar(10)  NOT NULL,
  birth_year  smallint,
  role        varchar(10)  NOT NULL,
  phone       varchar(20),
  address     varchar(300),
  joined_on   date,
  left_on     date,
  version     bigint       NOT NULL DEFAULT 0,
  created_at  timestamptz  NOT NULL DEFAULT now(),
  updated_at  timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT member_dates_ck CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX member_team_idx ON member (team_id);
CREATE INDEX member_model_idx ON member (model_id);
CREATE INDEX member_name_trgm_idx ON member USING gin (name_key gin_trgm_ops);
