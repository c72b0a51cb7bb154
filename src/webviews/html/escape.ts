// Escaping untrusted text for HTML. Pure; used for every string that comes from an API or a visitor.

const SPECIAL_RE = /[&<>"'`]/g;
const SPECIAL_TEST_RE = /[&<>"'`]/;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes `& < > " ' \``, so that the result is inert both as element text and inside a quoted attribute
 * value. Every other character (any Unicode, controls included) is passed through unchanged: the text is
 * shown to the user exactly as it was written, never interpreted.
 */
export function escapeHtml(value: unknown): string {
  if (value === undefined || value === null) return '';
  const s = typeof value === 'string' ? value : String(value);
  return SPECIAL_TEST_RE.test(s) ? s.replace(SPECIAL_RE, (c) => ENTITIES[c]) : s;
}
