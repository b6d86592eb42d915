import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Tx } from '#db/client.ts';
import {
  communes,
  feeds,
  inquiries,
  memberships,
  notificationPreferences,
  notifications,
  orders,
  places,
  products,
  sellers,
  unsubscribeTokens,
  unsubscribedAddresses,
  users,
} from '#db/schema/index.ts';
import { INBOX_ONLY_KINDS, NOTIFICATION_KINDS, NOTIFICATIONS_CONSUMER, defaultOn, type NotificationKind, type OptionalChannel } from '#domain/notifications.ts';
import { rolesHolding, type Action } from '~/auth/permissions.ts';
import { MAIL_JOB, SMS_JOB, type MailJob, type SmsJob } from '~/delivery/messages.ts';
import type { Locale } from '~/i18n/config.ts';
import { enqueue } from '~/jobs/queue.server.ts';
import { jobLinkOrigin } from '~/lib/env.server.ts';
import { defineConsumer, type OutboxEvent } from '~/outbox/relay.server.ts';
import { chooseLocale, kindLabel, pickText, renderNotification, sayIn } from './texts.server.ts';

/** An outbox event as the relay hands it over. */
export type { OutboxEvent };

/** The consumer's name (domain/notifications.ts). */
export const CONSUMER = NOTIFICATIONS_CONSUMER;

type Commune = { id: string; slug: string; name: unknown; defaultLocale: string; country: string; timeZone: string };
type Guest = { email: string | null; phone: string | null; locale: string | null };
type Delivery = {
  kind: NotificationKind;
  /** People with an account, by id; or a guest by the addresses they left. */
  to: { users: string[] } | { guest: Guest };
  params: Record<string, unknown>;
  /** A path on this site. */
  link: string;
};

type Context = { tx: Tx; event: OutboxEvent; commune: Commune; payload: Record<string, unknown> };

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/**
 * Where a person can be reached outside the inbox. The one place that decides it: an address
 * is used only if this returns it: verified addresses and numbers only (ADR 018).
 */
export async function recipientAddresses(tx: Tx, userIds: readonly string[]) {
  if (!userIds.length) return new Map<string, { email: string | null; phone: string | null; locale: string | null; name: string }>();
  const rows = await tx
    .select({
      id: users.id,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      phone: users.phone,
      phoneVerifiedAt: users.phoneVerifiedAt,
      locale: users.locale,
      name: users.displayName,
    })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  // Only verified addresses: mail or SMS to an address nobody proved is theirs could reach a
  // stranger (and costs the commune an SMS). Until then the inbox is the only channel.
  return new Map(
    rows.map((r) => [r.id, { email: (r.emailVerifiedAt && r.email) || null, phone: (r.phoneVerifiedAt && r.phone) || null, locale: r.locale, name: r.name }]),
  );
}

/** The members of the commune holding a role that may do `action`. */
async function holders(ctx: Context, action: Action): Promise<string[]> {
  const roles = rolesHolding(action);
  const rows = await ctx.tx
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.commune.id), inArray(memberships.role, roles)));
  return rows.map((r) => r.userId);
}

async function seller(ctx: Context, sellerId: unknown) {
  const id = str(sellerId);
  if (!id) return null;
  const [row] = await ctx.tx
    .select({ id: sellers.id, userId: sellers.userId, name: sellers.name })
    .from(sellers)
    .where(and(eq(sellers.tenantId, ctx.commune.id), eq(sellers.id, id)));
  return row ?? null;
}

async function order(ctx: Context) {
  const id = str(ctx.payload.orderId);
  if (!id) return null;
  const [row] = await ctx.tx
    .select({
      reference: orders.reference,
      buyerId: orders.buyerId,
      sellerId: orders.sellerId,
      sellerUserId: sellers.userId,
      shop: sellers.name,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      carrier: orders.carrier,
      tracking: orders.tracking,
      cancelReason: orders.cancelReason,
    })
    .from(orders)
    .innerJoin(sellers, and(eq(sellers.tenantId, orders.tenantId), eq(sellers.id, orders.sellerId)))
    .where(and(eq(orders.tenantId, ctx.commune.id), eq(orders.id, id)));
  return row ?? null;
}

async function product(ctx: Context) {
  const id = str(ctx.payload.productId);
  if (!id) return null;
  const [row] = await ctx.tx
    .select({ id: products.id, title: products.title, sellerId: products.sellerId, sellerUserId: sellers.userId, shop: sellers.name })
    .from(products)
    .innerJoin(sellers, and(eq(sellers.tenantId, products.tenantId), eq(sellers.id, products.sellerId)))
    .where(and(eq(products.tenantId, ctx.commune.id), eq(products.id, id)));
  return row ?? null;
}

