// An announcement's expiry day: a day that exists, in the future, ending at 23:59 in UTC+7.
import { describe, expect, it } from 'vitest';
import { AnnouncementInputSchema } from '~/handbook/news-schemas.ts';

const parse = (expiresAt: string) => AnnouncementInputSchema.safeParse({ title: { vi: 'Họp thôn' }, body: {}, expiresAt });
const messages = (result: ReturnType<typeof parse>) => (result.success ? [] : [...new Set(result.error.issues.map((i) => i.message))]);

describe('announcement expiry', () => {
  it('takes a future day, none, and refuses days that do not exist or have passed', () => {
    const next = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const ok = parse(next);
    expect(ok.success && ok.data.expiresAt?.toISOString()).toBe(new Date(`${next}T23:59:59+07:00`).toISOString());
    const none = parse('');
    expect(none.success && none.data.expiresAt).toBeNull();
    expect(messages(parse('2099-02-31'))).toEqual(['handbook:news.errors.dateInvalid']);
    expect(messages(parse('31/12/2099'))).toEqual(['handbook:news.errors.dateInvalid']);
    expect(messages(parse('2020-01-01'))).toEqual(['handbook:news.errors.expiryPast']);
  });
});
