CREATE TYPE "public"."policy_apply_job_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "policy_apply_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"policy_version_id" uuid NOT NULL,
	"actor" text NOT NULL,
	"status" "policy_apply_job_status" DEFAULT 'running' NOT NULL,
	"total_cases" integer NOT NULL,
	"signalled_cases" integer DEFAULT 0 NOT NULL,
	"failed_case_ids" uuid[] DEFAULT '{}' NOT NULL,
	"batches_recorded" integer DEFAULT 0 NOT NULL,
	"last_case_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_apply_jobs" ADD CONSTRAINT "policy_apply_jobs_policy_id_sla_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."sla_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_apply_jobs" ADD CONSTRAINT "policy_apply_jobs_policy_version_id_sla_policy_versions_id_fk" FOREIGN KEY ("policy_version_id") REFERENCES "public"."sla_policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_apply_jobs_policy_started_idx" ON "policy_apply_jobs" USING btree ("policy_id","started_at");