-- The audit trail is append-only.
-- The current definition of each function and trigger below: edit it here (a repeatable
-- migration runs again whenever its text changes); versioned migrations keep their history.

CREATE OR REPLACE FUNCTION public.audit_event_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $function$;

CREATE OR REPLACE TRIGGER audit_event_no_change BEFORE DELETE OR UPDATE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
