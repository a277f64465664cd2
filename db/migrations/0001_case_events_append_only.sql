-- Custom SQL migration file, put your code below! ---- The case event log is the audit trail (kept 7 years): rows are never rewritten.
-- Deletes stay possible for the retention purge and for cascades from a purged case.
CREATE FUNCTION case_events_reject_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only: case % sequence % cannot be updated', OLD.case_id, OLD.sequence
    USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_reject_update();
