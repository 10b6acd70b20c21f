/**
 * Escaping for the card page. Everything that came from a user passes through one of these before
 * it reaches the HTML string; nothing here needs Node or a DOM, so the console's preview uses the
 * very same functions.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

/** Tags that rich text (advantages, policies) may keep, all without attributes. */
const RICH_TAGS = new Set(['p', 'br', 'strong', 'em', 'b', 'i', 'u', 'ul', 'ol', 'li']);
const VOID_TAGS = new Set(['br']);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;

/**
 * Re-checks sanitised rich text right before it is drawn: only the whitelisted tags survive, always
 * without attributes, balanced; every other tag is dropped and every other character escaped. The
 * server already cleans this text on save (sanitize-html); this second pass means the page stays
 * safe whatever reaches the renderer, the console's unsaved preview included.
 */
export function safeRichText(html: string | null | undefined): string {
  if (!html) return '';
  const out: string[] = [];
  const open: string[] = [];
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    out.push(escapeText(html.slice(last, match.index)));
    last = match.index + match[0].length;
    const name = match[1].toLowerCase();
    if (!RICH_TAGS.has(name)) continue;
    if (VOID_TAGS.has(name)) {
      if (!match[0].startsWith('</')) out.push('<br>');
      continue;
    }
    if (match[0].startsWith('</')) {
      const at = open.lastIndexOf(name);
      if (at === -1) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
    } else {
      open.push(name);
      out.push(`<${name}>`);
    }
  }
  out.push(escapeText(html.slice(last)));
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

/** Escapes text between tags, keeping well-formed character references (`&amp;`, `&#8451;`) as they are. */
function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '&') {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(text);
      if (entity) {
        out += entity[0];
        i += entity[0].length - 1;
        continue;
      }
    }
    out += HTML_ESCAPES[c] ?? c;
  }
  return out;
}

/** Plain text of rich text, for meta descriptions and share texts. */
export function plainText(html: string | null | undefined): string {
  if (!html) return '';
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
