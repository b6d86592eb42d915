// The server's settings, read from the environment in one place: nothing else in server/ reads
// PORT, HOST, TRUST_PROXY or BUILD_DIR. A malformed value stops the start with a clear message.
import path from 'node:path';

export type ServerConfig = {
  /** The TCP port to listen on (PORT, 3000 by default). */
  port: number;
  /** The interface to listen on (HOST, all of them by default). */
  host: string;
  /** How many proxies stand in front of Baan (TRUST_PROXY; see clientAddress in http-bridge.ts). */
  trustProxy: number;
  /** The directory of the production build (BUILD_DIR, `build` by default). */
  buildDir: string;
  /** Whether BUILD_DIR was given: then `npm start` serves it as it is and never builds. */
  buildDirGiven: boolean;
};

/**
 * How many proxies in front of Baan to trust, from TRUST_PROXY: a whole number of hops (0, the
 * default, trusts none). Anything else is refused, so a typo cannot silently trust the client.
 */
export function parseTrustProxy(value: string | undefined): number {
  const text = String(value ?? '').trim();
  if (text === '') return 0;
  if (!/^\d{1,2}$/.test(text)) throw new Error(`TRUST_PROXY must be the number of proxy hops in front of Baan (0, 1, 2, …), not "${text}"`);
  return Number(text);
}

function parsePort(value: string | undefined): number {
  const text = String(value ?? '').trim();
  if (text === '') return 3000;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number (0–65535), not "${text}"`);
  return port;
}

/** `defaultHost`: where to listen when HOST is unset (all interfaces; `npm run dev` passes this machine only). */
export function readConfig(env: NodeJS.ProcessEnv = process.env, defaultHost = '0.0.0.0'): ServerConfig {
  return {
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || defaultHost,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    buildDir: path.resolve(env.BUILD_DIR ?? 'build'),
    buildDirGiven: Boolean(env.BUILD_DIR),
  };
}
