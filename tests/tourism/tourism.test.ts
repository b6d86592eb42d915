import { check } from '@placemarkio/check-geojson';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents, inquiries, places } from '#db/schema/index.ts';
import { withTenant, type MemberScope } from '#db/scope.ts';
import { deleteEvent, listEvents, saveEvent, toICalendar } from '~/tourism/events.server.ts';
import { elevationGain } from '~/tourism/geo.ts';
import { MAX_GPX_POINTS, parseGpx } from '~/tourism/gpx.server.ts';
import { countNewInquiries, listInquiries, sendInquiry, setInquiryStatus } from '~/tourism/inquiries.server.ts';
import { listPlaces, parseBbox, parseKinds, placesGeoJson, savePlace } from '~/tourism/places.server.ts';
import { eventInputSchema, inquirySchema, placeInputSchema, todayIn, type PlaceInput } from '~/tourism/schemas.ts';
import { makeCommune, makeMember, makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';
import { permitted } from '#tests/support/permissions.ts';

let database: TestDatabase;
let a: { id: string; slug: string };
let b: { id: string; slug: string };
let editorA: { id: string };
let officialB: { id: string };
let host: { id: string; email: string };

const scopeOf = (tenantId: string, userId: string) => ({ ...scopeFor(database, tenantId, userId), tenantId, userId });
// Scopes as the guards give them: staff edit every place and read every inquiry; a host their own.
const placeStaff = <const S extends MemberScope>(scope: S) => permitted(scope, ['place.edit', 'place.manage'], { roles: ['official'] });
const placeOwner = <const S extends MemberScope>(scope: S) => permitted(scope, ['place.edit'], { roles: ['seller'], owner: true });
const inboxOfficial = <const S extends MemberScope>(scope: S) => permitted(scope, ['inquiry.read', 'inquiry.readAll'], { roles: ['official'] });
const eventStaff = <const S extends MemberScope>(scope: S) => permitted(scope, ['event.manage'], { roles: ['editor'] });
const inboxHost = <const S extends MemberScope>(scope: S) => permitted(scope, ['inquiry.read'], { roles: ['seller'] });

function place(overrides: Partial<PlaceInput> = {}): PlaceInput {
  return {
    kind: 'homestay',
    name: { vi: 'Homestay Thử' },
    summary: {},
    description: {},
    lat: 22.3,
    lon: 103.9,
    phone: null,
    zalo: null,
    website: null,
    hours: {},
    published: true,
    rooms: 3,
    priceFrom: 200000,
    priceTo: 400000,
    meals: true,
    wifi: false,
    dishes: {},
    fees: {},
    bestSeason: {},
    ownerEmail: null,
    ...overrides,
  };
}

const gpxOf = (points: string, extra = '') =>
  new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">${extra}<trk><name>Thử</name><trkseg>${points}</trkseg></trk></gpx>`,
  );
const pt = (lat: number, lon: number, ele: number) => `<trkpt lat="${lat}" lon="${lon}"><ele>${ele}</ele></trkpt>`;

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeCommune(database);
  b = await makeCommune(database, {
    centerLat: 19.5,
    centerLon: 97.9,
    country: 'TH',
    provinceCode: '58',
    currency: 'THB',
    defaultLocale: 'th',
    timeZone: 'Asia/Bangkok',
    name: { th: 'ตำบลทดสอบ', en: 'Test tambon' },
  });
  editorA = await makeUser(database);
  await makeMember(database, a.id, editorA.id, 'editor');
  officialB = await makeUser(database);
  await makeMember(database, b.id, officialB.id, 'official');
  host = await makeUser(database);
  await makeMember(database, a.id, host.id, 'seller');
});
afterAll(async () => {
  await database.close();
});

