import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '~/handbook/markdown.server.ts';

// Payloads in the spirit of the OWASP XSS filter evasion cheat sheet, as an editor might paste them.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](java\u0000script:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<body onload=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<details open ontoggle=alert(1)>',
  '"><script>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '[x](https://example.vn "title\\" onmouseover=alert(1) x=\\"")',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
];

describe('Markdown sanitiser', () => {
  for (const payload of PAYLOADS) {
    it(`renders inert: ${payload.slice(0, 60)}`, () => {
      const html = renderMarkdown(`Xin chào\n\n${payload}\n\nTạm biệt`);
      // Whatever survives as text is escaped; what matters is the real tags and attributes.
      const tags = html.match(/<[^>]+>/g) ?? [];
      for (const tag of tags) {
        expect(tag).toMatch(/^<\/?(p|a|img|strong|em|h2|br)[\s>]/);
        // Attribute names outside quoted values (a quote inside a value is escaped as &quot;).
        expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
        expect(tag).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|vbscript|data):/i);
        expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/style=/i);
      }
      expect(html).toContain('Xin chào');
      expect(html).toContain('Tạm biệt');
    });
  }

  it('keeps ordinary Markdown and marks external links noopener nofollow', () => {
    const html = renderMarkdown('## Bước 1\n\n- Mở **VNeID**\n- Vào [Cổng dịch vụ công](https://dichvucong.gov.vn)\n\n[Liên hệ](/ta-van/contacts)');
    expect(html).toContain('<h2>Bước 1</h2>');
    expect(html).toContain('<strong>VNeID</strong>');
    expect(html).toContain('<a href="https://dichvucong.gov.vn" rel="noopener nofollow" target="_blank">Cổng dịch vụ công</a>');
    expect(html).toContain('<a href="/ta-van/contacts">Liên hệ</a>');
  });

  it('keeps images from Baan’s own media only, lazily loaded', () => {
    expect(renderMarkdown('![Nhà văn hóa](/media/ab/abcdefghijklmnopqrstuvwxyz-640.webp)')).toContain(
      '<img src="/media/ab/abcdefghijklmnopqrstuvwxyz-640.webp" alt="Nhà văn hóa" loading="lazy" />',
    );
    // Another site's picture would track readers and is blocked by the CSP's img-src 'self'.
    expect(renderMarkdown('![x](http://insecure.example/x.png)')).not.toContain('src="http:');
    expect(renderMarkdown('![x](https://tracker.example/x.png)')).not.toContain('tracker.example');
    expect(renderMarkdown('![x](//tracker.example/x.png)')).not.toContain('tracker.example');
  });

  it('turns a top-level heading into h2 (the page title is the h1)', () => {
    expect(renderMarkdown('# Tiêu đề')).toBe('<h2>Tiêu đề</h2>\n');
  });
});
