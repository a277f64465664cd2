CREATE TYPE "public"."account_type" AS ENUM('loan', 'guarantee', 'investment', 'order');--> statement-breakpoint
CREATE TYPE "public"."agent_availability" AS ENUM('online', 'away', 'offline');--> statement-breakpoint
CREATE TYPE "public"."approval_status" AS ENUM('pending', 'approved', 'rejected', 'expired', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."case_channel" AS ENUM('phone', 'email', 'portal', 'chat');--> statement-breakpoint
CREATE TYPE "public"."case_clock_kind" AS ENUM('first_response', 'resolution', 'complaint_compliance_escalation', 'complaint_resolution', 'regulator_response', 'regulator_final_response');--> statement-breakpoint
CREATE TYPE "public"."case_complexity" AS ENUM('simple', 'moderate', 'complex');--> statement-breakpoint
CREATE TYPE "public"."case_priority" AS ENUM('P1', 'P2', 'P3', 'P4');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('new', 'assigned', 'in_progress', 'pending_customer', 'escalated', 'resolved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."complaint_classification" AS ENUM('formal_complaint', 'inquiry', 'feedback');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('email', 'sms', 'phone', 'postal', 'portal');--> statement-breakpoint
CREATE TYPE "public"."customer_segment" AS ENUM('standard', 'vip', 'institutional');--> statement-breakpoint
CREATE TYPE "public"."interaction_channel" AS ENUM('phone', 'email', 'chat', 'portal', 'sms', 'postal');--> statement-breakpoint
CREATE TYPE "public"."letter_kind" AS ENUM('acknowledgement', 'interim_response', 'response');--> statement-breakpoint
CREATE TYPE "public"."note_kind" AS ENUM('note', 'customer_reply', 'system');--> statement-breakpoint
CREATE TYPE "public"."note_visibility" AS ENUM('internal', 'customer_visible');--> statement-breakpoint
CREATE TYPE "public"."outbox_channel" AS ENUM('email', 'sms', 'in_app', 'postal');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."routing_outcome" AS ENUM('assigned', 'queued', 'manual_scheduling');--> statement-breakpoint
CREATE TYPE "public"."sla_state" AS ENUM('on_track', 'warning', 'breached', 'paused', 'met', 'missed');--> statement-breakpoint
CREATE TYPE "public"."sla_time_mode" AS ENUM('business', 'calendar');--> statement-breakpoint
CREATE TYPE "public"."survey_status" AS ENUM('scheduled', 'sent', 'answered', 'expired', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('csr', 'senior', 'supervisor', 'compliance', 'admin', 'customer');--> statement-breakpoint
CREATE SEQUENCE "public"."case_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE TABLE "case_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"tat_min_minutes" integer NOT NULL,
	"tat_max_minutes" integer NOT NULL,
	"tat_time_mode" "sla_time_mode" DEFAULT 'business' NOT NULL,
	"default_queue_code" text,
	"default_priority" "case_priority" DEFAULT 'P3' NOT NULL,
	"default_complaint_classification" "complaint_classification",
	"creator_roles" "user_role"[] NOT NULL,
	"resolver_roles" "user_role"[] NOT NULL,
	"escalator_roles" "user_role"[] NOT NULL,
	"required_skill_codes" text[] DEFAULT '{}' NOT NULL,
	"requires_senior_handler" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holiday_calendars" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_code" text NOT NULL,
	"date" date NOT NULL,
	"official_date" date NOT NULL,
	"name" text NOT NULL,
	"is_observed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holidays_calendar_date_unique" UNIQUE("calendar_code","date")
);
--> statement-breakpoint
CREATE TABLE "queues" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text DEFAULT 'work' NOT NULL,
	"region_code" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reason_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"business_hours" jsonb NOT NULL,
	"holiday_calendar_code" text,
	"quiet_hours_start" time DEFAULT '21:00' NOT NULL,
	"quiet_hours_end" time DEFAULT '09:00' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"is_resolved" boolean NOT NULL,
	"position" integer NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "sla_policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"targets" jsonb NOT NULL,
	"time_mode" "sla_time_mode" DEFAULT 'business' NOT NULL,
	"holiday_calendar_code" text,
	"warning_thresholds" real[] DEFAULT '{0.75,0.9}' NOT NULL,
	"notes" text,
	"effective_from" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policy_versions_policy_version_unique" UNIQUE("policy_id","version")
);
--> statement-breakpoint
CREATE TABLE "customer_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"account_number" text NOT NULL,
	"account_type" "account_type" NOT NULL,
	"customer_role" text NOT NULL,
	"product_name" text NOT NULL,
	"status" text NOT NULL,
	"balance_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"interest_rate_percent" numeric(6, 3),
	"next_payment_due_on" date,
	"next_payment_amount_cents" bigint,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_accounts_account_number_unique" UNIQUE("account_number")
);
--> statement-breakpoint
CREATE TABLE "customer_risk_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"flag" text NOT NULL,
	"note" text,
	"raised_by" text DEFAULT 'system' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_number" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"organization_name" text,
	"email" text,
	"phone" text,
	"address_line1" text,
	"address_line2" text,
	"city" text,
	"state" text,
	"postal_code" text,
	"country" text DEFAULT 'US' NOT NULL,
	"date_of_birth" date,
	"national_id" text,
	"preferred_language" text DEFAULT 'en' NOT NULL,
	"preferred_channel" "contact_channel" DEFAULT 'email' NOT NULL,
	"communication_preferences" jsonb NOT NULL,
	"quiet_hours_start" time,
	"quiet_hours_end" time,
	"segment" "customer_segment" DEFAULT 'standard' NOT NULL,
	"region_code" text NOT NULL,
	"csat_response_count" integer DEFAULT 0 NOT NULL,
	"csat_score_sum" integer DEFAULT 0 NOT NULL,
	"last_csat_score" integer,
	"last_csat_at" timestamp with time zone,
	"last_survey_sent_at" timestamp with time zone,
	"health_score" integer DEFAULT 80 NOT NULL,
	"customer_since" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(organization_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || customer_number)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_customer_number_unique" UNIQUE("customer_number")
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_reference" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"case_id" uuid,
	"channel" "interaction_channel" NOT NULL,
	"direction" text NOT NULL,
	"agent_id" uuid,
	"summary" text NOT NULL,
	"recording_reference" text,
	"duration_seconds" integer,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_external_reference_unique" UNIQUE("external_reference")
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"account_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transactions_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "admin_audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "admin_audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"case_id" uuid,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone DEFAULT now() + interval '24 hours' NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_unique" UNIQUE("scope","key")
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_shared" boolean DEFAULT false NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_searches_owner_name_unique" UNIQUE("owner_user_id","name")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"user_agent" text,
	"ip_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"customer_id" uuid,
	"preferred_language" text DEFAULT 'en' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "agent_languages" (
	"agent_id" uuid NOT NULL,
	"language_code" text NOT NULL,
	"proficiency" text DEFAULT 'fluent' NOT NULL,
	CONSTRAINT "agent_languages_agent_id_language_code_pk" PRIMARY KEY("agent_id","language_code")
);
--> statement-breakpoint
CREATE TABLE "agent_queues" (
	"agent_id" uuid NOT NULL,
	"queue_code" text NOT NULL,
	CONSTRAINT "agent_queues_agent_id_queue_code_pk" PRIMARY KEY("agent_id","queue_code")
);
--> statement-breakpoint
CREATE TABLE "agent_skills" (
	"agent_id" uuid NOT NULL,
	"skill_code" text NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "agent_skills_agent_id_skill_code_pk" PRIMARY KEY("agent_id","skill_code")
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"email" text NOT NULL,
	"region_code" text NOT NULL,
	"is_senior_handler" boolean DEFAULT false NOT NULL,
	"capacity_points" integer DEFAULT 10 NOT NULL,
	"load_points" integer DEFAULT 0 NOT NULL,
	"availability" "agent_availability" DEFAULT 'offline' NOT NULL,
	"last_assigned_at" timestamp with time zone,
	"idle_since" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agents_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "agents_email_unique" UNIQUE("email"),
	CONSTRAINT "agents_load_not_negative" CHECK ("agents"."load_points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"conditions" jsonb NOT NULL,
	"target_queue_code" text,
	"required_skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority_adjustment" integer DEFAULT 0 NOT NULL,
	"requires_senior_handler" boolean DEFAULT false NOT NULL,
	"is_final" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_rules_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "case_clocks" (
	"case_id" uuid NOT NULL,
	"kind" "case_clock_kind" NOT NULL,
	"target_ms" bigint,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"elapsed_ms" bigint DEFAULT 0 NOT NULL,
	"paused_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"warnings_sent" text[] DEFAULT '{}' NOT NULL,
	"last_event_sequence" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_clocks_case_id_kind_pk" PRIMARY KEY("case_id","kind")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" bigint DEFAULT nextval('case_number_seq') NOT NULL,
	"workflow_id" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"channel" "case_channel" NOT NULL,
	"case_type_code" text NOT NULL,
	"subject" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"priority" "case_priority" NOT NULL,
	"is_urgent" boolean DEFAULT false NOT NULL,
	"status" "case_status" DEFAULT 'new' NOT NULL,
	"complaint_classification" "complaint_classification",
	"segment" "customer_segment" NOT NULL,
	"complexity" "case_complexity" DEFAULT 'simple' NOT NULL,
	"region_code" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"queue_code" text,
	"assignee_agent_id" uuid,
	"awaiting_assignment_since" timestamp with time zone,
	"created_by_user_id" uuid,
	"parent_case_id" uuid,
	"duplicate_of_case_id" uuid,
	"is_suspected_malicious" boolean DEFAULT false NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"reason_code" text,
	"escalation_group" text,
	"escalated_at" timestamp with time zone,
	"resolution_category_code" text,
	"resolution_notes" text,
	"sla_policy_id" uuid,
	"sla_policy_version" integer,
	"sla_state" "sla_state" DEFAULT 'on_track' NOT NULL,
	"response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"next_deadline_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"is_response_breached" boolean DEFAULT false NOT NULL,
	"is_resolution_breached" boolean DEFAULT false NOT NULL,
	"is_compliance_breached" boolean DEFAULT false NOT NULL,
	"first_response_ms" bigint,
	"time_to_resolve_ms" bigint,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"csat_score" smallint,
	"csat_is_resolved" boolean,
	"last_event_sequence" integer DEFAULT 0 NOT NULL,
	"customer_search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(subject, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('simple', coalesce(customer_search_text, '')), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_case_number_unique" UNIQUE("case_number"),
	CONSTRAINT "cases_workflow_id_unique" UNIQUE("workflow_id")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"note_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea",
	"storage_path" text,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"type" text NOT NULL,
	"actor" text NOT NULL,
	"actor_user_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_case_sequence_unique" UNIQUE("case_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"event_sequence" integer NOT NULL,
	"visibility" "note_visibility" NOT NULL,
	"kind" "note_kind" DEFAULT 'note' NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(body, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_notes_case_event_unique" UNIQUE("case_id","event_sequence")
);
--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"event_sequence" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text NOT NULL,
	"assigned_to_user_id" uuid,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "case_reviews_case_event_unique" UNIQUE("case_id","event_sequence")
);
--> statement-breakpoint
CREATE TABLE "routing_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"event_sequence" integer NOT NULL,
	"outcome" "routing_outcome" NOT NULL,
	"queue_code" text,
	"agent_id" uuid,
	"matched_rule_codes" text[] DEFAULT '{}' NOT NULL,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "routing_decisions_case_event_unique" UNIQUE("case_id","event_sequence")
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"event_sequence" integer NOT NULL,
	"kind" "letter_kind" NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text DEFAULT 'application/pdf' NOT NULL,
	"pdf_bytes" "bytea",
	"storage_path" text,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"delivery_method" text NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letters_case_event_kind_unique" UNIQUE("case_id","event_sequence","kind")
);
--> statement-breakpoint
CREATE TABLE "workflow_history_archives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"workflow_id" text NOT NULL,
	"run_id" text NOT NULL,
	"history_gzip" "bytea" NOT NULL,
	"event_count" integer NOT NULL,
	"size_bytes" bigint NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_history_archives_run_unique" UNIQUE("workflow_id","run_id")
);
--> statement-breakpoint
CREATE TABLE "case_article_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"event_sequence" integer NOT NULL,
	"referenced_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_article_references_case_event_unique" UNIQUE("case_id","event_sequence","article_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"rating" numeric(3, 2) DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"reuse_count" integer DEFAULT 0 NOT NULL,
	"is_best_practice" boolean DEFAULT false NOT NULL,
	"review_due_at" timestamp with time zone,
	"author_user_id" uuid,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_articles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" "survey_status" DEFAULT 'scheduled' NOT NULL,
	"token_hash" text,
	"scheduled_for" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"window_closes_at" timestamp with time zone,
	"score" smallint,
	"is_resolved" boolean,
	"comment" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_case_id_unique" UNIQUE("case_id"),
	CONSTRAINT "surveys_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"event_sequence" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint,
	"currency" text DEFAULT 'USD' NOT NULL,
	"reason" text NOT NULL,
	"status" "approval_status" DEFAULT 'pending' NOT NULL,
	"requested_by_user_id" uuid,
	"decided_by_user_id" uuid,
	"decision_note" text,
	"due_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approvals_case_event_unique" UNIQUE("case_id","event_sequence")
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"channel" "outbox_channel" NOT NULL,
	"recipient" text NOT NULL,
	"recipient_user_id" uuid,
	"case_id" uuid,
	"template" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "case_types" ADD CONSTRAINT "case_types_default_queue_code_queues_code_fk" FOREIGN KEY ("default_queue_code") REFERENCES "public"."queues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_calendar_code_holiday_calendars_code_fk" FOREIGN KEY ("calendar_code") REFERENCES "public"."holiday_calendars"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_holiday_calendar_code_holiday_calendars_code_fk" FOREIGN KEY ("holiday_calendar_code") REFERENCES "public"."holiday_calendars"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policy_versions" ADD CONSTRAINT "sla_policy_versions_policy_id_sla_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."sla_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policy_versions" ADD CONSTRAINT "sla_policy_versions_holiday_calendar_code_holiday_calendars_code_fk" FOREIGN KEY ("holiday_calendar_code") REFERENCES "public"."holiday_calendars"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policy_versions" ADD CONSTRAINT "sla_policy_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD CONSTRAINT "customer_accounts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_risk_flags" ADD CONSTRAINT "customer_risk_flags_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_audit_log" ADD CONSTRAINT "admin_audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_languages" ADD CONSTRAINT "agent_languages_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_queues" ADD CONSTRAINT "agent_queues_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_queues" ADD CONSTRAINT "agent_queues_queue_code_queues_code_fk" FOREIGN KEY ("queue_code") REFERENCES "public"."queues"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_skills" ADD CONSTRAINT "agent_skills_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_skills" ADD CONSTRAINT "agent_skills_skill_code_skills_code_fk" FOREIGN KEY ("skill_code") REFERENCES "public"."skills"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_target_queue_code_queues_code_fk" FOREIGN KEY ("target_queue_code") REFERENCES "public"."queues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_clocks" ADD CONSTRAINT "case_clocks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_case_type_code_case_types_code_fk" FOREIGN KEY ("case_type_code") REFERENCES "public"."case_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_queue_code_queues_code_fk" FOREIGN KEY ("queue_code") REFERENCES "public"."queues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_agent_id_agents_id_fk" FOREIGN KEY ("assignee_agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_parent_case_id_cases_id_fk" FOREIGN KEY ("parent_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_duplicate_of_case_id_cases_id_fk" FOREIGN KEY ("duplicate_of_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_reason_code_reason_codes_code_fk" FOREIGN KEY ("reason_code") REFERENCES "public"."reason_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_resolution_category_code_resolution_categories_code_fk" FOREIGN KEY ("resolution_category_code") REFERENCES "public"."resolution_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_sla_policy_id_sla_policies_id_fk" FOREIGN KEY ("sla_policy_id") REFERENCES "public"."sla_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_note_id_case_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."case_notes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_assigned_to_user_id_users_id_fk" FOREIGN KEY ("assigned_to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_queue_code_queues_code_fk" FOREIGN KEY ("queue_code") REFERENCES "public"."queues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_history_archives" ADD CONSTRAINT "workflow_history_archives_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_article_references" ADD CONSTRAINT "case_article_references_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_article_references" ADD CONSTRAINT "case_article_references_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_article_references" ADD CONSTRAINT "case_article_references_referenced_by_user_id_users_id_fk" FOREIGN KEY ("referenced_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reason_codes_category_idx" ON "reason_codes" USING btree ("category");--> statement-breakpoint
CREATE INDEX "sla_policy_versions_effective_idx" ON "sla_policy_versions" USING btree ("policy_id","effective_from");--> statement-breakpoint
CREATE INDEX "customer_accounts_customer_idx" ON "customer_accounts" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_risk_flags_active_unique" ON "customer_risk_flags" USING btree ("customer_id","flag") WHERE cleared_at is null;--> statement-breakpoint
CREATE INDEX "customers_email_idx" ON "customers" USING btree ("email");--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "customers_last_name_idx" ON "customers" USING btree (lower("last_name"));--> statement-breakpoint
CREATE INDEX "customers_search_vector_idx" ON "customers" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "interactions_customer_occurred_idx" ON "interactions" USING btree ("customer_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interactions_case_idx" ON "interactions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "transactions_customer_occurred_idx" ON "transactions" USING btree ("customer_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "transactions_account_occurred_idx" ON "transactions" USING btree ("account_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "admin_audit_log_entity_idx" ON "admin_audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "admin_audit_log_occurred_idx" ON "admin_audit_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "saved_searches_shared_idx" ON "saved_searches" USING btree ("is_shared");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "users_customer_idx" ON "users" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "agent_languages_language_idx" ON "agent_languages" USING btree ("language_code");--> statement-breakpoint
CREATE INDEX "agent_queues_queue_idx" ON "agent_queues" USING btree ("queue_code");--> statement-breakpoint
CREATE INDEX "agent_skills_skill_idx" ON "agent_skills" USING btree ("skill_code","level");--> statement-breakpoint
CREATE INDEX "agents_availability_idx" ON "agents" USING btree ("availability","region_code");--> statement-breakpoint
CREATE INDEX "routing_rules_active_position_idx" ON "routing_rules" USING btree ("is_active","position");--> statement-breakpoint
CREATE INDEX "case_clocks_open_due_idx" ON "case_clocks" USING btree ("kind","due_at") WHERE stopped_at is null;--> statement-breakpoint
CREATE INDEX "cases_queue_status_idx" ON "cases" USING btree ("queue_code","status","priority","created_at");--> statement-breakpoint
CREATE INDEX "cases_assignee_status_idx" ON "cases" USING btree ("assignee_agent_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "cases_status_priority_created_idx" ON "cases" USING btree ("status","priority","created_at");--> statement-breakpoint
CREATE INDEX "cases_customer_created_idx" ON "cases" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "cases_case_type_status_idx" ON "cases" USING btree ("case_type_code","status");--> statement-breakpoint
CREATE INDEX "cases_next_deadline_idx" ON "cases" USING btree ("next_deadline_at") WHERE status not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "cases_awaiting_assignment_idx" ON "cases" USING btree ("priority","awaiting_assignment_since") WHERE awaiting_assignment_since is not null;--> statement-breakpoint
CREATE INDEX "cases_complaints_idx" ON "cases" USING btree ("complaint_classification","status") WHERE complaint_classification = 'formal_complaint';--> statement-breakpoint
CREATE INDEX "cases_parent_idx" ON "cases" USING btree ("parent_case_id");--> statement-breakpoint
CREATE INDEX "cases_duplicate_of_idx" ON "cases" USING btree ("duplicate_of_case_id");--> statement-breakpoint
CREATE INDEX "cases_search_vector_idx" ON "cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "cases_tags_idx" ON "cases" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "attachments_case_idx" ON "attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_type_occurred_idx" ON "case_events" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "case_notes_case_created_idx" ON "case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_notes_search_vector_idx" ON "case_notes" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "case_reviews_open_idx" ON "case_reviews" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "letters_case_idx" ON "letters" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_history_archives_case_idx" ON "workflow_history_archives" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_article_references_article_idx" ON "case_article_references" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_search_vector_idx" ON "knowledge_articles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "knowledge_articles_tags_idx" ON "knowledge_articles" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "surveys_customer_sent_idx" ON "surveys" USING btree ("customer_id","sent_at");--> statement-breakpoint
CREATE INDEX "surveys_answered_idx" ON "surveys" USING btree ("answered_at");--> statement-breakpoint
CREATE INDEX "approvals_status_due_idx" ON "approvals" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" USING btree ("available_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "notification_outbox_case_idx" ON "notification_outbox" USING btree ("case_id");