CREATE TABLE "case_assignments" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"queue_code" text,
	"priority" "case_priority" NOT NULL,
	"agent_id" uuid,
	"load_points" integer DEFAULT 0 NOT NULL,
	"required_skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required_language" text,
	"is_senior_required" boolean DEFAULT false NOT NULL,
	"waiting_since" timestamp with time zone,
	"event_sequence" integer NOT NULL,
	"routing_decision_id" uuid,
	"assigned_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_assignments_assigned_or_waiting" CHECK (("case_assignments"."agent_id" is null) = ("case_assignments"."waiting_since" is not null)),
	CONSTRAINT "case_assignments_load_not_negative" CHECK ("case_assignments"."load_points" >= 0)
);
--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_queue_code_queues_code_fk" FOREIGN KEY ("queue_code") REFERENCES "public"."queues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_routing_decision_id_routing_decisions_id_fk" FOREIGN KEY ("routing_decision_id") REFERENCES "public"."routing_decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assignments_agent_idx" ON "case_assignments" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "case_assignments_waiting_idx" ON "case_assignments" USING btree ("priority","waiting_since") WHERE waiting_since is not null;