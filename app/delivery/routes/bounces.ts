import { createHash, timingSafeEqual } from 'node:crypto';
import { readBodyBytes } from '~/lib/body.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { env } from '~/lib/env.server.ts';
import { parseDsn, recordBounce } from '../bounces.server.ts';
import type { Route } from './+types/bounces';

// POST /hooks/mail/bounces: a bounce report (RFC 3464 DSN), raw, from whatever receives the
// sender's bounces (a provider's inbound webhook, a Postfix pipe to curl). Authenticated by
// MAIL_BOUNCE_TOKEN (Bearer, or Basic's password); without it set, there is no such address.
// Answers are RFC 9457 problems for programs, never pages.

/** The largest report read: a DSN with returned headers is a few kilobytes; a whole returned message may be more. */
const MAX_BYTES = 512 * 1024;

function problem(status: number, code: string, title: string, detail: string, headers: Record<string, string> = {}) {
  return Response.json(
    { type: `/problems/${code.replace(/_/g, '-')}`, code, title, status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers } },
  );
}

const notFound = () => problem(404, 'not_found', 'Not found', 'There is no such address.');

/** The secret the request presents: `Bearer <token>`, or the password of `Basic` (for services that only put credentials in the URL). */
function presented(authorization: string | null): string | null {
  if (!authorization) return null;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!value) return null;
  if (scheme!.toLowerCase() === 'bearer') return value;
  if (scheme!.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : null;
}

/** Compared as SHA-256 digests, in constant time: neither the secret nor its length shows in the timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = env.mailBounceToken;
  if (!token) return notFound();
  if (request.method !== 'POST') return problem(405, 'method_not_allowed', 'Method not allowed', 'POST the report.', { Allow: 'POST' });
  const secret = presented(request.headers.get('Authorization'));
  if (!secret || !sameSecret(secret, token)) {
    return problem(401, 'unauthorized', 'Unauthorized', 'Present the bounce hook secret as a Bearer token.', {
      'WWW-Authenticate': 'Bearer realm="baan-bounces"',
    });
  }
  const body = await readBodyBytes(request, MAX_BYTES);
  if (!body) return problem(413, 'too_large', 'Report too large', `A report is read up to ${MAX_BYTES} bytes.`);
  const dsn = body.length > 0 ? await parseDsn(body).catch(() => null) : null;
  if (!dsn) {
    return problem(
      400,
      'not_a_dsn',
      'Not a delivery status notification',
      'The body must be the raw report: a multipart/report with a message/delivery-status part (RFC 3464).',
    );
  }
  const result = await recordBounce(context.get(databaseContext).db, dsn, env.mailFrom);
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
}

export function loader() {
  return env.mailBounceToken ? problem(405, 'method_not_allowed', 'Method not allowed', 'POST the report.', { Allow: 'POST' }) : notFound();
}
