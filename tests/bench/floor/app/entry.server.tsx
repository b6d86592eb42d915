import { renderToString } from 'react-dom/server';
import { RouterContextProvider, ServerRouter, type EntryContext } from 'react-router';

/** What Baan's server (server/production.ts) awaits before it listens. */
export async function prepare(): Promise<{ kind: string }> {
  return { kind: 'no' };
}

/** What Baan's server asks of an app's entry: a request's starting context, and a file's headers. */
export const requestContext = () => new RouterContextProvider();
export const staticFileHeaders = () => ({});

// Rendered as Baan renders its reading pages: one string, one response.
export default function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  // No script is sent, so the loader data's hand-over to the browser is dropped unread.
  context.serverHandoffStream = undefined;
  return new Response(`<!DOCTYPE html>${renderToString(<ServerRouter context={context} url={request.url} />)}`, { status, headers });
}
