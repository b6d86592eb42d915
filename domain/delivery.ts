/** How a message leaves Baan. */
export const CHANNELS = ['mail', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Where a message is: `queued` (its job has not run yet, or runs again), `sent` (the mail server
 * or SMS gateway accepted it), `failed` (the last attempt failed for a reason that may pass;
 * after the job's last attempt it stays so, with the provider's answer), `bounced` (refused for
 * good: the recipient does not exist), `kept` (no transport is configured: stored, not sent),
 * `suppressed` (not sent, not essential, to an address that bounced lately: app/delivery/bounces.server.ts).
 */
export const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'bounced', 'kept', 'suppressed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
