/**
 * Every module that defines jobs, schedules or outbox consumers, imported by the processes that
 * run jobs (server/production.ts through the app's entry, server/worker.ts). A module not listed
 * here is not known to the worker: its jobs would go dead as "not registered".
 */
import './cleanup.server.ts';
import '~/outbox/relay.server.ts';
import '~/handbook/feed-schedule.server.ts';
import '~/delivery/jobs.server.ts';
import '~/notifications/consumer.server.ts';
import '~/market/certificate-reminders.server.ts';