describe('places and GeoJSON', () => {
  it('serves valid RFC 7946 GeoJSON, longitude first, with slim properties, published only', async () => {
    await savePlace(
      placeStaff(scopeOf(a.id, editorA.id)),
      null,
      place({ name: { vi: 'Nhà nghỉ Suối Hoa', en: 'Stream Flower House' }, lat: 22.31, lon: 103.88 }),
      [],
      undefined,
    );
    await savePlace(placeStaff(scopeOf(a.id, editorA.id)), null, place({ name: { vi: 'Bản nháp' }, published: false }), [], undefined);
    const collection = await placesGeoJson(scopeFor(database, null, null), { tenantId: a.id }, 'en');
    expect(() => check(JSON.stringify(collection))).not.toThrow();
    const feature = collection.features.find((f) => f.properties.name === 'Stream Flower House');
    expect(feature?.geometry.coordinates).toEqual([103.88, 22.31]);
    expect(Object.keys(feature!.properties).sort()).toEqual(['id', 'kind', 'name', 'url']);
    expect(feature!.properties.url).toMatch(new RegExp(`^/${a.slug}/tourism/`));
    expect(feature!.properties.url).toBe(`/${feature!.properties.id.replace('/', '/tourism/')}`);
    expect(collection.features.some((f) => f.properties.name === 'Bản nháp')).toBe(false);
    // A language missing: English where there is one, else the commune's own.
    await savePlace(placeStaff(scopeOf(a.id, editorA.id)), null, place({ name: { vi: 'Chợ phiên Suối Hoa' }, lat: 22.32, lon: 103.87 }), [], undefined);
    const th = (await placesGeoJson(scopeFor(database, null, null), { tenantId: a.id }, 'th')).features.map((f) => f.properties.name);
    expect(th).toContain('Stream Flower House');
    expect(th).not.toContain('Nhà nghỉ Suối Hoa');
    expect(th).toContain('Chợ phiên Suối Hoa');
  });

  it('filters by bounding box and kind across communes', async () => {
    await savePlace(placeStaff(scopeOf(b.id, officialB.id)), null, place({ kind: 'viewpoint', name: { th: 'จุดชมวิว' }, lat: 19.51, lon: 97.9 }), [], undefined);
    const vietnam = parseBbox('102,8,110,24')!;
    const inVietnam = await placesGeoJson(scopeFor(database, null, null), { bbox: vietnam }, 'en');
    expect(inVietnam.features.every((f) => f.geometry.coordinates[0] >= 102 && f.geometry.coordinates[0] <= 110)).toBe(true);
    expect(inVietnam.features.some((f) => f.properties.name === 'Stream Flower House')).toBe(true);
    expect(inVietnam.features.some((f) => f.properties.name === 'จุดชมวิว')).toBe(false);
    const viewpoints = await listPlaces(scopeFor(database, null, null), { kinds: ['viewpoint'] });
    expect(viewpoints.length).toBeGreaterThan(0);
    expect(viewpoints.every((p) => p.kind === 'viewpoint')).toBe(true);
    expect(parseBbox('10,20,5,30')).toBeNull();
    // Kinds as the map's script sends them (comma-joined) and as the plain form does (repeated); unknown ones dropped.
    expect(parseKinds(new URLSearchParams('kind=homestay,food&kind=trail&kind=casino&kind=food'))).toEqual(['homestay', 'food', 'trail']);
    expect(parseBbox('a,b,c,d')).toBeNull();
    expect(parseBbox('-200,0,0,10')).toBeNull();
  });

  it('validates coordinates and required names', () => {
    const schema = placeInputSchema('vi', 'VND');
    const base = { kind: 'sight', 'name.vi': 'x', lat: '22.3', lon: '103.9' };
    const parse = (raw: Record<string, string>) =>
      schema.safeParse({ ...raw, name: { vi: raw['name.vi'] }, summary: {}, description: {}, hours: {}, dishes: {}, fees: {}, bestSeason: {} });
    expect(parse(base).success).toBe(true);
    for (const lat of ['91', '-90.5', 'abc', '']) expect(parse({ ...base, lat }).success, lat).toBe(false);
    for (const lon of ['181', '-180.01', '1e3']) expect(parse({ ...base, lon }).success, lon).toBe(false);
    expect(parse({ ...base, 'name.vi': '' }).success).toBe(false);
    expect(parse({ ...base, kind: 'castle' }).success).toBe(false);
    expect(parse({ ...base, website: 'javascript:alert(1)' } as never).success).toBe(false);
  });

  it('reads a homestay night price in the commune currency, in whole units', () => {
    const price = (currency: 'VND' | 'THB', priceFrom: string) => {
      const result = placeInputSchema(currency === 'VND' ? 'vi' : 'th', currency).safeParse({
        kind: 'homestay',
        name: { vi: 'x', th: 'x' },
        lat: '22.3',
        lon: '103.9',
        priceFrom,
        summary: {},
        description: {},
        hours: {},
        dishes: {},
        fees: {},
        bestSeason: {},
      });
      return result.success ? result.data.priceFrom : result.error.issues[0]?.message;
    };
    expect(price('VND', '250.000')).toBe(250000);
    expect(price('THB', '1,500')).toBe(1500);
    expect(price('THB', '45.50')).toBe('tourism:errors.wholePrice'); // was read as 4,550 baht
    expect(price('THB', 'abc')).toBe('tourism:errors.price');
  });
});

