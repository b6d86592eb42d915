import { readdir, readFile } from 'node:fs/promises';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communes,
  outboxEvents,
  orders as ordersTable,
  places,
  products,
  sellerActions,
  sellerConsentRequests,
  sellerPayouts,
  sellers,
} from '#db/schema/index.ts';
import { ownerInTenant, withTenant, type MemberScope } from '#db/scope.ts';
import { searchCatalogue } from '~/market/catalogue.server.ts';
import { parseCatalogueQuery } from '~/market/catalogue.ts';
import { methodsForGroups, placeOrders } from '~/market/checkout.server.ts';
import { markPaid } from '~/market/orders.server.ts';
import { createProduct, getPublishedProduct, reinstateProduct, setProductArchived, takeDownProduct, updateProduct } from '~/market/products.server.ts';
import { CoolingSchema, type ProductInput } from '~/market/schemas.ts';
import { cancelPayoutChange, getPayout, pendingPayouts, setPayout, setPayoutCooling, waitingPayoutChanges } from '~/market/payouts.server.ts';
import {
  addSellerByOfficial,
  applyToSell,
  approveSeller,
  confirmConsentByOfficial,
  confirmConsentCode,
  giveConsent,
  issueConsentCode,
  requestConsent,
  sellerHistory,
  suspendSeller,
  withdrawConsent,
} from '~/market/sellers.server.ts';
import { removeMembership } from '~/members/members.server.ts';
import { parseEmvco } from '~/payments/emvco.ts';
import { makeCommune, makeMember, makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';
import { sqlStateOf } from '#tests/support/errors.ts';
import { asDeskEditor, asOfficial, asStaleOfficial, permitted } from '#tests/support/permissions.ts';

let database: TestDatabase;
type Commune = { id: string; slug: string };
const HOUR = 3_600_000;

const profile = (name: string) => ({ name, hamlet: 'Thôn 2', story: { vi: 'Câu chuyện' }, phone: '0900000000', zalo: null, isCooperative: false });
const as = (commune: Commune, userId: string) => ({ ...scopeFor(database, commune.id, userId), tenantId: commune.id, userId });
// A shop's scope as the guard gives it: to the seller themself, or to an official acting for them.
const asOwner = <const S extends MemberScope>(scope: S) => permitted(scope, ['shop.manage'], { roles: ['seller'], owner: true });
const asStaff = <const S extends MemberScope>(scope: S) => permitted(scope, ['shop.manage'], { roles: ['official'] });
// The seller's own say over assisted mode (`shop.consent`, owner only), and staff confirming a code the seller read out.
// Given to someone else, the owner proof is a false claim the database refuses (the shop is not theirs).
const asConsenting = <const S extends MemberScope>(scope: S) => permitted(scope, ['shop.consent'], { owner: true });
const asAssisting = <const S extends MemberScope>(scope: S) => permitted(scope, ['shop.assist'], { roles: ['editor'] });
const vietQr = (account: string, accountName = 'NGUOI BAN') => ({ kind: 'vietqr' as const, bin: '970436', account, accountName });
const input = (overrides: Partial<ProductInput> = {}): ProductInput => ({
  title: { vi: 'Mật ong rừng' },
  description: {},
  season: {},
  category: 'honey',
  unit: 'bottle',
  price: 200000,
  stock: 10,
  weightGrams: undefined,
  certStars: undefined,
  certNumber: undefined,
  certAuthority: undefined,
  certIssuedOn: undefined,
  certExpiresOn: undefined,
  ...overrides,
});

/** A commune with one official, one editor and one approved seller who has an account. */
async function setUp(officials = 1) {
  const commune = await makeCommune(database);
  const staff = [];
  for (let i = 0; i < officials; i++) {
    const official = await makeUser(database);
    await makeMember(database, commune.id, official.id, 'official');
    staff.push(official);
  }
  const editor = await makeUser(database);
  await makeMember(database, commune.id, editor.id, 'editor');
  const sellerUser = await makeUser(database);
  const sellerId = await applyToSell(as(commune, sellerUser.id), profile('Nhà Bán Mật'));
  await approveSeller(asOfficial(as(commune, staff[0]!.id)), sellerId);
  return { commune, official: staff[0]!, second: staff[1], editor, sellerUser, sellerId };
}

async function consentOf(commune: Commune, sellerId: string) {
  const [row] = await withTenant(scopeFor(database, commune.id, null), (tx) =>
    tx.select({ consentAt: sellers.consentAt }).from(sellers).where(eq(sellers.id, sellerId)),
  );
  return row?.consentAt ?? null;
}

async function historyActions(commune: Commune, sellerId: string) {
  const rows = await withTenant(scopeFor(database, commune.id, null), (tx) =>
    tx
      .select({ action: sellerActions.action, actorId: sellerActions.actorId, onBehalf: sellerActions.onBehalf })
      .from(sellerActions)
      .where(eq(sellerActions.sellerId, sellerId)),
  );
  return rows;
}

async function eventTypes(commune: Commune) {
  const rows = await withTenant(scopeFor(database, commune.id, null), (tx) =>
    tx.select({ type: outboxEvents.type }).from(outboxEvents).where(eq(outboxEvents.tenantId, commune.id)),
  );
  return rows.map((r) => r.type);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('consent to assisted mode', () => {
  it('never lets an editor (or an official) record a seller’s consent alone: asking is not consenting', async () => {
    const { commune, editor, official, sellerId } = await setUp();
    expect(await requestConsent(asDeskEditor(as(commune, editor.id)), sellerId, 'Nhờ đăng sản phẩm hộ')).toBe('requested');
    expect(await consentOf(commune, sellerId)).toBeNull();
    await expect(setPayout(asStaff(as(commune, editor.id)), sellerId, vietQr('5555666677'))).rejects.toMatchObject({ messageKey: 'market:errors.noConsent' });
    // An official asking changes nothing either: the seller has an account and confirms it there.
    expect(await requestConsent(asOfficial(as(commune, official.id)), sellerId, 'Nhờ đăng sản phẩm hộ')).toBe('requested');
    expect(await consentOf(commune, sellerId)).toBeNull();
  });

  it('is confirmed by a one-time code from the seller’s own screen: hashed, short-lived, a few tries', async () => {
    const { commune, editor, sellerUser, sellerId } = await setUp();
    await requestConsent(asDeskEditor(as(commune, editor.id)), sellerId, 'Giúp đăng mật ong mùa này');
    // Staff cannot make the code show: only the seller's own session can. The map gives staff no
    // `shop.consent`, and a scope claiming to own the shop is refused by the database.
    expect(() => permitted(as(commune, editor.id), ['shop.consent'], { roles: ['editor'] })).toThrow();
    await expect(issueConsentCode(asConsenting(as(commune, editor.id)), sellerId)).rejects.toMatchObject({ code: 'not_found' });
    const now = new Date();
    const { code } = await issueConsentCode(asConsenting(as(commune, sellerUser.id)), sellerId, now);
    expect(code).toMatch(/^[0-9]{6}$/);
    const [stored] = await withTenant(scopeFor(database, commune.id, null), (tx) =>
      tx.select().from(sellerConsentRequests).where(eq(sellerConsentRequests.sellerId, sellerId)),
    );
    expect(stored!.codeHash).not.toContain(code);
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(confirmConsentCode(asAssisting(as(commune, editor.id)), sellerId, wrong, now)).rejects.toMatchObject({
      messageKey: 'market:assisted.codeWrong',
    });
    // Expired after 15 minutes.
    await expect(confirmConsentCode(asAssisting(as(commune, editor.id)), sellerId, code, new Date(now.getTime() + 16 * 60_000))).rejects.toMatchObject({
      messageKey: 'market:assisted.codeExpired',
    });
    expect(await consentOf(commune, sellerId)).toBeNull();
    await confirmConsentCode(asAssisting(as(commune, editor.id)), sellerId, code, now);
    expect(await consentOf(commune, sellerId)).not.toBeNull();
    const made = await createProduct(asStaff({ ...as(commune, editor.id), currency: 'VND' }), sellerId, input(), [], true);
    expect(made.status).toBe('published');
    const actions = await historyActions(commune, sellerId);
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'seller.consent_requested', actorId: editor.id, onBehalf: false },
        { action: 'seller.consent_confirmed', actorId: editor.id, onBehalf: false },
        { action: 'product.created', actorId: editor.id, onBehalf: true },
      ]),
    );
    expect(await eventTypes(commune)).toEqual(expect.arrayContaining(['seller.consent_requested', 'seller.consent_given']));
  });

  it('spends the code after five wrong tries', async () => {
    const { commune, editor, sellerUser, sellerId } = await setUp();
    await requestConsent(asDeskEditor(as(commune, editor.id)), sellerId, 'Giúp đăng mật ong mùa này');
    const { code } = await issueConsentCode(asConsenting(as(commune, sellerUser.id)), sellerId);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++)
      await expect(confirmConsentCode(asAssisting(as(commune, editor.id)), sellerId, wrong)).rejects.toMatchObject({ messageKey: 'market:assisted.codeWrong' });
    await expect(confirmConsentCode(asAssisting(as(commune, editor.id)), sellerId, wrong)).rejects.toMatchObject({ messageKey: 'market:assisted.codeLocked' });
    // Even the right code no longer works: the seller shows a new one.
    await expect(confirmConsentCode(asAssisting(as(commune, editor.id)), sellerId, code)).rejects.toMatchObject({ messageKey: 'market:assisted.codeExpired' });
    expect(await consentOf(commune, sellerId)).toBeNull();
  });

  it('is given by the seller in their own session and withdrawn with one click', async () => {
    const { commune, sellerUser, editor, sellerId } = await setUp();
    await expect(giveConsent(asConsenting(as(commune, editor.id)), sellerId, 'Tôi tự đồng ý')).rejects.toMatchObject({ code: 'not_found' });
    await giveConsent(asConsenting(as(commune, sellerUser.id)), sellerId, 'Nhờ xã đăng hộ');
    expect(await consentOf(commune, sellerId)).not.toBeNull();
    await withdrawConsent(asConsenting(as(commune, sellerUser.id)), sellerId);
    expect(await consentOf(commune, sellerId)).toBeNull();
  });

  it('for a seller without an account: an official records it, and a second, different official confirms it', async () => {
    const { commune, official, second, editor } = await setUp(2);
    const helped = await addSellerByOfficial(asOfficial(as(commune, official.id)), profile('Bà Lò Thị Sáu'), 'Đồng ý trực tiếp tại UBND xã');
    expect(await consentOf(commune, helped)).toBeNull();
    await expect(createProduct(asStaff({ ...as(commune, official.id), currency: 'VND' }), helped, input(), [], true)).rejects.toMatchObject({
      messageKey: 'market:errors.noConsent',
    });
    await expect(confirmConsentByOfficial(asOfficial(as(commune, official.id)), helped)).rejects.toMatchObject({
      messageKey: 'market:assisted.secondOfficial',
    });
    await expect(confirmConsentByOfficial(asStaleOfficial(as(commune, editor.id)), helped)).rejects.toMatchObject({
      messageKey: 'market:assisted.officialOnly',
    });
    await confirmConsentByOfficial(asOfficial(as(commune, second!.id)), helped);
    expect(await consentOf(commune, helped)).not.toBeNull();

    // An editor can neither add such a seller nor record their consent.
    await expect(addSellerByOfficial(asStaleOfficial(as(commune, editor.id)), profile('Ông Giàng A Páo'), 'Đồng ý')).rejects.toMatchObject({
      messageKey: 'market:assisted.officialOnly',
    });
    const another = await addSellerByOfficial(asOfficial(as(commune, second!.id)), profile('Ông Giàng A Páo'), 'Đồng ý tại nhà văn hóa');
    await withTenant(as(commune, official.id), (tx) =>
      tx.update(sellerConsentRequests).set({ closedAt: new Date() }).where(eq(sellerConsentRequests.sellerId, another)),
    );
    await expect(requestConsent(asDeskEditor(as(commune, editor.id)), another, 'Đồng ý qua điện thoại')).rejects.toMatchObject({
      messageKey: 'market:assisted.officialOnly',
    });
    expect(await requestConsent(asOfficial(as(commune, official.id)), another, 'Đồng ý qua điện thoại')).toBe('awaiting_second');
  });

  it('with a single official, the official’s record of an account-less seller’s consent applies at once', async () => {
    const { commune, official } = await setUp(1);
    const helped = await addSellerByOfficial(asOfficial(as(commune, official.id)), profile('Bà Sùng Thị Mai'), 'Đồng ý tại UBND xã');
    expect(await consentOf(commune, helped)).not.toBeNull();
  });
});

