-- The follow-up worklists (issue 12) read the same projection as the case-finding worklists (0013). Each task
-- row now also carries the task's role, whether a follow-up list shows it (`list_key` = 'follow_up': the
-- follow-up task kinds of the contract and start_treatment), and for those rows the facts that start and stop
-- the episode's quality clocks (QUALITY-KPIS.md: IOF-K3, FLSDB-5/NL-2, IOF-K7/FLSDB-9, IOF-K10) with the
-- earliest deadline that no recorded event has stopped (`clock_due`, its kind in `clock_kind`). The clocks
-- themselves, their states and days left, are computed on read (server clocks/qualityClocks.ts) from the same
-- facts; this file only keeps the facts and the sort key. The windows below are the defaults of
-- DEFAULT_QUALITY_CLOCK_SETTINGS (a test compares the two).
--
-- Which task kinds the follow-up lists show: FOLLOW_UP_TASK_KINDS (contract codes.ts) and start_treatment.
CREATE FUNCTION osteopad_worklist_list_key(kind text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT CASE WHEN kind IN ('start_treatment', 'treatment_evaluation', 'control_visit', 'yearly_check',
    'adherence_check', 'denosumab_injection', 'zoledronic_acid_infusion', 'pre_infusion_blood_test',
    'romosozumab_injection', 'anabolic_course_end', 'start_follow_on_antiresorptive', 'standard_reevaluation',
    'gp_handover_confirmation', 'new_fracture_review') THEN 'follow_up' END
$fn$;
--> statement-breakpoint
-- The earliest deadline among the clocks that apply and that no recorded event has stopped ('9999-12-31' when
-- none), and that clock's kind. Assessment ≤ 84 d (stopped by the first decision), DXA ≤ 90 d (the first DXA
-- exam), first follow-up ≤ 112 d (the first follow-up contact), on treatment at 364 d (a 52-week adherence
-- check answered adherent, or a course that runs until the deadline; applies once treatment is decided or a
-- course exists).
CREATE FUNCTION osteopad_follow_up_clock(
  fracture date, assessed date, dxa date, contact date, persistence date, treated_until date, outcome text,
  OUT due date, OUT kind text)
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT coalesce(min(v.d), '9999-12-31'::date), (array_agg(v.k ORDER BY v.d, v.o))[1]
    FROM (VALUES
      (1, 'assessment_12w', CASE WHEN assessed IS NULL THEN fracture + 84 END),
      (2, 'dxa_90d', CASE WHEN dxa IS NULL THEN fracture + 90 END),
      (3, 'follow_up_16w', CASE WHEN contact IS NULL THEN fracture + 112 END),
      (4, 'persistence_52w', CASE WHEN persistence IS NULL
            AND (treated_until IS NOT NULL OR outcome = 'treating')
            AND (treated_until IS NULL OR treated_until < fracture + 364) THEN fracture + 364 END)
    ) v(o, k, d)
   WHERE v.d IS NOT NULL
