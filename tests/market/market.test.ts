import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkouts,
  outboxEvents,
  memberships,
  orderEvents,
  orderItems,
  orders,
  productSearch,
  products,
  sellerActions,
  sellerPayouts,
  sellers,
} from '#db/schema/index.ts';
import { withTenant, type MemberScope } from '#db/scope.ts';
import { searchCatalogue } from '~/market/catalogue.server.ts';
import { parseCatalogueQuery } from '~/market/catalogue.ts';
import { resolveCart, type CartLine } from '~/market/cart.server.ts';
import { CheckoutRefused, placeOrders } from '~/market/checkout.server.ts';
import { buyerMove, getBuyerOrder, getCommuneOrder, listBuyerOrders, listCommuneOrders, markPaid, rateItem, sellerMove } from '~/market/orders.server.ts';
import { createProduct, getPublishedProduct, moderateProduct, setProductArchived, updateProduct } from '~/market/products.server.ts';
import { MAX_QUANTITY, parsePrice, parseQuantity, payoutSchema, productInputSchema, type ProductInput } from '~/market/schemas.ts';
import { setPayout } from '~/market/payouts.server.ts';
import { addSellerByOfficial, applyToSell, approveSeller, requestConsent, setModeration } from '~/market/sellers.server.ts';
import { parseEmvco } from '~/payments/emvco.ts';
import { makeCommune, makeMember, makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';
import { asOfficial, permitted } from '#tests/support/permissions.ts';

let database: TestDatabase;
type Place = { id: string; slug: string; official: { id: string }; seller: { id: string }; sellerId: string };
let a: Place;
let b: Place;
let t: Place; // a Thai commune (THB, PromptPay)
let buyer: { id: string };

const profile = (name: string) => ({ name, hamlet: 'Thôn 1', story: { vi: 'Câu chuyện' }, phone: '0900000000', zalo: null, isCooperative: false });
const tenantScope = (place: Place, userId: string) => ({ ...scopeFor(database, place.id, userId), tenantId: place.id, userId });
const asSeller = (place: Place, currency: 'VND' | 'THB' = 'VND') => ({ ...tenantScope(place, place.seller.id), currency });
// A shop's scope as the guard gives it: to the seller themself, or to an official acting for them.
const asOwner = <const S extends MemberScope>(scope: S) => permitted(scope, ['shop.manage'], { roles: ['seller'], owner: true });
const asStaff = <const S extends MemberScope>(scope: S) => permitted(scope, ['shop.manage'], { roles: ['official'] });

function input(overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    title: { vi: 'Sản phẩm thử' },
    description: {},
    season: {},
    category: 'other',
    unit: 'kg',
    price: 100000,
    stock: 10,
    weightGrams: undefined,
    certStars: undefined,
    certNumber: undefined,
    certAuthority: undefined,
    certIssuedOn: undefined,
    certExpiresOn: undefined,
    ...overrides,
  };
}

async function makePlace(overrides: Parameters<typeof makeCommune>[1] = {}): Promise<Place> {
  const commune = await makeCommune(database, overrides);
  const official = await makeUser(database);
  await makeMember(database, commune.id, official.id, 'official');
  const seller = await makeUser(database);
  const sellerId = await applyToSell({ ...scopeFor(database, commune.id, seller.id), tenantId: commune.id, userId: seller.id }, profile('Nhà Bán Thử'));
  await approveSeller(asOfficial({ ...scopeFor(database, commune.id, official.id), tenantId: commune.id, userId: official.id }), sellerId);
  return { ...commune, official, seller, sellerId };
}

async function stockOf(place: Place, productId: string): Promise<number> {
  const [row] = await withTenant(scopeFor(database, place.id, null), (tx) =>
    tx.select({ stock: products.stock }).from(products).where(eq(products.id, productId)),
  );
  return row!.stock;
}