describe('payout changes', () => {
  it('apply the seller’s very first account at once, and every later change only after the cooling-off period', async () => {
    const { commune, sellerUser, editor, sellerId } = await setUp();
    const seller = as(commune, sellerUser.id);
    const now = new Date();
    const first = await setPayout(asOwner(seller), sellerId, vietQr('1111222233', 'CHU SHOP'), now);
    expect(first.effectiveAt.getTime()).toBe(now.getTime());
    expect(await getPayout(asOwner(seller), sellerId, now)).toMatchObject({ account: '1111222233' });

    // The editor gets consent the proper way, then asks for a new account.
    await giveConsent(asConsenting(seller), sellerId, 'Nhờ xã đăng hộ');
    const asked = await setPayout(asStaff(as(commune, editor.id)), sellerId, vietQr('9999888877', 'NGUOI KHAC'), now);
    expect(asked.effectiveAt.getTime()).toBe(now.getTime() + 24 * HOUR);
    expect(await getPayout(asOwner(seller), sellerId, new Date(now.getTime() + 23 * HOUR))).toMatchObject({ account: '1111222233' });
    expect(await getPayout(asOwner(seller), sellerId, new Date(now.getTime() + 25 * HOUR))).toMatchObject({ account: '9999888877' });

    // The seller sees who asked, and for when.
    const pending = await pendingPayouts(asOwner(seller), sellerId, now);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ bySeller: false, payout: { account: '9999888877' } });
    expect(pending[0]!.requestedBy).toBeTruthy();

    // Even the seller's own later change waits.
    const own = await setPayout(asOwner(seller), sellerId, vietQr('4444555566', 'CHU SHOP'), now);
    expect(own.effectiveAt.getTime()).toBe(now.getTime() + 24 * HOUR);
    expect(await eventTypes(commune)).toEqual(expect.arrayContaining(['seller.payout_change_requested']));
  });

  it('can be cancelled by the seller (or an official), never by an editor; checkout keeps the old account', async () => {
    const { commune, sellerUser, editor, official, sellerId } = await setUp();
    const seller = as(commune, sellerUser.id);
    await setPayout(asOwner(seller), sellerId, vietQr('1111222233', 'CHU SHOP'));
    await giveConsent(asConsenting(seller), sellerId, 'Nhờ xã đăng hộ');
    await setPayout(asStaff(as(commune, editor.id)), sellerId, vietQr('9999888877', 'NGUOI KHAC'));
    const product = await createProduct(asOwner({ ...seller, currency: 'VND' }), sellerId, input({ price: 50000 }), [], true);

    // Checkout while the change waits: the QR pays the seller's own account.
    const buyer = await makeUser(database);
    const { orders } = await placeOrders(
      { ...scopeFor(database, null, buyer.id), userId: buyer.id },
      {
        checkoutId: crypto.randomUUID(),
        lines: [{ tenantId: commune.id, productId: product.id, quantity: 1, seenPrice: 50000 }],
        delivery: { name: 'Người Mua', phone: '0900000901', provinceCode: 'VN-01', commune: 'Phường Ba Đình', street: '12 Phố Đội Cấn', note: undefined },
        methods: { [`${commune.id}:${sellerId}`]: 'bank_qr' },
      },
    );
    const [order] = await withTenant(scopeFor(database, commune.id, null), (tx) =>
      tx.select({ payment: ordersTable.payment }).from(ordersTable).where(eq(ordersTable.reference, orders[0]!.reference)),
    );
    const qr = JSON.stringify(parseEmvco(String(order!.payment.payload)));
    expect(qr).toContain('1111222233');
    expect(qr).not.toContain('9999888877');

    const [pending] = await pendingPayouts(asOwner(seller), sellerId);
    await expect(cancelPayoutChange(asStaff(as(commune, editor.id)), sellerId, pending!.id)).rejects.toMatchObject({
      messageKey: 'market:payout.cancelNotAllowed',
    });
    await cancelPayoutChange(asOwner(seller), sellerId, pending!.id);
    expect(await pendingPayouts(asOwner(seller), sellerId)).toHaveLength(0);
    // Cancelled for good: a day later the old account is still in use.
    expect(await getPayout(asOwner(seller), sellerId, new Date(Date.now() + 48 * HOUR))).toMatchObject({ account: '1111222233' });
    await expect(cancelPayoutChange(asOwner(seller), sellerId, pending!.id)).rejects.toMatchObject({ messageKey: 'market:errors.staleState' });

    // An official may cancel one too.
    await setPayout(asStaff(as(commune, editor.id)), sellerId, vietQr('7777000011', 'NGUOI KHAC'));
    const [again] = await pendingPayouts(asOwner(seller), sellerId);
    await cancelPayoutChange(asOfficial(as(commune, official.id)), sellerId, again!.id);

    const history = await sellerHistory(asOwner(seller), sellerId);
    const names = history.map((h) => h.action);
    expect(names).toEqual(expect.arrayContaining(['seller.payout_change_requested', 'seller.payout_change_cancelled', 'seller.payout_change_effective']));
    expect(history.find((h) => h.action === 'seller.payout_change_requested' && h.onBehalf)?.actorName).toBeTruthy();
    expect(JSON.stringify(history)).not.toContain('9999888877');
  });

  it('offers no QR while a staff-set first account waits, and uses it once its time has passed', async () => {
    const { commune, official } = await setUp();
    const helped = await addSellerByOfficial(asOfficial(as(commune, official.id)), profile('Bà Thào Thị Dợ'), 'Đồng ý tại UBND xã');
    const now = new Date();
    await setPayout(asStaff(as(commune, official.id)), helped, vietQr('3333444455'), now);
    const group = [{ key: 'g', tenantId: commune.id, sellerId: helped, currency: 'VND' as const }];
    expect((await methodsForGroups(scopeFor(database, null, null), group)).g).toEqual(['cash']);
    expect((await sellerHistory(asStaff(as(commune, official.id)), helped)).some((h) => h.action === 'seller.payout_change_effective')).toBe(false);
    // The cooling-off has passed (set in the past on the owner connection, as time would).
    await ownerInTenant(database.db, commune.id, (tx) =>
      tx.execute(sql`update seller_payouts set requested_at = now() - interval '2 days', effective_at = now() - interval '1 day' where seller_id = ${helped}`),
    );
    expect((await methodsForGroups(scopeFor(database, null, null), group)).g).toEqual(['cash', 'bank_qr']);
    const history = await sellerHistory(asStaff(as(commune, official.id)), helped);
    expect(history.some((h) => h.action === 'seller.payout_change_effective')).toBe(true);
  });

  it('waits as long as the commune says: officials set 1 to 168 hours', async () => {
    const { commune, official, editor, sellerUser, sellerId } = await setUp();
    await expect(setPayoutCooling(asStaleOfficial(as(commune, editor.id)), 2)).rejects.toMatchObject({ messageKey: 'market:assisted.officialOnly' });
    await setPayoutCooling(asOfficial(as(commune, official.id)), 2);
    const seller = as(commune, sellerUser.id);
    await setPayout(asOwner(seller), sellerId, vietQr('1111222233'));
    const now = new Date();
    const { effectiveAt } = await setPayout(asOwner(seller), sellerId, vietQr('2222333344'), now);
    expect(effectiveAt.getTime()).toBe(now.getTime() + 2 * HOUR);
    for (const bad of ['0', '169', '-1', '2.5', 'abc', '']) expect(CoolingSchema.safeParse({ hours: bad }).success).toBe(false);
    expect(CoolingSchema.safeParse({ hours: '168' }).success).toBe(true);
    await expect(
      withTenant(as(commune, official.id), (tx) => tx.execute(sql`update communes set payout_cooling_hours = 0 where id = ${commune.id}`)),
    ).rejects.toThrow();
  });
});

