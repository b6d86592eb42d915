// The notifications consumer, driven by the outbox rows the real use cases write: who hears what,
// in which language, by which channel, and that a replay after a crash adds nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feeds, notifications, places, products, users } from '#db/schema/index.ts';
import { importFeed } from '~/handbook/news.server.ts';
import { ownerInTenant, withTenant, type MemberScope } from '#db/scope.ts';
import { MAIL_JOB, SMS_JOB, mailJobSchema, smsJobSchema } from '~/delivery/messages.ts';
import { resetEnv } from '~/lib/env.server.ts';
import { remindExpiringCertificates } from '~/market/certificate-reminders.server.ts';
import { placeOrders } from '~/market/checkout.server.ts';
import { buyerMove, markPaid, rateItem, sellerMove } from '~/market/orders.server.ts';
import { setPayout } from '~/market/payouts.server.ts';
import { createProduct, moderateProduct } from '~/market/products.server.ts';
import type { ProductInput } from '~/market/schemas.ts';
import { applyToSell, approveSeller, rejectSeller, setModeration } from '~/market/sellers.server.ts';
import { handleNotificationEvent, type OutboxEvent } from '~/notifications/consumer.server.ts';
import {
  countUnread,
  listNotifications,
  markAllRead,
  markRead,
  savePreferences,
  getPreferences,
  unsubscribe,
  unsubscribeKind,
} from '~/notifications/inbox.server.ts';
import { replyToInquiry, sendInquiry } from '~/tourism/inquiries.server.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import { makeCommune, makeMember, makeUser as makeAnyUser } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';
import { asOfficial, permitted } from '#tests/support/permissions.ts';

const ORIGIN = 'https://baan.example.org';
let database: TestDatabase;
type Commune = { id: string; slug: string; official: { id: string }; seller: { id: string }; sellerId: string };
let a: Commune;
let b: Commune;
let buyer: { id: string };
const seen = new Set<string>();

const member = (c: Commune, userId: string): MemberScope => ({ ...scopeFor(database, c.id, userId), tenantId: c.id, userId });
const asOwner = <const S extends MemberScope>(scope: S) => permitted(scope, ['shop.manage'], { roles: ['seller'], owner: true });
const buyerScope = () => ({ ...scopeFor(database, null, buyer.id), userId: buyer.id });
const profile = (name: string) => ({ name, hamlet: 'Thôn 1', story: { vi: 'Câu chuyện' }, phone: '0900000000', zalo: null, isCooperative: false });
const delivery = { name: 'Phạm Thu Trang', phone: '0900000901', provinceCode: 'VN-01', commune: 'Phường Ba Đình', street: '12 Phố Đội Cấn', note: undefined };

function input(overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    title: { vi: 'Mật ong bạc hà', en: 'Mint honey' },
    description: {},
    season: {},
    category: 'other',
    unit: 'kg',
    price: 250000,
    stock: 50,
    weightGrams: undefined,
    certStars: undefined,
    certNumber: undefined,
    certAuthority: undefined,
    certIssuedOn: undefined,
    certExpiresOn: undefined,
    ...overrides,
  };
}

/** Accounts here have proved their address and number: only verified ones get mail or SMS. */
const makeUser = (db: typeof database, overrides: Parameters<typeof makeAnyUser>[1] = {}) =>
  makeAnyUser(db, { emailVerifiedAt: new Date(), phoneVerifiedAt: overrides.phone ? new Date() : null, ...overrides });

async function makeMarket(phone: string | null): Promise<Commune> {
  const commune = await makeCommune(database);
  const official = await makeUser(database, { phone: phone ? '+84912000001' : '+84912000002' });
  await makeMember(database, commune.id, official.id, 'official');
  const seller = await makeUser(database, { phone });
  const sellerId = await applyToSell(member({ ...commune, official, seller, sellerId: '' }, seller.id), profile('Nhà Ong Thử'));
  await approveSeller(asOfficial(member({ ...commune, official, seller, sellerId }, official.id)), sellerId);
  return { ...commune, official, seller, sellerId };
}

type Row = { id: string; tenant_id: string; type: string; payload: Record<string, unknown>; actor_user_id: string | null; created_at: Date };