/**
 * Who looks after a shop's orders: its owner; for a seller without an account (kept by the
 * commune's staff in assisted mode), the members who may assist shops.
 */
async function shopKeepers(ctx: Context, sellerUserId: string | null): Promise<{ users: string[] }> {
  return sellerUserId ? { users: [sellerUserId] } : { users: await holders(ctx, 'shop.assist') };
}

const users_ = (...ids: (string | null | undefined)[]) => ({ users: ids.filter((id): id is string => !!id) });

/** Each event type Baan notifies about, and who hears what. Unknown types are not here. */
const HANDLERS: Record<string, (ctx: Context) => Promise<Delivery[]>> = {
  async 'order.placed'(ctx) {
    const o = await order(ctx);
    if (!o) return [];
    const params = { reference: o.reference, totalMinor: o.totalMinor, currency: o.currency };
    return [{ kind: 'order_placed', to: await shopKeepers(ctx, o.sellerUserId), params, link: `/${ctx.commune.slug}/market/orders/${o.reference}` }];
  },
  async 'order.confirmed'(ctx) {
    const o = await order(ctx);
    if (!o) return [];
    return [{ kind: 'order_confirmed', to: users_(o.buyerId), params: { reference: o.reference, shop: o.shop }, link: `/orders/${o.reference}` }];
  },
  async 'order.shipped'(ctx) {
    const o = await order(ctx);
    if (!o) return [];
    const params = { reference: o.reference, shop: o.shop, carrier: o.carrier ?? '', tracking: o.tracking ?? '' };
    return [{ kind: 'order_shipped', to: users_(o.buyerId), params, link: `/orders/${o.reference}` }];
  },
  async 'order.delivered'(ctx) {
    const o = await order(ctx);
    if (!o) return [];
    return [{ kind: 'order_delivered', to: users_(o.buyerId), params: { reference: o.reference, shop: o.shop }, link: `/orders/${o.reference}` }];
  },
  async 'order.cancelled'(ctx) {
    const o = await order(ctx);
    if (!o) return [];
    if (ctx.payload.by === 'buyer')
      return [
        {
          kind: 'order_cancelled',
          to: await shopKeepers(ctx, o.sellerUserId),
          params: { reference: o.reference, by: 'buyer' },
          link: `/${ctx.commune.slug}/market/orders/${o.reference}`,
        },
      ];
    const reason = str(ctx.payload.reason) ?? o.cancelReason ?? '';
    return [
      {
        kind: 'order_cancelled',
        to: users_(o.buyerId),
        params: { reference: o.reference, shop: o.shop, by: 'seller', reason },
        link: `/orders/${o.reference}`,
      },
    ];
  },
  async 'order.paid'(ctx) {
    const o = await order(ctx);
    if (!o) return [];
    const params = { reference: o.reference, totalMinor: o.totalMinor, currency: o.currency, shop: o.shop };
    return [
      { kind: 'order_paid', to: users_(o.buyerId), params, link: `/orders/${o.reference}` },
      // The seller hears of it when staff recorded it for them.
      { kind: 'order_paid', to: users_(o.sellerUserId), params, link: `/${ctx.commune.slug}/market/orders/${o.reference}` },
    ];
  },
  async 'order.rated'(ctx) {
    const o = await order(ctx);
    if (!o) return [];
    const params = { reference: o.reference, stars: Number(ctx.payload.stars) || 0 };
    return [{ kind: 'order_rated', to: users_(o.sellerUserId), params, link: `/${ctx.commune.slug}/market/sellers/${o.sellerId}` }];
  },
  async 'product.approved'(ctx) {
    const p = await product(ctx);
    if (!p) return [];
    return [{ kind: 'listing_approved', to: users_(p.sellerUserId), params: { title: p.title }, link: `/${ctx.commune.slug}/market/products/${p.id}/edit` }];
  },
  async 'product.rejected'(ctx) {
    const p = await product(ctx);
    if (!p) return [];
    const params = { title: p.title, reason: str(ctx.payload.reason) ?? '' };
    return [{ kind: 'listing_rejected', to: users_(p.sellerUserId), params, link: `/${ctx.commune.slug}/market/products/${p.id}/edit` }];
  },
  async 'product.submitted'(ctx) {
    const p = await product(ctx);
    if (!p) return [];
    return [
      {
        kind: 'listing_pending',
        to: { users: await holders(ctx, 'product.takedown') },
        params: { title: p.title },
        link: `/${ctx.commune.slug}/market/manage`,
      },
    ];
  },
  async 'product.certificate_expiring'(ctx) {
    const p = await product(ctx);
    if (!p) return [];
    const params = { title: p.title, day: str(ctx.payload.expiresOn) ?? '' };
    return [{ kind: 'certificate_expiring', to: users_(p.sellerUserId), params, link: `/${ctx.commune.slug}/market/products/${p.id}/edit` }];
  },
  async 'seller.applied'(ctx) {
    const s = await seller(ctx, ctx.payload.sellerId);
    if (!s) return [];
    return [
      { kind: 'seller_applied', to: { users: await holders(ctx, 'seller.review') }, params: { shop: s.name }, link: `/${ctx.commune.slug}/market/manage` },
    ];
  },
  async 'seller.approved'(ctx) {
    const s = await seller(ctx, ctx.payload.sellerId);
    if (!s) return [];
    return [{ kind: 'seller_approved', to: users_(s.userId), params: { commune: ctx.commune.name }, link: `/${ctx.commune.slug}/market/sellers/${s.id}` }];
  },
  async 'seller.rejected'(ctx) {
    const s = await seller(ctx, ctx.payload.sellerId);
    if (!s) return [];
    const params = { commune: ctx.commune.name, reason: str(ctx.payload.reason) ?? '' };
    return [{ kind: 'seller_rejected', to: users_(s.userId), params, link: `/${ctx.commune.slug}/market/sell` }];
  },
  async 'seller.payout_change_requested'(ctx) {
    const s = await seller(ctx, ctx.payload.sellerId);
    if (!s) return [];
    const actor = ctx.event.actorUserId ? (await recipientAddresses(ctx.tx, [ctx.event.actorUserId])).get(ctx.event.actorUserId) : undefined;
    const params = {
      shop: s.name,
      last4: str(ctx.payload.last4) ?? '',
      effective: str(ctx.payload.effectiveAt) ?? ctx.event.createdAt.toISOString(),
      timeZone: ctx.commune.timeZone,
      by: actor?.name ?? '',
    };
    return [{ kind: 'payout_changed', to: users_(s.userId), params, link: `/${ctx.commune.slug}/market/sellers/${s.id}` }];
  },
  async 'inquiry.received'(ctx) {
    const id = str(ctx.payload.inquiryId);
    if (!id) return [];
    const [row] = await ctx.tx
      .select({
        name: inquiries.name,
        checkIn: inquiries.checkIn,
        checkOut: inquiries.checkOut,
        guests: inquiries.guests,
        place: places.name,
        host: places.ownerUserId,
      })
      .from(inquiries)
      .innerJoin(places, and(eq(places.tenantId, inquiries.tenantId), eq(places.id, inquiries.placeId)))
      .where(and(eq(inquiries.tenantId, ctx.commune.id), eq(inquiries.id, id)));
    if (!row) return [];
    // A homestay without a host on Baan: the commune's officials answer for it.
    const to = row.host ? users_(row.host) : { users: await holders(ctx, 'inquiry.readAll') };
    const params = { name: row.name, place: row.place, checkIn: row.checkIn, checkOut: row.checkOut, guests: row.guests };
    return [{ kind: 'inquiry_received', to, params, link: `/${ctx.commune.slug}/tourism/inquiries` }];
  },
  async 'inquiry.replied'(ctx) {
    const id = str(ctx.payload.inquiryId);
    if (!id) return [];
    const [row] = await ctx.tx
      .select({ email: inquiries.email, phone: inquiries.phone, locale: inquiries.locale, place: places.name, slug: places.slug })
      .from(inquiries)
      .innerJoin(places, and(eq(places.tenantId, inquiries.tenantId), eq(places.id, inquiries.placeId)))
      .where(and(eq(inquiries.tenantId, ctx.commune.id), eq(inquiries.id, id)));
    if (!row) return [];
    const params = { place: row.place, message: str(ctx.payload.message) ?? '' };
    return [
      {
        kind: 'inquiry_reply',
        to: { guest: { email: row.email, phone: row.phone, locale: row.locale } },
        params,
        link: `/${ctx.commune.slug}/tourism/${row.slug}`,
      },
    ];
  },
  async 'news.feed_failing'(ctx) {
    const id = str(ctx.payload.feedId);
    if (!id) return [];
    const [feed] = await ctx.tx
      .select({ url: feeds.url, title: feeds.title })
      .from(feeds)
      .where(and(eq(feeds.tenantId, ctx.commune.id), eq(feeds.id, id)));
    if (!feed) return [];
    const params = { feed: feed.title || feed.url, failures: Number(ctx.payload.failures) || 0 };
    return [{ kind: 'feed_failing', to: { users: await holders(ctx, 'news.manage') }, params, link: `/${ctx.commune.slug}/news/manage` }];
  },
  async 'member.recovery_code_issued'(ctx) {
    return [{ kind: 'recovery_code_issued', to: users_(str(ctx.payload.userId)), params: { commune: ctx.commune.name }, link: '/account' }];
  },
};

