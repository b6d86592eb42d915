CREATE POLICY "runner_read" ON "jobs" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "runner_update" ON "jobs" AS PERMISSIVE FOR UPDATE TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "runner_delete" ON "jobs" AS PERMISSIVE FOR DELETE TO public USING (true);