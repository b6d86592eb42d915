import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { createCache } from '~/lib/cache.server.ts';

// Raw HTML in Markdown is not rendered at all (html: false), and markdown-it refuses
// javascript:/vbscript:/file: links; sanitize-html then keeps only a known set of tags and
// attributes as a second wall. Whatever an editor types, the result is inert.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED_TAGS = [
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'code',
  'pre',
  'blockquote',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

function sanitize(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
      th: ['align'],
      td: ['align'],
      ol: ['start'],
    },
    allowedSchemes: ['https', 'http', 'mailto', 'tel', 'zalo'],
    // Images only from Baan's own media (uploaded in the editor): a picture from another site
    // would tell that site who reads the article, would not be there offline, and the
    // Content-Security-Policy (img-src 'self') would block it anyway.
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    transformTags: {
      // Headings start at h2: the article title is the page's h1.
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        const external = /^https?:\/\//i.test(href);
        return {
          tagName,
          attribs: external ? { ...attribs, rel: 'noopener nofollow', target: '_blank' } : { href, ...(attribs.title ? { title: attribs.title } : {}) },
        };
      },
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
    },
  });
}

// Rendering and sanitising is the costliest part of an article page; the same text always gives
// the same HTML, so recent results are kept (per process, bounded).
const rendered = createCache<string, string>('handbook.markdown', { max: 500 });

/** Markdown written by an editor, as safe HTML for the reader. */
export function renderMarkdown(markdown: string): string {
  return rendered.remember(markdown, () => sanitize(md.render(markdown)));
}