/** What the relay does: hands each new outbox event (in order) to the consumer, in the event's commune. */
async function relay(options: { replay?: boolean } = {}): Promise<OutboxEvent[]> {
  const rows = await database.query<Row>(`select id, tenant_id, type, payload, actor_user_id, created_at from outbox_events order by created_at, id`);
  const fresh = rows.filter((r) => options.replay || !seen.has(r.id));
  const events = fresh.map((r, i) => ({
    id: r.id,
    tenantId: r.tenant_id,
    seq: i + 1,
    type: r.type,
    payload: r.payload,
    actorUserId: r.actor_user_id,
    createdAt: new Date(r.created_at),
  }));
  for (const event of events) {
    await withTenant({ db: database.db, tenantId: event.tenantId, userId: null }, (tx) => handleNotificationEvent(tx, event));
    seen.add(event.id);
  }
  return events;
}

const inbox = (userId: string) =>
  database.query<{ kind: string; params: Record<string, unknown>; link: string; tenant_id: string }>(
    `select kind, params, link, tenant_id from notifications where user_id = $1 order by created_at`,
    [userId],
  );
type JobRow = { name: string; key: string; payload: Record<string, unknown> };
const jobsFor = (address: string) =>
  database.query<JobRow>(`select name, key, payload from jobs where name in ($1, $2) and payload->>'to' = $3 order by created_at`, [
    MAIL_JOB,
    SMS_JOB,
    address,
  ]);
const emailOf = async (userId: string) => (await database.db.select({ email: users.email }).from(users).where(eq(users.id, userId)))[0]!.email!;

beforeAll(async () => {
  process.env.PUBLIC_URL = ORIGIN;
  resetEnv();
  database = await createTestDatabase();
  a = await makeMarket('+84912345678');
  b = await makeMarket(null);
  buyer = await makeUser(database, { locale: 'en', phone: '+84987654321' });
  await setPayout(asOwner(member(a, a.seller.id)), a.sellerId, { kind: 'vietqr', bin: '970436', account: '0123456789', accountName: 'NHA ONG THU' });
  await relay(); // the set-up's own events
});
afterAll(async () => {
  await database.close();
  delete process.env.PUBLIC_URL;
  resetEnv();
});

