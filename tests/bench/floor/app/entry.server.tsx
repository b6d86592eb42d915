import { renderToString } from 'react-dom/server';
import { RouterContextProvider, ServerRouter, type EntryContext } from 'react-router';

/** What Baan's server (server/production.ts) awaits before it listens. */
export async function prepare(): Promise<{ kind: string }> {
  return { kind: 'no' };
}

/** What Baan's server asks of an app's entry (server/pages.ts BaanEntry): a request's starting context, a file's headers, which cross-site POST to take, what to stop, and no page cache (the floor is measured rendering). */
export const requestContext = () => new RouterContextProvider();
export const staticFileHeaders = () => ({});
export const acceptsCrossSitePost = () => false;
export const stopJobs = async () => {};
export const pageCachePolicy = () => ({ seconds: 0, personal: () => false });

// Rendered as Baan renders its reading pages: one string, one response.
export default function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  // No script is sent, so the loader data's hand-over to the browser is dropped unread.
  context.serverHandoffStream = undefined;
  return new Response(`<!DOCTYPE html>${renderToString(<ServerRouter context={context} url={request.url} />)}`, { status, headers });
}