describe('GPX', () => {
  it('reads a track: length, climb, start point, simplified line', () => {
    const points = Array.from({ length: 500 }, (_, i) => pt(22.3 + i * 0.0001, 103.87 + i * 0.00005, 1200 + i * 0.4)).join('');
    const track = parseGpx(gpxOf(points));
    expect(track.start).toEqual({ lat: 22.3, lon: 103.87 });
    // 499 steps of 11.12 m north and 5.14 m east (cos 22.3°) each: about 6.1 km.
    expect(track.lengthM).toBeGreaterThan(6050);
    expect(track.lengthM).toBeLessThan(6180);
    expect(track.gainM).toBeGreaterThanOrEqual(195);
    expect(track.gainM).toBeLessThanOrEqual(200);
    expect(track.points.length).toBeLessThan(50); // a straight line simplifies to a few points
    expect(track.points[0]).toEqual([103.87, 22.3, 1200]);
  });

  it('ignores GPS noise on a flat path when counting the climb', () => {
    expect(elevationGain([100, 101, 100, 102, 100, 101, 100])).toBe(0);
    expect(elevationGain([100, 110, 105, 120])).toBe(25);
  });

  it('refuses files that are not GPX, malformed, empty, huge or without a track', () => {
    expect(() => parseGpx(new TextEncoder().encode('<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>'))).toThrow(
      expect.objectContaining({ messageKey: 'tourism:errors.gpxNotGpx' }),
    );
    expect(() => parseGpx(new TextEncoder().encode('<gpx><trk><trkseg><trkpt lat="1" lon="2"></trkseg></gpx>'))).toThrow(
      expect.objectContaining({ messageKey: 'tourism:errors.gpxMalformed' }),
    );
    expect(() => parseGpx(new TextEncoder().encode('just some text'))).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => parseGpx(new Uint8Array())).toThrow(expect.objectContaining({ messageKey: 'tourism:errors.gpxEmpty' }));
    expect(() => parseGpx(gpxOf(pt(22, 103, 1)))).toThrow(expect.objectContaining({ messageKey: 'tourism:errors.gpxNoTrack' }));
    const many = Array.from({ length: MAX_GPX_POINTS + 1 }, (_, i) => `<trkpt lat="22.${i}" lon="103"/>`).join('');
    expect(() => parseGpx(gpxOf(many))).toThrow(expect.objectContaining({ messageKey: 'tourism:errors.gpxTooManyPoints' }));
    expect(() => parseGpx(new Uint8Array(6 * 1024 * 1024))).toThrow(expect.objectContaining({ messageKey: 'tourism:errors.gpxTooBig' }));
  });

  it('stores a trail with its track; the place moves to the track start', async () => {
    const track = parseGpx(gpxOf([pt(22.32, 103.87, 1280), pt(22.31, 103.9, 1350), pt(22.3, 103.87, 1460)].join('')));
    const saved = await savePlace(placeStaff(scopeOf(a.id, editorA.id)), null, place({ kind: 'trail', name: { vi: 'Đường mòn thử' } }), [], track);
    const [row] = await withTenant(scopeFor(database, a.id, null), (tx) => tx.select().from(places).where(eq(places.id, saved.id)));
    expect(row).toMatchObject({ lat: 22.32, lon: 103.87, gainM: 180 });
    expect(row!.track).toHaveLength(3);
    expect(row!.lengthM).toBeGreaterThan(6000);
  });
});