describe('orders: the seller and the buyer hear each step', () => {
  let reference: string;

  it('tells the seller of a new order: inbox, e-mail and SMS in the seller’s language (the commune’s: vi), with a link', async () => {
    const honey = await createProduct(asOwner({ ...member(a, a.seller.id), currency: 'VND' as const }), a.sellerId, input(), [], true);
    const placed = await placeOrders(buyerScope(), {
      checkoutId: crypto.randomUUID(),
      lines: [{ tenantId: a.id, productId: honey.id, quantity: 2, seenPrice: 250000 }],
      delivery,
      methods: {},
    });
    reference = placed.orders[0]!.reference;
    const events = await relay();
    const placedEvent = events.find((e) => e.type === 'order.placed')!;
    const rows = await inbox(a.seller.id);
    expect(rows.at(-1)).toMatchObject({ kind: 'order_placed', link: `/${a.slug}/market/orders/${reference}`, tenant_id: a.id });
    const jobs = (await jobsFor(await emailOf(a.seller.id))).filter((j) => j.key.startsWith(placedEvent.id));
    expect(jobs).toHaveLength(1);
    const mail = mailJobSchema.parse(jobs[0]!.payload);
    expect(jobs[0]!.key).toBe(`${placedEvent.id}:notifications:${a.seller.id}:email`);
    expect(mail).toMatchObject({ locale: 'vi', essential: true, userId: a.seller.id, action: { url: `${ORIGIN}/${a.slug}/market/orders/${reference}` } });
    expect(mail.unsubscribeUrl).toBeUndefined(); // an order is essential mail
    expect(mail.lines[0]).toContain(`Đơn hàng mới ${reference}`);
    expect(mail.lines[0]).toMatch(/500\.000/);
    const sms = smsJobSchema.parse((await jobsFor('+84912345678')).at(-1)!.payload);
    expect(sms.text).toContain(reference);
    expect(sms.text).toContain(`${ORIGIN}/${a.slug}/market/orders/${reference}`);
    // The buyer placed it: nothing for them about their own action.
    expect((await inbox(buyer.id)).filter((n) => n.kind === 'order_placed')).toEqual([]);
  });

  it('tells the buyer, in English (their own language), that the order was confirmed, shipped with carrier and tracking, delivered', async () => {
    const seller = asOwner(member(a, a.seller.id));
    await sellerMove(seller, reference, { to: 'confirmed' });
    await sellerMove(seller, reference, { to: 'shipped', carrier: 'VNPost', tracking: 'EB123456789VN' });
    await sellerMove(seller, reference, { to: 'delivered' });
    await relay();
    const rows = await inbox(buyer.id);
    expect(rows.map((r) => r.kind)).toEqual(['order_confirmed', 'order_shipped', 'order_delivered']);
    expect(rows.every((r) => r.link === `/orders/${reference}`)).toBe(true);
    const mails = (await jobsFor(await emailOf(buyer.id))).filter((j) => j.name === MAIL_JOB).map((j) => mailJobSchema.parse(j.payload));
    expect(mails.map((m) => m.locale)).toEqual(['en', 'en', 'en']);
    expect(mails[1]!.lines[0]).toBe(`Your order ${reference} is on its way with VNPost, tracking EB123456789VN.`);
    // SMS for confirmed and shipped (on by default), not for delivered.
    const sms = (await jobsFor('+84987654321')).map((j) => smsJobSchema.parse(j.payload).text);
    expect(sms).toHaveLength(2);
    // The inbox renders at read time in the reader's language of the moment.
    const page = await listNotifications(database.db, buyer.id, 'vi', 1);
    expect(page.items[0]!.text).toBe(`Đơn hàng ${reference} của bạn đã được giao. Hãy xác nhận đã nhận và đánh giá.`);
  });

  it('tells the seller of a payment recorded by staff, and of a rating', async () => {
    const staff = permitted(member(a, a.official.id), ['shop.manage'], { roles: ['official'] });
    await expect(markPaid(staff, reference)).rejects.toBeTruthy(); // no consent: staff may not
    await markPaid(asOwner(member(a, a.seller.id)), reference);
    await buyerMove(buyerScope(), reference, { to: 'completed' });
    const [item] = await database.query<{ product_id: string }>(`select product_id from order_items where tenant_id = $1 limit 1`, [a.id]);
    await rateItem(buyerScope(), reference, item!.product_id, 5, undefined);
    await relay();
    // The seller marked it themself: only the buyer hears of the payment.
    expect((await inbox(buyer.id)).map((r) => r.kind)).toContain('order_paid');
    expect((await inbox(a.seller.id)).map((r) => r.kind)).not.toContain('order_paid');
    const rated = (await inbox(a.seller.id)).find((r) => r.kind === 'order_rated');
    expect(rated?.params).toMatchObject({ reference, stars: 5 });
  });

  it('tells the seller when the buyer cancels, and the buyer (with the reason) when the seller does', async () => {
    const [p] = await database.query<{ id: string }>(`select id from products where tenant_id = $1 and seller_id = $2 limit 1`, [a.id, a.sellerId]);
    const order = async () =>
      (
        await placeOrders(buyerScope(), {
          checkoutId: crypto.randomUUID(),
          lines: [{ tenantId: a.id, productId: p!.id, quantity: 1, seenPrice: 250000 }],
          delivery,
          methods: {},
        })
      ).orders[0]!.reference;
    const first = await order();
    const second = await order();
    await buyerMove(buyerScope(), first, { to: 'cancelled' });
    await sellerMove(asOwner(member(a, a.seller.id)), second, { to: 'cancelled', reason: 'Hết hàng' });
    await relay();
    const sellerSide = (await inbox(a.seller.id)).filter((r) => r.kind === 'order_cancelled');
    expect(sellerSide.map((r) => r.params.reference)).toEqual([first]);
    const buyerSide = (await inbox(buyer.id)).filter((r) => r.kind === 'order_cancelled');
    expect(buyerSide.map((r) => r.params)).toEqual([expect.objectContaining({ reference: second, by: 'seller', reason: 'Hết hàng' })]);
    const page = await listNotifications(database.db, buyer.id, 'en', 1);
    expect(page.items.find((i) => i.text.includes(second))?.text).toBe(`Nhà Ong Thử cancelled your order ${second}. Reason: Hết hàng`);
  });
});

