import { z } from 'zod';
import { data } from 'react-router';
import { dbEnvSchema, EnvError, resetDbEnv, toDbEnv, type DbEnv, type EnvSource } from '#db/env.ts';

/**
 * Every setting Baan reads from the environment, in one schema, parsed once: `loadEnv()` at
 * start (entry.server's `prepare`), so a bad value stops the start with a message naming it,
 * rather than failing on the first request that needs it. Every setting has a safe local
 * default. The database's settings come from db/env.ts (the command-line tools read them too).
 * Tests that change process.env call `resetEnv()`. The HTTP server's own settings (PORT, HOST,
 * TRUST_PROXY, BUILD_DIR) are read by server/config.ts before the app is loaded.
 */

const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const numberOr = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const number = Number(value ?? fallback);
      if (Number.isFinite(number)) return number;
      ctx.addIssue({ code: 'custom', message: `must be a number (got ${JSON.stringify(value)})` });
      return z.NEVER;
    });

const MAIL_FROM_PATTERN = /^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

/** An optional URL with one of `protocols`; empty means unset (null). */
const optionalUrl = (protocols: string[], example: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = value?.trim();
      if (!text) return null;
      try {
        const url = new URL(text);
        if (protocols.includes(url.protocol) && url.hostname) return url.toString();
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: `must be ${example}` });
      return z.NEVER;
    });

export const envSchema = dbEnvSchema
  .extend({
    NODE_ENV: z.string().optional(),
    /** The site's public origin for absolute links; see `parsePublicUrl`. */
    PUBLIC_URL: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parsePublicUrl(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    /** A MapLibre style URL for the basemap; anything but an http(s) URL means the bundled offline style. */
    MAP_STYLE_URL: z
      .string()
      .optional()
      .transform((value) => {
        const text = value?.trim();
        return text && /^https?:\/\//.test(text) ? text : null;
      }),
    /** More hosts the map may reach (glyphs, sprites), as written: the CSP keeps the origins among them. */
    MAP_CONNECT_HOSTS: z.string().optional(),
    /** Minutes between news-feed imports; 0 turns the schedule off. */
    FEED_IMPORT_MINUTES: numberOr(60).refine((n) => n >= 0, 'must be 0 or more (0 turns the schedule off)'),
    /** Whether `npm start` runs the job worker in its own process (on by default; off when a separate `npm run worker` does). */
    JOBS: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const text = (value ?? 'on').trim().toLowerCase();
        if (['on', 'true', '1', 'yes', ''].includes(text)) return true;
        if (['off', 'false', '0', 'no'].includes(text)) return false;
        ctx.addIssue({ code: 'custom', message: `must be on or off (got ${JSON.stringify(value)})` });
        return z.NEVER;
      }),
    /** Jobs one worker runs at once. */
    JOBS_CONCURRENCY: numberOr(4).refine((n) => Number.isInteger(n) && n >= 1 && n <= 64, 'must be a whole number from 1 to 64'),
    /** Milliseconds between a worker's looks for due jobs. */
    JOBS_POLL_MS: numberOr(1000).refine((n) => n >= 50 && n <= 600_000, 'must be between 50 and 600000 milliseconds'),
    /** Milliseconds running jobs get to finish at shutdown before they are given back. */
    JOBS_GRACE_MS: numberOr(10_000).refine((n) => n >= 0 && n <= 600_000, 'must be between 0 and 600000 milliseconds'),
    /** Seconds a shared page stays in the page cache (negative counts as 0). */
    PAGE_CACHE_SECONDS: numberOr(5).transform((n) => Math.max(0, n)),
    /** Hosts outbound fetches may reach although they resolve to private addresses, comma-separated. */
    OUTBOUND_ALLOW_HOSTS: z.string().optional().transform(listOf),
    /** The mail server, smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465; unset: mail is kept, not sent. */
    SMTP_URL: optionalUrl(['smtp:', 'smtps:'], 'an smtp:// or smtps:// URL such as smtps://baan:secret@mail.example.org:465'),
    /** The sender of every mail, "Baan <no-reply@baan.example.org>" or a bare address; needed with SMTP_URL. */
    MAIL_FROM: z
      .string()
      .optional()
      .transform((value) => value?.trim() || null)
      .refine((value) => value === null || MAIL_FROM_PATTERN.test(value), 'must be an address, or a name and an address: Baan <no-reply@baan.example.org>'),
    /** The SMS gateway's endpoint (JSON POST); unset: SMS are kept, not sent. */
    SMS_GATEWAY_URL: optionalUrl(['https:', 'http:'], 'an http(s) URL such as https://sms.example.org/send'),
    /** The bearer token the SMS gateway expects; needed with SMS_GATEWAY_URL. */
    SMS_GATEWAY_TOKEN: z
      .string()
      .optional()
      .transform((value) => value?.trim() || null),
    /**
     * The secret that whoever forwards bounce reports presents at /hooks/mail/bounces (Bearer, or
     * the password of Basic); unset: that address does not exist.
     */
    MAIL_BOUNCE_TOKEN: z
      .string()
      .optional()
      .transform((value) => value?.trim() || null)
      .refine((value) => value === null || value.length >= 32, 'must be a random secret of at least 32 characters'),
    /** "1" shows kept messages at /dev/mail on a production build too (to operators only). */
    DEV_MAILBOX: z
      .string()
      .optional()
      .transform((value) => ['1', 'true', 'on', 'yes'].includes((value ?? '').trim().toLowerCase())),
  })
  .superRefine((raw, ctx) => {
    if (raw.SMTP_URL && !raw.MAIL_FROM)
      ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'must be set when SMTP_URL is set (the sender of every mail)' });
    if (raw.SMS_GATEWAY_URL && !raw.SMS_GATEWAY_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['SMS_GATEWAY_TOKEN'], message: 'must be set when SMS_GATEWAY_URL is set' });
  });