const delivery = { name: 'Phạm Thu Trang', phone: '0900000901', provinceCode: 'VN-01', commune: 'Phường Ba Đình', street: '12 Phố Đội Cấn', note: undefined };
const line = (place: Place, productId: string, quantity: number, seenPrice: number): CartLine => ({ tenantId: place.id, productId, quantity, seenPrice });

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makePlace();
  b = await makePlace();
  t = await makePlace({
    country: 'TH',
    provinceCode: '58',
    currency: 'THB',
    defaultLocale: 'th',
    timeZone: 'Asia/Bangkok',
    name: { th: 'บ้านรักไทยทดสอบ', en: 'Ban Rak Thai Test' },
  });
  buyer = await makeUser(database);
  await setPayout(asOwner(tenantScope(a, a.seller.id)), a.sellerId, { kind: 'vietqr', bin: '970436', account: '0123456789', accountName: 'NHA BAN THU' });
  await setPayout(asOwner(tenantScope(t, t.seller.id)), t.sellerId, { kind: 'promptpay', id: '0066812345678', accountName: 'มาลี' });
});
afterAll(async () => {
  await database.close();
});

describe('sellers', () => {
  it('asks to sell, waits, and on approval becomes a seller member', async () => {
    const [membership] = await withTenant(scopeFor(database, a.id, null), (tx) =>
      tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.tenantId, a.id), eq(memberships.userId, a.seller.id))),
    );
    expect(membership?.role).toBe('seller');
  });

  it('lets staff act for a seller only after consent, and records who acted for whom', async () => {
    const official = asOfficial(tenantScope(a, a.official.id));
    const helped = await addSellerByOfficial(official, profile('Bà Lò Thị Sáu'), 'Đồng ý trực tiếp tại UBND xã');
    const withoutConsent = await applyToSell(tenantScope(a, (await makeUser(database)).id), profile('Chưa đồng ý'));
    await approveSeller(official, withoutConsent);
    await expect(createProduct(asStaff({ ...official, currency: 'VND' }), withoutConsent, input(), [], true)).rejects.toMatchObject({
      messageKey: 'market:errors.noConsent',
    });
    // Someone who is neither the seller nor staff learns nothing: 404.
    const stranger = await makeUser(database);
    await expect(createProduct(asOwner({ ...tenantScope(a, stranger.id), currency: 'VND' }), withoutConsent, input(), [], true)).rejects.toMatchObject({
      code: 'not_found',
    });
    // Asking is not consenting: the seller has an account, so only they can confirm it.
    expect(await requestConsent(official, withoutConsent, 'Đồng ý qua điện thoại')).toBe('requested');
    await expect(createProduct(asStaff({ ...official, currency: 'VND' }), withoutConsent, input(), [], true)).rejects.toMatchObject({
      messageKey: 'market:errors.noConsent',
    });
    const made = await createProduct(asStaff({ ...official, currency: 'VND' }), helped, input({ title: { vi: 'Mật ong bạc hà' } }), [], true);
    expect(made.status).toBe('published');
    const log = await withTenant(scopeFor(database, a.id, null), (tx) =>
      tx
        .select()
        .from(sellerActions)
        .where(and(eq(sellerActions.sellerId, helped), eq(sellerActions.action, 'product.created'))),
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: a.official.id, onBehalf: true });
  });

  it('moderates new listings when the commune asks for it; the seller sees the reason', async () => {
    const official = asOfficial(tenantScope(b, b.official.id));
    await setModeration(official, true);
    const made = await createProduct(asOwner(asSeller(b)), b.sellerId, input({ title: { vi: 'Măng khô' } }), [], true);
    expect(made.status).toBe('pending');
    expect(await getPublishedProduct(scopeFor(database, b.id, null) as never, made.slug)).toBeNull();
    await moderateProduct(official, made.id, { approve: false, reason: 'Thiếu ảnh sản phẩm' });
    const [row] = await withTenant(scopeFor(database, b.id, null), (tx) => tx.select().from(products).where(eq(products.id, made.id)));
    expect(row).toMatchObject({ status: 'rejected', rejectReason: 'Thiếu ảnh sản phẩm' });
    await setModeration(official, false);
  });
});