describe('suspension and takedown', () => {
  it('lets an official take down a live listing with a reason the seller sees; the seller cannot put it back alone', async () => {
    const { commune, official, editor, sellerUser, sellerId } = await setUp();
    const seller = { ...as(commune, sellerUser.id), currency: 'VND' as const };
    const made = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Mật ong OCOP 5 sao' } }), [], true);
    await expect(takeDownProduct(asStaleOfficial(as(commune, editor.id)), made.id, 'Chứng nhận OCOP không có thật')).rejects.toMatchObject({
      messageKey: 'market:assisted.officialOnly',
    });
    await takeDownProduct(asOfficial(as(commune, official.id)), made.id, 'Chứng nhận OCOP không có thật');
    expect(await getPublishedProduct(scopeFor(database, commune.id, null) as never, made.slug)).toBeNull();
    const [row] = await withTenant(scopeFor(database, commune.id, null), (tx) => tx.select().from(products).where(eq(products.id, made.id)));
    expect(row).toMatchObject({ status: 'suspended', rejectReason: 'Chứng nhận OCOP không có thật' });
    const history = await sellerHistory(asOwner(as(commune, sellerUser.id)), sellerId);
    expect(history.find((h) => h.action === 'product.taken_down')?.detail.reason).toBe('Chứng nhận OCOP không có thật');
    // Archiving and restoring would make it a draft to publish at will: refused.
    await expect(setProductArchived(asOwner(seller), made.id, true)).rejects.toMatchObject({ messageKey: 'market:takedown.onlyOfficial' });
    // Editing and publishing sends it to the officials' queue, even with moderation off.
    expect((await updateProduct(asOwner(seller), made.id, input({ title: { vi: 'Mật ong rừng' } }), [], true)).status).toBe('pending');
    expect(await eventTypes(commune)).toContain('product.taken_down');

    // A second one comes down and an official puts it back.
    const other = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Mật ong bạc hà' } }), [], true);
    await takeDownProduct(asOfficial(as(commune, official.id)), other.id, 'Ảnh không đúng sản phẩm');
    await expect(reinstateProduct(asStaleOfficial(as(commune, editor.id)), other.id)).rejects.toMatchObject({ messageKey: 'market:assisted.officialOnly' });
    await reinstateProduct(asOfficial(as(commune, official.id)), other.id);
    expect(await getPublishedProduct(scopeFor(database, commune.id, null) as never, other.slug)).not.toBeNull();
  });

  it('lets an official suspend a seller and reinstate them; editors cannot', async () => {
    const { commune, official, editor, sellerUser, sellerId } = await setUp();
    const seller = { ...as(commune, sellerUser.id), currency: 'VND' as const };
    const made = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Chè shan tuyết' } }), [], true);
    await expect(suspendSeller(asStaleOfficial(as(commune, editor.id)), sellerId, 'Bán hàng giả')).rejects.toMatchObject({
      messageKey: 'market:assisted.officialOnly',
    });
    await suspendSeller(asOfficial(as(commune, official.id)), sellerId, 'Bán hàng giả');
    expect(await getPublishedProduct(scopeFor(database, commune.id, null) as never, made.slug)).toBeNull();
    await expect(createProduct(asOwner(seller), sellerId, input(), [], true)).rejects.toMatchObject({ messageKey: 'market:errors.sellerNotApproved' });
    await approveSeller(asOfficial(as(commune, official.id)), sellerId);
    expect(await getPublishedProduct(scopeFor(database, commune.id, null) as never, made.slug)).not.toBeNull();
    expect(await eventTypes(commune)).toEqual(expect.arrayContaining(['seller.suspended', 'seller.reinstated']));
  });

  it('suspends the shop and releases hosted places when the seller role is removed; orders in flight stay handleable', async () => {
    const { commune, official, sellerUser, sellerId } = await setUp();
    const seller = { ...as(commune, sellerUser.id), currency: 'VND' as const };
    const made = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Gạo nếp cẩm' }, price: 40000 }), [], true);
    const buyer = await makeUser(database);
    const { orders } = await placeOrders(
      { ...scopeFor(database, null, buyer.id), userId: buyer.id },
      {
        checkoutId: crypto.randomUUID(),
        lines: [{ tenantId: commune.id, productId: made.id, quantity: 1, seenPrice: 40000 }],
        delivery: { name: 'Người Mua', phone: '0900000901', provinceCode: 'VN-01', commune: 'Phường Ba Đình', street: '12 Phố Đội Cấn', note: undefined },
        methods: {},
      },
    );
    await ownerInTenant(database.db, commune.id, (tx) =>
      tx.insert(places).values({
        tenantId: commune.id,
        slug: 'homestay-cua-nguoi-ban',
        kind: 'homestay',
        published: true,
        name: { vi: 'Homestay' },
        lat: 22.3,
        lon: 103.9,
        ownerUserId: sellerUser.id,
      }),
    );

    const search = () => searchCatalogue(scopeFor(database, null, null), parseCatalogueQuery(new URLSearchParams('q=gao nep cam'), 'VND'));
    expect((await search()).items.some((i) => i.id === made.id)).toBe(true);

    await removeMembership(permitted(as(commune, official.id), ['member.manage'], { roles: ['official'] }), sellerUser.id, 'seller');

    const [sellerRow] = await withTenant(scopeFor(database, commune.id, null), (tx) => tx.select().from(sellers).where(eq(sellers.id, sellerId)));
    expect(sellerRow!.status).toBe('suspended');
    expect(await getPublishedProduct(scopeFor(database, commune.id, null) as never, made.slug)).toBeNull();
    expect((await search()).items.some((i) => i.id === made.id)).toBe(false);
    const [place] = await withTenant(scopeFor(database, commune.id, null), (tx) =>
      tx
        .select()
        .from(places)
        .where(and(eq(places.tenantId, commune.id), eq(places.slug, 'homestay-cua-nguoi-ban'))),
    );
    expect(place).toMatchObject({ published: false, ownerUserId: null });
    // The order already placed can still be handled by the seller.
    await markPaid(asOwner(as(commune, sellerUser.id)), orders[0]!.reference);
    const history = await sellerHistory(asOwner(as(commune, sellerUser.id)), sellerId);
    expect(history.find((h) => h.action === 'seller.suspended')?.detail.cause).toBe('role_removed');
    expect(await eventTypes(commune)).toEqual(expect.arrayContaining(['seller.suspended', 'place.host_removed']));
  });
});