export type Env = DbEnv & {
  nodeEnv: string | undefined;
  isProduction: boolean;
  /** The site's public origin (PUBLIC_URL) for the absolute links Baan hands out; unset: null. */
  publicUrl: string | null;
  /** A MapLibre style URL for the basemap; null means the bundled offline style. */
  mapStyleUrl: string | null;
  /** MAP_CONNECT_HOSTS as written (security.server.ts keeps the origins in it). */
  mapConnectHosts: string | undefined;
  /** Minutes between news-feed imports; 0: off. */
  feedImportMinutes: number;
  /** Seconds a shared page is kept by the page cache. */
  pageCacheSeconds: number;
  /** The job worker's settings (JOBS, JOBS_CONCURRENCY, JOBS_POLL_MS, JOBS_GRACE_MS). */
  jobs: { enabled: boolean; concurrency: number; pollMs: number; graceMs: number };
  /** Host names outbound fetches may reach although private (OUTBOUND_ALLOW_HOSTS). */
  outboundAllowHosts: readonly string[];
  /** The mail server's URL (SMTP_URL, credentials included); null: mail is kept in outbound_messages. */
  smtpUrl: string | null;
  /** The sender of every mail (MAIL_FROM); set whenever smtpUrl is. */
  mailFrom: string;
  /** The secret for /hooks/mail/bounces (MAIL_BOUNCE_TOKEN); null: the hook is off. */
  mailBounceToken: string | null;
  /** The SMS gateway (SMS_GATEWAY_URL + SMS_GATEWAY_TOKEN); null: SMS are kept in outbound_messages. */
  smsGateway: { url: string; token: string } | null;
  /** Kept messages are readable at /dev/mail: on a development build, or with DEV_MAILBOX=1 (operators only). */
  devMailbox: boolean;
};

