ALTER TABLE "routing_decisions" ADD COLUMN "priority" "case_priority";--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD COLUMN "required_skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD COLUMN "is_senior_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD COLUMN "load_points" integer DEFAULT 0 NOT NULL;