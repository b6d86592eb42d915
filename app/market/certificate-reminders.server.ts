import { and, eq, gte, isNotNull, lte, ne, or, sql, isNull } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { communes, products } from '#db/schema/index.ts';
import { platformScope, withTenant } from '#db/scope.ts';
import { defineJob } from '~/jobs/queue.server.ts';
import { defineSchedule } from '~/jobs/schedules.server.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';

/** Days before a certificate's expiry that its seller is told. */
export const CERTIFICATE_NOTICE_DAYS = 30;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Tells sellers of the listings whose certificate expires within 30 days (an outbox event per
 * listing, `product.certificate_expiring`), once per listing and expiry date: the date told is
 * kept on the listing (`cert_reminded_for`), so a second run the same day, or the next days,
 * tells nobody again, and a renewed certificate with a new date is told again when its turn comes.
 * Returns how many were told.
 */
export async function remindExpiringCertificates(db: Db, today = new Date().toISOString().slice(0, 10)): Promise<number> {
  const list = await withTenant(platformScope(db), (tx) => tx.select({ id: communes.id }).from(communes));
  const until = addDays(today, CERTIFICATE_NOTICE_DAYS);
  let told = 0;
  for (const commune of list) {
    told += await withTenant({ db, tenantId: commune.id, userId: null }, async (tx) => {
      const due = await tx
        .update(products)
        .set({ certRemindedFor: sql`${products.certExpiresOn}` })
        .where(
          and(
            eq(products.tenantId, commune.id),
            isNotNull(products.certStars),
            isNotNull(products.certExpiresOn),
            gte(products.certExpiresOn, today),
            lte(products.certExpiresOn, until),
            or(isNull(products.certRemindedFor), ne(products.certRemindedFor, products.certExpiresOn)),
            sql`${products.status} in ('published', 'pending', 'draft')`,
          ),
        )
        .returning({ id: products.id, sellerId: products.sellerId, expiresOn: products.certExpiresOn });
      for (const row of due)
        await recordEvent(tx, commune.id, 'product.certificate_expiring', { productId: row.id, sellerId: row.sellerId, expiresOn: row.expiresOn }, null);
      return due.length;
    });
  }
  return told;
}

/** The daily job (the schedule is set where the runner's schedules are). */
export const certificateRemindersJob = defineJob<Record<string, never>>({
  name: 'market.certificate_reminders',
  maxAttempts: 3,
  timeoutMs: 5 * 60_000,
  handler: async ({ db }) => {
    await remindExpiringCertificates(db);
  },
});

/** Daily at 01:00 UTC (08:00 in Vietnam and Thailand), once however many workers run. */
export const certificateRemindersSchedule = defineSchedule({ name: 'market.certificate_reminders', every: 'day', at: 60, job: certificateRemindersJob });
