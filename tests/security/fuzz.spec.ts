import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import routes from '../../app/routes.ts';
import { ACCOUNT_KINDS } from '../../domain/notifications.ts';
import { DEMO_PASSWORD, ownClientAddress } from './support.ts';

/**
 * Every form action and every page, fed generated hostile values, signed out and signed in.
 * Nothing may answer with a 5xx. The run has two phases on a server of its own (own port, own
 * data directory, own seeded copy, so other tests' writes never mix in):
 *
 * 1. Poisoned: every form carries at least one forbidden character (NUL, a lone surrogate sent as
 *    raw invalid UTF-8, other controls), next to 10 KB strings, wrong types and so on; plus hostile
 *    addresses (malformed percent-encodings, NUL, huge segments) for every page. None of these
 *    can be a valid change, so afterwards NO ROW may have changed: the database is compared
 *    table by table (row count and md5) with its state before the phase.
 * 2. Clean: every target gets forms with no forbidden character at all: the forms its own page
 *    offers (scraped from the page, so ids, revisions and choices are real), with up to three
 *    fields replaced by hostile values (10 KB strings, wrong types, negative and huge numbers,
 *    arrays, unicode edge cases, ids of the wrong shape), dropped, repeated or joined by stray
 *    fields, and forms of random fields. Some of these are valid changes (an unmutated form is
 *    the page used as intended), so rows may change here and this phase asserts no 5xx only; the
 *    "no row changed" promise is kept honest by phase 1, where every input is invalid.
 *    Each page's own forms are sent first as offered (up to three per page), then the generated ones.
 *    Each target must also have been really exercised: at least one answer that only its use case
 *    gives (a 2xx, a 409, a 429, or a 302 that sets a flash message or a session), not merely the
 *    302/400/403/404/413 that guards, parsing and unknown ids give. A target that cannot be is
 *    listed in UNREACHABLE with the reason.
 *
 * Known values (the seller's id, orders, an inquiry, a reset link and code…) are read from the
 * database after a short set-up over HTTP (two orders placed, one inquiry sent, two password
 * resets asked for) and a few rows only the job runner makes, written directly (setUpRows); a
 * missing one fails the run instead of silently becoming a random id.
 *
 * A new route with an action must be added to POST_TARGETS or to EXCLUDED (with the reason); the
 * first test fails until it is. The seed is printed: FUZZ_SEED=<seed> replays the run.
 */

const PORT = Number(process.env.FUZZ_PORT ?? 3230);
const BASE = `http://localhost:${PORT}`;
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const POISONED_RUNS = Number(process.env.FUZZ_RUNS ?? 600);
const CLEAN_RUNS = Number(process.env.FUZZ_CLEAN_RUNS ?? 700);
/** FUZZ_SURVEY=1 sends every generated request and lists all 5xx answers, instead of stopping at the first. */
const SURVEY = process.env.FUZZ_SURVEY === '1';

/** Tables whose rows legitimately change while the fuzzer signs in and fails: not compared. */
const BOOKKEEPING_TABLES: Record<string, string> = {
  sessions: 'signing the fuzzer in creates sessions; signing out (or a stale cookie) removes one',
  sign_in_throttle: 'every refused sign-in is counted here, by design',
  rate_limits: 'request limits (sign-ups, inquiries, password changes) count attempts, refused or not',
  known_devices: 'a successful sign-in remembers the browser it came from (the throttle never holds back a known device)',
};

type Role = 'anonymous' | 'official' | 'tavan' | 'seller' | 'operator' | 'buyer';
const ACCOUNTS: Record<Exclude<Role, 'anonymous'>, string> = {
  official: 'official.giaphu@baan.test',
  tavan: 'official.tavan@baan.test',
  seller: 'seller.giaphu@baan.test',
  operator: 'operator@baan.test',
  buyer: 'buyer@baan.test',
};
/** Accounts no role above signs in as: the reset targets set their passwords (which ends their sessions). */
const RESET_LINK_ACCOUNT = 'editor.tavan@baan.test';
/** The phone-only villager of Gia Phú (db/seed), as E.164. */
const RESET_CODE_PHONE = '+84900000103';
/** An unsubscribe link's token, made by the set-up (the database keeps only its hash), as the consumer makes one. */
const UNSUBSCRIBE_TOKEN = randomBytes(24).toString('base64url');

/** Real values for path parameters and forms, read from this server's database. */
type Known = {
  sellerId: string;
  tavanSellerId: string;
  productId: string;
  otherProductId: string;
  buyerReference: string;
  sellerReference: string;
  templateKey: string;
  /** One of the seller's inbox rows (set-up: the notification of an order placed at set-up). */
  notificationId: string;
  /** A dead job the operator can put back in the queue (set-up). */
  deadJobId: string;
  /** An unsubscribe link's token (set-up: made here, only its hash is stored). */
  unsubscribeToken: string;
  /** A live reset link's token, from the mail job a reset request at set-up queued. */
  resetToken: string;
  /** An account's phone (E.164) and the reset code the SMS job queued at set-up carries. */
  resetPhone: string;
  resetCode: string;
};

type PostTarget = {
  /** The route's path with parameters filled in (for the role sending). */
  path: (known: Known, role: Role) => string;
  as: Role[];
  /** Field names the action reads (random clean and poisoned forms draw from these). */
  fields: string[];
  /** The intents it knows. */
  intents?: string[];
  /** Values put into the page's own form before it is mutated (where the page's defaults cannot succeed, or to name the known row it acts on). */
  fill?: Record<string, string> | ((known: Known) => Record<string, string>);
  /**
   * Each form from a client address of its own (X-Forwarded-For; the fuzz server trusts one proxy
   * hop): for targets behind per-client limits, which the fuzzer's forms would otherwise use up,
   * leaving every later form answered 429 before the action runs.
   */
  ownClient?: boolean;
  /** Where its use case answers with a plain redirect (no flash message): a 302 to here counts as exercised. */
  redirectsTo?: RegExp;
};

const fillOf = (target: PostTarget, known: Known) => (typeof target.fill === 'function' ? target.fill(known) : target.fill);