describe('events and iCalendar', () => {
  it('refuses dates in the past or an end before the start', () => {
    const schema = eventInputSchema('vi', '2026-11-27');
    const parse = (startsOn: string, endsOn: string, startTime = '') =>
      schema.safeParse({ title: { vi: 'Lễ hội' }, description: {}, startsOn, endsOn, startTime });
    expect(parse('2026-12-01', '2026-12-02').success).toBe(true);
    expect(parse('2026-12-02', '2026-12-01').success).toBe(false);
    expect(parse('2026-11-01', '2026-11-02').success).toBe(false);
    expect(parse('2026-02-30', '2026-03-01').success).toBe(false);
    expect(parse('2026-12-01', '2026-12-01', '25:00').success).toBe(false);
  });

  it('writes a valid calendar that a well-kept parser reads back', async () => {
    const scope = eventStaff(scopeOf(a.id, editorA.id));
    const today = todayIn('Asia/Ho_Chi_Minh');
    const later = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    await saveEvent(scope, null, {
      title: { vi: 'Lễ hội Nhảy lửa; đêm, trăng', en: 'Fire dance' },
      description: { vi: 'Dòng 1\nDòng 2 '.repeat(20) },
      startsOn: later(5),
      endsOn: later(6),
      startTime: null,
      placeId: null,
    });
    await saveEvent(scope, null, { title: { vi: 'Chợ đêm' }, description: {}, startsOn: later(10), endsOn: later(10), startTime: '19:30', placeId: null });
    const rows = await listEvents(scopeFor(database, a.id, null) as never, today);
    const ics = toICalendar({
      communeName: 'Xã Thử',
      origin: 'https://baan.example',
      communeSlug: a.slug,
      timeZone: 'Asia/Ho_Chi_Minh',
      events: rows.map((e) => ({ ...e, titleText: e.title.vi ?? '', descriptionText: e.description.vi ?? '', placeText: null })),
    });
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).byteLength <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const vevents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents).toHaveLength(2);
    const fire = vevents.find((e) => e.summary.startsWith('Lễ hội'))!;
    expect(fire.summary).toBe('Lễ hội Nhảy lửa; đêm, trăng');
    expect(fire.startDate.isDate).toBe(true);
    expect(fire.startDate.toString()).toBe(later(5));
    expect(fire.endDate.toString()).toBe(later(7)); // DTEND is exclusive for all-day events
    expect(fire.description).toContain('Dòng 1\nDòng 2');
    const market = vevents.find((e) => e.summary === 'Chợ đêm')!;
    // 19:30 in Vietnam is 12:30 UTC.
    expect(market.startDate.toJSDate().toISOString()).toBe(`${later(10)}T12:30:00.000Z`);
  });
});