async function productRow(commune: Commune, productId: string) {
  const [row] = await withTenant(scopeFor(database, commune.id, null), (tx) => tx.select().from(products).where(eq(products.id, productId)));
  return row!;
}

/** Consent given by the seller in their own session, as the seller's own account would. */
async function withConsent(commune: Commune, sellerUserId: string, sellerId: string) {
  await giveConsent(asConsenting(as(commune, sellerUserId)), sellerId, 'Nhờ cán bộ giúp');
}

describe('review of the money safety: suspension keeps what moderation decided', () => {
  it('gives each held listing back exactly its status: a taken-down listing edited into the queue does not go live on reinstatement', async () => {
    const { commune, official, sellerUser, sellerId } = await setUp();
    const seller = { ...as(commune, sellerUser.id), currency: 'VND' as const };
    const live = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Chè shan tuyết' } }), [], true);
    const fake = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Mật ong OCOP 5 sao' } }), [], true);
    const down = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Quế khô' } }), [], true);
    await takeDownProduct(asOfficial(as(commune, official.id)), fake.id, 'Chứng nhận OCOP không có thật');
    await takeDownProduct(asOfficial(as(commune, official.id)), down.id, 'Ảnh không đúng');
    // The seller edits the taken-down listing and asks to publish: it waits for an official.
    expect((await updateProduct(asOwner(seller), fake.id, input({ title: { vi: 'Mật ong OCOP 5 sao' } }), [], true)).status).toBe('pending');
    // Moderation on: a new listing waits in the queue too.
    await withTenant(as(commune, official.id), (tx) => tx.update(communes).set({ marketModeration: true }).where(eq(communes.id, commune.id)));
    const queued = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Gạo nương' } }), [], true);
    expect(queued.status).toBe('pending');

    await suspendSeller(asOfficial(as(commune, official.id)), sellerId, 'Kiểm tra hàng giả');
    expect(await productRow(commune, fake.id)).toMatchObject({ status: 'suspended', heldStatus: 'pending' });
    expect(await productRow(commune, down.id)).toMatchObject({ status: 'suspended', heldStatus: null });
    await approveSeller(asOfficial(as(commune, official.id)), sellerId);

    expect(await productRow(commune, live.id)).toMatchObject({ status: 'published', heldStatus: null });
    expect(await productRow(commune, fake.id)).toMatchObject({ status: 'pending', heldStatus: null, rejectReason: 'Chứng nhận OCOP không có thật' });
    expect(await productRow(commune, queued.id)).toMatchObject({ status: 'pending', heldStatus: null });
    expect(await productRow(commune, down.id)).toMatchObject({ status: 'suspended', heldStatus: null });
    const published = scopeFor(database, commune.id, null) as never;
    expect(await getPublishedProduct(published, live.slug)).not.toBeNull();
    expect(await getPublishedProduct(published, fake.slug)).toBeNull();
    expect(await getPublishedProduct(published, queued.slug)).toBeNull();
    expect(await getPublishedProduct(published, down.slug)).toBeNull();
  });
});

