import { and, count, desc, eq } from 'drizzle-orm';
import { inquiries, places, type InquiryStatus } from '#db/schema/index.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { withTenant, type CommuneScope } from '#db/scope.ts';
import { permits, type PermittedScope } from '~/auth/permissions.ts';
import { AppError } from '~/lib/errors.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import type { InquiryInput } from './schemas.ts';
import { spendLimits } from '~/lib/rate-limit.server.ts';

/** A tourist asks a homestay about a stay. Anyone may send one; only the commune reads it. */
/**
 * A guest's inquiry to a published homestay. Anyone may ask, so asking is limited per client
 * (`clientKey`) and then per homestay, counted only for a homestay that exists: a 429 sends nothing.
 */
export async function sendInquiry(scope: CommuneScope, placeSlug: string, input: InquiryInput, locale: string, clientKey: string): Promise<string> {
  return withTenant(scope, async (tx) => {
    const [place] = await tx
      .select({ id: places.id, kind: places.kind })
      .from(places)
      .where(and(eq(places.tenantId, scope.tenantId), eq(places.slug, placeSlug), eq(places.published, true)));
    if (!place || place.kind !== 'homestay') throw new AppError('not_found', 'common:errors.notFound');
    const placeId = place.id;
    await spendLimits(tx, [
      { limit: 'inquiryClient', key: clientKey },
      { limit: 'inquiryPlace', key: placeId },
    ]);
    const [row] = await tx
      .insert(inquiries)
      .values({
        tenantId: scope.tenantId,
        placeId,
        checkIn: input.checkIn,
        checkOut: input.checkOut,
        guests: input.guests,
        name: input.name,
        phone: input.phone,
        email: input.email,
        message: input.message ?? null,
        locale,
      })
      .returning({ id: inquiries.id });
    await recordEvent(
      tx,
      scope.tenantId,
      'inquiry.received',
      { inquiryId: row!.id, placeId, checkIn: input.checkIn, checkOut: input.checkOut, guests: input.guests },
      scope.userId,
    );
    return row!.id;
  });
}

export type InquiryRow = typeof inquiries.$inferSelect & { placeName: LocaleText; placeSlug: string };

/** The inbox: officials see every inquiry of the commune, a host those of the places they own. */
export async function listInquiries(scope: PermittedScope<'inquiry.read'>): Promise<InquiryRow[]> {
  const all = permits(scope, 'inquiry.readAll');
  return withTenant(scope, (tx) =>
    tx
      .select({
        tenantId: inquiries.tenantId,
        id: inquiries.id,
        placeId: inquiries.placeId,
        status: inquiries.status,
        checkIn: inquiries.checkIn,
        checkOut: inquiries.checkOut,
        guests: inquiries.guests,
        name: inquiries.name,
        phone: inquiries.phone,
        email: inquiries.email,
        message: inquiries.message,
        locale: inquiries.locale,
        createdAt: inquiries.createdAt,
        updatedAt: inquiries.updatedAt,
        placeName: places.name,
        placeSlug: places.slug,
      })
      .from(inquiries)
      .innerJoin(places, and(eq(places.tenantId, inquiries.tenantId), eq(places.id, inquiries.placeId)))
      .where(and(eq(inquiries.tenantId, scope.tenantId), all ? undefined : eq(places.ownerUserId, scope.userId)))
      .orderBy(desc(inquiries.createdAt))
      .limit(300),
  );
}

/** How many inquiries wait for an answer (the desk's badge): all of the commune's for officials, a host's own. */
export async function countNewInquiries(scope: PermittedScope<'inquiry.read'>): Promise<number> {
  const all = permits(scope, 'inquiry.readAll');
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select({ n: count() })
      .from(inquiries)
      .innerJoin(places, and(eq(places.tenantId, inquiries.tenantId), eq(places.id, inquiries.placeId)))
      .where(and(eq(inquiries.tenantId, scope.tenantId), eq(inquiries.status, 'new'), all ? undefined : eq(places.ownerUserId, scope.userId))),
  );
  return row?.n ?? 0;
}

export async function setInquiryStatus(scope: PermittedScope<'inquiry.read'>, id: string, status: InquiryStatus): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [row] = await tx
      .select({ ownerUserId: places.ownerUserId, status: inquiries.status })
      .from(inquiries)
      .innerJoin(places, and(eq(places.tenantId, inquiries.tenantId), eq(places.id, inquiries.placeId)))
      .where(and(eq(inquiries.tenantId, scope.tenantId), eq(inquiries.id, id)));
    if (!row || !(permits(scope, 'inquiry.readAll') || row.ownerUserId === scope.userId)) throw new AppError('not_found', 'common:errors.notFound');
    if (row.status === status) return;
    await tx
      .update(inquiries)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(inquiries.tenantId, scope.tenantId), eq(inquiries.id, id)));
    await recordEvent(tx, scope.tenantId, 'inquiry.status_changed', { inquiryId: id, from: row.status, to: status }, scope.userId);
  });
}

/**
 * The host (or an official) answers a guest: the reply goes to the e-mail address or phone the
 * guest left (the notifications consumer sends it, after the commit), and the inquiry is marked
 * replied. The words travel in the outbox event only.
 */
export async function replyToInquiry(scope: PermittedScope<'inquiry.read'>, id: string, message: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [row] = await tx
      .select({ ownerUserId: places.ownerUserId, status: inquiries.status })
      .from(inquiries)
      .innerJoin(places, and(eq(places.tenantId, inquiries.tenantId), eq(places.id, inquiries.placeId)))
      .where(and(eq(inquiries.tenantId, scope.tenantId), eq(inquiries.id, id)))
      .for('update', { of: inquiries });
    if (!row || !(permits(scope, 'inquiry.readAll') || row.ownerUserId === scope.userId)) throw new AppError('not_found', 'common:errors.notFound');
    if (row.status !== 'replied') {
      await tx
        .update(inquiries)
        .set({ status: 'replied', updatedAt: new Date() })
        .where(and(eq(inquiries.tenantId, scope.tenantId), eq(inquiries.id, id)));
    }
    await recordEvent(tx, scope.tenantId, 'inquiry.replied', { inquiryId: id, message }, scope.userId);
  });
}