describe('a seller without an account', () => {
  it('has the commune’s staff told of a new order instead (they keep the shop in assisted mode)', async () => {
    const { addSellerByOfficial } = await import('~/market/sellers.server.ts');
    const official = asOfficial(member(a, a.official.id));
    const helped = await addSellerByOfficial(official, profile('Bà Lò Thị Sáu'), 'Đồng ý trực tiếp tại UBND xã');
    const staff = permitted({ ...official, currency: 'VND' as const }, ['shop.manage'], { roles: ['official'] });
    const made = await createProduct(staff, helped, input({ title: { vi: 'Khăn thổ cẩm' } }), [], true);
    const placed = await placeOrders(buyerScope(), {
      checkoutId: crypto.randomUUID(),
      lines: [{ tenantId: a.id, productId: made.id, quantity: 1, seenPrice: 250000 }],
      delivery,
      methods: {},
    });
    await relay();
    const told = (await inbox(a.official.id)).filter((r) => r.kind === 'order_placed');
    expect(told.map((r) => r.params.reference)).toEqual([placed.orders[0]!.reference]);
  });
});

describe('replays, preferences and the inbox', () => {
  it('adds nothing when the relay hands the same events over again (after a crash)', async () => {
    const before = await database.query<{ n: number }>(`select count(*)::int as n from notifications`);
    const jobsBefore = await database.query<{ n: number }>(`select count(*)::int as n from jobs`);
    const replayed = await relay({ replay: true });
    expect(replayed.length).toBeGreaterThan(10);
    expect(await database.query(`select count(*)::int as n from notifications`)).toEqual(before);
    expect(await database.query(`select count(*)::int as n from jobs`)).toEqual(jobsBefore);
  });

  it('ignores event types it does not know', async () => {
    await withTenant({ db: database.db, tenantId: a.id, userId: null }, (tx) =>
      handleNotificationEvent(tx, {
        id: crypto.randomUUID(),
        tenantId: a.id,
        seq: 1,
        type: 'thing.unknown',
        payload: {},
        actorUserId: null,
        createdAt: new Date(),
      }),
    );
  });

  it('respects a person’s choice: e-mail and SMS off for ratings, SMS off for orders', async () => {
    const prefs = await getPreferences(database.db, a.seller.id);
    expect(prefs.order_placed).toEqual({ email: true, sms: true });
    expect(prefs.order_rated).toEqual({ email: true, sms: false });
    await savePreferences(database.db, a.seller.id, { ...prefs, order_placed: { email: false, sms: false }, order_rated: { email: false, sms: false } });
    expect((await getPreferences(database.db, a.seller.id)).order_placed).toEqual({ email: false, sms: false });
    const [p] = await database.query<{ id: string }>(`select id from products where tenant_id = $1 and seller_id = $2 limit 1`, [a.id, a.sellerId]);
    const mailsBefore = (await jobsFor(await emailOf(a.seller.id))).length;
    const smsBefore = (await jobsFor('+84912345678')).length;
    await placeOrders(buyerScope(), {
      checkoutId: crypto.randomUUID(),
      lines: [{ tenantId: a.id, productId: p!.id, quantity: 1, seenPrice: 250000 }],
      delivery,
      methods: {},
    });
    await relay();
    // Essential mail (an order's money) still comes; the SMS does not.
    expect((await jobsFor(await emailOf(a.seller.id))).length).toBe(mailsBefore + 1);
    expect((await jobsFor('+84912345678')).length).toBe(smsBefore);
    expect((await inbox(a.seller.id)).filter((r) => r.kind === 'order_placed')).toHaveLength(4);
  });

  it('counts unread, marks one and all read, and pages newest first', async () => {
    const unread = await countUnread(database.db, buyer.id);
    expect(unread).toBe((await inbox(buyer.id)).length);
    const page = await listNotifications(database.db, buyer.id, 'en', 1);
    expect(page.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(page.items.at(-1)!.createdAt.getTime());
    expect(await markRead(database.db, buyer.id, page.items[0]!.id)).toBe(page.items[0]!.link);
    expect(await countUnread(database.db, buyer.id)).toBe(unread - 1);
    // Another person cannot mark it (nor learn that it exists).
    expect(await markRead(database.db, a.seller.id, page.items[1]!.id)).toBeNull();
    expect(await markAllRead(database.db, buyer.id)).toBe(unread - 1);
    expect(await countUnread(database.db, buyer.id)).toBe(0);
  });
});

describe('sellers, listings and officials', () => {
  it('tells the officials of a request to sell, and the applicant of the refusal, with the reason', async () => {
    const applicant = await makeUser(database);
    const sellerId = await applyToSell(member(b, applicant.id), profile('Hợp tác xã Chè'));
    await rejectSeller(asOfficial(member(b, b.official.id)), sellerId, 'Thiếu giấy tờ');
    await relay();
    expect((await inbox(b.official.id)).filter((r) => r.kind === 'seller_applied').at(-1)).toMatchObject({
      params: { shop: 'Hợp tác xã Chè' },
      link: `/${b.slug}/market/manage`,
    });
    // Commune A's official hears nothing of B.
    expect((await inbox(a.official.id)).filter((r) => r.kind === 'seller_applied' && r.tenant_id === b.id)).toEqual([]);
    expect((await inbox(applicant.id)).map((r) => [r.kind, r.params.reason])).toEqual([['seller_rejected', 'Thiếu giấy tờ']]);
  });

  it('tells the seller their request was approved', async () => {
    expect((await inbox(b.seller.id)).map((r) => r.kind)).toEqual(['seller_approved']);
  });

  it('puts a listing waiting for review before the officials, then tells the seller it was approved or not', async () => {
    await setModeration(asOfficial(member(b, b.official.id)), true);
    const owner = asOwner({ ...member(b, b.seller.id), currency: 'VND' as const });
    const one = await createProduct(owner, b.sellerId, input({ title: { vi: 'Chè Shan Tuyết' } }), [], true);
    const two = await createProduct(owner, b.sellerId, input({ title: { vi: 'Gạo nương' } }), [], true);
    await moderateProduct(asOfficial(member(b, b.official.id)), one.id, { approve: true });
    await moderateProduct(asOfficial(member(b, b.official.id)), two.id, { approve: false, reason: 'Thiếu ảnh' });
    await relay();
    expect((await inbox(b.official.id)).filter((r) => r.kind === 'listing_pending')).toHaveLength(2);
    const sellerRows = (await inbox(b.seller.id)).filter((r) => r.kind.startsWith('listing_'));
    expect(sellerRows.map((r) => r.kind)).toEqual(['listing_approved', 'listing_rejected']);
    expect(sellerRows[1]!.params.reason).toBe('Thiếu ảnh');
    // B's seller has no phone: no SMS; the mail has an unsubscribe link (not essential).
    const mails = (await jobsFor(await emailOf(b.seller.id))).map((j) => mailJobSchema.parse(j.payload));
    const rejected = mails.find((m) => m.lines[0]!.includes('Gạo nương'))!;
    expect(rejected.essential).toBe(false);
    expect(rejected.unsubscribeUrl).toMatch(new RegExp(`^${ORIGIN}/unsubscribe/[A-Za-z0-9_-]{20,}$`));
  });

  it('a member’s unsubscribe link shows on their preferences page, and turning the kind on there again undoes it', async () => {
    const mails = (await jobsFor(await emailOf(b.seller.id))).map((j) => mailJobSchema.parse(j.payload));
    const token = mails
      .find((m) => m.lines[0]!.includes('Gạo nương'))!
      .unsubscribeUrl!.split('/')
      .at(-1)!;
    const email = await emailOf(b.seller.id);
    expect((await getPreferences(database.db, b.seller.id, email)).listing_rejected.email).toBe(true);
    expect(await unsubscribe(database.db, token)).toBe('listing_rejected');
    const after = await getPreferences(database.db, b.seller.id, email);
    expect(after.listing_rejected.email).toBe(false);
    expect(after.listing_approved.email).toBe(true); // only the link's kind
    await savePreferences(database.db, b.seller.id, { ...after, listing_rejected: { email: true, sms: false } }, email);
    expect((await getPreferences(database.db, b.seller.id, email)).listing_rejected.email).toBe(true);
    expect(await database.query(`select kind from unsubscribed_addresses where kind = 'listing_rejected'`)).toEqual([]);
  });

  it('tells the seller of a payout account change and who made it, even when it was them', async () => {
    await relay();
    const rows = (await inbox(a.seller.id)).filter((r) => r.kind === 'payout_changed');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.params).toMatchObject({ last4: '6789', shop: 'Nhà Ong Thử' });
    const page = await listNotifications(database.db, a.seller.id, 'en', 1);
    const [me] = await database.db.select({ name: users.displayName }).from(users).where(eq(users.id, a.seller.id));
    expect(page.items.find((i) => i.text.includes('6789'))?.text).toContain(`${me!.name} changed the payout account of Nhà Ong Thử`);
  });

  it('tells officials and editors of a news feed that failed three times in a row, once', async () => {
    const editor = await makeUser(database);
    await makeMember(database, a.id, editor.id, 'editor');
    // A feed on an address Baan refuses to fetch (a private one): every import fails, at once.
    const [feed] = await ownerInTenant(database.db, a.id, (tx) =>
      tx.insert(feeds).values({ tenantId: a.id, url: 'http://127.0.0.1:9/rss', title: 'Tin huyện' }).returning({ id: feeds.id }),
    );
    const scope = { ...scopeFor(database, a.id, null), tenantId: a.id };
    for (let i = 0; i < 2; i++) expect(await importFeed(scope, feed!.id)).toMatchObject({ status: 'failed' });
    await relay();
    expect((await inbox(a.official.id)).filter((r) => r.kind === 'feed_failing')).toEqual([]); // two: not yet
    for (let i = 0; i < 3; i++) await importFeed(scope, feed!.id);
    await relay();
    for (const who of [a.official.id, editor.id]) expect((await inbox(who)).filter((r) => r.kind === 'feed_failing')).toHaveLength(1);
    expect((await inbox(a.seller.id)).filter((r) => r.kind === 'feed_failing')).toEqual([]);
  });

  it('tells a member an official issued them a recovery code, in the inbox only', async () => {
    await withTenant({ db: database.db, tenantId: a.id, userId: a.official.id }, (tx) =>
      recordEvent(tx, a.id, 'member.recovery_code_issued', { userId: buyer.id, issuedBy: a.official.id }, a.official.id),
    );
    const mails = (await jobsFor(await emailOf(buyer.id))).length;
    await relay();
    const page = await listNotifications(database.db, buyer.id, 'en', 1);
    expect(page.items[0]!.text).toMatch(/^An official of Test Commune \d+ issued you a recovery code\.$/);
    expect((await jobsFor(await emailOf(buyer.id))).length).toBe(mails);
  });
});