describe('review of the money safety: payout changes', () => {
  it('cancels the payout changes staff asked for when the seller withdraws consent, in the same step', async () => {
    const { commune, editor, sellerUser, sellerId } = await setUp();
    const seller = as(commune, sellerUser.id);
    await setPayout(asOwner(seller), sellerId, vietQr('1111222233'));
    await withConsent(commune, sellerUser.id, sellerId);
    await setPayout(asStaff(as(commune, editor.id)), sellerId, vietQr('9999888877', 'BIEN TAP VIEN'));
    expect(await pendingPayouts(asOwner(seller), sellerId)).toHaveLength(1);
    await withdrawConsent(asConsenting(seller), sellerId);
    expect(await pendingPayouts(asOwner(seller), sellerId)).toHaveLength(0);
    expect(await getPayout(asOwner(seller), sellerId, new Date(Date.now() + 48 * HOUR))).toMatchObject({ account: '1111222233' });
    const cancelled = (await sellerHistory(asOwner(seller), sellerId)).find((h) => h.action === 'seller.payout_change_cancelled');
    expect(cancelled).toMatchObject({ onBehalf: false, detail: { cause: 'consent_withdrawn', last4: '8877' } });
    // The seller's own waiting change is theirs to keep.
    await setPayout(asOwner(seller), sellerId, vietQr('4444555566'));
    await withConsent(commune, sellerUser.id, sellerId);
    await withdrawConsent(asConsenting(seller), sellerId);
    expect((await pendingPayouts(asOwner(seller), sellerId)).map((p) => p.bySeller)).toEqual([true]);
  });

  it('lets a newer request replace an older one still waiting, so an older staff request is never used in between', async () => {
    const { commune, editor, sellerUser, sellerId } = await setUp();
    const seller = as(commune, sellerUser.id);
    const t0 = new Date();
    await setPayout(asOwner(seller), sellerId, vietQr('1111222233'), t0);
    await withConsent(commune, sellerUser.id, sellerId);
    await setPayout(asStaff(as(commune, editor.id)), sellerId, vietQr('9999888877', 'BIEN TAP VIEN'), new Date(t0.getTime() + 1000));
    // An hour later the seller asks for their own new account: it waits until t0 + 25 h.
    await setPayout(asOwner(seller), sellerId, vietQr('2222333344'), new Date(t0.getTime() + HOUR));
    const waiting = await pendingPayouts(asOwner(seller), sellerId, new Date(t0.getTime() + HOUR));
    expect(waiting.map((p) => (p.payout.kind === 'vietqr' ? p.payout.account : ''))).toEqual(['2222333344']);
    // Between the two times the staff request would have taken effect, the old account stays in use.
    expect(await getPayout(asOwner(seller), sellerId, new Date(t0.getTime() + 24.5 * HOUR))).toMatchObject({ account: '1111222233' });
    expect(await getPayout(asOwner(seller), sellerId, new Date(t0.getTime() + 25.5 * HOUR))).toMatchObject({ account: '2222333344' });
    const history = await sellerHistory(asOwner(seller), sellerId, 50, new Date(t0.getTime() + HOUR));
    expect(history.find((h) => h.action === 'seller.payout_change_cancelled')).toMatchObject({
      actorName: expect.any(String),
      detail: { cause: 'replaced', last4: '8877' },
    });
  });

  it('lets only an official change the payout of a seller without an account, and shows waiting changes on the officials’ desk', async () => {
    const { commune, official, editor, sellerUser, sellerId } = await setUp();
    const helped = await addSellerByOfficial(asOfficial(as(commune, official.id)), profile('Bà Thào Thị Dợ'), 'Đồng ý tại UBND xã');
    await expect(setPayout(asStaff(as(commune, editor.id)), helped, vietQr('9999888877'))).rejects.toMatchObject({
      messageKey: 'market:payout.officialOnlyNoAccount',
    });
    await setPayout(asStaff(as(commune, official.id)), helped, vietQr('3333444455'));
    // A seller with an account still sees staff's requests on their own dashboard: editors may ask there.
    await withConsent(commune, sellerUser.id, sellerId);
    await setPayout(asStaff(as(commune, editor.id)), sellerId, vietQr('7777000011'));
    const desk = await waitingPayoutChanges(asOfficial(as(commune, official.id)));
    expect(desk.map((p) => [p.sellerId, p.sellerHasAccount])).toEqual(
      expect.arrayContaining([
        [helped, false],
        [sellerId, true],
      ]),
    );
    const forHelped = desk.find((p) => p.sellerId === helped)!;
    await cancelPayoutChange(asOfficial(as(commune, official.id)), helped, forHelped.id);
    expect((await waitingPayoutChanges(asOfficial(as(commune, official.id)))).map((p) => p.sellerId)).toEqual([sellerId]);
  });

  it('keeps payout history append-only for the app role: a request can be cancelled once, never rewritten or removed', async () => {
    const { commune, sellerUser, sellerId } = await setUp();
    const seller = as(commune, sellerUser.id);
    const sqlState = (work: Promise<unknown>) =>
      work.then(
        () => 'ok',
        (error: unknown) => sqlStateOf(error),
      );
    const PERMISSION_DENIED = '42501';
    await setPayout(asOwner(seller), sellerId, vietQr('1111222233'));
    expect(
      await sqlState(withTenant(seller, (tx) => tx.update(sellerPayouts).set({ account: '9999888877' }).where(eq(sellerPayouts.sellerId, sellerId)))),
    ).toBe(PERMISSION_DENIED);
    expect(
      await sqlState(
        withTenant(seller, (tx) =>
          tx
            .update(sellerPayouts)
            .set({ effectiveAt: new Date(0), requestedAt: new Date(0) })
            .where(eq(sellerPayouts.sellerId, sellerId)),
        ),
      ),
    ).toBe(PERMISSION_DENIED);
    expect(await sqlState(withTenant(seller, (tx) => tx.delete(sellerPayouts).where(eq(sellerPayouts.sellerId, sellerId))))).toBe(PERMISSION_DENIED);
    await setPayout(asOwner(seller), sellerId, vietQr('2222333344'));
    const [waiting] = await pendingPayouts(asOwner(seller), sellerId);
    await cancelPayoutChange(asOwner(seller), sellerId, waiting!.id);
    expect(
      await sqlState(
        withTenant(seller, (tx) => tx.update(sellerPayouts).set({ cancelledAt: null, cancelledBy: null }).where(eq(sellerPayouts.id, waiting!.id))),
      ),
    ).toBe('23514');
    expect(await pendingPayouts(asOwner(seller), sellerId)).toHaveLength(0);
    expect(await getPayout(asOwner(seller), sellerId)).toMatchObject({ account: '1111222233' });
  });
});