const inDays = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Keyed by route file (plus id where one file serves two routes). */
const POST_TARGETS: Record<string, PostTarget> = {
  'auth/routes/signup.tsx': { path: () => '/signup', as: ['anonymous'], fields: ['identifier', 'password', 'displayName', 'redirectTo'], ownClient: true },
  'auth/routes/login.tsx': {
    path: () => '/login',
    as: ['anonymous'],
    fields: ['identifier', 'password', 'redirectTo'],
    fill: { identifier: ACCOUNTS.buyer, password: DEMO_PASSWORD },
  },
  'auth/routes/account.tsx': {
    path: () => '/account',
    as: ['buyer'],
    fields: ['intent', 'identifier', 'password', 'currentPassword', 'newPassword'],
    // The address form as its owner fills it: a proof goes to a new address (nothing changes until it is opened).
    fill: { identifier: 'fuzz.new.address@example.org', password: DEMO_PASSWORD },
  },
  'auth/routes/verify.tsx': { path: () => '/verify', as: ['buyer'], fields: ['intent', 'code', 'redirectTo'], intents: ['resend-phone', 'resend-email'] },
  'auth/routes/reset-request.tsx': { path: () => '/reset-password', as: ['anonymous'], fields: ['identifier'], ownClient: true },
  // The page's own forms carry the code the set-up's SMS job holds: the first one sent sets the password.
  'auth/routes/reset-code.tsx': {
    path: () => '/reset-password/code',
    as: ['anonymous'],
    fields: ['identifier', 'code', 'newPassword'],
    fill: (k) => ({ identifier: k.resetPhone, code: k.resetCode }),
    ownClient: true,
  },
  // The set-up's live link: the page offers its form, and the first one sent uses the link up (no per-client limit here).
  'auth/routes/reset-token.tsx': { path: (k) => `/reset-password/${k.resetToken}`, as: ['anonymous'], fields: ['newPassword'] },
  'auth/routes/verify-email.tsx': { path: () => `/verify/email/${'a'.repeat(32)}`, as: ['anonymous', 'buyer'], fields: ['x'] },
  'auth/routes/undo-address.tsx': { path: () => `/account/undo/${'a'.repeat(32)}`, as: ['anonymous'], fields: ['x'] },
  'notifications/routes/preferences.tsx': {
    path: () => '/account/notifications',
    as: ['buyer'],
    fields: ACCOUNT_KINDS.flatMap((kind) => [`${kind}.email`, `${kind}.sms`]),
  },
  // The seller's inbox holds the set-up orders' notifications; marking read and opening answer a plain redirect.
  'notifications/routes/inbox.tsx': {
    path: () => '/notifications',
    as: ['seller'],
    fields: ['intent', 'id'],
    intents: ['open', 'read', 'readAll'],
    fill: (k) => ({ id: k.notificationId }),
    redirectsTo: /^\/(notifications|gia-phu\/market\/orders\/[^/]+)$/,
  },
  // A mail client's one-click POST sends `List-Unsubscribe=One-Click`; the action reads no field, the token is the key.
  'notifications/routes/unsubscribe.tsx': { path: (k) => `/unsubscribe/${k.unsubscribeToken}`, as: ['anonymous'], fields: ['List-Unsubscribe'] },
  // Before the cart: the page forms are sent in this order, and the cart's own forms empty it.
  'market/routes/checkout.tsx': {
    path: () => '/checkout',
    as: ['anonymous', 'buyer'],
    fields: ['checkoutId', 'name', 'phone', 'provinceCode', 'commune', 'street', 'paymentMethod', 'note'],
  },
  'market/routes/cart.tsx': {
    path: () => '/cart',
    as: ['anonymous', 'buyer'],
    fields: ['intent', 'productId', 'tenantId', 'quantity'],
    intents: ['update', 'remove', 'clear'],
  },
  'market/routes/order.tsx': {
    path: (k) => `/orders/${k.buyerReference}`,
    as: ['buyer'],
    fields: ['intent', 'reason', 'productId', 'stars', 'comment'],
    intents: ['cancel', 'complete', 'rate'],
  },
  'market/routes/product.tsx': { path: () => '/gia-phu/market/que-kho', as: ['anonymous', 'buyer'], fields: ['intent', 'quantity'], intents: ['add', 'buy'] },
  'market/routes/sell.tsx': { path: () => '/gia-phu/market/sell', as: ['buyer'], fields: ['name', 'hamlet', 'story.vi', 'phone', 'zalo', 'isCooperative'] },
  'market/routes/manage.tsx': {
    path: () => '/gia-phu/market/manage',
    as: ['official'],
    fields: ['intent', 'id', 'sellerId', 'reason', 'note', 'on', 'email', 'name', 'hours'],
    intents: ['add-seller', 'approve-product', 'approve-seller', 'cancel-payout', 'consent', 'cooling', 'moderation', 'reject-product', 'reject-seller'],
  },
  'market/routes/seller-dashboard.tsx': {
    // Staff act on Tả Van's seller: a suspension or take-down there leaves Gia Phú's seller, whose
    // shop the other targets use, open.
    path: (k, role) => (role === 'tavan' ? `/ta-van/market/sellers/${k.tavanSellerId}` : `/gia-phu/market/sellers/${k.sellerId}`),
    as: ['seller', 'tavan'],
    fields: ['intent', 'productId', 'payoutId', 'bankBin', 'account', 'accountName', 'promptPayId', 'name', 'hamlet', 'note', 'code', 'reason'],
    intents: [
      'archive',
      'restore',
      'payout',
      'cancel-payout',
      'profile',
      'give-consent',
      'show-code',
      'confirm-code',
      'confirm-consent',
      'withdraw-consent',
      'suspend-seller',
      'reinstate-seller',
      'take-down',
      'reinstate-product',
    ],
  },
  'market/routes/seller-order.tsx': {
    path: (k) => `/gia-phu/market/orders/${k.sellerReference}`,
    as: ['seller'],
    fields: ['intent', 'carrier', 'tracking', 'reason'],
    intents: ['confirm', 'ship', 'deliver', 'cancel', 'paid'],
  },
  'product-new': {
    path: (k) => `/gia-phu/market/sellers/${k.sellerId}/products/new`,
    as: ['seller'],
    fields: ['title.vi', 'price', 'unit', 'stock', 'category', 'certStars', 'intent'],
    fill: { 'title.vi': 'Fuzz product', price: '50000', stock: '5', certStars: '' },
  },
  'product-edit': {
    path: (k) => `/gia-phu/market/products/${k.otherProductId}/edit`,
    as: ['seller'],
    fields: ['title.vi', 'price', 'unit', 'stock', 'category', 'certStars', 'intent'],
  },
  'handbook-new': {
    path: () => '/gia-phu/handbook/new',
    as: ['official'],
    fields: ['intent', 'chapterId', 'slug', 'locale', 'title', 'summary', 'body'],
    intents: ['save', 'preview', 'upload'],
  },
  'handbook-edit': {
    path: () => '/gia-phu/handbook/activate-vneid-level-2/edit',
    as: ['official'],
    fields: ['intent', 'revision', 'chapterId', 'locale', 'title', 'summary', 'body'],
    intents: ['save', 'save-and-publish', 'publish', 'unpublish', 'preview', 'upload'],
  },
  'handbook/routes/history.tsx': { path: () => '/gia-phu/handbook/activate-vneid-level-2/history', as: ['official'], fields: ['number', 'revision'] },
  'handbook/routes/checklist.tsx': {
    path: () => '/gia-phu/handbook/activate-vneid-level-2/checklist',
    as: ['official'],
    fields: ['language', 'title', 'step.0.title', 'step.0.id', 'step.0.linkUrl', 'step.1.remove'],
  },
  'handbook/routes/contacts-manage.tsx': {
    path: () => '/gia-phu/contacts/manage',
    as: ['official'],
    fields: ['intent', 'id', 'name', 'role.vi', 'phone', 'team'],
    intents: ['save', 'update', 'delete'],
  },
  'handbook/routes/news-manage.tsx': {
    path: () => '/gia-phu/news/manage',
    as: ['official'],
    fields: ['intent', 'id', 'url', 'title', 'body', 'expiresOn', 'pinned'],
    intents: ['add-feed', 'announce', 'delete-announcement', 'delete-feed', 'import'],
  },
  'tourism/routes/place.tsx': {
    path: () => '/ta-van/tourism/homestay-giang-ta-chai',
    as: ['anonymous'],
    fields: ['checkIn', 'checkOut', 'guests', 'name', 'phone', 'email', 'message'],
    fill: { checkIn: inDays(30), checkOut: inDays(32), guests: '2', name: 'Fuzz Guest', phone: '0900 000 321', message: 'Hello' },
  },
  'tourism/routes/events.tsx': {
    path: () => '/gia-phu/events',
    as: ['official'],
    fields: ['intent', 'id', 'title.vi', 'startsOn', 'endsOn', 'startTime', 'placeId'],
    intents: ['save', 'delete'],
  },
  'tourism/routes/inquiries.tsx': { path: () => '/ta-van/tourism/inquiries', as: ['tavan'], fields: ['id', 'status'] },
  'place-new': {
    path: () => '/gia-phu/tourism/new',
    as: ['official'],
    fields: ['kind', 'name.vi', 'lat', 'lon', 'published', 'confirmFar'],
    fill: { 'name.vi': 'Fuzz place', lat: '22.3655', lon: '104.0812' },
  },
  'place-edit': {
    path: () => '/gia-phu/tourism/rung-que-gia-phu/edit',
    as: ['official'],
    fields: ['kind', 'name.vi', 'lat', 'lon', 'published', 'confirmFar'],
  },
  'tenancy/routes/settings.tsx': { path: () => '/gia-phu/settings', as: ['official'], fields: ['name.vi', 'tagline.vi', 'removeCover', 'timeZone'] },
  'members/routes/members.tsx': {
    path: () => '/gia-phu/members',
    as: ['official'],
    fields: ['intent', 'identifier', 'role', 'userId', 'invitationId'],
    intents: ['invite', 'remove', 'revoke', 'confirm', 'refuse', 'recover'],
  },
  'members/routes/join.tsx': { path: () => `/gia-phu/join/${'x'.repeat(20)}`, as: ['buyer'], fields: ['token'] },
  'admin/routes/new-commune.tsx': {
    path: () => '/admin/communes/new',
    as: ['operator'],
    fields: ['slug', 'name.vi', 'province', 'currency', 'defaultLocale', 'timeZone'],
    fill: { 'name.vi': 'Fuzz commune', centerLat: '22.3655', centerLon: '104.0812' },
  },
  'admin/routes/template.tsx': { path: () => '/admin/handbook', as: ['operator'], fields: ['chapterKey', 'locale', 'title'] },
  'admin/routes/template-article.tsx': { path: (k) => `/admin/handbook/${k.templateKey}`, as: ['operator'], fields: ['locale', 'title', 'summary', 'body'] },
  'admin/routes/jobs.tsx': {
    path: () => '/admin/jobs',
    as: ['operator'],
    fields: ['intent', 'id', 'communeId', 'consumer', 'eventId'],
    fill: (k) => ({ intent: 'retry', id: k.deadJobId }),
  },
  'tenancy/routes/not-found.tsx': { path: () => '/no-such-page/at-all', as: ['anonymous'], fields: ['x'] },
  'delivery/routes/bounces.ts': { path: () => '/hooks/mail/bounces', as: ['anonymous', 'operator'], fields: ['x'] },
};

