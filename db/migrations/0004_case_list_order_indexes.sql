CREATE INDEX "cases_created_case_number_idx" ON "cases" USING btree ("created_at","case_number");--> statement-breakpoint
CREATE INDEX "cases_queue_status_created_idx" ON "cases" USING btree ("queue_code","status","created_at","case_number");--> statement-breakpoint
CREATE INDEX "cases_status_created_idx" ON "cases" USING btree ("status","created_at","case_number");