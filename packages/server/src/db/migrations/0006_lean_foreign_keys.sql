ALTER TABLE "episode_events" DROP CONSTRAINT "episode_events_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "episodes" DROP CONSTRAINT "episodes_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "fracture_events" DROP CONSTRAINT "fracture_events_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "fracture_events" DROP CONSTRAINT "fracture_events_import_id_imports_id_fk";
--> statement-breakpoint
ALTER TABLE "imports" DROP CONSTRAINT "imports_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "patients" DROP CONSTRAINT "patients_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "report_findings" DROP CONSTRAINT "report_findings_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "report_findings" DROP CONSTRAINT "report_findings_import_id_imports_id_fk";
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_organization_id_organizations_id_fk";
