-- The safety-standard assessment "An toàn về an ninh, trật tự" (Thông tư 124/2021/TT-BCA,
-- amended by 48/2025/TT-BCA): one assessment per unit and year against the criteria of its
-- target kind (catalogues SAFETY_TARGET, SAFETY_CRITERION), each criterion met or not with its
-- evidence; the result and who recognised it. And the yearly "exemplary ward police" designation.
CREATE TABLE safety_assessment (
  id              bigserial    PRIMARY KEY,
  unit_id         bigint       NOT NULL REFERENCES unit (id),
  target_id       bigint       NOT NULL REFERENCES catalogue_item (id),
  year            integer      NOT NULL,
  period_from     date         NOT NULL,
  period_to       date         NOT NULL,  -- last day
  met             boolean      NOT NULL,
  recognised_by   text,
  recognised_on   date,
  decision_number text,
  note            text,
  created_at      timestamptz  NOT NULL,
  updated_at      timestamptz  NOT NULL,
  version         bigint       NOT NULL DEFAULT 0,
  CONSTRAINT safety_assessment_year_uq UNIQUE (unit_id, year),
  CONSTRAINT safety_assessment_period_ck CHECK (period_to > period_from),
  CONSTRAINT safety_assessment_recognition_ck CHECK (recognised_on IS NULL OR met)
);
CREATE INDEX safety_assessment_period_idx ON safety_assessment (period_to);

CREATE TABLE safety_assessment_criterion (
  assessment_id  bigint  NOT NULL REFERENCES safety_assessment (id) ON DELETE CASCADE,
  criterion_id   bigint  NOT NULL REFERENCES catalogue_item (id),
  met            boolean NOT NULL,
  evidence       text,
  PRIMARY KEY (assessment_id, criterion_id)
);

CREATE TABLE exemplary_police (
  id               bigserial    PRIMARY KEY,
  unit_id          bigint       NOT NULL REFERENCES unit (id),
  year             integer      NOT NULL,
  decision_number  text         NOT NULL,
  decided_on       date         NOT NULL,
  authority        text         NOT NULL,
  note             text,
  created_at       timestamptz  NOT NULL,
  updated_at       timestamptz  NOT NULL,
  version          bigint       NOT NULL DEFAULT 0,
  CONSTRAINT exemplary_police_year_uq UNIQUE (unit_id, year)
);
CREATE INDEX exemplary_police_decided_idx ON exemplary_police (decided_on);