describe('catalogue search', () => {
  let tea: { id: string; slug: string };
  beforeAll(async () => {
    tea = await createProduct(
      asOwner(asSeller(a)),
      a.sellerId,
      input({
        title: { vi: 'Chè Shan Tuyết Tả Van', en: 'Shan Tuyet tea' },
        category: 'tea',
        price: 450000,
        certStars: 4,
        certNumber: '112/QĐ',
        certIssuedOn: '2025-01-10',
      }),
      [],
      true,
    );
    await createProduct(
      asOwner(asSeller(a)),
      a.sellerId,
      input({ title: { vi: 'Mật ong rừng', en: 'Forest honey' }, category: 'honey', price: 300000 }),
      [],
      true,
    );
    await createProduct(asOwner(asSeller(a)), a.sellerId, input({ title: { vi: 'Nháp chưa đăng' } }), [], false);
    await createProduct(
      asOwner(asSeller(t, 'THB')),
      t.sellerId,
      input({ title: { th: 'ชาอู่หลงบ้านรักไทย', en: 'Oolong tea' }, category: 'tea', price: 18000 }),
      [],
      true,
    );
    // An expired certificate: the badge is hidden and the star filter leaves it out.
    await createProduct(
      asOwner(asSeller(b)),
      b.sellerId,
      input({ title: { vi: 'Chè búp khô' }, category: 'tea', certStars: 5, certNumber: '1/QĐ', certIssuedOn: '2019-01-01' }),
      [],
      true,
    );
  });

  const search = (params: Record<string, string>, tenantId: string | null = null) =>
    searchCatalogue(scopeFor(database, tenantId, null), parseCatalogueQuery(new URLSearchParams(params), 'VND'));

  it('finds Vietnamese without diacritics, Thai substrings and English', async () => {
    expect((await search({ q: 'che shan tuyet' })).items.map((i) => i.id)).toContain(tea.id);
    expect((await search({ q: 'CHÈ SHAN' })).items.map((i) => i.id)).toContain(tea.id);
    expect((await search({ q: 'อู่หลง' })).items.map((i) => i.title.th)).toContain('ชาอู่หลงบ้านรักไทย');
    expect((await search({ q: 'honey' })).items.map((i) => i.title.en)).toContain('Forest honey');
    expect((await search({ q: 'nhap chua dang' })).items).toHaveLength(0);
  });

  it('filters by category, stars (valid certificates only), price and commune, and pages without overlap', async () => {
    const teas = (await search({ category: 'tea' })).items;
    expect(teas.map((i) => i.title.vi)).toContain('Chè Shan Tuyết Tả Van');
    expect(teas.every((i) => i.title.vi !== 'Mật ong rừng')).toBe(true);
    const starred = (await search({ stars: '4' })).items.map((i) => i.title.vi);
    expect(starred).toContain('Chè Shan Tuyết Tả Van');
    expect(starred).not.toContain('Chè búp khô');
    // The badge shows for the valid certificate only.
    const valid = Object.fromEntries(teas.map((i) => [i.title.vi ?? i.title.th, i.certValid]));
    expect(valid).toMatchObject({ 'Chè Shan Tuyết Tả Van': true, 'Chè búp khô': false, ชาอู่หลงบ้านรักไทย: false });
    const cheap = (await search({ max: '350.000', currency: 'VND' })).items;
    expect(cheap.length).toBeGreaterThan(0);
    expect(cheap.every((i) => i.currency === 'VND' && i.priceMinor <= 350000)).toBe(true);
    const onlyA = (await search({}, a.id)).items;
    expect(onlyA.length).toBeGreaterThan(0);
    expect(onlyA.every((i) => i.communeSlug === a.slug)).toBe(true);
    // Enough products for two pages, then no id appears on both.
    for (let n = 0; n < 30; n++)
      await createProduct(
        asOwner(asSeller(b)),
        b.sellerId,
        input({ title: { vi: `Gạo nương ${n}` }, category: 'rice', price: 20000 + (n % 7) * 1000 }),
        [],
        true,
      );
    const page1 = await search({ category: 'rice', sort: 'price_asc', currency: 'VND' });
    const page2 = await search({ category: 'rice', sort: 'price_asc', currency: 'VND', page: '2' });
    expect(page1.hasMore).toBe(true);
    const ids = new Set(page1.items.map((i) => i.id));
    expect(page2.items.some((i) => ids.has(i.id))).toBe(false);
    // With words to find, a price order is sorted from the matches (not walked off the price index): the same order and paging.
    for (const sort of ['price_asc', 'price_desc'] as const) {
      const first = await search({ q: 'gao nuong', sort, currency: 'VND' });
      const second = await search({ q: 'gao nuong', sort, currency: 'VND', page: '2' });
      const prices = [...first.items, ...second.items].map((i) => i.priceMinor);
      expect(prices).toEqual([...prices].sort((x, y) => (sort === 'price_asc' ? x - y : y - x)));
      expect(first.items.length + second.items.length).toBe(30);
      expect(second.items.some((i) => first.items.some((j) => j.id === i.id))).toBe(false);
    }
  });
});

