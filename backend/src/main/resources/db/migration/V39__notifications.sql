-- Notifications (issue 23): one row per person told, written in the transaction of the change that
-- causes it; the person's settings; and the outbox the e-mail worker sends from.
CREATE TABLE notification (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  kind        varchar(40) NOT NULL,
  title       text        NOT NULL,
  body        text        NOT NULL,
  link        text,
  unit_id     bigint      REFERENCES unit (id),
  -- the same occasion never tells the same person twice (e.g. a deadline reminder per period)
  dedupe_key  text,
  -- false: the person turned this kind off in the application (kept so that it is told once)
  in_app      boolean     NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz,
  CONSTRAINT notification_once UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notification_user_recent ON notification (user_id, id DESC) WHERE in_app;
CREATE INDEX notification_user_unread ON notification (user_id, id DESC) WHERE in_app AND read_at IS NULL;

CREATE TABLE notification_setting (
  user_id     bigint      PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  email       varchar(254),
  digest      boolean     NOT NULL DEFAULT false,
  -- kinds the person turned off in the application / by e-mail (everything is on by default)
  in_app_off  text[]      NOT NULL DEFAULT '{}',
  email_off   text[]      NOT NULL DEFAULT '{}',
  version     bigint      NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mail_outbox (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id         bigint      REFERENCES app_user (id) ON DELETE CASCADE,
  recipient       varchar(254) NOT NULL,
  subject         text        NOT NULL,
  body            text        NOT NULL,
  -- waits for the person's daily digest instead of being sent on its own
  digest          boolean     NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  attempts        int         NOT NULL DEFAULT 0,
  sent_at         timestamptz,
  failed_at       timestamptz,
  last_error      text
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)
  WHERE sent_at IS NULL AND failed_at IS NULL AND NOT digest;
CREATE INDEX mail_outbox_digest ON mail_outbox (user_id, id)
  WHERE sent_at IS NULL AND failed_at IS NULL AND digest;
