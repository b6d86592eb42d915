import path from 'node:path';
import { data } from 'react-router';

/** Configuration read from the environment once; every setting has a safe local default. */
export const env = {
  get databaseUrl() {
    return process.env.DATABASE_URL || undefined;
  },
  get dataDir() {
    return path.resolve(process.env.DATA_DIR ?? '.data');
  },
  get pgliteDir() {
    return process.env.PGLITE_DIR ?? path.join(this.dataDir, 'pglite');
  },
  /** A MapLibre style URL for the basemap; empty means the bundled offline style. */
  get mapStyleUrl(): string | null {
    const value = process.env.MAP_STYLE_URL?.trim();
    return value && /^https?:\/\//.test(value) ? value : null;
  },
  get isProduction() {
    return process.env.NODE_ENV === 'production';
  },
  /**
   * The site's public origin (PUBLIC_URL: an absolute http(s) URL, no user or password), for the
   * absolute links Baan hands out: feeds, the events calendar, invitation links. Unset: null.
   * A malformed value throws (the server refuses to start).
   */
  get publicUrl(): string | null {
    return parsePublicUrl(process.env.PUBLIC_URL);
  },
};

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
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL such as https://baan.example.org, without a user name or password (got ${JSON.stringify(text)})`);
  }
  return url.origin;
}

const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]';

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

/** Said once at start when production links will depend on PUBLIC_URL being set. */
export function publicUrlWarning(): string | null {
  if (!env.isProduction || env.publicUrl) return null;
  return 'PUBLIC_URL is not set: feeds, calendars and invitation links are served only on localhost. Set PUBLIC_URL (for example https://baan.example.org) on a public server.';
}
