-- Awards (khen thưởng). Forms, types and authorities are catalogue items (AWARD_FORM,
-- AWARD_TYPE, AWARD_AUTHORITY); which authority may grant which form, and from when, is data
-- too: the powers changed on 1/7/2025 (NĐ 152/2025/NĐ-CP) and the rule in force on the
-- decision's date applies.
CREATE TABLE award_power (
  id            bigserial    PRIMARY KEY,
  authority_id  bigint       NOT NULL REFERENCES catalogue_item (id),
  form_id       bigint       NOT NULL REFERENCES catalogue_item (id),
  valid_from    date         NOT NULL,
  valid_to      date,        -- exclusive: the first day the power no longer holds
  legal_basis   varchar(300),
  version       bigint       NOT NULL DEFAULT 0,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  updated_at    timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT award_power_dates_ck CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX award_power_lookup_idx ON award_power (authority_id, form_id, valid_from);

-- A decision (quyết định khen thưởng). unit_id is the unit in whose name the authority acts
-- and whose register keeps the decision (a province for the provincial chairman, a ward for
-- the ward chairman). issuer_name and the recipients' names are snapshots: later renames and
-- mergers do not rewrite history.
CREATE TABLE award_decision (
  id            bigserial    PRIMARY KEY,
  number        varchar(60)  NOT NULL,
  number_key    text GENERATED ALWAYS AS (upper(regexp_replace(number, '\s', '', 'g'))) STORED,
  decided_on    date         NOT NULL,
  decided_year  integer GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM decided_on) AS integer)) STORED,
  authority_id  bigint       NOT NULL REFERENCES catalogue_item (id),
  unit_id       bigint       NOT NULL REFERENCES unit (id),
  issuer_name   varchar(300) NOT NULL,
  signer        varchar(200),
  form_id       bigint       NOT NULL REFERENCES catalogue_item (id),
  type_id       bigint       NOT NULL REFERENCES catalogue_item (id),
  reason        text,
  event_id      bigint       REFERENCES event (id) ON DELETE SET NULL,
  programme_id  bigint       REFERENCES programme (id),
  version       bigint       NOT NULL DEFAULT 0,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  updated_at    timestamptz  NOT NULL DEFAULT now()
);
-- decision numbers are unique per authority (who, for which unit) and year
CREATE UNIQUE INDEX award_decision_number_uq
  ON award_decision (authority_id, unit_id, decided_year, number_key);
CREATE INDEX award_decision_unit_idx ON award_decision (unit_id, decided_on);
CREATE INDEX award_decision_date_idx ON award_decision (decided_on, id);
CREATE INDEX award_decision_form_idx ON award_decision (form_id);
CREATE INDEX award_decision_event_idx ON award_decision (event_id);
CREATE INDEX award_decision_programme_idx ON award_decision (programme_id);

-- Recipients: a collective (a unit or a model) or an individual (name, position, the unit they
-- belong to, optionally a roster member). unit_id is always set: the recipient's unit, or the
-- model's unit, so subtree filters and counts are one indexed join.
CREATE TABLE award_recipient (
  id           bigserial    PRIMARY KEY,
  decision_id  bigint       NOT NULL REFERENCES award_decision (id) ON DELETE CASCADE,
  kind         varchar(12)  NOT NULL CHECK (kind IN ('COLLECTIVE', 'INDIVIDUAL')),
  unit_id      bigint       NOT NULL REFERENCES unit (id),
  model_id     bigint       REFERENCES community_model (id),
  member_id    bigint       REFERENCES member (id) ON DELETE SET NULL,
  name         varchar(300) NOT NULL,  -- snapshot: the unit's, model's or person's name
  name_key     text GENERATED ALWAYS AS (f_search_key(name)) STORED,
  position     varchar(200),
  unit_name    varchar(300) NOT NULL,  -- snapshot of the unit's name
  position_no  integer      NOT NULL,  -- order in the decision's list
  CONSTRAINT award_recipient_kind_ck CHECK (
    (kind = 'COLLECTIVE' AND member_id IS NULL AND position IS NULL)
    OR (kind = 'INDIVIDUAL' AND model_id IS NULL))
);
CREATE INDEX award_recipient_decision_idx ON award_recipient (decision_id, position_no);
CREATE INDEX award_recipient_unit_idx ON award_recipient (unit_id, decision_id);
CREATE INDEX award_recipient_model_idx ON award_recipient (model_id) WHERE model_id IS NOT NULL;
CREATE INDEX award_recipient_member_idx ON award_recipient (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX award_recipient_name_trgm_idx ON award_recipient USING gin (name_key gin_trgm_ops);
-- a recipient appears once per decision
CREATE UNIQUE INDEX award_recipient_unit_uq ON award_recipient (decision_id, unit_id)
  WHERE kind = 'COLLECTIVE' AND model_id IS NULL;
CREATE UNIQUE INDEX award_recipient_model_uq ON award_recipient (decision_id, model_id)
  WHERE model_id IS NOT NULL;
CREATE UNIQUE INDEX award_recipient_person_uq ON award_recipient (decision_id, unit_id, name_key)
  WHERE kind = 'INDIVIDUAL';
CREATE UNIQUE INDEX award_recipient_member_uq ON award_recipient (decision_id, member_id)
  WHERE member_id IS NOT NULL;
