import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMail } from '~/delivery/mail-render.ts';
import type { MailJob } from '~/delivery/messages.ts';
import { mailHeaders } from '~/delivery/transports.server.ts';
import { unsubscribeUrlOf } from '~/delivery/mail-render.ts';

const order: MailJob = {
  ref: 'event-1:order.placed:seller-1:mail',
  to: 'chi.hoa@example.org',
  locale: 'vi',
  subject: 'Đơn hàng mới: 2 hũ mật ong',
  lines: ['Chị Hoa ơi, có đơn hàng mới từ Tả Van.', 'Người mua: <b>Minh</b> & "bạn"'],
  action: { label: 'Xem đơn hàng', url: 'https://baan.example.org/ta-van/market/orders/B-1234' },
  essential: false,
  unsubscribeUrl: 'https://baan.example.org/unsubscribe/tok123',
};

describe('renderMail', () => {
  it('writes the HTML part in the reader’s language, with its fixed words from locales/vi/delivery.json', () => {
    const { html } = renderMail(order);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi" dir="ltr">/);
    expect(html).toContain('<title>Đơn hàng mới: 2 hũ mật ong</title>');
    expect(html).toContain('Chị Hoa ơi, có đơn hàng mới từ Tả Van.');
    expect(html).toContain('Thư này được gửi từ Baan, trang web của xã bạn.');
    expect(html).toContain('>Ngừng nhận các thư này</a>');
  });

  it('escapes every text it is given, so a name cannot add markup', () => {
    const { html } = renderMail(order);
    expect(html).toContain('Người mua: &lt;b&gt;Minh&lt;/b&gt; &amp; &quot;bạn&quot;');
    expect(html).not.toContain('<b>Minh</b>');
    expect(escapeHtml(`<script>alert('x')</script>`)).toBe('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
  });

  it('shows the action as a button and as a visible link', () => {
    const { html } = renderMail(order);
    expect(html).toContain('<a href="https://baan.example.org/ta-van/market/orders/B-1234" style=');
    expect(html).toContain('>Xem đơn hàng</a>');
  });

  it('refuses a javascript: action link rather than make it a button', () => {
    const { html, text } = renderMail({ ...order, action: { label: 'Open', url: 'javascript:alert(1)' } });
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('>Open</a>');
    expect(text).toContain('Open: javascript:alert(1)'); // plain text is inert
  });

  it('writes a plain-text part with the subject, the lines, the action’s URL and the unsubscribe URL', () => {
    const { text } = renderMail(order);
    expect(text).toBe(
      [
        'Đơn hàng mới: 2 hũ mật ong',
        '',
        'Chị Hoa ơi, có đơn hàng mới từ Tả Van.',
        '',
        'Người mua: <b>Minh</b> & "bạn"',
        '',
        'Xem đơn hàng: https://baan.example.org/ta-van/market/orders/B-1234',
        '',
        '-- ',
        'Thư này được gửi từ Baan, trang web của xã bạn.',
        'Để ngừng nhận các thư này, hãy mở: https://baan.example.org/unsubscribe/tok123',
        '',
      ].join('\n'),
    );
  });

  it('gives essential mail no unsubscribe link and no List-Unsubscribe headers, and says why it came', () => {
    const reset: MailJob = {
      ref: 'reset:1',
      to: 'somchai@example.org',
      locale: 'th',
      subject: 'ตั้งรหัสผ่านใหม่',
      lines: ['กดปุ่มด้านล่างเพื่อตั้งรหัสผ่านใหม่ ลิงก์นี้ใช้ได้ 30 นาที'],
      action: { label: 'ตั้งรหัสผ่านใหม่', url: 'https://baan.example.org/reset-password/abc' },
      essential: true,
      unsubscribeUrl: 'https://baan.example.org/unsubscribe/ignored',
    };
    const { html, text } = renderMail(reset);
    expect(html).toContain('<html lang="th"');
    expect(html).toContain('คุณได้รับอีเมลนี้เพราะเกี่ยวกับบัญชีหรือคำสั่งซื้อของคุณ');
    expect(html).not.toContain('unsubscribe');
    expect(text).not.toContain('unsubscribe');
    expect(unsubscribeUrlOf(reset)).toBeNull();
    expect(mailHeaders(unsubscribeUrlOf(reset))).toEqual({});
    expect(mailHeaders(unsubscribeUrlOf(order))).toEqual({
      'List-Unsubscribe': '<https://baan.example.org/unsubscribe/tok123>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('renders English without an action', () => {
    const { html, text } = renderMail({ ...order, locale: 'en', subject: 'Hello', lines: ['One line'], action: undefined });
    expect(html).toContain('<html lang="en"');
    expect(html).not.toContain('<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px');
    expect(text).toContain('To stop these e-mails, open: https://baan.example.org/unsubscribe/tok123');
  });
});