$fn$;
--> statement-breakpoint
-- A task's row (as in 0013) with the columns of the follow-up lists. The clock facts are looked up only for the
-- rows a follow-up list shows (CASE evaluates the lookups lazily), so the import's case-finding tasks cost what
-- they cost before.
CREATE OR REPLACE FUNCTION osteopad_worklist_task_rows(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    SELECT t.id, t.organization_id, t.kind, t.patient_id, e.id, f.id, t.id, e.state::text,
           p.family_name, p.given_names, p.initials, p.bsn, p.birth_date, p.sex::text,
           date_part('year', age(f.fracture_date, p.birth_date))::int, f.fracture_date,
           f.site_code, f.site_text, f.icd10_code, e.patient_group, f.eligibility::text, f.eligibility_reason,
           coalesce(f.eligibility_engine->'assumptions', '[]'::jsonb), f.source_format, t.due_date,
           lower(p.family_name), coalesce(f.site_code, ''), t.due_date,
           t.assignee_role::text, l.list_key, c.assessed_on, c.dxa_on, c.first_contact_on, c.persistence_on,
           c.treated_until, c.decision_outcome, coalesce(k.due, '9999-12-31'::date), k.kind
      FROM %s t
      JOIN episodes e ON e.id = t.episode_id
      JOIN patients p ON p.id = t.patient_id
      JOIN fracture_events f ON f.id = e.index_fracture_id
      CROSS JOIN LATERAL (SELECT osteopad_worklist_list_key(t.kind) AS list_key) l
      LEFT JOIN LATERAL (
        SELECT (SELECT min(d.assessed_on) FROM decisions d WHERE d.episode_id = e.id) AS assessed_on,
               (SELECT min(x.exam_date) FROM dxa_exams x WHERE x.episode_id = e.id) AS dxa_on,
               (SELECT min(coalesce((y.details->'completion'->>'on')::date,
                                    (y.completed_at AT TIME ZONE 'Europe/Amsterdam')::date))
                  FROM tasks y
                 WHERE y.episode_id = e.id AND y.status = 'done'
                   AND y.kind IN ('start_treatment', 'treatment_evaluation', 'control_visit', 'yearly_check',
                                  'adherence_check', 'new_fracture_review')
                   AND y.outcome NOT IN ('not_reached', 'not_given')) AS first_contact_on,
               (SELECT min(coalesce((y.details->'completion'->>'on')::date,
                                    (y.completed_at AT TIME ZONE 'Europe/Amsterdam')::date))
                  FROM tasks y
                 WHERE y.episode_id = e.id AND y.status = 'done' AND y.kind = 'adherence_check'
                   AND y.details->>'weeks' = '52' AND y.outcome = 'adherent') AS persistence_on,
               (SELECT max(coalesce(r.ended_on, '9999-12-31'::date)) FROM treatments r
                 WHERE r.episode_id = e.id) AS treated_until,
               (SELECT d.outcome::text FROM decisions d WHERE d.episode_id = e.id
                 ORDER BY d.sequence DESC LIMIT 1) AS decision_outcome
         WHERE l.list_key IS NOT NULL
      ) c ON true
      LEFT JOIN LATERAL osteopad_follow_up_clock(f.fracture_date, c.assessed_on, c.dxa_on, c.first_contact_on,
           c.persistence_on, c.treated_until, c.decision_outcome) k ON l.list_key IS NOT NULL
     WHERE t.status = 'open'$q$, source)
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION osteopad_worklist_excluded_rows(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    SELECT f.id, f.organization_id, 'excluded', f.patient_id, NULL::uuid, f.id, NULL::uuid, NULL::text,
           p.family_name, p.given_names, p.initials, p.bsn, p.birth_date, p.sex::text,
           date_part('year', age(f.fracture_date, p.birth_date))::int, f.fracture_date,
           f.site_code, f.site_text, f.icd10_code, NULL::patient_group, f.eligibility::text, f.eligibility_reason,
           coalesce(f.eligibility_engine->'assumptions', '[]'::jsonb), f.source_format, NULL::date,
           lower(p.family_name), coalesce(f.site_code, ''), f.fracture_date,
           NULL::text, NULL::text, NULL::date, NULL::date, NULL::date, NULL::date, NULL::date, NULL::text,
           '9999-12-31'::date, NULL::text
      FROM %s f
      JOIN patients p ON p.id = f.patient_id
     WHERE f.eligibility = 'excluded'$q$, source)
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION osteopad_worklist_insert() RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT 'INSERT INTO worklist_items (item_id, organization_id, entry_kind, patient_id, episode_id, fracture_id, task_id, episode_state, family_name, given_names, initials, bsn, birth_date, sex, age_at_fracture, fracture_date, site_code, site_text, icd10_code, patient_group, eligibility, eligibility_reason, assumptions, source, task_due_date, name_key, site_key, due_key, assignee_role, list_key, assessed_on, dxa_on, first_contact_on, persistence_on, treated_until, decision_outcome, clock_due, clock_kind) '
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION osteopad_worklist_upsert() RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT ' ON CONFLICT (item_id) DO UPDATE SET (organization_id, entry_kind, patient_id, episode_id, fracture_id, task_id, episode_state, family_name, given_names, initials, bsn, birth_date, sex, age_at_fracture, fracture_date, site_code, site_text, icd10_code, patient_group, eligibility, eligibility_reason, assumptions, source, task_due_date, name_key, site_key, due_key, assignee_role, list_key, assessed_on, dxa_on, first_contact_on, persistence_on, treated_until, decision_outcome, clock_due, clock_kind) = (EXCLUDED.organization_id, EXCLUDED.entry_kind, EXCLUDED.patient_id, EXCLUDED.episode_id, EXCLUDED.fracture_id, EXCLUDED.task_id, EXCLUDED.episode_state, EXCLUDED.family_name, EXCLUDED.given_names, EXCLUDED.initials, EXCLUDED.bsn, EXCLUDED.birth_date, EXCLUDED.sex, EXCLUDED.age_at_fracture, EXCLUDED.fracture_date, EXCLUDED.site_code, EXCLUDED.site_text, EXCLUDED.icd10_code, EXCLUDED.patient_group, EXCLUDED.eligibility, EXCLUDED.eligibility_reason, EXCLUDED.assumptions, EXCLUDED.source, EXCLUDED.task_due_date, EXCLUDED.name_key, EXCLUDED.site_key, EXCLUDED.due_key, EXCLUDED.assignee_role, EXCLUDED.list_key, EXCLUDED.assessed_on, EXCLUDED.dxa_on, EXCLUDED.first_contact_on, EXCLUDED.persistence_on, EXCLUDED.treated_until, EXCLUDED.decision_outcome, EXCLUDED.clock_due, EXCLUDED.clock_kind)'
$fn$;
--> statement-breakpoint
-- As in 0013, and a task handed to another role or given another outcome refreshes its patient too: the
-- follow-up lists filter on the role, and a completed contact's outcome stops a clock.
CREATE OR REPLACE FUNCTION osteopad_worklist_rows_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  affected uuid[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.patient_id) INTO affected FROM old_rows o;
  ELSIF TG_TABLE_NAME = 'tasks' THEN
    SELECT array_agg(DISTINCT x) INTO affected FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.patient_id), (n.patient_id)) v(x)
     WHERE (o.status, o.kind, o.due_date, o.episode_id, o.patient_id, o.assignee_role, o.outcome)
           IS DISTINCT FROM (n.status, n.kind, n.due_date, n.episode_id, n.patient_id, n.assignee_role, n.outcome);
  ELSIF TG_TABLE_NAME = 'episodes' THEN
    SELECT array_agg(DISTINCT x) INTO affected FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.patient_id), (n.patient_id)) v(x)
     WHERE (o.state, o.patient_group, o.index_fracture_id, o.patient_id)
           IS DISTINCT FROM (n.state, n.patient_group, n.index_fracture_id, n.patient_id);
  ELSIF TG_TABLE_NAME = 'patients' THEN
    SELECT array_agg(DISTINCT n.id) INTO affected FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.family_name, o.given_names, o.initials, o.bsn, o.birth_date, o.sex, o.organization_id)
           IS DISTINCT FROM (n.family_name, n.given_names, n.initials, n.bsn, n.birth_date, n.sex, n.organization_id);
  ELSIF TG_TABLE_NAME = 'fracture_events' THEN
    SELECT array_agg(DISTINCT x) INTO affected FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.patient_id), (n.patient_id)) v(x)
     WHERE (o.patient_id, o.fracture_date, o.site_code, o.site_text, o.icd10_code, o.eligibility,
            o.eligibility_reason, o.eligibility_engine->'assumptions', o.source_format)
           IS DISTINCT FROM (n.patient_id, n.fracture_date, n.site_code, n.site_text, n.icd10_code, n.eligibility,
            n.eligibility_reason, n.eligibility_engine->'assumptions', n.source_format);
  ELSE
    RAISE EXCEPTION 'osteopad_worklist_rows_changed: unexpected table %', TG_TABLE_NAME;
  END IF;
  PERFORM osteopad_worklist_refresh(affected);
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
-- The events that start and stop a clock happen outside the tasks: a decision recorded, a DXA exam recorded,
-- moved or removed, a course started, stopped or completed. Each refreshes the rows of its patients; a patient
-- has a handful of rows, and these are single-row writes.
CREATE FUNCTION osteopad_worklist_clock_events() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  affected uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.patient_id) INTO affected FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.patient_id) INTO affected FROM old_rows o;
  ELSIF TG_TABLE_NAME = 'dxa_exams' THEN
    SELECT array_agg(DISTINCT x) INTO affected FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.patient_id), (n.patient_id)) v(x)
     WHERE (o.exam_date, o.episode_id) IS DISTINCT FROM (n.exam_date, n.episode_id);
  ELSIF TG_TABLE_NAME = 'treatments' THEN
    SELECT array_agg(DISTINCT x) INTO affected FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.patient_id), (n.patient_id)) v(x)
     WHERE (o.status, o.ended_on, o.started_on, o.episode_id) IS DISTINCT FROM (n.status, n.ended_on, n.started_on, n.episode_id);
  ELSE
    RAISE EXCEPTION 'osteopad_worklist_clock_events: unexpected table %', TG_TABLE_NAME;
  END IF;
  PERFORM osteopad_worklist_refresh(affected);
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE TRIGGER worklist_decisions_inserted AFTER INSERT ON decisions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osteopad_worklist_clock_events();
--> statement-breakpoint
CREATE TRIGGER worklist_dxa_exams_inserted AFTER INSERT ON dxa_exams
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osteopad_worklist_clock_events();
--> statement-breakpoint
CREATE TRIGGER worklist_dxa_exams_updated AFTER UPDATE ON dxa_exams
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osteopad_worklist_clock_events();
--> statement-breakpoint
CREATE TRIGGER worklist_dxa_exams_deleted AFTER DELETE ON dxa_exams
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION osteopad_worklist_clock_events();
--> statement-breakpoint
CREATE TRIGGER worklist_treatments_inserted AFTER INSERT ON treatments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osteopad_worklist_clock_events();
--> statement-breakpoint
CREATE TRIGGER worklist_treatments_updated AFTER UPDATE ON treatments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osteopad_worklist_clock_events();
--> statement-breakpoint
-- The rows already there get their new columns: the task rows are derived again (as the owner).
DELETE FROM worklist_items WHERE task_id IS NOT NULL;
--> statement-breakpoint
DO $do$
BEGIN
  EXECUTE osteopad_worklist_insert() || osteopad_worklist_task_rows('tasks');
END
$do$;
