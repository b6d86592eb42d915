import { createContext, RouterContextProvider } from 'react-router';

/**
 * What Baan's own server (server/http-bridge.ts) knows about a request that the request itself
 * cannot say truthfully: who sent it (from the socket, or the trusted proxies) and whether it is
 * a page or a client-side navigation's data (`/x.data`, which React Router rewrites to `/x`
 * before the app sees it). They reach the app as typed router context values, never as request
 * headers, so no client can set them.
 */
export type RequestKind = 'document' | 'data';
export type ServerFacts = { clientAddress: string; requestKind: RequestKind };

const clientAddressContext = createContext<string | null>(null);
const requestKindContext = createContext<RequestKind | null>(null);

/** The context a request starts with (server/: through the build's entry, so the keys are the app's own). */
export function serverFactsContext(facts: ServerFacts): RouterContextProvider {
  const context = new RouterContextProvider();
  context.set(clientAddressContext, facts.clientAddress);
  context.set(requestKindContext, facts.requestKind);
  return context;
}

/** The client's address as Baan's server saw it; 'local' when the app runs without it (tests). */
export function clientAddress(context: Readonly<RouterContextProvider>): string {
  return context.get(clientAddressContext) ?? 'local';
}

/** Whether this is a page or its data; null when the app runs without Baan's server (tests). */
export function requestKind(context: Readonly<RouterContextProvider>): RequestKind | null {
  return context.get(requestKindContext);
}
