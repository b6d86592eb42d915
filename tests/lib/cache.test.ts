import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearCaches, createCache, listCaches, ownerKey } from '~/lib/cache.server.ts';
import { renderMarkdown } from '~/handbook/markdown.server.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('a named cache', () => {
  it('keeps values up to its size, the oldest stored making room', () => {
    const cache = createCache<string, number>('test.size', { max: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect([cache.get('b'), cache.get('c'), cache.size]).toEqual([2, 3, 2]);
    cache.set('b', 20); // storing again makes it the newest
    cache.set('d', 4);
    expect([cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([20, undefined, 4]);
  });

  it('forgets an entry after its time to live', () => {
    vi.useFakeTimers();
    const cache = createCache<string, string | null>('test.ttl', { max: 10, ttlMs: 1_000 });
    cache.set('miss', null);
    expect(cache.get('miss')).toBeNull();
    expect(cache.has('miss')).toBe(true);
    vi.advanceTimersByTime(1_001);
    expect(cache.get('miss')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('remembers what it made or loaded, and keeps nothing from a failed load', async () => {
    const cache = createCache<string, number>('test.load', { max: 10 });
    let made = 0;
    expect(cache.remember('x', () => ++made)).toBe(1);
    expect(cache.remember('x', () => ++made)).toBe(1);
    const load = vi.fn(async () => 7);
    expect(await cache.load('y', load)).toBe(7);
    expect(await cache.load('y', load)).toBe(7);
    expect(load).toHaveBeenCalledTimes(1);
    await expect(cache.load('z', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.has('z')).toBe(false);
  });

  it('forgets one owner’s entries and keeps the others’', () => {
    const cache = createCache<string, number>('test.owners', { max: 10 });
    const first = {};
    const second = {};
    expect(ownerKey(first)).toBe(ownerKey(first));
    expect(ownerKey(first)).not.toBe(ownerKey(second));
    cache.set(`${ownerKey(first)}:a`, 1);
    cache.set(`${ownerKey(second)}:a`, 2);
    cache.deleteWhere((key) => key.startsWith(`${ownerKey(first)}:`));
    expect([cache.get(`${ownerKey(first)}:a`), cache.get(`${ownerKey(second)}:a`)]).toEqual([undefined, 2]);
  });

  it('refuses a size that keeps nothing', () => {
    expect(() => createCache('test.empty', { max: 0 })).toThrow(/max/);
  });
});

describe('the registry', () => {
  it('lists every cache with its size and bounds, Baan’s own included', () => {
    renderMarkdown('**registry**');
    const cache = createCache<string, number>('test.listed', { max: 3, ttlMs: 50 });
    cache.set('a', 1);
    const listed = listCaches();
    expect(listed).toContainEqual({ name: 'test.listed', size: 1, max: 3, ttlMs: 50 });
    expect(listed.find((c) => c.name === 'handbook.markdown')).toMatchObject({ max: 500 });
    expect(listed.map((c) => c.name)).toEqual([...listed.map((c) => c.name)].sort((a, b) => a.localeCompare(b)));
  });

  it('clears one cache by name, or all of them', () => {
    const one = createCache<string, number>('test.clear-one', { max: 3 });
    const two = createCache<string, number>('test.clear-two', { max: 3 });
    one.set('a', 1);
    two.set('a', 2);
    expect(clearCaches('test.clear-one')).toBe(true);
    expect([one.size, two.size]).toEqual([0, 1]);
    expect(clearCaches('test.no-such-cache')).toBe(false);
    clearCaches();
    expect(two.size).toBe(0);
    expect(listCaches().every((c) => c.size === 0)).toBe(true);
  });

  it('a cache made again under its name replaces the old one in the list', () => {
    createCache('test.again', { max: 1 });
    createCache('test.again', { max: 2 });
    expect(listCaches().filter((c) => c.name === 'test.again')).toEqual([{ name: 'test.again', size: 0, max: 2, ttlMs: undefined }]);
  });
});