/** The event types this consumer acts on (for the relay's and the tests' information). */
export const NOTIFIED_EVENT_TYPES = Object.keys(HANDLERS);

/** Kinds sent to the person who acted too (a change of payout account is told to the shop's owner even when it was them: a stolen session would be). */
const TELL_THE_ACTOR: ReadonlySet<NotificationKind> = new Set(['payout_changed']);

let warnedNoPublicUrl = false;

export const hashAddress = (address: string) => createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The notifications consumer: turns one outbox event into inbox rows and queued e-mails and SMS.
 * Runs inside `withTenant({ db, tenantId: event.tenantId, userId: null }, tx => …)`. Idempotent
 * per (event, recipient, channel): inbox rows are unique on (event, user) and the mail and SMS
 * jobs are keyed `{event}:notifications:{recipient}:{channel}`, so a replay adds nothing.
 */
export async function handleNotificationEvent(tx: Tx, event: OutboxEvent): Promise<void> {
  const handler = Object.hasOwn(HANDLERS, event.type) ? HANDLERS[event.type] : undefined;
  if (!handler) return;
  const [commune] = await tx
    .select({
      id: communes.id,
      slug: communes.slug,
      name: communes.name,
      defaultLocale: communes.defaultLocale,
      country: communes.country,
      timeZone: communes.timeZone,
    })
    .from(communes)
    .where(eq(communes.id, event.tenantId));
  if (!commune) return;
  const ctx: Context = { tx, event, commune, payload: event.payload ?? {} };
  const deliveries = await handler(ctx);
  const origin = jobLinkOrigin();
  if (!origin && !warnedNoPublicUrl) {
    warnedNoPublicUrl = true;
    console.warn('PUBLIC_URL is not set: notifications go to the inbox only; no e-mail or SMS is queued until it is.');
  }
  for (const delivery of deliveries) {
    if ('guest' in delivery.to) await deliverToGuest(ctx, delivery, delivery.to.guest, origin);
    else await deliverToUsers(ctx, delivery, delivery.to.users, origin);
  }
}