/** Action routes the fuzzer does not send to, and why. */
const EXCLUDED: Record<string, string> = {
  'auth/routes/logout.ts': 'takes no input; its only effect (ending the session) would sign the fuzzer out mid-run',
};

/** Targets fuzzed (no 5xx) that no generated form can carry past their guard, and why. */
const UNREACHABLE: Record<string, string> = {
  'tenancy/routes/not-found.tsx': 'the catch-all page: its action answers every form with 404, which is what is checked',
  'members/routes/join.tsx': 'an invitation token is a secret only the invited person receives; without one every form is refused (404)',
  'auth/routes/verify-email.tsx':
    'confirming a new e-mail address needs the link sent to that address and the session of the account that asked: a made-up token is a 410 (tests/auth/addresses.test.ts, tests/e2e/account.spec.ts)',
  'auth/routes/undo-address.tsx':
    'undoing an address change needs the link sent to the old address: a made-up token is a 410 (tests/auth/addresses.test.ts, tests/e2e/account.spec.ts)',
  'delivery/routes/bounces.ts':
    'the bounce hook takes raw reports from a relay holding MAIL_BOUNCE_TOKEN, which the fuzz server does not set: every form is a 404 (its refusals: tests/delivery/bounces.test.ts)',
};

// ---------------------------------------------------------------------------------------------
// Routes, from app/routes.ts

