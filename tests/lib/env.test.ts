import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, parseDbEnv } from '#db/env.ts';
import { env, loadEnv, parseEnv, resetEnv } from '~/lib/env.server.ts';

afterEach(() => {
  delete process.env.FEED_IMPORT_MINUTES;
  resetEnv();
});

describe('the environment, parsed once', () => {
  it('gives every setting a safe local default', () => {
    const parsed = parseEnv({});
    expect(parsed).toMatchObject({
      databaseUrl: undefined,
      dataDir: path.resolve('.data'),
      pgliteDir: path.join(path.resolve('.data'), 'pglite'),
      migrationsDir: path.resolve('db/migrations'),
      isProduction: false,
      publicUrl: null,
      mapStyleUrl: null,
      mapConnectHosts: undefined,
      feedImportMinutes: 60,
      pageCacheSeconds: 5,
      outboundAllowHosts: [],
      jobs: { enabled: true, concurrency: 4, pollMs: 1000, graceMs: 10_000 },
    });
  });

  it('reads the job worker’s settings, and refuses values that make no sense', () => {
    expect(parseEnv({ JOBS: 'off', JOBS_CONCURRENCY: '2', JOBS_POLL_MS: '250', JOBS_GRACE_MS: '0' }).jobs).toEqual({
      enabled: false,
      concurrency: 2,
      pollMs: 250,
      graceMs: 0,
    });
    expect(parseEnv({ JOBS: 'ON' }).jobs.enabled).toBe(true);
    let thrown: unknown;
    try {
      parseEnv({ JOBS: 'sometimes', JOBS_CONCURRENCY: '0', JOBS_POLL_MS: 'often' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    const message = (thrown as Error).message;
    for (const name of ['JOBS:', 'JOBS_CONCURRENCY', 'JOBS_POLL_MS']) expect(message).toContain(name);
  });

  it('reads each setting Baan knows', () => {
    const parsed = parseEnv({
      DATABASE_URL: 'postgres://baan@db:5432/baan',
      DATA_DIR: '/srv/baan',
      PGLITE_DIR: 'memory://',
      MIGRATIONS_DIR: '/opt/baan/migrations',
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://baan.example.org/path',
      MAP_STYLE_URL: ' https://tiles.example.org/style.json ',
      MAP_CONNECT_HOSTS: 'https://glyphs.example.net',
      FEED_IMPORT_MINUTES: '0',
      PAGE_CACHE_SECONDS: '-3',
      OUTBOUND_ALLOW_HOSTS: ' feeds.example.org, ,127.0.0.1 ',
    });
    expect(parsed).toMatchObject({
      databaseUrl: 'postgres://baan@db:5432/baan',
      dataDir: '/srv/baan',
      pgliteDir: 'memory://',
      migrationsDir: '/opt/baan/migrations',
      isProduction: true,
      publicUrl: 'https://baan.example.org',
      mapStyleUrl: 'https://tiles.example.org/style.json',
      mapConnectHosts: 'https://glyphs.example.net',
      feedImportMinutes: 0,
      pageCacheSeconds: 0,
      outboundAllowHosts: ['feeds.example.org', '127.0.0.1'],
    });
  });

  it('treats an empty DATABASE_URL as unset and ignores a map style that is not an http(s) URL', () => {
    const parsed = parseEnv({ DATABASE_URL: '', MAP_STYLE_URL: 'file:///etc/passwd' });
    expect(parsed.databaseUrl).toBeUndefined();
    expect(parsed.mapStyleUrl).toBeNull();
  });

  it('refuses bad values with one message naming each of them', () => {
    let thrown: unknown;
    try {
      parseEnv({ PUBLIC_URL: 'baan.example.org', FEED_IMPORT_MINUTES: 'hourly', PAGE_CACHE_SECONDS: 'five', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^Baan cannot start/);
    for (const name of ['PUBLIC_URL', 'FEED_IMPORT_MINUTES', 'PAGE_CACHE_SECONDS', 'DATABASE_URL']) expect(message).toContain(`${name}:`);
    expect(() => parseEnv({ FEED_IMPORT_MINUTES: '-1' })).toThrow(/FEED_IMPORT_MINUTES: must be 0 or more/);
    expect(() => parseEnv({ PAGE_CACHE_SECONDS: '5s' })).toThrow(/PAGE_CACHE_SECONDS: must be a number/);
  });

  it('the database tools read the same database settings as the server', () => {
    const source = { DATA_DIR: 'tmp/data', DATABASE_URL: 'postgresql://a@b/c' };
    const app = parseEnv(source);
    expect(parseDbEnv(source)).toEqual({ databaseUrl: app.databaseUrl, dataDir: app.dataDir, pgliteDir: app.pgliteDir, migrationsDir: app.migrationsDir });
  });

  it('keeps what it parsed until reset', () => {
    process.env.FEED_IMPORT_MINUTES = '15';
    resetEnv();
    const first = loadEnv();
    expect(env.feedImportMinutes).toBe(15);
    process.env.FEED_IMPORT_MINUTES = '30';
    expect(loadEnv()).toBe(first);
    expect(env.feedImportMinutes).toBe(15);
    resetEnv();
    expect(env.feedImportMinutes).toBe(30);
  });

  it('a bad value in process.env stops the start', () => {
    process.env.FEED_IMPORT_MINUTES = 'soon';
    resetEnv();
    expect(() => loadEnv()).toThrow(EnvError);
  });
});