async function deliverToUsers(ctx: Context, delivery: Delivery, ids: string[], origin: string | null) {
  const recipients = [...new Set(ids)].filter((id) => id !== ctx.event.actorUserId || TELL_THE_ACTOR.has(delivery.kind));
  if (!recipients.length) return;
  await ctx.tx
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        tenantId: ctx.commune.id,
        userId,
        kind: delivery.kind,
        params: delivery.params,
        link: delivery.link,
        sourceEventId: ctx.event.id,
      })),
    )
    .onConflictDoNothing();
  if (!origin || INBOX_ONLY_KINDS.includes(delivery.kind)) return;
  const addresses = await recipientAddresses(ctx.tx, recipients);
  const choices = await ctx.tx
    .select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, recipients), eq(notificationPreferences.kind, delivery.kind)));
  const wants = (userId: string, channel: OptionalChannel) => {
    if (channel === 'email' && NOTIFICATION_KINDS[delivery.kind].essential) return true;
    return choices.find((c) => c.userId === userId && c.channel === channel)?.enabled ?? defaultOn(delivery.kind, channel);
  };
  for (const userId of recipients) {
    const person = addresses.get(userId);
    if (!person) continue;
    const locale = chooseLocale(person.locale, ctx.commune.defaultLocale);
    if (person.email && wants(userId, 'email')) await sendMail(ctx, delivery, { email: person.email, locale, userId, ref: userId }, origin);
    const phone = person.phone && wants(userId, 'sms') ? e164(person.phone, ctx.commune.country) : null;
    if (phone) await sendSms(ctx, delivery, { phone, locale, userId, ref: userId }, origin);
  }
}