type Entry = { id?: string; path?: string; index?: boolean; file: string; children?: Entry[] };
type FlatRoute = { key: string; file: string; path: string };

function flatten(entries: Entry[], parent = ''): FlatRoute[] {
  return entries.flatMap((entry) => {
    const full = entry.path ? `${parent}/${entry.path}` : parent;
    const self = { key: entry.id ?? entry.file, file: entry.file, path: full || '/' };
    return [self, ...flatten(entry.children ?? [], full)];
  });
}
const ROUTES = flatten(routes as unknown as Entry[]);
const hasAction = (file: string) => /export (async )?function action\b|export const action\b/.test(readFileSync(path.join('app', file), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Hostile values

const kb10 = 'a'.repeat(10 * 1024);
/** Text no form may carry (each one refused by the shared body reader). */
const poison = fc.constantFrom('\u0000', 'a\u0000b', '\u0001\u0002', '\u001B[2J', '\u007F', '\u0085', '\uFFFD', '\uD800', 'x\uDFFFy', '\uFFFE');
/** Hostile but clean text: sizes, numbers, types, ids, dates and unicode edge cases. */
const clean = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    kb10,
    `${kb10}\n${kb10}`,
    'é'.repeat(5000),
    '-1',
    '-999999999999',
    '0',
    '-0',
    '1e309',
    '9'.repeat(40),
    'NaN',
    'Infinity',
    '1.5',
    '0x10',
    '[]',
    '[1,2]',
    '{}',
    '{"a":1}',
    'null',
    'undefined',
    'true',
    'on',
  ),
  fc.constantFrom(
    'a'.repeat(36),
    '-'.repeat(36),
    '00000000-0000-0000-0000-00000000000g',
    '{00000000-0000-0000-0000-000000000000}',
    "1' or '1'='1",
    '../../etc/passwd',
    '%ZZ',
    '%E0%A4%A',
    '<script>alert(1)</script>',
  ),
  fc.constantFrom(
    '2026-02-31',
    '0000-00-00',
    '99999-01-01',
    '2026-13-01',
    '1900-01-01',
    '2999-12-31',
    'yesterday',
    '25:61',
    'not-an-email',
    'a@',
    '@b',
    'a b@c d',
    'javascript:alert(1)',
    'http://127.0.0.1/',
    'file:///etc/passwd',
  ),
  // Unicode edge cases (all clean): joined emoji, a bidi override, zero-width characters, stacked
  // combining marks, full-width and Arabic-Indic digits, characters whose case changes their length.
  fc.constantFrom(
    '👩‍🌾',
    '🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}',
    '\u202Eabc',
    'a\u200Bb',
    '\uFEFF',
    'e' + '\u0301'.repeat(500),
    '１２３',
    '١٢٣',
    'İ',
    'ß',
    'ﬃ',
    '\u{10FFFF}',
    '𝟘𝟙',
  ),
  fc.uuid(), // an id of nothing
  fc.integer({ min: -2_147_483_648, max: -1 }).map(String),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 80n }).map(String),
  fc.string({ maxLength: 30, unit: 'grapheme' }).filter((s) => !hasForbidden(s)),
);
function hasForbidden(text: string) {
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(
    text,
  );
}

/** A form: some of the target's fields (missing ones too), some repeated or sent as `name[]`, plus a stray field. */
type Form = [string, string][];
function formArbitrary(target: PostTarget, poisoned: boolean): fc.Arbitrary<Form> {
  const field = fc.oneof(
    fc.constantFrom(...target.fields, 'x', 'id', '__proto__', 'constructor'),
    fc.constantFrom(...target.fields).map((f) => `${f}[]`),
  );
  const value = poisoned ? fc.oneof(clean, poison) : clean;
  const entries = fc.array(fc.tuple(field, value), { maxLength: 8 });
  const intents = target.intents;
  const intent = intents?.length ? fc.option(fc.constantFrom(...intents), { nil: undefined }) : fc.constant(undefined);
  return fc.tuple(entries, intent, poison, fc.constantFrom(...target.fields)).map(([pairs, chosen, bad, where]) => {
    const form: Form = pairs.filter(([k]) => k !== 'intent');
    if (chosen) form.push(['intent', chosen]);
    else if (!intents?.length && pairs.some(([k]) => k === 'intent')) form.push(['intent', pairs.find(([k]) => k === 'intent')![1]]);
    if (poisoned) form.push([where, bad]);
    return form;
  });
}

/** Changes made to a page's own form: a field's value replaced, a field dropped or repeated, a stray field added. */
type Mutation = ['replace' | 'drop' | 'repeat' | 'stray', number, string];
const mutations = fc.array(fc.tuple(fc.constantFrom<Mutation[0]>('replace', 'replace', 'drop', 'repeat', 'stray'), fc.nat(), clean), { maxLength: 3 });
function mutate(base: Form, changes: Mutation[]): Form {
  const form: Form = base.map(([k, v]) => [k, v]);
  for (const [kind, at, value] of changes) {
    const i = form.length ? at % form.length : 0;
    if (kind === 'stray' || !form.length) form.push([['x', 'id', 'intent', '__proto__'][at % 4]!, value]);
    else if (kind === 'replace') form[i] = [form[i]![0], value];
    else if (kind === 'drop') form.splice(i, 1);
    else form.push([form[i]![0], value]);
  }
  return form;
}

