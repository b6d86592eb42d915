import { sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { communes, memberships, users, type Role } from '#db/schema/index.ts';
import { communeSearchText } from '#db/text.ts';
import { hashPassword } from '~/auth/password.server.ts';

let counter = 0;
const next = () => `${process.pid}${++counter}`;

export const PASSWORD = 'correct horse battery';

/** A commune as the operator would create it (owner connection: test set-up only). */
export async function makeCommune(database: Database, overrides: Partial<typeof communes.$inferInsert> = {}): Promise<{ id: string; slug: string }> {
  const n = next();
  const slug = overrides.slug ?? `xa-thu-${n}`;
  const name = overrides.name ?? { vi: `Xã Thử ${n}`, en: `Test Commune ${n}`, th: `ตำบลทดสอบ ${n}` };
  const [row] = await database.db
    .insert(communes)
    .values({
      slug,
      country: 'VN',
      provinceCode: '15',
      name,
      tagline: { vi: 'Chè và mật ong', en: 'Tea and honey' },
      intro: { vi: 'Một xã vùng cao.', en: 'A highland commune.' },
      defaultLocale: 'vi',
      currency: 'VND',
      timeZone: 'Asia/Ho_Chi_Minh',
      centerLat: 22.3,
      centerLon: 103.9,
      zoom: 12,
      searchText: communeSearchText({ slug, name }),
      ...overrides,
    })
    .returning({ id: communes.id, slug: communes.slug });
  return row!;
}

let cachedHash: Promise<string> | undefined;

export async function makeUser(database: Database, overrides: Partial<typeof users.$inferInsert> = {}): Promise<{ id: string; email: string }> {
  cachedHash ??= hashPassword(PASSWORD);
  const n = next();
  const [row] = await database.db
    .insert(users)
    .values({ email: `nguoi.dung.${n}@example.vn`, displayName: `Người Dùng ${n}`, passwordHash: await cachedHash, ...overrides })
    .returning({ id: users.id, email: users.email });
  // Phone-only accounts (overrides: { email: null, phone }) have no e-mail: tests that make one read `phone`.
  return { id: row!.id, email: row!.email ?? '' };
}

export async function makeMember(database: Database, tenantId: string, userId: string, role: Role): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    await tx.insert(memberships).values({ tenantId, userId, role });
  });
}

/** A commune with one member of the given role: the usual start of an isolation test. */
export async function makeCommuneWithMember(database: Database, role: Role) {
  const commune = await makeCommune(database);
  const user = await makeUser(database);
  await makeMember(database, commune.id, user.id, role);
  return { commune, user };
}