describe('inquiries', () => {
  it('needs a way to reply, future dates and departure after arrival', () => {
    const schema = inquirySchema('2026-11-27');
    const ok = { checkIn: '2026-12-01', checkOut: '2026-12-03', guests: '2', name: 'Emma', phone: '', email: 'emma@example.com', message: '' };
    expect(schema.safeParse(ok).success).toBe(true);
    expect(schema.safeParse({ ...ok, email: '' }).error?.issues[0]?.message).toBe('tourism:errors.noWayToReply');
    expect(schema.safeParse({ ...ok, checkIn: '2026-11-20' }).success).toBe(false);
    expect(schema.safeParse({ ...ok, checkOut: '2026-12-01' }).success).toBe(false);
    expect(schema.safeParse({ ...ok, guests: '0' }).success).toBe(false);
    expect(schema.safeParse({ ...ok, email: 'not-an-email' }).success).toBe(false);
  });

  it("reaches the host and officials with an outbox event; commune B cannot read or edit commune A's", async () => {
    const homestay = await savePlace(
      placeStaff(scopeOf(a.id, editorA.id)),
      null,
      place({ name: { vi: 'Nhà của chủ' }, ownerEmail: host.email }),
      [],
      undefined,
    );
    const tourist = scopeFor(database, a.id, null) as never as Parameters<typeof sendInquiry>[0];
    const id = await sendInquiry(
      tourist,
      homestay.slug,
      { checkIn: '2030-01-02', checkOut: '2030-01-04', guests: 2, name: 'Emma', phone: null, email: 'emma@example.com', message: 'Hello' },
      'en',
      '203.0.113.7',
    );
    const hostInbox = await listInquiries(inboxHost(scopeOf(a.id, host.id)));
    expect(hostInbox.map((q) => q.id)).toContain(id);
    const waiting = await countNewInquiries(inboxHost(scopeOf(a.id, host.id)));
    expect(waiting).toBe(hostInbox.filter((q) => q.status === 'new').length);
    expect(waiting).toBeGreaterThan(0);
    await setInquiryStatus(inboxHost(scopeOf(a.id, host.id)), id, 'replied');
    expect(await countNewInquiries(inboxHost(scopeOf(a.id, host.id)))).toBe(waiting - 1);
    const kinds = await withTenant(scopeFor(database, a.id, null), (tx) =>
      tx.select({ type: outboxEvents.type }).from(outboxEvents).where(eq(outboxEvents.tenantId, a.id)),
    );
    expect(kinds.map((k) => k.type)).toEqual(expect.arrayContaining(['inquiry.received', 'inquiry.status_changed']));

    // Commune B's official: no rows, and no way to edit A's place.
    const seen = await withTenant(scopeOf(b.id, officialB.id), (tx) => tx.select().from(inquiries));
    expect(seen).toHaveLength(0);
    expect(await listInquiries(inboxOfficial(scopeOf(b.id, officialB.id)))).toHaveLength(0);
    expect(await countNewInquiries(inboxOfficial(scopeOf(b.id, officialB.id)))).toBe(0);
    // An inquiry sent in B for A's homestay finds no such place.
    await expect(
      sendInquiry(
        scopeFor(database, b.id, null) as never,
        homestay.slug,
        { checkIn: '2030-01-02', checkOut: '2030-01-04', guests: 2, name: 'Emma', phone: null, email: 'emma@example.com', message: undefined },
        'en',
        '203.0.113.7',
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(savePlace(placeStaff(scopeOf(b.id, officialB.id)), homestay.id, place({ name: { th: 'ยึด' } }), [], undefined)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(setInquiryStatus(inboxOfficial(scopeOf(b.id, officialB.id)), id, 'closed')).rejects.toMatchObject({ code: 'not_found' });
    // Events: public to read, but B can neither change nor delete A's, nor see A's drafts or unpublished places.
    const eventId = await saveEvent(eventStaff(scopeOf(a.id, editorA.id)), null, {
      title: { vi: 'Chợ phiên' },
      description: {},
      startsOn: '2030-03-01',
      endsOn: '2030-03-01',
      startTime: null,
      placeId: null,
    });
    await expect(
      saveEvent(eventStaff(scopeOf(b.id, officialB.id)), eventId, {
        title: { th: 'ยึด' },
        description: {},
        startsOn: '2030-03-01',
        endsOn: '2030-03-01',
        startTime: null,
        placeId: null,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteEvent(eventStaff(scopeOf(b.id, officialB.id)), eventId)).rejects.toMatchObject({ code: 'not_found' });
    const drafts = await withTenant(scopeOf(b.id, officialB.id), (tx) => tx.select().from(places).where(eq(places.published, false)));
    expect(drafts.every((p) => p.tenantId === b.id)).toBe(true);
    // A host edits their own place only.
    await expect(
      savePlace(placeOwner(scopeOf(a.id, host.id)), homestay.id, place({ name: { vi: 'Nhà của chủ (mới)' } }), [], undefined),
    ).resolves.toMatchObject({ id: homestay.id });
    // The map's stored feature follows the rename (English falls back to the commune's Vietnamese).
    const names = (await placesGeoJson(scopeFor(database, null, null), { tenantId: a.id }, 'en')).features.map((f) => f.properties.name);
    expect(names).toContain('Nhà của chủ (mới)');
    expect(names).not.toContain('Nhà của chủ');
    const other = await savePlace(placeStaff(scopeOf(a.id, editorA.id)), null, place({ name: { vi: 'Nhà người khác' } }), [], undefined);
    await expect(savePlace(placeOwner(scopeOf(a.id, host.id)), other.id, place(), [], undefined)).rejects.toMatchObject({ code: 'not_found' });
  });
});