/** The settings of `source`; throws an EnvError naming every bad value. */
export function parseEnv(source: EnvSource = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues);
  const raw = parsed.data;
  return Object.freeze({
    ...toDbEnv(raw),
    nodeEnv: raw.NODE_ENV,
    isProduction: raw.NODE_ENV === 'production',
    publicUrl: raw.PUBLIC_URL,
    mapStyleUrl: raw.MAP_STYLE_URL,
    mapConnectHosts: raw.MAP_CONNECT_HOSTS,
    feedImportMinutes: raw.FEED_IMPORT_MINUTES,
    pageCacheSeconds: raw.PAGE_CACHE_SECONDS,
    jobs: Object.freeze({ enabled: raw.JOBS, concurrency: raw.JOBS_CONCURRENCY, pollMs: raw.JOBS_POLL_MS, graceMs: raw.JOBS_GRACE_MS }),
    outboundAllowHosts: Object.freeze(raw.OUTBOUND_ALLOW_HOSTS),
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM ?? 'Baan <no-reply@baan.localhost>',
    mailBounceToken: raw.MAIL_BOUNCE_TOKEN,
    smsGateway: raw.SMS_GATEWAY_URL && raw.SMS_GATEWAY_TOKEN ? Object.freeze({ url: raw.SMS_GATEWAY_URL, token: raw.SMS_GATEWAY_TOKEN }) : null,
    devMailbox: raw.NODE_ENV !== 'production' || raw.DEV_MAILBOX,
  });
}

let loaded: Env | undefined;

/** Parses process.env the first time (at start) and keeps the result; a bad value throws an EnvError. */
export function loadEnv(): Env {
  return (loaded ??= parseEnv());
}

/** Forgets the parsed settings, so the next read parses process.env again (tests). */
export function resetEnv(): void {
  loaded = undefined;
  resetDbEnv();
}

/** The settings, read as `env.publicUrl` and so on: each read goes to the one parsed copy. */
export const env: Env = new Proxy({} as Env, {
  get: (_target, name) => loadEnv()[name as keyof Env],
  has: (_target, name) => name in loadEnv(),
  ownKeys: () => Reflect.ownKeys(loadEnv()),
  getOwnPropertyDescriptor: (_target, name) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(loadEnv(), name);
    return descriptor && { ...descriptor, configurable: true };
  },
});

export function parsePublicUrl(value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL such as https://baan.example.org (got ${JSON.stringify(text)})`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname) {
    throw new Error(
      `PUBLIC_URL must be an absolute http(s) URL such as https://baan.example.org, without a user name or password (got ${JSON.stringify(text)})`,
    );
  }
  return url.origin;
}

const isLoopback = (hostname: string) => hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]';

/**
 * The origin for absolute links in what Baan hands out (feeds, calendars, invitation links).
 * The request's own Host header is the client's to choose, so it is used only where no one else
 * can be misled: in development, or on a loopback address (`npm start` on a laptop). A production
 * server on any other host name needs PUBLIC_URL, and without it refuses to build such links
 * (503, with a message saying what to configure) rather than hand out a link an attacker named.
 */
export function publicOrigin(request: Request): string {
  const origin = linkOrigin(request);
  if (origin !== null) return origin;
  throw data({ messageKey: 'common:errors.publicUrlMissing' }, { status: 503 });
}

/**
 * The same origin where a page can do without it: null when it is not known. Structured data in
 * a page (JSON-LD) then uses paths, which readers resolve against the page's own address.
 */
export function linkOrigin(request: Request): string | null {
  const configured = env.publicUrl;
  if (configured) return configured;
  const url = new URL(request.url);
  return !env.isProduction || isLoopback(url.hostname) ? url.origin : null;
}

let localOrigin: string | null = null;

/** This server's own address on this machine (`http://localhost:3000`), told by the server at start. */
export function setLocalOrigin(origin: string | null): void {
  localOrigin = origin;
}

/**
 * The origin for links in what the job runner sends (notification mail and SMS), where no
 * request names one: PUBLIC_URL. Without it, this server's own local address, but only where
 * nobody else can read the links: in development, or while no mail server and no SMS gateway
 * are set (every message is kept on this machine, readable at /dev/mail). Otherwise null: the
 * messages are not queued, and the start says so.
 */
export function jobLinkOrigin(): string | null {
  if (env.publicUrl) return env.publicUrl;
  const nothingLeaves = !env.smtpUrl && !env.smsGateway;
  return !env.isProduction || nothingLeaves ? localOrigin : null;
}

/** Said once at start when production links will depend on PUBLIC_URL being set. */
export function publicUrlWarning(): string | null {
  if (!env.isProduction || env.publicUrl) return null;
  return 'PUBLIC_URL is not set: feeds, calendars and invitation links are served only on localhost. Set PUBLIC_URL (for example https://baan.example.org) on a public server.';
}