describe('certificates about to expire', () => {
  it('tells the seller once per listing and expiry date', async () => {
    const owner = asOwner({ ...member(a, a.seller.id), currency: 'VND' as const });
    const certified = await createProduct(
      owner,
      a.sellerId,
      input({
        title: { vi: 'Chè OCOP' },
        certStars: 4,
        certNumber: 'OCOP-1',
        certAuthority: 'UBND tỉnh',
        certIssuedOn: '2023-01-10',
        certExpiresOn: '2027-01-20',
      }),
      [],
      true,
    );
    const later = await createProduct(
      owner,
      a.sellerId,
      input({
        title: { vi: 'Mật ong OCOP' },
        certStars: 3,
        certNumber: 'OCOP-2',
        certAuthority: 'UBND tỉnh',
        certIssuedOn: '2023-01-10',
        certExpiresOn: '2027-06-01',
      }),
      [],
      true,
    );
    expect(await remindExpiringCertificates(database.db, '2026-12-01')).toBe(0); // 50 days ahead: not yet
    expect(await remindExpiringCertificates(database.db, '2026-12-25')).toBe(1);
    expect(await remindExpiringCertificates(database.db, '2026-12-26')).toBe(0); // the next day: told already
    // A renewed certificate with a new date is told again when its turn comes.
    await ownerInTenant(database.db, a.id, (tx) =>
      tx
        .update(products)
        .set({ certExpiresOn: '2027-02-10' })
        .where(and(eq(products.tenantId, a.id), eq(products.id, certified.id))),
    );
    expect(await remindExpiringCertificates(database.db, '2027-01-15')).toBe(1);
    await relay();
    const rows = (await inbox(a.seller.id)).filter((r) => r.kind === 'certificate_expiring');
    expect(rows.map((r) => r.params.day)).toEqual(['2027-01-20', '2027-02-10']);
    expect(rows[0]!.link).toBe(`/${a.slug}/market/products/${certified.id}/edit`);
    expect(later.id).not.toBe(certified.id);
  });
});