/** A form body as bytes: text is UTF-8, except that a lone surrogate is sent as its raw (invalid) 3 bytes. */
function encodeForm(form: Form): Buffer {
  const encode = (text: string) =>
    Array.from(text, (char) => {
      const code = char.codePointAt(0)!;
      if (code >= 0xd800 && code <= 0xdfff)
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
      return encodeURIComponent(char);
    }).join('');
  return Buffer.from(form.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'));
}

/** A path segment or query value, already percent-encoded, as an attacker writes it. */
const urlPiece = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    '%ED%A0%80',
    '%C3',
    '%FF%FE',
    '%',
    '%Z',
    '%ZZ',
    '%E0%A4%A',
    '%2F',
    '%2E%2E',
    '..',
    '%0D%0A',
    '%09',
    '%20',
    'null',
    '-1',
    '0',
    '9'.repeat(40),
    'a'.repeat(36),
    '%25',
    '%u0000',
  ),
  fc.constant('a'.repeat(10 * 1024)),
  fc.uuid(),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.string({ maxLength: 20, unit: 'grapheme' }).map(encodeURIComponent),
);
const QUERY_KEYS = [
  'q',
  'lng',
  'locale',
  'in',
  'edit',
  'bbox',
  'kind',
  'category',
  'sort',
  'min',
  'max',
  'stars',
  'province',
  'commune',
  'page',
  'status',
  'redirectTo',
  'email',
  'q[]',
];

// ---------------------------------------------------------------------------------------------
// A page's own forms, read from its HTML

const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
const unescape = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
let unique = 0;

/** What a person would type into an empty field of this kind. */
function typed(name: string, type: string): string {
  unique += 1;
  // An account's identifier (e-mail or phone) is typed as an e-mail address.
  if (type === 'email' || /email|identifier/i.test(name)) return `fuzz-${unique}-${Date.now().toString(36)}@baan.test`;
  if (type === 'password' || /password/i.test(name)) return name === 'currentPassword' ? 'not-the-password-2026' : 'fuzz-password-2026';
  if (type === 'tel' || /phone|zalo/i.test(name)) return '0900 000 123';
  if (type === 'date') return /end|checkOut|expires/i.test(name) ? inDays(40) : inDays(30);
  if (type === 'time') return '09:00';
  if (type === 'number') return '2';
  if (type === 'url' || /url/i.test(name)) return 'http://127.0.0.1/feed.xml';
  if (/slug/i.test(name) || name === 'key') return `fuzz-${unique}-${Date.now().toString(36)}`;
  return `Fuzz ${unique}`;
}

/** Every POST form on a page that submits to `path`, filled as a person would (one per submit button with a value). */
function pageForms(html: string, path: string, fill: Record<string, string> = {}): Form[] {
  const forms: Form[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const form = attributes(match[1]!);
    if ((form.method ?? 'get').toLowerCase() !== 'post') continue;
    if (form.action && new URL(form.action, BASE).pathname !== path) continue;
    const fields: Form = [];
    const buttons: [string, string][] = [];
    for (const control of match[2]!.matchAll(/<(select|textarea)\b([^>]*)>([\s\S]*?)<\/\1>|<(input|button)\b([^>]*)>/g)) {
      const tag = control[1] ?? control[4]!;
      const raw = control[2] ?? control[5]!;
      const inner = control[3];
      const a = attributes(raw!);
      if (!a.name) continue;
      const type = (a.type ?? 'text').toLowerCase();
      if (tag === 'button' || type === 'submit') {
        if (a.value !== undefined) buttons.push([a.name, a.value]);
        continue;
      }
      if (type === 'file') continue;
      if (type === 'checkbox' || type === 'radio') {
        if (raw!.includes('checked') && !fields.some(([k]) => k === a.name)) fields.push([a.name, a.value ?? 'on']);
        continue;
      }
      let value = a.value ?? '';
      if (tag === 'textarea') value = unescape(inner ?? '').replace(/^\n/, '');
      if (tag === 'select') {
        // The chosen option, else the first real one (not the "choose…" prompt).
        const options = [...(inner ?? '').matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(o[1]!));
        value = options.find((o) => o.selected !== undefined && o.value)?.value ?? options.find((o) => o.value)?.value ?? '';
      }
      if (fill[a.name] !== undefined) value = fill[a.name]!;
      else if (!value && /\brequired=""/.test(raw!)) value = typed(a.name, type);
      fields.push([a.name, value]);
    }
    for (const [name, value] of Object.entries(fill)) if (!fields.some(([k]) => k === name)) fields.push([name, value]);
    if (buttons.length) for (const button of buttons) forms.push([...fields, button]);
    else forms.push(fields);
  }
  return forms;
}

// ---------------------------------------------------------------------------------------------
// The dedicated server and its database

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baan-fuzz-'));
let server: ChildProcess | null = null;

async function startServer() {
  server = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    // JOBS=off: no worker, so the schedules' own rows cannot count as a change a form made.
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      DATABASE_URL: '',
      NODE_ENV: 'production',
      JOBS: 'off',
      // As behind one proxy (as the e2e server runs): targets behind per-client limits send each form from an address of its own.
      TRUST_PROXY: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`the fuzz server exited:\n${log}`);
    const ok = await fetch(`${BASE}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the fuzz server did not start:\n${log}`);
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server!.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  server = null;
}

async function openDatabase() {
  return PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { pg_trgm, unaccent } });
}

