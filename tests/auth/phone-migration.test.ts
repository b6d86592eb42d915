import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

// The hand-written backfill that opens db/migrations/0033_accounts.sql, run on free-form numbers
// as accounts held them before phone numbers became identifiers.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  // This file's own database: back to the shape before the constraints of 0033, so the old values can be written.
  await database.query('alter table users drop constraint users_phone_e164_check');
  await database.query('drop index users_phone_key');
});
afterAll(async () => {
  await database.close();
});

describe('migration 0033: phone numbers to E.164', () => {
  it('normalises Vietnamese and Thai numbers, clears the rest, and keeps a shared number on the older account', async () => {
    const rows: [string, string | null, string | null, string][] = [
      ['vn-local', '0912 345 678', 'vi', '2024-01-01'],
      ['vn-dots', '091.234.5679', null, '2024-01-02'],
      ['vn-intl', '+84 98-765-4321', 'en', '2024-01-03'],
      ['th-local', '081-234-5678', 'th', '2024-01-04'],
      ['th-intl', '+66 81 234 5679', 'vi', '2024-01-05'],
      ['junk', 'call me maybe', 'vi', '2024-01-06'],
      ['foreign', '+1 202 555 0143', 'en', '2024-01-07'],
      ['dup-older', '0933 111 222', 'vi', '2024-01-08'],
      ['dup-newer', '+84933111222', 'vi', '2024-01-09'],
      ['none', null, 'vi', '2024-01-10'],
    ];
    for (const [key, phone, locale, createdAt] of rows) {
      await database.query(`insert into users (email, password_hash, display_name, phone, locale, created_at) values ($1, 'x', $2, $3, $4, $5)`, [
        `${key}@migration.test`,
        key,
        phone,
        locale,
        createdAt,
      ]);
    }
    const migration = await readFile(new URL('../../db/migrations/0033_accounts.sql', import.meta.url), 'utf8');
    // Its first statement, before the new columns and constraints.
    await database.query(migration.split('--> statement-breakpoint')[0]!);
    const result = await database.query<{ display_name: string; phone: string | null }>(
      `select display_name, phone from users where email like '%@migration.test' order by created_at`,
    );
    expect(Object.fromEntries(result.map((r) => [r.display_name, r.phone]))).toEqual({
      'vn-local': '+84912345678',
      'vn-dots': '+84912345679',
      'vn-intl': '+84987654321',
      'th-local': '+66812345678',
      'th-intl': '+66812345679',
      junk: null,
      foreign: null,
      'dup-older': '+84933111222',
      'dup-newer': null,
      none: null,
    });
    // What the rest of 0033 then adds holds for every row.
    await database.query(`alter table users add constraint users_phone_e164_check check (phone ~ '^\\+[1-9][0-9]{6,14}$')`);
    await database.query('create unique index users_phone_key on users (phone)');
  });
});
