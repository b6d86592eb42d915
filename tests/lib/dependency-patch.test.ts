// patches/react-router+7.18.4.patch (applied by patch-package after `npm install`; see
// docs/decisions/010): React Router encodes the loader data for hydration only when something
// reads it.
// Checked on the installed package through its public request handler, with the smallest
// server build that renders a document.
import { createElement } from 'react';
import { createRequestHandler, type EntryContext, type ServerBuild } from 'react-router';
import { describe, expect, it } from 'vitest';

function buildWith(entry: (context: EntryContext) => Response | Promise<Response>, text = 'ok'): ServerBuild {
  return {
    entry: { module: { default: (_request: Request, _status: number, _headers: Headers, context: EntryContext) => entry(context) } },
    routes: {
      root: {
        id: 'root',
        parentId: undefined,
        path: '',
        index: undefined,
        caseSensitive: undefined,
        module: { default: () => createElement('p', null, text), loader: () => ({ product: 'Chè Shan Tuyết' }) },
      },
    },
    assets: {
      entry: { imports: [], module: '/entry.js' },
      routes: {
        root: {
          id: 'root',
          path: '',
          module: '/root.js',
          hasLoader: true,
          hasAction: false,
          hasClientAction: false,
          hasClientLoader: false,
          hasClientMiddleware: false,
          hasErrorBoundary: false,
        },
      },
      url: '/manifest.js',
      version: '1',
    },
    publicPath: '/',
    assetsBuildDirectory: 'build/client',
    future: { v8_middleware: false },
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: 'lazy', manifestPath: '/__manifest' },
    basename: '/',
  } as unknown as ServerBuild;
}

describe('React Router hands over loader data lazily', () => {
  it('has not encoded it when the entry starts, encodes it on first read, and lets the entry drop it', async () => {
    let encodedBeforeRead: boolean | null = null;
    let stream: unknown = null;
    const reading = createRequestHandler(
      buildWith((context) => {
        encodedBeforeRead = typeof Object.getOwnPropertyDescriptor(context, 'serverHandoffStream')?.get !== 'function';
        stream = context.serverHandoffStream;
        return new Response('read');
      }),
      'production',
    );
    expect(await (await reading(new Request('http://localhost/'))).text()).toBe('read');
    expect(encodedBeforeRead).toBe(false);
    expect(stream).toBeInstanceOf(ReadableStream);
    const text = await new Response(stream as ReadableStream).text();
    expect(text).toContain('Chè Shan Tuyết');

    let dropped: unknown = 'unset';
    const dropping = createRequestHandler(
      buildWith((context) => {
        context.serverHandoffStream = undefined;
        dropped = context.serverHandoffStream;
        return new Response('dropped');
      }),
      'production',
    );
    expect(await (await dropping(new Request('http://localhost/'))).text()).toBe('dropped');
    expect(dropped).toBeUndefined();
  });
});
