import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '#db/client.ts';
import { communes, notificationPreferences, notifications, unsubscribeTokens, unsubscribedAddresses } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';
import {
  ACCOUNT_KINDS,
  NOTIFICATION_KINDS,
  OPTIONAL_CHANNELS,
  defaultOn,
  isNotificationKind,
  type NotificationKind,
  type OptionalChannel,
} from '#domain/notifications.ts';
import type { Locale } from '~/i18n/config.ts';
import { hashAddress, hashToken } from './consumer.server.ts';
import { pickText, renderNotification } from './texts.server.ts';

// Every read here runs as the person, in no commune: the own-rows policy lets them see their
// notifications from every commune, and nobody else's.
const asPerson = (db: Db, userId: string) => ({ db, tenantId: null, userId });

export const PAGE_SIZE = 20;

/** How many of the person's notifications are unread (the bell). One index-only count. */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await withTenant(asPerson(db, userId), (tx) =>
    tx
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  );
  return row?.n ?? 0;
}

export type InboxItem = { id: string; text: string; link: string; commune: string; timeZone: string; read: boolean; createdAt: Date };

/** One page of the person's inbox, newest first, each text in `locale`. */
export async function listNotifications(db: Db, userId: string, locale: Locale, page: number): Promise<{ items: InboxItem[]; more: boolean }> {
  const rows = await withTenant(asPerson(db, userId), (tx) =>
    tx
      .select({
        id: notifications.id,
        kind: notifications.kind,
        params: notifications.params,
        link: notifications.link,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
        commune: communes.name,
        timeZone: communes.timeZone,
      })
      .from(notifications)
      .innerJoin(communes, eq(communes.id, notifications.tenantId))
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(PAGE_SIZE + 1)
      .offset((page - 1) * PAGE_SIZE),
  );
  const items = rows.slice(0, PAGE_SIZE).map((r) => ({
    id: r.id,
    text: isNotificationKind(r.kind) ? renderNotification(r.kind, r.params, locale) : '',
    link: r.link,
    commune: pickText(r.commune, locale),
    timeZone: r.timeZone,
    read: r.readAt !== null,
    createdAt: r.createdAt,
  }));
  return { items, more: rows.length > PAGE_SIZE };
}

/** Marks one of the person's notifications read; returns its link (null when it is not theirs). */
export async function markRead(db: Db, userId: string, id: string): Promise<string | null> {
  const [row] = await withTenant(asPerson(db, userId), (tx) =>
    tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.userId, userId), eq(notifications.id, id)))
      .returning({ link: notifications.link }),
  );
  return row?.link ?? null;
}

export async function markAllRead(db: Db, userId: string): Promise<number> {
  const rows = await withTenant(asPerson(db, userId), (tx) =>
    tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id }),
  );
  return rows.length;
}

export type Preferences = Record<NotificationKind, Record<OptionalChannel, boolean>>;

/** The person's choices, defaults filled in, for every kind they may choose for. */
/**
 * The person's choices. With their e-mail address: a kind turned off by an unsubscribe link in a
 * mail to that address shows e-mail off too (the link and the page say the same thing).
 */
export async function getPreferences(db: Db, userId: string, email: string | null = null): Promise<Preferences> {
  return withTenant(asPerson(db, userId), async (tx) => {
    const rows = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    const stopped = email ? await unsubscribedKinds(tx, email) : new Set<string>();
    const result = {} as Preferences;
    for (const kind of ACCOUNT_KINDS) {
      result[kind] = { email: defaultOn(kind, 'email'), sms: defaultOn(kind, 'sms') };
      for (const channel of OPTIONAL_CHANNELS) {
        const chosen = rows.find((r) => r.kind === kind && r.channel === channel);
        if (chosen) result[kind][channel] = chosen.enabled;
      }
      if (stopped.has(kind) && !NOTIFICATION_KINDS[kind].essential) result[kind].email = false;
    }
    return result;
  });
}

async function unsubscribedKinds(tx: Tx, email: string): Promise<Set<string>> {
  const rows = await tx
    .select({ kind: unsubscribedAddresses.kind })
    .from(unsubscribedAddresses)
    .where(eq(unsubscribedAddresses.addressHash, hashAddress(email)));
  return new Set(rows.map((r) => r.kind));
}

/**
 * Saves every choice of the form (a box not ticked is off). A kind the person turns e-mail on for
 * again, after stopping it by a link in a mail to `email`, comes to that address again.
 */
export async function savePreferences(db: Db, userId: string, choices: Preferences, email: string | null = null): Promise<void> {
  const values = ACCOUNT_KINDS.flatMap((kind) =>
    OPTIONAL_CHANNELS.map((channel) => ({ userId, kind, channel, enabled: choices[kind]?.[channel] ?? false, updatedAt: new Date() })),
  );
  await withTenant(asPerson(db, userId), async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values(values)
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind, notificationPreferences.channel],
        set: { enabled: sql`excluded.enabled`, updatedAt: sql`excluded.updated_at` },
      });
    const wanted = ACCOUNT_KINDS.filter((kind) => choices[kind]?.email);
    if (email && wanted.length) {
      await tx.delete(unsubscribedAddresses).where(and(eq(unsubscribedAddresses.addressHash, hashAddress(email)), inArray(unsubscribedAddresses.kind, wanted)));
    }
  });
}

/** What an unsubscribe link turns off (null: no such link). */
export async function unsubscribeKind(db: Db, token: string): Promise<NotificationKind | null> {
  const [row] = await withTenant({ db, tenantId: null, userId: null }, (tx) =>
    tx
      .select({ kind: unsubscribeTokens.kind })
      .from(unsubscribeTokens)
      .where(eq(unsubscribeTokens.tokenHash, hashToken(token))),
  );
  return row && isNotificationKind(row.kind) ? row.kind : null;
}

/** Turns the link's kind off for its address; the same answer when done twice. Null: no such link. */
export async function unsubscribe(db: Db, token: string): Promise<NotificationKind | null> {
  return withTenant({ db, tenantId: null, userId: null }, async (tx) => {
    const [row] = await tx
      .select({ kind: unsubscribeTokens.kind, addressHash: unsubscribeTokens.addressHash })
      .from(unsubscribeTokens)
      .where(eq(unsubscribeTokens.tokenHash, hashToken(token)));
    if (!row || !isNotificationKind(row.kind)) return null;
    await tx.insert(unsubscribedAddresses).values({ addressHash: row.addressHash, kind: row.kind }).onConflictDoNothing();
    return row.kind;
  });
}
