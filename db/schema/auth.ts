import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ownRead, tenantPolicies } from './policies.ts';
import { communes } from './tenancy.ts';

/** One account per person across the platform. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; unique. Null for a phone-only account. */
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    /** E.164 (+84912345678), unique: a phone number signs in like an e-mail address. */
    phone: text('phone'),
    /** When the address or number was proved to reach this person (a link, a code); null: not yet. */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    isOperator: boolean('is_operator').notNull().default(false),
    locale: text('locale'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_phone_key').on(t.phone),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
    check('users_phone_e164_check', sql`${t.phone} ~ '^\\+[1-9][0-9]{6,14}$'`),
    check('users_identifier_check', sql`${t.email} is not null or ${t.phone} is not null`),
  ],
);

export const ACCOUNT_CODE_PURPOSES = ['verify_email', 'verify_phone', 'reset', 'recovery', 'undo_address'] as const;
export type AccountCodePurpose = (typeof ACCOUNT_CODE_PURPOSES)[number];

/**
 * One-time secrets that prove a person holds an address or may set a new password
 * (app/auth/codes.server.ts): a link's random token, or a short code sent by SMS or handed over by
 * an official. Only a SHA-256 is kept (of the token; of purpose, account and code for a code).
 * Single use, a few attempts each, short-lived. A platform table: accounts belong to no commune.
 */
export const accountCodes = pgTable(
  'account_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<AccountCodePurpose>().notNull(),
    secretHash: text('secret_hash').notNull(),
    /** Where it was sent (the e-mail address or E.164 number), or null when handed over in person. */
    target: text('target'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    index('account_codes_user_idx').on(t.userId, t.purpose),
    index('account_codes_secret_idx').on(t.secretHash),
    check('account_codes_purpose_check', sql`${t.purpose} in ('verify_email', 'verify_phone', 'reset', 'recovery', 'undo_address')`),
  ],
);

/** Sessions after the Lucia guide: the id is the SHA-256 of a random token only the browser holds. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-in counters (see app/auth/throttle.server.ts): per (account, client), per known
 * device, per account and per client. Kept in Postgres so app servers stay stateless.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * Browsers that have signed in to an account: the browser keeps a long-lived random token in the
 * `baan_device` cookie, the database only its SHA-256. A known device is not held back by other
 * clients' failed sign-ins (app/auth/throttle.server.ts).
 */
export const knownDevices = pgTable(
  'known_devices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceHash: text('device_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'known_devices_pkey', columns: [t.userId, t.deviceHash] })],
);

/**
 * Request limits (sign-ups, password changes, inquiries): the table rate-limiter-flexible's
 * drizzle store reads and writes (key, points used, when the window ends). In Postgres, so every
 * app server counts against the same numbers.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull().default(0),
    expire: timestamp('expire', { withTimezone: true }),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);

import { ROLES, type Role } from '../../domain/roles.ts';

export { ROLES, type Role };

/** A person's roles in one commune (tenant-owned). */
export const memberships = pgTable(
  'memberships',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    invitationId: uuid('invitation_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    ownRead('own_memberships_read', 'user_id'),
    primaryKey({ name: 'memberships_pkey', columns: [t.tenantId, t.userId, t.role] }),
    index('memberships_user_idx').on(t.userId),
    foreignKey({
      name: 'memberships_invitation_fk',
      columns: [t.tenantId, t.invitationId],
      foreignColumns: [invitations.tenantId, invitations.id],
    }),
    check('memberships_role_check', sql`${t.role} in ('official', 'editor', 'seller')`),
  ],
);

/**
 * An official's invitation to join a commune with a role; the link carries a token whose hash is
 * stored. Accepting it (by the account with the invited address) does not grant the role: no
 * address is verified yet, so an official of the commune confirms the acceptance (or refuses it)
 * and the role is granted on confirmation (app/members/members.server.ts).
 */
export const invitations = pgTable(
  'invitations',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** The invited address: an e-mail address or an E.164 phone number (one of the two). */
    email: text('email'),
    phone: text('phone'),
    role: text('role').$type<Role>().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The official who confirmed the acceptance, granting the role; or who refused it. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    refusedAt: timestamp('refused_at', { withTimezone: true }),
    refusedBy: uuid('refused_by').references(() => users.id),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'invitations_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('invitations_token_key').on(t.tenantId, t.tokenHash),
    check('invitations_role_check', sql`${t.role} in ('official', 'editor', 'seller')`),
    check('invitations_address_check', sql`(${t.email} is null) <> (${t.phone} is null)`),
    // Only an accepted invitation is confirmed or refused, never both, each with who did it.
    check(
      'invitations_decision_check',
      sql`(${t.confirmedAt} is null or (${t.acceptedAt} is not null and ${t.confirmedBy} is not null and ${t.refusedAt} is null)) and (${t.refusedAt} is null or (${t.acceptedAt} is not null and ${t.refusedBy} is not null))`,
    ),
  ],
);
