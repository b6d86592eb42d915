/**
 * The kinds of notification Baan sends, the channels, and which channels are on unless the
 * person turns them off (ADR 018). Plain data: the preferences page, the consumer and the schema
 * all read it.
 */
/** The notifications consumer's name in the outbox and in delivery keys (`{event}:notifications:{recipient}:{channel}`). */
export const NOTIFICATIONS_CONSUMER = 'notifications';

export const NOTIFICATION_CHANNELS = ['inbox', 'email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Channels a person may turn off (the inbox is always on). */
export const OPTIONAL_CHANNELS = ['email', 'sms'] as const satisfies readonly NotificationChannel[];
export type OptionalChannel = (typeof OPTIONAL_CHANNELS)[number];

type KindRule = {
  /** SMS unless turned off (the few that cannot wait); e-mail is on for every kind by default. */
  sms: boolean;
  /** Money and account safety: no unsubscribe link, and e-mail cannot be turned off. */
  essential: boolean;
};

export const NOTIFICATION_KINDS = {
  // a seller hears
  order_placed: { sms: true, essential: true },
  order_cancelled: { sms: false, essential: true },
  order_paid: { sms: false, essential: true },
  order_rated: { sms: false, essential: false },
  listing_approved: { sms: false, essential: false },
  listing_rejected: { sms: false, essential: false },
  seller_approved: { sms: true, essential: false },
  seller_rejected: { sms: false, essential: false },
  certificate_expiring: { sms: false, essential: false },
  payout_changed: { sms: true, essential: true },
  // a buyer hears
  order_confirmed: { sms: true, essential: true },
  order_shipped: { sms: true, essential: true },
  order_delivered: { sms: false, essential: true },
  // a host hears
  inquiry_received: { sms: true, essential: false },
  // officials and editors hear
  seller_applied: { sms: false, essential: false },
  listing_pending: { sms: false, essential: false },
  feed_failing: { sms: false, essential: false },
  // a member hears
  recovery_code_issued: { sms: false, essential: true },
  // a guest without an account hears (by the address they left; unsubscribe by link)
  inquiry_reply: { sms: true, essential: false },
} as const satisfies Record<string, KindRule>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** Kinds told in the inbox only (an account-safety notice whose code went by another way). */
export const INBOX_ONLY_KINDS: readonly NotificationKind[] = ['recovery_code_issued'];

/** Kinds a signed-in person may set preferences for (the guest's reply is not one). */
export const ACCOUNT_KINDS = NOTIFICATION_KIND_LIST.filter((k) => k !== 'inquiry_reply');

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && Object.hasOwn(NOTIFICATION_KINDS, value);
}

/** Whether `channel` is on for `kind` when the person has said nothing. */
export function defaultOn(kind: NotificationKind, channel: NotificationChannel): boolean {
  if (channel === 'inbox' || channel === 'email') return true;
  return NOTIFICATION_KINDS[kind].sms;
}