describe('catalogue index', () => {
  it('follows every change of a product: price, stock, archiving', async () => {
    const made = await createProduct(asOwner(asSeller(a)), a.sellerId, input({ title: { vi: 'Nấm hương rừng' }, price: 90000, stock: 3 }), [], true);
    const find = async (params: Record<string, string>) =>
      (await searchCatalogue(scopeFor(database, null, null), parseCatalogueQuery(new URLSearchParams({ q: 'nam huong rung', ...params }), 'VND'))).items.map(
        (i) => i.id,
      );
    expect(await find({})).toEqual([made.id]);
    await updateProduct(asOwner(asSeller(a)), made.id, input({ title: { vi: 'Nấm hương rừng' }, price: 120000, stock: 0 }), [], true);
    expect(await find({ max: '100000' })).toEqual([]);
    expect(await find({ instock: '1' })).toEqual([]);
    expect(await find({ min: '110000' })).toEqual([made.id]);
    await setProductArchived(asOwner(tenantScope(a, a.seller.id)), made.id, true);
    expect(await find({})).toEqual([]);
  });
});

describe('checkout', () => {
  it('creates one order per seller across communes, takes the stock, and builds the QR from our data', async () => {
    const honey = await createProduct(asOwner(asSeller(a)), a.sellerId, input({ title: { vi: 'Mật ong' }, price: 250000, stock: 5 }), [], true);
    const oolong = await createProduct(asOwner(asSeller(t, 'THB')), t.sellerId, input({ title: { th: 'ชา' }, price: 12345, stock: 5 }), [], true);
    const result = await placeOrders(
      { ...scopeFor(database, null, buyer.id), userId: buyer.id },
      {
        checkoutId: crypto.randomUUID(),
        lines: [line(a, honey.id, 2, 250000), line(t, oolong.id, 1, 12345)],
        delivery,
        methods: { [`${a.id}:${a.sellerId}`]: 'bank_qr', [`${t.id}:${t.sellerId}`]: 'bank_qr' },
      },
    );
    expect(result.orders).toHaveLength(2);
    expect(await stockOf(a, honey.id)).toBe(3);
    const vn = await getBuyerOrder({ ...scopeFor(database, null, buyer.id), userId: buyer.id }, result.orders.find((o) => o.tenantId === a.id)!.reference);
    expect(vn?.totalMinor).toBe(500000);
    if (vn?.payment.method !== 'bank_qr') throw new Error('expected a bank QR');
    const fields = parseEmvco(vn.payment.payload);
    expect(fields.find((f) => f.id === '54')?.value).toBe('500000');
    expect(fields.find((f) => f.id === '53')?.value).toBe('704');
    const th = await getBuyerOrder({ ...scopeFor(database, null, buyer.id), userId: buyer.id }, result.orders.find((o) => o.tenantId === t.id)!.reference);
    // Shown in the seller's commune's time zone and language, wherever the buyer reads it.
    expect(th).toMatchObject({ timeZone: 'Asia/Bangkok', communeLocale: 'th' });
    if (th?.payment.method !== 'bank_qr') throw new Error('expected a PromptPay QR');
    expect(parseEmvco(th.payment.payload).find((f) => f.id === '54')?.value).toBe('123.45');
    const placed = await withTenant(scopeFor(database, a.id, null), (tx) =>
      tx
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.tenantId, a.id), eq(outboxEvents.type, 'order.placed'))),
    );
    expect(placed.length).toBeGreaterThan(0);
  });

  it('is idempotent: the same checkout submitted twice makes one set of orders', async () => {
    const p = await createProduct(asOwner(asSeller(a)), a.sellerId, input({ price: 1000, stock: 10 }), [], true);
    const checkoutId = crypto.randomUUID();
    const scope = { ...scopeFor(database, null, buyer.id), userId: buyer.id };
    const request = { checkoutId, lines: [line(a, p.id, 3, 1000)], delivery, methods: {} };
    const [first, second] = await Promise.all([placeOrders(scope, request), placeOrders(scope, request)]);
    const third = await placeOrders(scope, request);
    expect(first.orders.map((o) => o.reference)).toEqual(third.orders.map((o) => o.reference));
    expect(second.orders.map((o) => o.reference)).toEqual(first.orders.map((o) => o.reference));
    expect([first.repeated, second.repeated].filter(Boolean)).toHaveLength(1);
    expect(await stockOf(a, p.id)).toBe(7);
  });

  it('never oversells: 50 concurrent checkouts for 10 units, exactly 10 succeed', async () => {
    const p = await createProduct(asOwner(asSeller(a)), a.sellerId, input({ title: { vi: 'Chè hiếm' }, price: 5000, stock: 10 }), [], true);
    const buyers = await Promise.all(Array.from({ length: 50 }, () => makeUser(database)));
    const results = await Promise.allSettled(
      buyers.map((u) =>
        placeOrders(
          { ...scopeFor(database, null, u.id), userId: u.id },
          { checkoutId: crypto.randomUUID(), lines: [line(a, p.id, 1, 5000)], delivery, methods: {} },
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(CheckoutRefused);
      expect(['market:cart.soldOut', 'market:cart.notEnough']).toContain((r.reason as CheckoutRefused).messageKey);
    }
    expect(await stockOf(a, p.id)).toBe(0);
    const [count] = await withTenant(scopeFor(database, a.id, null), (tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(orders)
        .where(sql`exists (select 1 from order_items i where i.tenant_id = ${orders.tenantId} and i.order_id = ${orders.id} and i.product_id = ${p.id})`),
    );
    expect(count?.n).toBe(10);
  });

  it('refuses a tampered cart: a draft, another commune under a wrong tenant, a changed price, too many; nothing is created', async () => {
    const draft = await createProduct(asOwner(asSeller(a)), a.sellerId, input({ title: { vi: 'Bản nháp' } }), [], false);
    const live = await createProduct(asOwner(asSeller(a)), a.sellerId, input({ price: 7000, stock: 2 }), [], true);
    const scope = { ...scopeFor(database, null, buyer.id), userId: buyer.id };
    expect(await resolveCart(scope, [line(a, draft.id, 1, 1), line(b, live.id, 1, 7000)])).toHaveLength(0);
    const before = (await listBuyerOrders(scope)).length;
    await expect(
      placeOrders(scope, { checkoutId: crypto.randomUUID(), lines: [line(a, live.id, 1, 7000), line(a, draft.id, 1, 100000)], delivery, methods: {} }),
    ).rejects.toMatchObject({ messageKey: 'market:cart.unavailable' });
    await expect(placeOrders(scope, { checkoutId: crypto.randomUUID(), lines: [line(a, live.id, 1, 1)], delivery, methods: {} })).rejects.toMatchObject({
      messageKey: 'market:cart.priceChanged',
    });
    await expect(placeOrders(scope, { checkoutId: crypto.randomUUID(), lines: [line(a, live.id, 3, 7000)], delivery, methods: {} })).rejects.toMatchObject({
      messageKey: 'market:cart.notEnough',
    });
    await expect(
      placeOrders(scope, {
        checkoutId: crypto.randomUUID(),
        lines: [line(a, live.id, 1, 7000)],
        delivery,
        methods: { [`${a.id}:${a.sellerId}`]: 'stripe' as never },
      }),
    ).rejects.toMatchObject({ code: 'invalid', details: { field: `pay.${a.id}:${a.sellerId}` } });
    expect((await listBuyerOrders(scope)).length).toBe(before);
    expect(await stockOf(a, live.id)).toBe(2);
  });
});

describe('orders', () => {
  async function freshOrder(stock = 5) {
    const p = await createProduct(asOwner(asSeller(a)), a.sellerId, input({ price: 20000, stock }), [], true);
    const scope = { ...scopeFor(database, null, buyer.id), userId: buyer.id };
    const { orders: placed } = await placeOrders(scope, { checkoutId: crypto.randomUUID(), lines: [line(a, p.id, 2, 20000)], delivery, methods: {} });
    return { product: p, reference: placed[0]!.reference, scope };
  }

  it('moves placed → confirmed → shipped → delivered → completed, then the buyer rates', async () => {
    const { product, reference, scope } = await freshOrder();
    const seller = tenantScope(a, a.seller.id);
    await expect(sellerMove(asOwner(seller), reference, { to: 'shipped', carrier: 'VNPost' })).rejects.toMatchObject({ code: 'conflict' });
    await sellerMove(asOwner(seller), reference, { to: 'confirmed' });
    await markPaid(asOwner(seller), reference);
    await sellerMove(asOwner(seller), reference, { to: 'shipped', carrier: 'VNPost', tracking: 'EB123' });
    await expect(buyerMove(scope, reference, { to: 'cancelled' })).rejects.toMatchObject({ code: 'conflict' });
    await sellerMove(asOwner(seller), reference, { to: 'delivered' });
    await buyerMove(scope, reference, { to: 'completed' });
    await rateItem(scope, reference, product.id, 5, 'Chè ngon');
    await expect(rateItem(scope, reference, product.id, 4, undefined)).rejects.toMatchObject({ messageKey: 'market:rating.already' });
    const order = await getBuyerOrder(scope, reference);
    expect(order?.status).toBe('completed');
    expect(order?.paidAt).not.toBeNull();
    expect(order?.timeline.map((s) => s.kind)).toEqual(['placed', 'confirmed', 'paid', 'shipped', 'delivered', 'completed']);
    const page = await getPublishedProduct(scopeFor(database, a.id, null) as never, product.slug);
    expect(page?.product).toMatchObject({ ratingSum: 5, ratingCount: 1 });
    const types = (
      await withTenant(scopeFor(database, a.id, null), (tx) => tx.select({ type: outboxEvents.type }).from(outboxEvents).where(eq(outboxEvents.tenantId, a.id)))
    ).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['order.placed', 'order.confirmed', 'order.paid', 'order.shipped', 'order.delivered', 'order.completed', 'order.rated']),
    );
  });

  it('returns the stock when the buyer or the seller cancels', async () => {
    const first = await freshOrder(5);
    expect(await stockOf(a, first.product.id)).toBe(3);
    await buyerMove(first.scope, first.reference, { to: 'cancelled' });
    expect(await stockOf(a, first.product.id)).toBe(5);
    const second = await freshOrder(4);
    await sellerMove(asOwner(tenantScope(a, a.seller.id)), second.reference, { to: 'cancelled', reason: 'Hết hàng mùa này' });
    expect(await stockOf(a, second.product.id)).toBe(4);
    expect((await getBuyerOrder(second.scope, second.reference))?.cancelReason).toBe('Hết hàng mùa này');
  });
});

