import { describe, expect, it } from 'vitest';
import { SignUpSchema } from '~/auth/schemas.ts';
import { readFormData } from '~/lib/body.server.ts';
import { foldName, nameProblem, normaliseName } from '~/lib/display-name.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { optionalUuid, uuid } from '~/lib/schemas.ts';
import { decodeSegment, hasForbiddenCharacters, urlProblem } from '~/lib/text.ts';
import { eventInputSchema } from '~/tourism/schemas.ts';
import { revisionNumber } from '~/handbook/schemas.ts';

// The shared input checks every route goes through (issue 11, items 6, 7, 9 and 15).

describe('text Baan refuses', () => {
  it('refuses NUL, other controls, DEL, C1, broken UTF-8 (U+FFFD), non-characters and lone surrogates', () => {
    for (const bad of ['a\u0000b', '\u0001', 'x\u001Fy', '\u007F', '\u0085', 'caf\uFFFD', '\uFFFE', '\uD800', 'a\uDC00b', '\uDBFFz']) {
      expect(hasForbiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
      expect(hasForbiddenCharacters(bad, { multiline: true }), JSON.stringify(bad)).toBe(true);
    }
  });

  it('keeps ordinary text in every script, emoji (surrogate pairs) and, in multi-line text, tabs and line breaks', () => {
    for (const good of ['Mật ong rừng', 'น้ำผึ้งป่า', 'Gia Phú — 2026', '🐝🍯', 'ข้าว 5 กก.']) expect(hasForbiddenCharacters(good)).toBe(false);
    expect(hasForbiddenCharacters('line one\r\nline two\tend', { multiline: true })).toBe(false);
    expect(hasForbiddenCharacters('line one\nline two')).toBe(true);
  });

  it('decodes a path segment, or says it cannot be decoded', () => {
    expect(decodeSegment('gia-ph%C3%BA')).toBe('gia-phú');
    for (const bad of ['%ZZ', '%', '%E0%A4%A', '%ED%A0%80']) expect(decodeSegment(bad)).toBeNull();
  });

  it('finds what is wrong with an address: undecodable path, control characters in path or query', () => {
    const problem = (path: string) => urlProblem(new URL(path, 'http://baan.test'));
    expect(problem('/%ZZ')).toEqual({ kind: 'undecodable', in: 'path' });
    expect(problem('/%E0%A4%A')).toEqual({ kind: 'undecodable', in: 'path' });
    expect(problem('/gia-phu/market/%00')).toEqual({ kind: 'forbidden', in: 'path' });
    expect(problem('/%09')).toEqual({ kind: 'forbidden', in: 'path' });
    expect(problem('/?q=%00')).toEqual({ kind: 'forbidden', in: 'query' });
    expect(problem('/market?q=%ED%A0%80')).toEqual({ kind: 'forbidden', in: 'query' });
    expect(problem('/?%00=x')).toEqual({ kind: 'forbidden', in: 'query' });
    expect(problem('/gia-phu/handbook?q=%C4%91%E1%BA%B7c')).toBeNull();
    // A sign-in link's destination is left to safeRedirect, which falls back to the home page.
    expect(problem('/login?redirectTo=%2F%09%2Fevil.example')).toBeNull();
    expect(problem('/login?redirectTo=%2F&q=%00')).toEqual({ kind: 'forbidden', in: 'query' });
    expect(problem('/gia-phu/market/mat-ong?lng=vi&q=%25')).toBeNull();
  });
});

describe('readFormData', () => {
  const post = (body: string) => new Request('http://baan.test/x', { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

  it('refuses a form with a NUL or broken UTF-8 in a value or a field name, naming the field and keeping the rest of what was typed', async () => {
    for (const [body, field, kept] of [
      ['name=a%00b&story=Hello', 'name', 'ab'],
      ['name=M%E1%BA%ADt%ED%A0%80+ong&story=Hello', 'name', 'Mật ong'],
      ['story=Hello&na%00me=x', 'name', 'x'],
      ['story=Hello&name=%C3', 'name', ''],
    ] as const) {
      const { form, failure } = await readFormData(post(body), 1024);
      expect(failure?.errors, body).toEqual({ [field]: 'common:errors.invalidCharacters' });
      expect(failure?.values, body).toEqual({ name: kept, story: 'Hello' });
      expect(form.get(field), body).toBe(kept);
    }
  });

  it('never gives a password back, even when it held the forbidden character', async () => {
    const { failure } = await readFormData(post('email=a%40b.c&password=secret%00'), 1024);
    expect(failure).toEqual({ ok: false, errors: { password: 'common:errors.invalidCharacters' }, values: { email: 'a@b.c' } });
  });

  it('reads an ordinary form, line breaks and all', async () => {
    const { form, failure } = await readFormData(post('name=M%E1%BA%ADt+ong&story=a%0D%0Ab%09c'), 1024);
    expect(failure).toBeNull();
    expect(form.get('name')).toBe('Mật ong');
    expect(form.get('story')).toBe('a\r\nb\tc');
  });
});

describe('ids', () => {
  it('UUID_PATTERN takes a Postgres UUID and nothing shaped like one', () => {
    expect(UUID_PATTERN.test('573ef7b8-fa72-45d5-85e8-c641650f2d49')).toBe(true);
    for (const bad of [
      'a'.repeat(36),
      '-'.repeat(36),
      '573ef7b8fa7245d585e8c641650f2d49aaaa',
      '573ef7b8-fa72-45d5-85e8-c641650f2d4g',
      ' 573ef7b8-fa72-45d5-85e8-c641650f2d49x',
    ]) {
      expect(UUID_PATTERN.test(bad), bad).toBe(false);
    }
  });

  it('the shared id schemas refuse 36 a’s; the optional one takes nothing as null', () => {
    expect(uuid().safeParse('a'.repeat(36)).success).toBe(false);
    expect(uuid().safeParse('573ef7b8-fa72-45d5-85e8-c641650f2d49').success).toBe(true);
    expect(optionalUuid().safeParse('').data).toBeNull();
    expect(optionalUuid().safeParse('a'.repeat(36)).success).toBe(false);
  });

  it('an event’s placeId shaped like a UUID but not one is a field error', () => {
    const result = eventInputSchema('vi', '2026-01-01').safeParse({
      title: { vi: 'Lễ hội' },
      description: {},
      startsOn: '2026-05-01',
      endsOn: '2026-05-02',
      placeId: 'a'.repeat(36),
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['placeId']);
    // The same message as a place of another commune (events.server.ts), not a generic one.
    expect(result.error!.issues[0]!.message).toBe('tourism:errors.placeUnknown');
  });
});

describe('revision numbers sent back by a form', () => {
  it('takes a whole number a revision can have, and nothing the database would fail on', () => {
    expect(revisionNumber('3')).toBe(3);
    expect(revisionNumber(' 12 ')).toBe(12);
    // Found by the fuzzer: Number() took these to the query, which failed (500).
    for (const bad of ['1041316342937949133610105', '2147483648', '1e3', '0', '-1', '1.5', '', null, 'NaN'])
      expect(revisionNumber(bad), String(bad)).toBeNull();
  });
});

describe('display names', () => {
  const signUp = (displayName: string) => SignUpSchema.safeParse({ identifier: 'name@baan.test', password: 'a-long-password', displayName });
  const messageOf = (displayName: string) => {
    const result = signUp(displayName);
    return result.success ? null : result.error.issues[0]!.message;
  };

  it('normalises: NFC, one space between words, trimmed', () => {
    expect(normaliseName('  Lê\u00A0\u00A0 Văn\u3000Tám ')).toBe('Lê Văn Tám');
    // "Lê" typed with a combining circumflex is stored composed.
    const result = signUp('Le\u0302 Thi\u0323 Hoa');
    expect(result.data?.displayName).toBe('Lê Thị Hoa');
    expect(result.data?.displayName).toBe('Lê Thị Hoa'.normalize('NFC'));
  });

  it('refuses zero-width non-joiner, a joiner outside an emoji, soft hyphen, bidi override, control characters and blank letters (Hangul filler, braille blank)', () => {
    for (const name of [
      'Ho\u200Ca',
      'Ho\u200Da',
      'Hoa\u200D',
      '\u200DHoa',
      'Ho\u00ADa',
      '\u202EaoH',
      'Hoa\u2066x\u2069',
      'Ho\u0007a',
      'Hoa\nAdmin',
      'Hoa\u3164',
      '\u3164',
      '\u2800\u2800',
      'Hoa \u{E0067}\u{E007F}',
    ]) {
      expect(messageOf(name), JSON.stringify(name)).toBe('common:displayName.controlCharacters');
    }
  });

  it('drops a zero-width space, word joiner or BOM pasted along with a name', () => {
    expect(signUp('Somchai\u200BJaidee\uFEFF').data?.displayName).toBe('SomchaiJaidee');
    expect(signUp('\uFEFFHoa\u2060').data?.displayName).toBe('Hoa');
    expect(normaliseName('สม\u200Bชาย')).toBe('สมชาย');
    expect(messageOf('\u200B')).toBe('auth:errors.displayNameRequired');
  });

  it('keeps emoji made of joined pictographs, skin tones, subdivision flags, and emoji newer than Node’s Unicode tables', () => {
    for (const name of ['Hoa 👩‍🌾', 'Bếp 👨🏽‍🍳 Tư', 'Hoa ❤️‍🔥', 'Megan 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}', 'Hoa \u{1FAE8}']) {
      expect(messageOf(name), JSON.stringify(name)).toBeNull();
    }
  });

  it('refuses a name with no visible letter or number', () => {
    for (const name of ['...', '- -', '\u0301\u0301', '🙂', '👩‍🌾']) expect(messageOf(name), JSON.stringify(name)).toBe('common:displayName.invisible');
    expect(messageOf('   ')).toBe('auth:errors.displayNameRequired');
  });

  it('refuses staff titles however they are written (case, diacritics, spacing, punctuation)', () => {
    for (const name of ['Ban quản trị', 'BAN QUAN TRI', 'ban  quản  trị.', 'Quản trị viên', 'Admin', 'A.d.m.i.n', 'ผู้ดูแลระบบ', 'Baan Support']) {
      expect(messageOf(name), name).toBe('common:displayName.reserved');
    }
    expect(foldName('Ban Quản Trị')).toBe(foldName('ban quan tri'));
  });

  it('refuses a staff or village title anywhere in the name as whole words, and a Thai one at the start of a word', () => {
    for (const name of [
      'Ban quản trị xã Tả Van',
      'UBND xã Gia Phú',
      'Ủy ban nhân dân xã Gia Phú',
      'Chủ tịch xã Nguyễn Văn A',
      'Trưởng thôn Lê Văn Tám',
      'Admin Nguyễn Văn A',
      'Hoa (Admin)',
      'Moderator Hoa',
      'Administrator',
      'Baan',
      'ผู้ใหญ่บ้านสมชาย',
      'กำนัน สมศักดิ์',
      'สมชาย กำนันตำบล',
    ]) {
      expect(messageOf(name), name).toBe('common:displayName.reserved');
    }
  });

  it('refuses a name mixing Latin letters with Cyrillic or Greek look-alikes', () => {
    for (const name of ['\u0410dmin', 'Ho\u0430', 'Nguy\u0435n Van A', 'B\u03B1an'])
      expect(messageOf(name), JSON.stringify(name)).toBe('common:displayName.mixedScripts');
    // One alphabet is a name: Cyrillic or Greek alone.
    for (const name of ['Анна Петрова', 'Νίκος']) expect(messageOf(name), name).toBeNull();
  });

  it('keeps real names in Vietnamese, Thai and English, and names where a title is only part of a word', () => {
    for (const name of [
      'Lương Thị Hoa',
      'สมชาย ใจดี',
      'Mary-Jane O’Neil',
      'Bà Tư',
      'Hợp tác xã Quế Gia Phú',
      'An 2',
      'Quân Trịnh',
      'Staffan Berg',
      'Adminah Yusuf',
      'บ้านสวน',
      // Words that pass for staff only as the whole name are ordinary inside one (baan is "home" in Thai).
      'Baan Rak Thai Tea',
      'Tour Operator Sa Pa',
      'HTX Hỗ trợ nông dân Tả Van',
      'Support Coffee',
    ]) {
      expect(messageOf(name), name).toBeNull();
      expect(nameProblem(normaliseName(name))).toBeNull();
    }
    expect(messageOf('x'.repeat(81))).toBe('auth:errors.displayNameTooLong');
  });
});
