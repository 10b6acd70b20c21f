import { escapeHtml } from '@lianqiao/card';
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'u', 'ul', 'ol', 'li'],
  allowedAttributes: {},
  allowedSchemes: [],
  disallowedTagsMode: 'discard',
  // Dropped with everything inside them, not just their tags.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'template',
    'svg',
    'math',
  ],
};

/**
 * Advantages and policies as stored: HTML with a small whitelist of tags and no attributes.
 * Plain text (no tags at all, as from a textarea) becomes one paragraph per line.
 */
export function sanitizeRichText(input: string): string {
  const html = /<[a-z!/]/i.test(input)
    ? input
    : input
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join('');
  return sanitizeHtml(html, OPTIONS).trim();
}