describe('homestays: the host hears of an inquiry, the guest of the reply', () => {
  let placeId: string;
  let host: { id: string };
  beforeAll(async () => {
    host = await makeUser(database, { locale: 'th' });
    await makeMember(database, a.id, host.id, 'seller');
    const [place] = await ownerInTenant(database.db, a.id, (tx) =>
      tx
        .insert(places)
        .values({
          tenantId: a.id,
          slug: 'homestay-may',
          kind: 'homestay',
          published: true,
          name: { vi: 'Homestay Mây', en: 'Cloud Homestay' },
          lat: 22.3,
          lon: 103.9,
          ownerUserId: host.id,
        })
        .returning({ id: places.id }),
    );
    placeId = place!.id;
  });

  async function ask(email: string | null, phone: string | null) {
    return sendInquiry(
      { ...scopeFor(database, a.id, null), tenantId: a.id },
      'homestay-may',
      { checkIn: '2099-03-01', checkOut: '2099-03-03', guests: 2, name: 'Anna', phone, email, message: 'Một phòng đôi?' },
      'en',
      `client-${crypto.randomUUID()}`,
    );
  }

  it('tells the host (in Thai, their language) by inbox and e-mail (no phone: no SMS), linking to the inquiries', async () => {
    await ask('anna@example.org', '0903123456');
    await relay();
    const rows = (await inbox(host.id)).filter((r) => r.kind === 'inquiry_received');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.link).toBe(`/${a.slug}/tourism/inquiries`);
    const mail = mailJobSchema.parse((await jobsFor(await emailOf(host.id)))[0]!.payload);
    expect(mail.locale).toBe('th');
    expect(mail.lines[0]).toContain('Anna สอบถามเรื่อง Homestay Mây');
    expect(placeId).toBeTruthy();
  });

  it('sends the host’s reply to the guest’s e-mail and phone, in the guest’s language, with an unsubscribe link that works without an account', async () => {
    const [inquiry] = await database.query<{ id: string }>(`select id from inquiries where email = 'anna@example.org'`);
    const hostScope = permitted(member(a, host.id), ['inquiry.read'], { roles: ['seller'] });
    await replyToInquiry(hostScope, inquiry!.id, 'Còn phòng, mời bạn đến!');
    const events = await relay();
    const replied = events.find((e) => e.type === 'inquiry.replied')!;
    const [mailJob] = await jobsFor('anna@example.org');
    expect(mailJob!.key).toBe(`${replied.id}:notifications:anna@example.org:email`);
    const mail = mailJobSchema.parse(mailJob!.payload);
    expect(mail).toMatchObject({ locale: 'en', essential: false, action: { url: `${ORIGIN}/${a.slug}/tourism/homestay-may` } });
    expect(mail.lines[0]).toBe('Cloud Homestay replied to your inquiry: Còn phòng, mời bạn đến!');
    const sms = smsJobSchema.parse((await jobsFor('+84903123456'))[0]!.payload);
    expect(sms.text).toContain('Còn phòng');
    // The SMS carries its own way to stop (a guest has no preferences page), in the guest's language.
    expect(sms.stop).toMatch(new RegExp(`^Stop texts like this: ${ORIGIN}/unsubscribe/[A-Za-z0-9_-]{32}$`));
    const smsToken = sms.stop!.split('/').at(-1)!;
    expect(smsToken).not.toBe(mail.unsubscribeUrl!.split('/').at(-1));
    // The guest unsubscribes by the mail's link: the next reply is not e-mailed (the SMS still goes).
    const token = mail.unsubscribeUrl!.split('/').at(-1)!;
    expect(await unsubscribeKind(database.db, token)).toBe('inquiry_reply');
    expect(await unsubscribe(database.db, token)).toBe('inquiry_reply');
    expect(await unsubscribe(database.db, token)).toBe('inquiry_reply'); // twice: the same answer
    expect(await unsubscribe(database.db, 'not-a-token')).toBeNull();
    await replyToInquiry(hostScope, inquiry!.id, 'Nhắc lại: còn phòng.');
    await relay();
    expect(await jobsFor('anna@example.org')).toHaveLength(1);
    expect(await jobsFor('+84903123456')).toHaveLength(2);
    // Then by the SMS's link: the third reply reaches neither.
    expect(await unsubscribe(database.db, smsToken)).toBe('inquiry_reply');
    await replyToInquiry(hostScope, inquiry!.id, 'Lần cuối: còn phòng.');
    await relay();
    expect(await jobsFor('anna@example.org')).toHaveLength(1);
    expect(await jobsFor('+84903123456')).toHaveLength(2);
    // The guest has no account: nobody's inbox got the reply.
    expect(await database.query(`select 1 from notifications where kind = 'inquiry_reply'`)).toEqual([]);
  });
});

