import { renderToString } from 'react-dom/server';
import { ServerRouter, type EntryContext } from 'react-router';

/** What scripts/server.mjs awaits before it listens. */
export async function prepare(): Promise<{ kind: string }> {
  return { kind: 'no' };
}

// Rendered as Baan renders its reading pages: one string, one response.
export default function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  // No script is sent, so the loader data's hand-over to the browser is dropped unread.
  context.serverHandoffStream = undefined;
  return new Response(`<!DOCTYPE html>${renderToString(<ServerRouter context={context} url={request.url} />)}`, { status, headers });
}
