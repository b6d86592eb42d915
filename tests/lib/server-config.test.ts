// The server's settings (server/config.ts): the only reader of PORT, HOST, TRUST_PROXY, BUILD_DIR.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.ts';

describe('server settings', () => {
  it('defaults to port 3000 on every interface, no trusted proxy, the build directory', () => {
    expect(readConfig({})).toEqual({ port: 3000, host: '0.0.0.0', trustProxy: 0, buildDir: path.resolve('build'), buildDirGiven: false });
  });

  it('reads each setting from the environment', () => {
    expect(readConfig({ PORT: '8080', HOST: '127.0.0.1', TRUST_PROXY: '2', BUILD_DIR: 'tests/bench/floor/build' })).toEqual({
      port: 8080,
      host: '127.0.0.1',
      trustProxy: 2,
      buildDir: path.resolve('tests/bench/floor/build'),
      buildDirGiven: true,
    });
  });

  it('refuses a port that is not one, so a typo stops the start', () => {
    for (const bad of ['http', '70000', '-1', '80.5']) expect(() => readConfig({ PORT: bad })).toThrow(/PORT/);
    expect(() => readConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});