describe('isolation', () => {
  it("keeps commune A's orders and seller bank details from commune B's official (404)", async () => {
    const p = await createProduct(asOwner(asSeller(a)), a.sellerId, input({ price: 3000, stock: 3 }), [], true);
    const { orders: placed } = await placeOrders(
      { ...scopeFor(database, null, buyer.id), userId: buyer.id },
      { checkoutId: crypto.randomUUID(), lines: [line(a, p.id, 1, 3000)], delivery, methods: {} },
    );
    const officialB = asOfficial(tenantScope(b, b.official.id));
    expect(await getCommuneOrder(officialB, placed[0]!.reference)).toBeNull();
    expect((await listCommuneOrders(officialB)).some((o) => o.reference === placed[0]!.reference)).toBe(false);
    const payouts = await withTenant(officialB, (tx) => tx.select().from(sellerPayouts).where(eq(sellerPayouts.sellerId, a.sellerId)));
    expect(payouts).toHaveLength(0);
    // Even without a where clause on the tenant, the database shows B only B's rows.
    const all = await withTenant(officialB, (tx) => tx.select({ tenantId: orders.tenantId }).from(orders));
    expect(all.every((o) => o.tenantId === b.id)).toBe(true);
    await expect(updateProduct(asStaff({ ...officialB, currency: 'VND' }), p.id, input(), [], true)).rejects.toMatchObject({ code: 'not_found' });
    await expect(sellerMove(asStaff(officialB), placed[0]!.reference, { to: 'confirmed' })).rejects.toMatchObject({ code: 'not_found' });
    // Row by row, for every market table: B's scope sees nothing of A's that is not public.
    const pendingA = await applyToSell(tenantScope(a, (await makeUser(database)).id), profile('Chờ duyệt'));
    const ofA = { tenantId: a.id };
    const seenByB = await withTenant(officialB, async (tx) => ({
      actions: await tx.select().from(sellerActions).where(eq(sellerActions.tenantId, ofA.tenantId)),
      pendingSeller: await tx.select().from(sellers).where(eq(sellers.id, pendingA)),
      items: await tx.select().from(orderItems).where(eq(orderItems.tenantId, ofA.tenantId)),
      events: await tx.select().from(orderEvents).where(eq(orderEvents.tenantId, ofA.tenantId)),
      outbox: await tx.select().from(outboxEvents).where(eq(outboxEvents.tenantId, ofA.tenantId)),
      checkouts: await tx.select().from(checkouts),
    }));
    expect(seenByB).toEqual({ actions: [], pendingSeller: [], items: [], events: [], outbox: [], checkouts: [] });
    // An approved seller's public card is readable; their history is not.
    expect(await withTenant(officialB, (tx) => tx.select({ id: sellers.id }).from(sellers).where(eq(sellers.id, a.sellerId)))).toHaveLength(1);
    // Another buyer does not see this buyer's order.
    const other = await makeUser(database);
    expect(await getBuyerOrder({ ...scopeFor(database, null, other.id), userId: other.id }, placed[0]!.reference)).toBeNull();
    const seenByOther = await withTenant(scopeFor(database, null, other.id), async (tx) => ({
      items: await tx.select().from(orderItems).where(eq(orderItems.buyerId, buyer.id)),
      checkouts: await tx.select().from(checkouts).where(eq(checkouts.buyerId, buyer.id)),
    }));
    expect(seenByOther).toEqual({ items: [], checkouts: [] });
    // The buyer themself does see their checkout and items.
    expect((await withTenant(scopeFor(database, null, buyer.id), (tx) => tx.select().from(checkouts))).length).toBeGreaterThan(0);
    // Writing a product into A while acting in B is refused by row-level security.
    // The catalogue index is readable by all but written only inside the product's commune.
    const visible = await withTenant(officialB, (tx) => tx.select().from(productSearch).where(eq(productSearch.productId, p.id)));
    expect(visible).toHaveLength(1);
    const changed = await withTenant(officialB, (tx) => tx.update(productSearch).set({ stock: 0 }).where(eq(productSearch.productId, p.id)).returning());
    expect(changed).toHaveLength(0);
    await expect(withTenant(officialB, (tx) => tx.insert(productSearch).values({ ...visible[0]!, productId: crypto.randomUUID() }))).rejects.toThrow();
    await expect(
      withTenant(officialB, (tx) =>
        tx
          .insert(products)
          .values({ tenantId: a.id, sellerId: a.sellerId, slug: 'lau', title: { vi: 'x' }, category: 'other', priceMinor: 1, currency: 'VND', unit: 'kg' }),
      ),
    ).rejects.toThrow();
  });
});

