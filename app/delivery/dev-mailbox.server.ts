import type { RouterContextProvider } from 'react-router';
import { can } from '~/auth/permissions.ts';
import { requireUser } from '~/auth/guards.server.ts';
import { env } from '~/lib/env.server.ts';
import { notFound } from '~/lib/errors.ts';

/**
 * The dev mailbox (/dev/mail) shows the messages kept because no SMTP server or SMS gateway is
 * set. On a development build it is open (the developer's own machine); on a production build
 * it exists only with DEV_MAILBOX=1, and then only for operators (kept messages hold codes and
 * reset links). Anyone else gets 404.
 */
export function requireDevMailbox(context: Readonly<RouterContextProvider>, request: Request): void {
  if (!env.devMailbox) notFound();
  if (!env.isProduction) return;
  const user = requireUser(context, request);
  if (!can({ userId: user.id, isOperator: user.isOperator, communeId: null, roles: [] }, 'messages.view', null)) notFound();
}