describe('review of the money safety: the upgrade', () => {
  /** The data fixes of the review migration (everything before its grants), run again as at upgrade time. */
  async function runUpgradeFixes() {
    const folder = new URL('../../db/migrations/', import.meta.url);
    const files = await Promise.all((await readdir(folder)).filter((f) => f.endsWith('.sql')).map((f) => readFile(new URL(f, folder), 'utf8')));
    const file = files.find((text) => text.includes('money_review_cleared'))!;
    const fixes = file.slice(0, file.indexOf('-- 4.'));
    // One transaction on the owner connection, as the migrator runs it (its temporary tables need one session).
    await database.db.transaction(async (tx) => {
      for (const statement of fixes.split('--> statement-breakpoint')) if (statement.replace(/--.*$/gm, '').trim()) await tx.execute(sql.raw(statement));
    });
  }

  it('clears consent an editor recorded alone, undoes what staff did to the money under it, and keeps consent the seller or an official gave', async () => {
    const { commune, official, editor, sellerUser, sellerId } = await setUp();
    const seller = as(commune, sellerUser.id);
    // The earlier rules: an editor recorded consent alone, then set the account (before payout
    // history existed: requested_by empty, in effect) and asked for another change.
    await setPayout(asOwner(seller), sellerId, vietQr('1111222233'));
    await ownerInTenant(database.db, commune.id, async (tx) => {
      await tx.update(sellers).set({ consentAt: new Date(), consentBy: editor.id, consentNote: 'Ghi hộ' }).where(eq(sellers.id, sellerId));
      await tx.update(sellerPayouts).set({ account: '9999888877', requestedBy: null }).where(eq(sellerPayouts.sellerId, sellerId));
      await tx
        .insert(sellerActions)
        .values({ tenantId: commune.id, sellerId, actorId: editor.id, onBehalf: true, action: 'seller.payout_updated', detail: { kind: 'vietqr' } });
    });
    await setPayout(asStaff(as(commune, editor.id)), sellerId, vietQr('7777000011'));

    // Valid consents: the seller's own, a one-time code read out to an editor, an official's.
    const self = await makeUser(database);
    const selfId = await applyToSell(as(commune, self.id), profile('Người Tự Đồng Ý'));
    await approveSeller(asOfficial(as(commune, official.id)), selfId);
    await withConsent(commune, self.id, selfId);
    const coded = await makeUser(database);
    const codedId = await applyToSell(as(commune, coded.id), profile('Người Đọc Mã'));
    await approveSeller(asOfficial(as(commune, official.id)), codedId);
    await requestConsent(asDeskEditor(as(commune, editor.id)), codedId, 'Nhờ đăng hộ');
    const { code } = await issueConsentCode(asConsenting(as(commune, coded.id)), codedId);
    await confirmConsentCode(asAssisting(as(commune, editor.id)), codedId, code);
    const helped = await addSellerByOfficial(asOfficial(as(commune, official.id)), profile('Bà Thào Thị Dợ'), 'Đồng ý tại UBND xã');

    await runUpgradeFixes();

    expect(await consentOf(commune, sellerId)).toBeNull();
    for (const kept of [selfId, codedId, helped]) expect(await consentOf(commune, kept)).not.toBeNull();
    expect(await pendingPayouts(asOwner(seller), sellerId)).toHaveLength(0);
    expect(await getPayout(asOwner(seller), sellerId, new Date(Date.now() + 48 * HOUR))).toBeNull();
    await expect(setPayout(asStaff(as(commune, editor.id)), sellerId, vietQr('7777000011'))).rejects.toMatchObject({ messageKey: 'market:errors.noConsent' });
    const history = await sellerHistory(asOwner(seller), sellerId);
    expect(history.find((h) => h.action === 'seller.consent_cleared')).toMatchObject({ actorName: null, detail: { cause: 'not_by_official' } });
    expect(
      history
        .filter((h) => h.action === 'seller.payout_change_cancelled' && h.detail.cause === 'not_by_official')
        .map((h) => h.detail.last4)
        .sort(),
    ).toEqual(['0011', '8877']);
    // The seller sets their account again: it applies at once, as a first account does.
    const { effectiveAt } = await setPayout(asOwner(seller), sellerId, vietQr('1111222233'));
    expect(effectiveAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('works out from the history what each listing held with its seller was, when the old flag did not say', async () => {
    const { commune, official, sellerUser, sellerId } = await setUp();
    const seller = { ...as(commune, sellerUser.id), currency: 'VND' as const };
    const live = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Chè shan tuyết' } }), [], true);
    const fake = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Mật ong OCOP 5 sao' } }), [], true);
    const down = await createProduct(asOwner(seller), sellerId, input({ title: { vi: 'Quế khô' } }), [], true);
    await takeDownProduct(asOfficial(as(commune, official.id)), fake.id, 'Chứng nhận OCOP không có thật');
    await takeDownProduct(asOfficial(as(commune, official.id)), down.id, 'Ảnh không đúng');
    await updateProduct(asOwner(seller), fake.id, input({ title: { vi: 'Mật ong OCOP 5 sao' } }), [], true);
    await suspendSeller(asOfficial(as(commune, official.id)), sellerId, 'Kiểm tra hàng giả');
    // As the rows stood before the upgrade: held, without the status they had.
    await ownerInTenant(database.db, commune.id, (tx) => tx.update(products).set({ heldStatus: null }).where(eq(products.sellerId, sellerId)));
    await runUpgradeFixes();
    expect(await productRow(commune, live.id)).toMatchObject({ heldStatus: 'published' });
    expect(await productRow(commune, fake.id)).toMatchObject({ heldStatus: 'pending' });
    expect(await productRow(commune, down.id)).toMatchObject({ heldStatus: null });
    await approveSeller(asOfficial(as(commune, official.id)), sellerId);
    expect((await productRow(commune, fake.id)).status).toBe('pending');
    expect((await productRow(commune, live.id)).status).toBe('published');
  });
});

describe('review of the money safety: hosts leaving', () => {
  it('releases the places someone hosts when they lose their last role in the commune, not before', async () => {
    const { commune, official, editor } = await setUp();
    await makeMember(database, commune.id, editor.id, 'official');
    await ownerInTenant(database.db, commune.id, (tx) =>
      tx.insert(places).values({
        tenantId: commune.id,
        slug: 'homestay-cua-bien-tap-vien',
        kind: 'homestay',
        published: true,
        name: { vi: 'Homestay' },
        lat: 22.3,
        lon: 103.9,
        ownerUserId: editor.id,
      }),
    );
    const place = async () => {
      const [row] = await withTenant(scopeFor(database, commune.id, null), (tx) =>
        tx
          .select()
          .from(places)
          .where(and(eq(places.tenantId, commune.id), eq(places.slug, 'homestay-cua-bien-tap-vien'))),
      );
      return row!;
    };
    await removeMembership(permitted(as(commune, official.id), ['member.manage'], { roles: ['official'] }), editor.id, 'editor');
    expect(await place()).toMatchObject({ published: true, ownerUserId: editor.id });
    await removeMembership(permitted(as(commune, official.id), ['member.manage'], { roles: ['official'] }), editor.id, 'official');
    expect(await place()).toMatchObject({ published: false, ownerUserId: null });
    expect(await eventTypes(commune)).toContain('place.host_removed');
  });
});
