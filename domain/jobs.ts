/**
 * A job's life: queued → running → done; a failed attempt goes back to `failed` (waiting for its
 * retry); after its last attempt a job is `dead`, kept with its last error for the operator.
 */
export const JOB_STATES = ['queued', 'running', 'failed', 'done', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];
