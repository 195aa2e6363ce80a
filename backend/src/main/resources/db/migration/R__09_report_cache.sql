-- What a kept summary report depends on (V33__report_cache.sql): every write to a table a report
-- reads records its transaction under the province of the row (before and after), once per
-- transaction and province; rows inserted in bulk (events, members…) by statement.
-- The current definition of each function and trigger below: edit it here (a repeatable
-- migration runs again whenever its text changes); versioned migrations keep their history.

CREATE OR REPLACE FUNCTION public.f_report_changed(p_province bigint)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_key text := ',' || coalesce(p_province, 0) || ',';
  v_done text := coalesce(current_setting('antq.report_changes', true), '');
BEGIN
  IF position(v_key IN v_done) = 0 THEN
    INSERT INTO report_change (province_id, xid)
      VALUES (coalesce(p_province, 0), pg_current_xact_id()) ON CONFLICT DO NOTHING;
    PERFORM set_config('antq.report_changes', v_done || v_key, true);
  END IF;
END $function$;

CREATE OR REPLACE FUNCTION public.trg_report_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_row jsonb;
  v_kind text;
BEGIN
  FOREACH v_row IN ARRAY ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
                               CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END] LOOP
    CONTINUE WHEN v_row IS NULL;
    FOREACH v_kind IN ARRAY TG_ARGV LOOP
      IF v_kind = 'recipients' THEN
        PERFORM f_report_changed(r.province_id)
          FROM (SELECT DISTINCT province_id FROM award_recipient
                WHERE decision_id = (v_row->>'id')::bigint) r;
      ELSE
        PERFORM f_report_changed(CASE v_kind
          WHEN 'province' THEN (v_row->>'province_id')::bigint
          WHEN 'unit' THEN (SELECT province_id FROM unit WHERE id = (v_row->>'unit_id')::bigint)
          WHEN 'model' THEN (SELECT province_id FROM community_model
                             WHERE id = (v_row->>'model_id')::bigint)
          WHEN 'event' THEN (SELECT province_id FROM event WHERE id = (v_row->>'event_id')::bigint)
          ELSE 0 END);
      END IF;
    END LOOP;
  END LOOP;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.trg_report_change_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM f_report_changed(p.province_id) FROM (
    SELECT DISTINCT CASE TG_ARGV[0]
      WHEN 'province' THEN k.id
      WHEN 'unit' THEN (SELECT province_id FROM unit WHERE id = k.id)
      WHEN 'model' THEN (SELECT province_id FROM community_model WHERE id = k.id)
      WHEN 'event' THEN (SELECT province_id FROM event WHERE id = k.id)
      END AS province_id
    FROM (SELECT DISTINCT (to_jsonb(n)->>(CASE TG_ARGV[0] WHEN 'province' THEN 'province_id'
                                          ELSE TG_ARGV[0] || '_id' END))::bigint AS id
          FROM new_rows n) k) p;
  RETURN NULL;
END $function$;

-- a new decision has no recipients yet (they reference it): its unit's province, by statement
CREATE OR REPLACE TRIGGER award_decision_report_change AFTER DELETE OR UPDATE ON award_decision FOR EACH ROW EXECUTE FUNCTION trg_report_change('unit', 'recipients');

CREATE OR REPLACE TRIGGER award_decision_report_change_insert AFTER INSERT ON award_decision REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_report_change_inserted('unit');

CREATE OR REPLACE TRIGGER award_recipient_report_change AFTER DELETE OR UPDATE ON award_recipient FOR EACH ROW EXECUTE FUNCTION trg_report_change('province');

CREATE OR REPLACE TRIGGER award_recipient_report_change_insert AFTER INSERT ON award_recipient REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_report_change_inserted('province');

CREATE OR REPLACE TRIGGER catalogue_item_report_change AFTER INSERT OR DELETE OR UPDATE ON catalogue_item FOR EACH ROW EXECUTE FUNCTION trg_report_change('all');

CREATE OR REPLACE TRIGGER community_model_report_change AFTER DELETE OR UPDATE ON community_model FOR EACH ROW EXECUTE FUNCTION trg_report_change('province');

CREATE OR REPLACE TRIGGER community_model_report_change_insert AFTER INSERT ON community_model REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_report_change_inserted('province');

CREATE OR REPLACE TRIGGER event_report_change AFTER DELETE OR UPDATE ON event FOR EACH ROW EXECUTE FUNCTION trg_report_change('province');

CREATE OR REPLACE TRIGGER event_report_change_insert AFTER INSERT ON event REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_report_change_inserted('province');

CREATE OR REPLACE TRIGGER event_material_report_change AFTER DELETE OR UPDATE ON event_material FOR EACH ROW EXECUTE FUNCTION trg_report_change('event');

CREATE OR REPLACE TRIGGER event_material_report_change_insert AFTER INSERT ON event_material REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_report_change_inserted('event');

CREATE OR REPLACE TRIGGER exemplary_police_report_change AFTER INSERT OR DELETE OR UPDATE ON exemplary_police FOR EACH ROW EXECUTE FUNCTION trg_report_change('unit');

CREATE OR REPLACE TRIGGER indicator_report_report_change AFTER INSERT OR DELETE OR UPDATE ON indicator_report FOR EACH ROW EXECUTE FUNCTION trg_report_change('unit');

CREATE OR REPLACE TRIGGER member_report_change AFTER DELETE OR UPDATE ON member FOR EACH ROW EXECUTE FUNCTION trg_report_change('model');

CREATE OR REPLACE TRIGGER member_report_change_insert AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trg_report_change_inserted('model');

CREATE OR REPLACE TRIGGER model_recognition_report_change AFTER INSERT OR DELETE OR UPDATE ON model_recognition FOR EACH ROW EXECUTE FUNCTION trg_report_change('model');

CREATE OR REPLACE TRIGGER model_site_report_change AFTER INSERT OR DELETE OR UPDATE ON model_site FOR EACH ROW EXECUTE FUNCTION trg_report_change('model', 'unit');

CREATE OR REPLACE TRIGGER safety_assessment_report_change AFTER INSERT OR DELETE OR UPDATE ON safety_assessment FOR EACH ROW EXECUTE FUNCTION trg_report_change('unit');

CREATE OR REPLACE TRIGGER stat_indicator_month_report_change AFTER INSERT OR DELETE OR UPDATE ON stat_indicator_month FOR EACH ROW EXECUTE FUNCTION trg_report_change('unit');

CREATE OR REPLACE TRIGGER team_report_change AFTER INSERT OR DELETE OR UPDATE ON team FOR EACH ROW EXECUTE FUNCTION trg_report_change('unit', 'model');

CREATE OR REPLACE TRIGGER unit_report_change AFTER INSERT OR DELETE OR UPDATE ON unit FOR EACH ROW EXECUTE FUNCTION trg_report_change('all');

CREATE OR REPLACE TRIGGER unit_lineage_report_change AFTER INSERT OR DELETE OR UPDATE ON unit_lineage FOR EACH ROW EXECUTE FUNCTION trg_report_change('all');

CREATE OR REPLACE TRIGGER unit_placement_report_change AFTER INSERT OR DELETE OR UPDATE ON unit_placement FOR EACH ROW EXECUTE FUNCTION trg_report_change('all');
