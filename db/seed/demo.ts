import { count, eq } from 'drizzle-orm';
import { parsePhone } from '../../app/auth/identity.ts';
import { hashPassword } from '../../app/auth/password.server.ts';
import { copyTemplateAsOwner } from '../../app/handbook/template.server.ts';
import type { Database } from '../client.ts';
import { announcements, communes, contacts, memberships, users } from '../schema/index.ts';
import { ownerInTenant } from '../scope.ts';
import { communeSearchText } from '../text.ts';
import { communes as communeSeeds, DEMO_PASSWORD, demoMemberships, demoUsers, provinces as provinceSeeds } from './data.ts';
import { seedDemoMarket } from './market.ts';
import { seedReferenceData } from './seed.ts';
import { seedDemoTourism } from './tourism.ts';

// The demo communes, accounts and their content. Never part of the production server bundle:
// `npm run db:seed` imports it, and the server's first start on an empty embedded database loads
// it at run time (`loadDemoSeed` in seed.ts). Like all seeding it runs on the owner connection;
// tenant rows are written with app.tenant_id set (FORCE ROW LEVEL SECURITY applies to owners).

const DEMO_ROLES = {
  official: { vi: 'Cán bộ xã', en: 'Commune official', th: 'เจ้าหน้าที่ตำบล' },
  techTeam: { vi: 'Tổ công nghệ số cộng đồng', en: 'Community digital-technology team', th: 'ทีมเทคโนโลยีดิจิทัลชุมชน' },
};
const DEMO_HOURS = {
  office: { vi: 'Thứ Hai – Thứ Sáu, 7:30 – 17:00', en: 'Monday – Friday, 7:30 – 17:00', th: 'จันทร์ – ศุกร์ 7:30 – 17:00' },
  evenings: { vi: 'Tối các ngày trong tuần, sau 18:00', en: 'Weekday evenings, after 18:00', th: 'เย็นวันธรรมดา หลัง 18:00 น.' },
};
const DEMO_ANNOUNCEMENT = {
  title: {
    vi: 'Hỗ trợ kích hoạt định danh điện tử tại nhà văn hóa',
    en: 'Help with activating your digital ID at the village hall',
    th: 'บริการช่วยตั้งค่าบัตรประชาชนดิจิทัลที่ศาลาหมู่บ้าน',
  },
  body: {
    vi: 'Tổ công nghệ số cộng đồng hỗ trợ bà con cài đặt và kích hoạt ứng dụng VNeID. Mang theo căn cước công dân gắn chip và điện thoại.',
    en: 'The community digital-technology team helps residents install and activate the VNeID app. Bring your chip-based citizen ID card and your phone.',
    th: 'ทีมเทคโนโลยีดิจิทัลชุมชนช่วยติดตั้งและตั้งค่าแอปให้ชาวบ้าน กรุณานำบัตรประชาชนและโทรศัพท์มาด้วย',
  },
};

/** Reference data and the demo communes, accounts and memberships; idempotent (`npm run db:seed`). */
export async function seedDemo(database: Database): Promise<{ communes: number; users: number }> {
  await seedReferenceData(database);
  return seedDemoCommunes(database);
}

/** The demo communes, accounts and memberships, with their handbooks, shops and places; idempotent. */
export async function seedDemoCommunes(database: Database): Promise<{ communes: number; users: number }> {
  const db = database.db;
  for (const c of communeSeeds) {
    const province = provinceSeeds.find((p) => p.code === c.provinceCode && p.country === c.country);
    const searchText = communeSearchText({
      slug: c.slug,
      name: c.name,
      provinceName: province?.name,
      legacyNames: province?.legacyNames,
      legacyAddress: c.legacyAddress,
    });
    await db
      .insert(communes)
      .values({
        slug: c.slug,
        country: c.country,
        provinceCode: c.provinceCode,
        name: c.name,
        tagline: c.tagline,
        intro: c.intro,
        legacyAddress: c.legacyAddress,
        defaultLocale: c.defaultLocale,
        currency: c.currency,
        timeZone: c.timeZone,
        centerLat: c.center.lat,
        centerLon: c.center.lon,
        zoom: c.zoom,
        hostName: c.hostName,
        searchText,
      })
      .onConflictDoNothing();
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Demo addresses and numbers count as verified (nobody can receive their mail or SMS); numbers are stored E.164.
  const verifiedAt = new Date();
  const e164 = (u: (typeof demoUsers)[number]) => (u.phone ? parsePhone(u.phone, u.locale) : null);
  for (const u of demoUsers) {
    const phone = e164(u);
    await db
      .insert(users)
      .values({
        email: u.email,
        passwordHash,
        displayName: u.displayName,
        phone,
        emailVerifiedAt: u.email ? verifiedAt : null,
        phoneVerifiedAt: phone ? verifiedAt : null,
        isOperator: u.isOperator,
        locale: u.locale,
      })
      .onConflictDoNothing();
  }
  for (const m of demoMemberships) {
    const [commune] = await db.select({ id: communes.id }).from(communes).where(eq(communes.slug, m.communeSlug));
    const demo = demoUsers.find((u) => u.key === m.userKey);
    if (!commune || !demo) throw new Error(`seed: unknown commune or user in membership ${m.userKey}@${m.communeSlug}`);
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(demo.email ? eq(users.email, demo.email) : eq(users.phone, e164(demo)!));
    await ownerInTenant(db, commune.id, async (tx) => {
      await tx.insert(memberships).values({ tenantId: commune.id, userId: user!.id, role: m.role }).onConflictDoNothing();
    });
  }
  // Each demo commune starts with its copy of the national template handbook, its contacts
  // and a pinned announcement.
  for (const c of communeSeeds) {
    const [commune] = await db.select({ id: communes.id }).from(communes).where(eq(communes.slug, c.slug));
    await copyTemplateAsOwner(db, commune!.id);
    await ownerInTenant(db, commune!.id, async (tx) => {
      const [existing] = await tx.select({ n: count() }).from(contacts).where(eq(contacts.tenantId, commune!.id));
      if ((existing?.n ?? 0) > 0) return;
      const people = demoMemberships.filter((m) => m.communeSlug === c.slug).map((m) => ({ m, u: demoUsers.find((u) => u.key === m.userKey)! }));
      let position = 0;
      for (const { m, u } of people) {
        await tx.insert(contacts).values({
          tenantId: commune!.id,
          team: m.role === 'official' ? 'officials' : 'tech_team',
          name: u.displayName,
          role: m.role === 'official' ? DEMO_ROLES.official : DEMO_ROLES.techTeam,
          phone: u.phone,
          zalo: c.country === 'VN' ? u.phone : null,
          hours: m.role === 'official' ? DEMO_HOURS.office : DEMO_HOURS.evenings,
          position: position++,
        });
      }
      await tx.insert(announcements).values({ tenantId: commune!.id, pinned: true, title: DEMO_ANNOUNCEMENT.title, body: DEMO_ANNOUNCEMENT.body });
    });
  }
  await seedDemoMarket(database);
  await seedDemoTourism(database);
  return { communes: communeSeeds.length, users: demoUsers.length };
}
