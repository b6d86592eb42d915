import type { Locale } from '~/i18n/config.ts';
import en from '../../locales/en/delivery.json';
import th from '../../locales/th/delivery.json';
import vi from '../../locales/vi/delivery.json';
import type { MailJob } from './messages.ts';

/**
 * A mail job laid out as an e-mail: one small HTML part (a table of one column, inline styles,
 * readable without images, `lang` and `dir` set, every text escaped) and the same words as plain
 * text. The sender wrote the words in the reader's language; the fixed words around them (footer,
 * unsubscribe) come from locales/{locale}/delivery.json. No i18next here: the job runner renders
 * mail outside any request.
 */

const TEXTS: Record<Locale, typeof en> = { en, vi, th };

export type RenderedMail = { html: string; text: string };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A URL for an href: only http(s), escaped (the schema already requires a URL; this refuses `javascript:`). */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? escapeHtml(parsed.toString()) : null;
  } catch {
    return null;
  }
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

/** Whether the mail must carry an unsubscribe link and the List-Unsubscribe headers. */
export const unsubscribeUrlOf = (mail: MailJob): string | null => (!mail.essential && mail.unsubscribeUrl ? mail.unsubscribeUrl : null);

export function renderMail(mail: MailJob): RenderedMail {
  const words = TEXTS[mail.locale].mail;
  const unsubscribe = unsubscribeUrlOf(mail);
  const action = mail.action ? { label: mail.action.label, href: safeHref(mail.action.url) } : null;

  const paragraphs = mail.lines.map((line) => `<p style="margin:0 0 16px 0;">${escapeHtml(line).replace(/\r?\n/g, '<br>')}</p>`).join('\n');
  const button = action?.href
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px 0;"><tr><td style="border-radius:6px;background:#1f6f43;">` +
      `<a href="${action.href}" style="display:inline-block;padding:12px 20px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(action.label)}</a>` +
      `</td></tr></table>\n<p style="margin:0 0 16px 0;font-size:13px;color:#555555;word-break:break-all;">${action.href}</p>`
    : '';
  const footer = [
    `<p style="margin:0 0 8px 0;">${escapeHtml(words.sentBy)}</p>`,
    unsubscribe
      ? `<p style="margin:0;"><a href="${safeHref(unsubscribe) ?? ''}" style="color:#555555;">${escapeHtml(words.unsubscribe)}</a></p>`
      : `<p style="margin:0;">${escapeHtml(words.essential)}</p>`,
  ].join('\n');

  const html = `<!DOCTYPE html>
<html lang="${mail.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(mail.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f0;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f0;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border-radius:8px;">
<tr><td style="padding:24px;font-family:Arial,'Noto Sans','Noto Sans Thai',sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;">
<p style="margin:0 0 16px 0;font-size:14px;font-weight:bold;color:#1f6f43;">Baan</p>
<h1 style="margin:0 0 16px 0;font-size:20px;line-height:1.3;">${escapeHtml(mail.subject)}</h1>
${paragraphs}
${button}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e0e0da;font-family:Arial,'Noto Sans','Noto Sans Thai',sans-serif;font-size:13px;line-height:1.5;color:#555555;">
${footer}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

  const text = [
    mail.subject,
    '',
    ...mail.lines.flatMap((line) => [line, '']),
    ...(mail.action ? [fill(words.actionText, { label: mail.action.label, url: mail.action.url }), ''] : []),
    '-- ',
    words.sentBy,
    unsubscribe ? fill(words.unsubscribeText, { url: unsubscribe }) : words.essential,
    '',
  ].join('\n');

  return { html, text };
}