describe('isolation of the inbox', () => {
  it('lets a person read only their own notifications, from every commune', async () => {
    const mine = await withTenant(scopeFor(database, null, buyer.id), (tx) => tx.select({ userId: notifications.userId }).from(notifications));
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.userId))).toEqual(new Set([buyer.id]));
  });

  it('hides the commune’s notifications of others from its own requests, an official’s included', async () => {
    const inA = await withTenant(scopeFor(database, a.id, a.official.id), (tx) => tx.select({ userId: notifications.userId }).from(notifications));
    expect(new Set(inA.map((r) => r.userId))).toEqual(new Set([a.official.id]));
    const anonymous = await withTenant(scopeFor(database, a.id, null), (tx) => tx.select().from(notifications));
    expect(anonymous).toEqual([]);
    // Nor can anyone mark another's as read, or move a row to another person.
    const [row] = await database.query<{ id: string }>(`select id from notifications where user_id = $1 limit 1`, [a.seller.id]);
    const changed = await withTenant(scopeFor(database, a.id, a.official.id), (tx) =>
      tx.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, row!.id)).returning({ id: notifications.id }),
    );
    expect(changed).toEqual([]);
    await expect(
      withTenant(scopeFor(database, a.id, a.seller.id), (tx) => tx.update(notifications).set({ userId: buyer.id }).where(eq(notifications.id, row!.id))),
    ).rejects.toBeTruthy();
  });

  it('refuses a notification written into another commune', async () => {
    await expect(
      withTenant(scopeFor(database, b.id, null), (tx) =>
        tx.insert(notifications).values({ tenantId: a.id, userId: buyer.id, kind: 'order_placed', link: '/', sourceEventId: crypto.randomUUID() }),
      ),
    ).rejects.toBeTruthy();
  });
});

it('writes only the inbox when PUBLIC_URL is not set', async () => {
  process.env.PUBLIC_URL = '';
  resetEnv();
  try {
    const jobs = await database.query<{ n: number }>(`select count(*)::int as n from jobs`);
    await withTenant(member(a, a.seller.id), (tx) => recordEvent(tx, a.id, 'seller.approved', { sellerId: a.sellerId }, a.official.id));
    await relay();
    expect((await inbox(a.seller.id)).filter((r) => r.kind === 'seller_approved')).toHaveLength(2);
    expect(await database.query(`select count(*)::int as n from jobs`)).toEqual(jobs);
  } finally {
    process.env.PUBLIC_URL = ORIGIN;
    resetEnv();
  }
});
