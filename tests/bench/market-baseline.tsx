// The raw baseline for the catalogue page (`npm run bench`, tests/bench/market.ts): a bare
// `node:http` server that, per request, reads and renders the page of market-baseline-page.tsx
// with `renderToString` and gzips it in one call, as the app's server does (server/http-bridge.ts). What is left of
// a request when the framework is taken away. Run with NODE_ENV=production, DATABASE_URL and PORT.
import http from 'node:http';
import zlib from 'node:zlib';
import { renderToString } from 'react-dom/server';
import { loadCatalogue, Page, sql } from './market-baseline-page.tsx';

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/market') {
    res.writeHead(404).end();
    return;
  }
  const data = await loadCatalogue(url);
  const html = '<!DOCTYPE html>' + renderToString(<Page url={url} {...data} />);
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': 'text/html; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    Vary: 'Accept-Encoding',
  };
  if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    res.writeHead(200, headers).end(html);
    return;
  }
  // Off the main thread, as the app's `compression` stream does.
  zlib.gzip(html, (error, body) => {
    if (error) throw error;
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' }).end(body);
  });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.env.PORT ?? 3321), () => console.log(`baseline on ${process.env.PORT ?? 3321}`));
process.on('SIGTERM', () => {
  server.close();
  void sql.end({ timeout: 1 }).then(() => process.exit(0));
});