/** Rows of every table (row count and md5 of the rows in order), bookkeeping tables left out. */
async function checksum(): Promise<Record<string, string>> {
  const db = await openDatabase();
  try {
    const tables = await db.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
    );
    const sums: Record<string, string> = {};
    for (const { schema, name } of tables.rows) {
      if (BOOKKEEPING_TABLES[name]) continue;
      const table = `"${schema}"."${name}"`;
      const { rows } = await db.query<{ n: number; sum: string | null }>(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${table} t`,
      );
      sums[`${schema}.${name}`] = `${rows[0]!.n} rows, ${rows[0]!.sum}`;
    }
    return sums;
  } finally {
    await db.close();
  }
}

/** Known values, each required: one that is missing fails the run (a random id would only test a 404). */
async function knownValues(): Promise<Known> {
  const db = await openDatabase();
  try {
    const one = async (what: string, sql: string) => {
      const value = (await db.query<{ v: string }>(sql)).rows[0]?.v;
      if (!value) throw new Error(`fuzz set-up: no ${what} in the seeded database (${sql})`);
      return value;
    };
    const seller = `select s.id from sellers s join communes c on c.id = s.tenant_id join users u on u.id = s.user_id where c.slug = 'gia-phu' and u.email = '${ACCOUNTS.seller}'`;
    const buyerOrders = `select o.reference as v from orders o join users u on u.id = o.buyer_id where u.email = '${ACCOUNTS.buyer}' and o.seller_id = (${seller}) order by o.reference`;
    const resetJob = (name: string, to: string, what: string) =>
      `select ${what} as v from jobs where name = '${name}' and payload->>'to' = '${to}' and payload->>'ref' like 'account:reset:%' order by created_at desc limit 1`;
    const sixDigits = (text: string) => {
      const code = text.match(/\b\d{6}\b/)?.[0];
      if (!code) throw new Error(`fuzz set-up: no code in the reset SMS (${text})`);
      return code;
    };
    return {
      sellerId: await one('seller', `select (${seller})::text as v`),
      tavanSellerId: await one(
        'Tả Van seller',
        `select s.id::text as v from sellers s join communes c on c.id = s.tenant_id where c.slug = 'ta-van' order by s.id limit 1`,
      ),
      productId: await one(
        'product que-kho',
        `select p.id::text as v from products p join communes c on c.id = p.tenant_id where c.slug = 'gia-phu' and p.slug = 'que-kho'`,
      ),
      otherProductId: await one(
        'second product of the seller',
        `select p.id::text as v from products p where p.seller_id = (${seller}) and p.slug <> 'que-kho' order by p.slug limit 1`,
      ),
      buyerReference: await one('order of the buyer', `${buyerOrders} limit 1`),
      sellerReference: await one('second order of the buyer', `${buyerOrders} offset 1 limit 1`),
      templateKey: await one('handbook template article', `select key as v from handbook_template_articles order by key limit 1`),
      notificationId: await one(
        'notification of the seller',
        `select n.id::text as v from notifications n join users u on u.id = n.user_id where u.email = '${ACCOUNTS.seller}' order by n.created_at, n.id limit 1`,
      ),
      deadJobId: await one('dead job', `select id::text as v from jobs where state = 'dead' and key = 'fuzz:set-up' limit 1`),
      unsubscribeToken: await one(
        'unsubscribe link',
        `select '${UNSUBSCRIBE_TOKEN}' as v from unsubscribe_tokens where token_hash = '${createHash('sha256').update(UNSUBSCRIBE_TOKEN).digest('hex')}'`,
      ),
      resetToken: new URL(await one('reset link mail', resetJob('mail.send', RESET_LINK_ACCOUNT, `payload->'action'->>'url'`))).pathname.split('/').at(-1)!,
      resetPhone: RESET_CODE_PHONE,
      resetCode: sixDigits(await one('reset code SMS', resetJob('sms.send', RESET_CODE_PHONE, `payload->>'text'`))),
    };
  } finally {
    await db.close();
  }
}

async function signedIn(role: Role): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { 'Accept-Language': 'en' } });
  if (role !== 'anonymous') {
    const response = await context.post('/login', { form: { identifier: ACCOUNTS[role], password: DEMO_PASSWORD, redirectTo: '/' }, maxRedirects: 0 });
    expect(response.status(), `${role} signs in`).toBe(302);
  }
  return context;
}

/** Set-up over HTTP before the database is first read: two orders from the buyer to the seller, one inquiry at Tả Van. */
async function setUp() {
  const buyer = await signedIn('buyer');
  for (let i = 0; i < 2; i++) {
    const added = await buyer.post('/gia-phu/market/que-kho', { form: { intent: 'add', quantity: '1' }, headers: { Origin: BASE }, maxRedirects: 0 });
    expect(added.status(), 'set-up: que-kho added to the cart').toBe(302);
    const page = await (await buyer.get('/checkout')).text();
    const [form] = pageForms(page, '/checkout', { name: 'Fuzz Buyer', commune: 'Gia Phú', street: 'Thôn 1, đường 2', note: '' });
    expect(form, 'set-up: the checkout form').toBeDefined();
    const placed = await buyer.post('/checkout', { form: Object.fromEntries(form!), headers: { Origin: BASE }, maxRedirects: 0 });
    expect(
      placed.status(),
      `set-up: an order placed (${JSON.stringify(form)}: ${[...(await placed.text()).matchAll(/class="(?:form-)?error"[^>]*>([\s\S]{0,200}?)<\/p>/g)].map((m) => m[1]).join(' | ')})`,
    ).toBe(302);
  }
  await buyer.dispose();
  const anonymous = await signedIn('anonymous');
  const inquiry = await anonymous.post('/ta-van/tourism/homestay-giang-ta-chai', {
    form: { checkIn: inDays(30), checkOut: inDays(32), guests: '2', name: 'Fuzz Guest', phone: '0900 000 321', email: '', message: 'Hello' },
    headers: { Origin: BASE },
    maxRedirects: 0,
  });
  expect(inquiry.status(), 'set-up: an inquiry sent').toBe(302);
  // Password resets asked for by e-mail and by phone: their queued mail and SMS jobs carry a live link and a code.
  for (const identifier of [RESET_LINK_ACCOUNT, RESET_CODE_PHONE]) {
    const asked = await anonymous.post('/reset-password', { form: { identifier }, headers: { Origin: BASE }, maxRedirects: 0 });
    expect(asked.status(), `set-up: a password reset asked for ${identifier}`).toBe(200);
  }
  await anonymous.dispose();
  // A second revision of the article, so its history offers a restore.
  const official = await signedIn('official');
  const editPath = '/gia-phu/handbook/activate-vneid-level-2/edit';
  const edit = pageForms(await (await official.get(editPath)).text(), editPath).find((form) => form.some(([k, v]) => k === 'intent' && v === 'save'));
  expect(edit, 'set-up: the article editor').toBeDefined();
  const saved = await official.post(editPath, {
    form: Object.fromEntries(edit!.map(([k, v]) => [k, k === 'summary' ? `${v} (fuzz)` : v])),
    headers: { Origin: BASE },
    maxRedirects: 0,
  });
  expect(saved.status(), 'set-up: the article saved again').toBe(302);
  await official.dispose();
}

/**
 * Rows the fuzz server does not make by itself (JOBS=off: no relay, no consumer, no job ever
 * fails), written into its database after the HTTP set-up, before it is first compared, as the
 * job runner would have: the seller's inbox rows for the set-up orders (from their outbox events),
 * a dead mail job for the operator to retry, and an unsubscribe link for a guest's address. That
 * address has already used its link (as a person who clicks it twice): a POST to it answers as the
 * use case does ("done") and changes no row, since the action reads no form field and so cannot
 * tell a poisoned body from a mail client's one-click POST.
 */
async function setUpRows() {
  const db = await openDatabase();
  try {
    const notified = await db.query(
      `insert into notifications (tenant_id, user_id, kind, params, link, source_event_id)
       select e.tenant_id, u.id, 'order_placed',
              jsonb_build_object('reference', e.payload->'reference', 'totalMinor', e.payload->'totalMinor', 'currency', e.payload->'currency'),
              '/' || c.slug || '/market/orders/' || (e.payload->>'reference'), e.id
       from outbox_events e join communes c on c.id = e.tenant_id join sellers s on s.id::text = e.payload->>'sellerId' join users u on u.id = s.user_id
       where e.type = 'order.placed' and u.email = $1`,
      [ACCOUNTS.seller],
    );
    expect(notified.affectedRows, 'set-up: the seller notified of the two set-up orders').toBe(2);
    await db.query(
      `insert into jobs (name, key, payload, state, attempts, max_attempts, last_error, finished_at) values ('mail.send', 'fuzz:set-up', $1, 'dead', 8, 8, $2, now())`,
      [
        JSON.stringify({ ref: 'fuzz:set-up', to: 'fuzz-dead@baan.test', locale: 'en', subject: 'Fuzz', lines: ['Fuzz'], essential: true }),
        '550 5.1.1 mailbox unavailable (fuzz set-up)',
      ],
    );
    const address = createHash('sha256').update('fuzz-guest@baan.test').digest('hex');
    await db.query(`insert into unsubscribe_tokens (token_hash, address_hash, kind) values ($1, $2, 'inquiry_reply')`, [
      createHash('sha256').update(UNSUBSCRIBE_TOKEN).digest('hex'),
      address,
    ]);
    await db.query(`insert into unsubscribed_addresses (address_hash, kind) values ($1, 'inquiry_reply')`, [address]);
  } finally {
    await db.close();
  }
}

/** A role's session for the run; the buyer's cart holds a product, so the cart and checkout pages offer their forms. */
async function fuzzContext(role: Role): Promise<APIRequestContext> {
  const context = await signedIn(role);
  if (role === 'buyer') {
    const added = await context.post('/gia-phu/market/que-kho', { form: { intent: 'add', quantity: '1' }, headers: { Origin: BASE }, maxRedirects: 0 });
    expect(added.status(), 'the buyer’s cart holds que-kho').toBe(302);
  }
  return context;
}

// ---------------------------------------------------------------------------------------------

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('every route with an action is fuzzed or excluded with a reason', () => {
  const withAction = ROUTES.filter((r) => hasAction(r.file));
  expect(withAction.length).toBeGreaterThan(20);
  const unlisted = withAction.filter((r) => !POST_TARGETS[r.key] && !POST_TARGETS[r.file] && !EXCLUDED[r.file]).map((r) => `${r.key} (${r.path})`);
  expect(unlisted, 'add these to POST_TARGETS (or EXCLUDED, with the reason) in tests/security/fuzz.spec.ts').toEqual([]);
  const stale = Object.keys(POST_TARGETS).filter((key) => !withAction.some((r) => r.key === key || r.file === key));
  expect(stale, 'fuzz targets that are no longer action routes').toEqual([]);
  expect(
    Object.keys(UNREACHABLE).filter((key) => !POST_TARGETS[key]),
    'UNREACHABLE names targets that exist',
  ).toEqual([]);
});

test.describe('fuzz', () => {
  let before: Record<string, string>;
  let known: Known;
  const contexts = new Map<Role, APIRequestContext>();
  const seen5xx: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    console.log(`fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED})`);
    await startServer(); // first start: migrates and seeds this server's own database
    await setUp();
    await stopServer();
    await setUpRows();
    before = await checksum();
    expect(Object.keys(before).length, 'tables compared').toBeGreaterThan(20);
    known = await knownValues();
    await startServer();
    for (const role of Object.keys({ anonymous: 1, ...ACCOUNTS }) as Role[]) contexts.set(role, await fuzzContext(role));
  });

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.dispose();
    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Sends one form. Anonymous forms go out without cookies (Node's fetch), so a sign-up or
   * sign-in that succeeds does not turn the anonymous visitor into someone.
   */
  async function send(key: string, role: Role, form: Form): Promise<{ status: number; exercised: boolean }> {
    const target = POST_TARGETS[key]!;
    const url = target.path(known, role);
    const body = encodeForm(form);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE, 'Accept-Language': 'en' };
    if (target.ownClient) headers['X-Forwarded-For'] = ownClientAddress();
    let status: number;
    let cookies: string;
    let location: string;
    if (role === 'anonymous') {
      const response = await fetch(`${BASE}${url}`, { method: 'POST', body: new Uint8Array(body), headers, redirect: 'manual' });
      await response.arrayBuffer();
      status = response.status;
      cookies = response.headers.getSetCookie().join('\n');
      location = response.headers.get('location') ?? '';
    } else {
      const response = await contexts.get(role)!.post(url, { data: body, headers, maxRedirects: 0, failOnStatusCode: false });
      status = response.status();
      cookies = response
        .headersArray()
        .filter((h) => h.name.toLowerCase() === 'set-cookie')
        .map((h) => h.value)
        .join('\n');
      location = response.headers()['location'] ?? '';
    }
    if (status >= 500) seen5xx.push(`POST ${url} as ${role}: ${status} ${JSON.stringify(form).slice(0, 300)}`);
    // Guards, parsing and unknown ids answer 302 (to sign-in), 400, 403, 404 or 413; only the use case itself answers otherwise.
    const exercised =
      status === 302 ? /baan_(flash|session)=[^;]/.test(cookies) || Boolean(target.redirectsTo?.test(location)) : ![400, 403, 404, 413].includes(status);
    return { status, exercised };
  }

  const fail = (error: unknown): never => {
    throw new Error(`fuzz failed with seed ${SEED} (replay with FUZZ_SEED=${SEED}):\n${seen5xx.join('\n')}\n${String(error)}`);
  };

  test(`${POISONED_RUNS} poisoned forms and hostile addresses: no 5xx and no row changed (seed ${SEED})`, async () => {
    const postCases = Object.entries(POST_TARGETS).flatMap(([key, target]) =>
      target.as.map((role) => fc.record({ key: fc.constant(key), role: fc.constant(role), form: formArbitrary(target, true) })),
    );
    const getRoutes = ROUTES.filter((r) => !r.path.includes('*') || r.file.includes('media'));
    const getCase = fc.record({
      route: fc.constantFrom(...getRoutes),
      params: fc.array(urlPiece, { minLength: 4, maxLength: 4 }),
      query: fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), urlPiece), { maxLength: 4 }),
      role: fc.constantFrom<Role>('anonymous', 'official'),
      data: fc.boolean(),
    });
    await fc
      .assert(
        fc.asyncProperty(fc.oneof({ arbitrary: fc.oneof(...postCases), weight: 3 }, { arbitrary: getCase, weight: 2 }), async (input) => {
          if ('form' in input) return SURVEY || (await send(input.key, input.role, input.form)).status < 500;
          let i = 0;
          const filled = input.route.path.replace(/:[a-zA-Z]+\??|\*/g, () => input.params[i++ % 4]!);
          const pathname = input.data ? `${filled === '/' ? '/_root' : filled}.data` : filled;
          const query = input.query.map(([k, v]) => `${k}=${v}`).join('&');
          const url = `${pathname}${query ? `?${query}` : ''}`;
          // Absolute, so an empty first segment (`//x`) stays a path rather than naming a host.
          const response = await contexts.get(input.role)!.get(`${BASE}${url}`, { maxRedirects: 0, failOnStatusCode: false });
          const status = response.status();
          if (status >= 500) seen5xx.push(`GET ${url.slice(0, 300)} as ${input.role}: ${status}`);
          return SURVEY || status < 500;
        }),
        { seed: SEED, numRuns: POISONED_RUNS, endOnFailure: true },
      )
      .catch(fail);
    expect(seen5xx, `5xx answers (seed ${SEED})`).toEqual([]);
    await stopServer();
    const after = await checksum();
    const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
    expect(
      changed.map((table) => `${table}: ${before[table]} → ${after[table]}`),
      `rows changed (seed ${SEED})`,
    ).toEqual([]);
    await startServer();
    for (const [role, context] of contexts) {
      await context.dispose();
      contexts.set(role, await fuzzContext(role));
    }
  });

  test(`${CLEAN_RUNS} clean hostile forms to every target: no 5xx, and each target exercised (seed ${SEED})`, async () => {
    // Each target's own forms, as its page offers them to the role that sends them.
    const pageForm = new Map<string, Form[]>();
    for (const [key, target] of Object.entries(POST_TARGETS)) {
      for (const role of target.as) {
        const url = target.path(known, role);
        const fill = fillOf(target, known);
        const response = await contexts.get(role)!.get(url, { maxRedirects: 0, failOnStatusCode: false });
        const forms = response.ok() ? pageForms(await response.text(), url, fill) : [];
        // No form on the page for this role (an anonymous visitor's empty cart, the catch-all page):
        // the target's fields, typed as a person would.
        if (!forms.length)
          forms.push([
            ...(target.intents ? [['intent', target.intents[0]!] as [string, string]] : []),
            ...target.fields.filter((f) => f !== 'intent').map((f): [string, string] => [f, fill?.[f] ?? typed(f, 'text')]),
          ]);
        pageForm.set(`${key} ${role}`, forms);
      }
    }

    const pairs = Object.entries(POST_TARGETS).flatMap(([key, target]) => target.as.map((role) => ({ key, role })));
    const fromPage = fc.record({ pair: fc.constantFrom(...pairs), which: fc.nat(), changes: mutations }).map(({ pair, which, changes }) => {
      const forms = pageForm.get(`${pair.key} ${pair.role}`)!;
      return { ...pair, form: mutate(forms[which % forms.length]!, changes) };
    });
    const random = fc
      .constantFrom(...pairs)
      .chain((pair) => fc.record({ key: fc.constant(pair.key), role: fc.constant(pair.role), form: formArbitrary(POST_TARGETS[pair.key]!, false) }));
    const answers = new Map<string, Map<number, number>>();
    const exercised = new Set<string>();
    const count = (key: string, role: Role, status: number) => {
      const counts = answers.get(`${key} as ${role}`) ?? new Map<number, number>();
      counts.set(status, (counts.get(status) ?? 0) + 1);
      answers.set(`${key} as ${role}`, counts);
    };
    // First each page's own forms as offered (at most three per page): proof that every target is
    // reached with real ids by the role sending it, whatever the seed then draws.
    for (const { key, role } of pairs) {
      for (const form of pageForm.get(`${key} ${role}`)!.slice(0, 3)) {
        const { status, exercised: deep } = await send(key, role, form);
        count(key, role, status);
        if (deep) exercised.add(key);
      }
    }
    await fc
      .assert(
        fc.asyncProperty(fc.oneof({ arbitrary: fromPage, weight: 3 }, { arbitrary: random, weight: 1 }), async ({ key, role, form }) => {
          expect(
            form.some(([k, v]) => hasForbidden(k) || hasForbidden(v)),
            'a clean form',
          ).toBe(false);
          const { status, exercised: deep } = await send(key, role, form);
          count(key, role, status);
          if (deep) exercised.add(key);
          return SURVEY || status < 500;
        }),
        { seed: SEED, numRuns: CLEAN_RUNS, endOnFailure: true },
      )
      .catch(fail);
    console.log(
      [...answers]
        .sort()
        .map(
          ([target, counts]) =>
            `${target}: ${[...counts]
              .sort()
              .map(([status, n]) => `${status}×${n}`)
              .join(' ')}`,
        )
        .join('\n'),
    );
    expect(seen5xx, `5xx answers (seed ${SEED})`).toEqual([]);
    const idle = Object.keys(POST_TARGETS).filter((key) => !exercised.has(key) && !UNREACHABLE[key]);
    expect(idle, `targets never exercised (only guards, parsing or unknown ids answered; seed ${SEED})`).toEqual([]);
  });
});
