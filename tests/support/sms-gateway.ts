import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedSms = { to: string; text: string; ref: string; unicode: boolean; id: string; authorization: string | undefined };

export type SmsGatewayFake = {
  url: string;
  token: string;
  received: ReceivedSms[];
  to(phone: string): ReceivedSms[];
  /** Answer the next `times` requests with this status (500: try again; 400: refused). */
  answerWith(status: number, times?: number): void;
  /** Every request, accepted or not, with the bearer token it carried. */
  requests: { authorization: string | undefined; status: number }[];
  reset(): void;
  close(): Promise<void>;
};

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A fake SMS gateway on 127.0.0.1 and a random port, speaking the shape Baan's HTTP adapter
 * sends: POST JSON { to, text, ref, unicode } with `Authorization: Bearer <token>`. A wrong
 * token gets 401; an accepted message gets 202 { id }. A second message with a ref it has seen
 * is answered with the first one's id and not recorded again (as idempotent gateways do).
 */
export async function startSmsGateway(options: { port?: number; token?: string } = {}): Promise<SmsGatewayFake> {
  const token = options.token ?? 'gateway-token';
  const received: ReceivedSms[] = [];
  const requests: { authorization: string | undefined; status: number }[] = [];
  const forced: { status: number; left: number } = { status: 0, left: 0 };
  let next = 1;

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    const authorization = request.headers.authorization;
    void (async () => {
      if (request.method !== 'POST') return answer(response, 405, { error: 'method not allowed' });
      if (authorization !== `Bearer ${token}`) {
        requests.push({ authorization, status: 401 });
        return answer(response, 401, { error: 'invalid token' });
      }
      if (forced.left > 0) {
        forced.left -= 1;
        requests.push({ authorization, status: forced.status });
        return answer(response, forced.status, { error: forced.status >= 500 ? 'upstream operator unavailable' : 'invalid destination number' });
      }
      let body: { to?: unknown; text?: unknown; ref?: unknown; unicode?: unknown };
      try {
        body = (await readJson(request)) as typeof body;
      } catch {
        requests.push({ authorization, status: 400 });
        return answer(response, 400, { error: 'invalid JSON' });
      }
      if (typeof body.to !== 'string' || typeof body.text !== 'string' || typeof body.ref !== 'string' || typeof body.unicode !== 'boolean') {
        requests.push({ authorization, status: 422 });
        return answer(response, 422, { error: 'to, text, ref and unicode are required' });
      }
      requests.push({ authorization, status: 202 });
      const seen = received.find((m) => m.ref === body.ref);
      if (seen) return answer(response, 202, { id: seen.id, duplicate: true });
      const id = `fake-${next++}`;
      received.push({ to: body.to, text: body.text, ref: body.ref, unicode: body.unicode, id, authorization });
      return answer(response, 202, { id });
    })().catch(() => answer(response, 500, { error: 'fake gateway error' }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/send`,
    token,
    received,
    requests,
    to: (phone) => received.filter((m) => m.to === phone),
    answerWith(status, times = 1) {
      forced.status = status;
      forced.left = times;
    },
    reset() {
      received.length = 0;
      requests.length = 0;
      forced.left = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