async function deliverToGuest(ctx: Context, delivery: Delivery, guest: Guest, origin: string | null) {
  if (!origin) return; // a guest has no inbox
  const locale = chooseLocale(guest.locale, ctx.commune.defaultLocale);
  const email = str(guest.email?.trim().toLowerCase());
  if (email && !(await unsubscribed(ctx.tx, email, delivery.kind))) await sendMail(ctx, delivery, { email, locale, ref: email }, origin);
  const phone = guest.phone ? e164(guest.phone, ctx.commune.country) : null;
  if (phone && !(await unsubscribed(ctx.tx, phone, delivery.kind))) await sendSms(ctx, delivery, { phone, locale, ref: phone }, origin);
}

async function unsubscribed(tx: Tx, address: string, kind: NotificationKind): Promise<boolean> {
  const [row] = await tx
    .select({ kind: unsubscribedAddresses.kind })
    .from(unsubscribedAddresses)
    .where(and(eq(unsubscribedAddresses.addressHash, hashAddress(address)), eq(unsubscribedAddresses.kind, kind)));
  return !!row;
}

/** A phone number as E.164, read in the commune's country when written without one; null if it is not a number. */
function e164(phone: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(phone, country.toUpperCase() as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/** `{event}:notifications:{recipient}:{channel}`; a long address is replaced by its hash to fit. */
function refFor(ctx: Context, recipient: string, channel: 'email' | 'sms'): string {
  const ref = `${ctx.event.id}:${CONSUMER}:${recipient}:${channel}`;
  return ref.length <= 200 ? ref : `${ctx.event.id}:${CONSUMER}:${hashAddress(recipient).slice(0, 32)}:${channel}`;
}

async function unsubscribeUrl(tx: Tx, address: string, kind: NotificationKind, origin: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await tx.insert(unsubscribeTokens).values({ tokenHash: hashToken(token), addressHash: hashAddress(address), kind });
  return new URL(`/unsubscribe/${token}`, origin).href;
}

async function sendMail(ctx: Context, delivery: Delivery, to: { email: string; locale: Locale; userId?: string; ref: string }, origin: string) {
  // Either a person who turned this kind off by link, or a guest: the unsubscribe list holds both.
  if (to.userId && (await unsubscribed(ctx.tx, to.email, delivery.kind))) return;
  const t = sayIn(to.locale);
  const essential = NOTIFICATION_KINDS[delivery.kind].essential;
  const text = renderNotification(delivery.kind, delivery.params, to.locale);
  const url = new URL(delivery.link, origin).href;
  const unsubscribe = essential ? undefined : await unsubscribeUrl(ctx.tx, to.email, delivery.kind, origin);
  const lines = [text, t('notifications:mail.footer', { commune: pickText(ctx.commune.name, to.locale) })];
  if (unsubscribe) lines.push(t('notifications:mail.unsubscribeLine', { url: unsubscribe }));
  const ref = refFor(ctx, to.ref, 'email');
  const job: MailJob = {
    ref,
    to: to.email,
    locale: to.locale,
    subject: kindLabel(delivery.kind, to.locale),
    lines,
    action: { label: t('notifications:mail.action'), url },
    essential,
    ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}),
    ...(to.userId ? { userId: to.userId } : {}),
  };
  await enqueue(ctx.tx, MAIL_JOB, job, { tenantId: ctx.commune.id, key: ref });
}

async function sendSms(ctx: Context, delivery: Delivery, to: { phone: string; locale: Locale; userId?: string; ref: string }, origin: string) {
  // A number stopped by a link (as a guest, before signing up with it) stays stopped for that kind.
  if (to.userId && (await unsubscribed(ctx.tx, to.phone, delivery.kind))) return;
  const ref = refFor(ctx, to.ref, 'sms');
  const link = new URL(delivery.link, origin).href;
  const text = `${renderNotification(delivery.kind, delivery.params, to.locale).slice(0, 1000 - link.length - 1)} ${link}`;
  // A guest has no preferences page: their SMS carries the way to stop this kind, as their mail does.
  const stop =
    !to.userId && !NOTIFICATION_KINDS[delivery.kind].essential
      ? sayIn(to.locale)('notifications:sms.stop', { url: await unsubscribeUrl(ctx.tx, to.phone, delivery.kind, origin) })
      : undefined;
  const job: SmsJob = { ref, to: to.phone, locale: to.locale, text, ...(stop ? { stop } : {}), ...(to.userId ? { userId: to.userId } : {}) };
  await enqueue(ctx.tx, SMS_JOB, job, { tenantId: ctx.commune.id, key: ref });
}

/** The relay hands every outbox event of every commune to this consumer, in order (ADR 016). */
export const notificationsConsumer = defineConsumer({ name: CONSUMER, handle: handleNotificationEvent });
