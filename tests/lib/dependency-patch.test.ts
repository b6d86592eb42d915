// patches/react-router+7.18.4.patch (applied by patch-package after `npm install`; see
// docs/decisions/010): React Router encodes the loader data for hydration only when something
// reads it and builds its server routes once per build; and every request gets its own params.
// Checked on the installed package through its public request handler, with the smallest
// server build that renders a document.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createRequestHandler, ServerRouter, type EntryContext, type ServerBuild } from 'react-router';
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

describe('React Router builds its server routes once per build', () => {
  it('renders each build with its own routes, request after request', async () => {
    const render = (context: EntryContext, request: Request) =>
      new Response(renderToString(createElement(ServerRouter, { context: { ...context, serverHandoffStream: undefined }, url: request.url })));
    const handlers = ['Mật ong rừng', 'ชาอู่หลง'].map((text) => {
      let request: Request;
      const handler = createRequestHandler(
        buildWith((context) => render(context, request), text),
        'production',
      );
      return (r: Request) => handler((request = r));
    });
    for (let round = 0; round < 3; round++) {
      expect(await (await handlers[0]!(new Request('http://localhost/'))).text()).toBe('<p>Mật ong rừng</p>');
      expect(await (await handlers[1]!(new Request('http://localhost/'))).text()).toBe('<p>ชาอู่หลง</p>');
    }
  });
});

// Baan's patch once remembered the matches of each path (docs/decisions/010, dropped): whatever
// React Router keeps between requests, no request may see another's params.
describe('React Router gives each request its own route params', () => {
  it('gives every request its own params, even for a path seen before and after a loader changed them', async () => {
    const build = buildWith((context) => new Response(JSON.stringify(context.staticHandlerContext.loaderData.commune)));
    (build.routes as Record<string, unknown>).commune = {
      id: 'commune',
      parentId: 'root',
      path: ':commune',
      index: undefined,
      caseSensitive: undefined,
      module: {
        default: () => null,
        loader: ({ params }: { params: Record<string, string> }) => {
          const seen = params.commune;
          params.commune = 'changed by a loader';
          return { seen };
        },
      },
    };
    (build.assets.routes as Record<string, unknown>).commune = { ...build.assets.routes.root, id: 'commune', parentId: 'root', path: ':commune' };
    const handler = createRequestHandler(build, 'production');
    const seen = async (path: string) => JSON.parse(await (await handler(new Request(`http://localhost${path}`))).text()).seen;
    for (let round = 0; round < 3; round++) {
      expect(await seen('/ta-van')).toBe('ta-van');
      expect(await seen('/gia-phu')).toBe('gia-phu');
      expect(await seen('/x%C3%A3-t%E1%BA%A3-van')).toBe('xã-tả-van');
    }
  });
});