describe('bad input', () => {
  const parse = (raw: Record<string, unknown>, currency: 'VND' | 'THB' = 'VND') =>
    productInputSchema(currency).safeParse({
      title: { vi: 'Chè' },
      description: {},
      season: {},
      category: 'tea',
      unit: 'kg',
      price: '100000',
      stock: '5',
      ...raw,
    });

  it('refuses negative, absurd or malformed prices, stock and certificates with field errors', () => {
    expect(parse({}).success).toBe(true);
    for (const price of ['-5', '0', 'abc', '1e9', '99999999999', '12.5.3']) expect(parse({ price }).success, price).toBe(false);
    for (const stock of ['-1', '1.5', '2000000', 'nhiều']) expect(parse({ stock }).success, stock).toBe(false);
    expect(parse({ certStars: '2' }).success).toBe(false); // OCOP starts at 3 stars
    expect(parse({ certStars: '4', certNumber: 'X', certIssuedOn: '2030-01-01' }).success).toBe(false);
    expect(parse({ title: { en: 'Only English' } }).success).toBe(false);
    expect(parsePrice('120.000', 'VND')).toBe(120000);
    expect(parsePrice('45.50', 'THB')).toBe(4550);
    expect(parsePrice('45.505', 'THB')).toBeNull();
  });

  it('takes quantities from 1 (0 in the cart, to remove) up to the cart limit, nothing else', () => {
    expect(parseQuantity('3', 1)).toBe(3);
    expect(parseQuantity(' 1000 ', 1)).toBe(MAX_QUANTITY);
    expect(parseQuantity('0', 0)).toBe(0);
    for (const bad of ['0', '1001', '2000', '-1', '1.5', '1e3', 'ba', '']) expect(parseQuantity(bad, 1), bad).toBeNull();
  });

  it('refuses invalid bank accounts and PromptPay IDs', () => {
    const vn = payoutSchema('VND');
    expect(vn.safeParse({ bankBin: '970436', account: '0123 456 789', accountName: 'Nguyen Van A' }).data).toEqual({
      kind: 'vietqr',
      bin: '970436',
      account: '0123456789',
      accountName: 'NGUYEN VAN A',
    });
    expect(vn.safeParse({ bankBin: '123456', account: '0123456789', accountName: 'A B' }).success).toBe(false);
    expect(vn.safeParse({ bankBin: '970436', account: '12', accountName: 'A B' }).success).toBe(false);
    const th = payoutSchema('THB');
    expect(th.safeParse({ promptPayId: '081-234-5678', accountName: 'มาลี' }).success).toBe(true);
    expect(th.safeParse({ promptPayId: '1234567890123', accountName: 'มาลี' }).success).toBe(false);
    expect(th.safeParse({ promptPayId: '12345', accountName: 'มาลี' }).success).toBe(false);
  });
});
