import { describe, expect, it } from 'vitest';
import { fitSms, isGsm7, normalizeSms, segmentCount, smsLength, stripVietnameseDiacritics } from '~/delivery/sms-text.ts';

describe('Vietnamese SMS: no diacritics, GSM-7', () => {
  it('removes every diacritic, đ and Đ included', () => {
    expect(stripVietnameseDiacritics('Đơn hàng của chị đã được giao. Cảm ơn!')).toBe('Don hang cua chi da duoc giao. Cam on!');
    expect(stripVietnameseDiacritics('Ờ, ỷ, ữ, ặ, ố, ự, Ỳ, Ẫ')).toBe('O, y, u, a, o, u, Y, A');
  });

  it('fits a verification code in one GSM-7 segment', () => {
    const fitted = fitSms('Mã xác minh Baan của bạn là 482913. Mã có hiệu lực trong 10 phút. Đừng chia sẻ mã này với ai.', 'vi');
    expect(fitted).toEqual({
      text: 'Ma xac minh Baan cua ban la 482913. Ma co hieu luc trong 10 phut. Dung chia se ma nay voi ai.',
      encoding: 'gsm7',
      segments: 1,
      length: 93,
      shortened: false,
    });
  });

  it('turns curly quotes and dashes into ASCII so one of them does not make the whole SMS UCS-2', () => {
    const fitted = fitSms('Sản phẩm “Mật ong bạc hà” — đã được duyệt…', 'vi');
    expect(fitted.text).toBe('San pham "Mat ong bac ha" - da duoc duyet...');
    expect(fitted.encoding).toBe('gsm7');
  });

  it('counts a long message in 153-character parts', () => {
    const line = 'Don hang moi tu Ta Van: 2 hu mat ong bac ha, giao den Sa Pa. ';
    const text = line.repeat(4).trim(); // 243 characters
    const fitted = fitSms(text, 'vi');
    expect(fitted.length).toBe(text.length);
    expect(fitted.segments).toBe(2);
  });

  it('counts the GSM-7 extension characters as two', () => {
    expect(isGsm7('Giá: 100€ [mới]')).toBe(false); // á
    expect(smsLength('100€ [moi]', 'gsm7')).toBe(13);
  });
});

describe('Thai SMS: UCS-2', () => {
  it('stays Thai and counts UTF-16 units, 70 in one segment', () => {
    const fitted = fitSms('รหัสยืนยัน Baan ของคุณคือ 482913 ใช้ได้ 10 นาที', 'th');
    expect(fitted.encoding).toBe('ucs2');
    expect(fitted.text).toBe('รหัสยืนยัน Baan ของคุณคือ 482913 ใช้ได้ 10 นาที');
    expect(fitted.length).toBe(fitted.text.length);
    expect(fitted.segments).toBe(1);
  });

  it('takes 67 characters a part beyond 70', () => {
    const text = 'มีคำสั่งซื้อใหม่จากตำบลแม่แตง: น้ำผึ้งป่า 2 ขวด กรุณายืนยันคำสั่งซื้อภายในวันนี้';
    const fitted = fitSms(text, 'th');
    expect(fitted.length).toBeGreaterThan(70);
    expect(fitted.segments).toBe(Math.ceil(fitted.length / 67));
    expect(segmentCount(70, 'ucs2')).toBe(1);
    expect(segmentCount(71, 'ucs2')).toBe(2);
    expect(segmentCount(134, 'ucs2')).toBe(2);
    expect(segmentCount(135, 'ucs2')).toBe(3);
  });

  it('shortens at a Thai word boundary and keeps the link at the end whole', () => {
    const body = 'เจ้าของที่พักตอบคำถามของคุณเกี่ยวกับห้องพักในหมู่บ้านแม่กำปองแล้ว '.repeat(4);
    const link = 'https://baan.example.org/mae-kampong/tourism/inquiries/9f2c';
    const fitted = fitSms(`${body} ${link}`, 'th', { maxSegments: 2 });
    expect(fitted.shortened).toBe(true);
    expect(fitted.segments).toBe(2);
    expect(fitted.length).toBeLessThanOrEqual(134);
    expect(fitted.text.endsWith(`... ${link}`)).toBe(true);
    // The cut falls between words, not inside one: what is kept is a prefix ending at a word's end.
    const kept = fitted.text.slice(0, fitted.text.indexOf('...'));
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(body)].map((s) => s.index + s.segment.length);
    expect(words).toContain(kept.length);
  });
});

describe('shortening', () => {
  it('cuts Vietnamese at a space when over the segment limit', () => {
    const text = 'Nhà nghỉ Bản Hồ đã trả lời câu hỏi của bạn về phòng cho 4 người vào cuối tuần này. '.repeat(3);
    const fitted = fitSms(text, 'vi', { maxSegments: 1 });
    expect(fitted.shortened).toBe(true);
    expect(fitted.segments).toBe(1);
    expect(fitted.length).toBeLessThanOrEqual(160);
    expect(fitted.text).toMatch(/^Nha nghi Ban Ho da tra loi .*[a-z0-9]\.\.\.$/);
    expect(normalizeSms(text, 'vi').startsWith(fitted.text.slice(0, -3))).toBe(true);
  });

  it('keeps the stop line whole after the link, without diacritics, however much of the text goes', () => {
    const link = 'https://baan.example.org/ban-ho/tourism/homestay-may';
    const stop = 'Từ chối nhận tin này: https://baan.example.org/unsubscribe/AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    const text = `${'Nhà nghỉ Mây đã trả lời câu hỏi của bạn: còn phòng đôi cuối tuần. '.repeat(8)} ${link}`;
    const fitted = fitSms(text, 'vi', { maxSegments: 2, keep: stop });
    expect(fitted).toMatchObject({ shortened: true, segments: 2, encoding: 'gsm7' });
    expect(fitted.length).toBeLessThanOrEqual(306);
    expect(fitted.text.endsWith(`... ${link} Tu choi nhan tin nay: https://baan.example.org/unsubscribe/AbCdEfGhIjKlMnOpQrStUvWxYz012345`)).toBe(true);
    // Short enough: the stop line simply follows the text.
    expect(fitSms(`Xin chào ${link}`, 'vi', { keep: stop }).text).toBe(
      `Xin chao ${link} Tu choi nhan tin nay: https://baan.example.org/unsubscribe/AbCdEfGhIjKlMnOpQrStUvWxYz012345`,
    );
  });

  it('keeps the stop line alone when it and the closing link cannot both fit (Thai, a long link)', () => {
    const link = `https://baan.example.org/mae-kampong/tourism/${'homestay-'.repeat(14)}`;
    const stop = 'หยุดรับข้อความประเภทนี้: https://baan.example.org/unsubscribe/AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    const fitted = fitSms(`${'เจ้าของที่พักตอบคำถามของคุณแล้ว '.repeat(6)} ${link}`, 'th', { maxSegments: 3, keep: stop });
    expect(fitted).toMatchObject({ shortened: true, encoding: 'ucs2' });
    expect(fitted.segments).toBeLessThanOrEqual(3);
    expect(fitted.text.endsWith(`... ${stop}`)).toBe(true);
    expect(fitted.text).not.toContain(link);
  });

  it('leaves a message that fits as it is', () => {
    expect(fitSms('Hello from Baan', 'en', { maxSegments: 1 })).toMatchObject({ text: 'Hello from Baan', shortened: false, segments: 1 });
  });
});
