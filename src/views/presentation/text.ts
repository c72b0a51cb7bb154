// Making untrusted text safe to show. Pure and cheap: runs for every tree item.

// C0/C1 controls (except tab/newline handled separately), bidi embeddings/overrides/isolates, marks.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WS_RE = /\s+/g;

export const MAX_LABEL = 200;

// Anything plainText must change: controls, direction marks, unusual whitespace, doubled or edge spaces.
// eslint-disable-next-line no-control-regex -- detecting control characters is the point
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u00a0\u061c\u1680\u2000-\u200f\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff]| {2}|^ | $/;

/** One line of plain text for labels and descriptions: no controls, no direction overrides, collapsed whitespace, capped length. */
export function plainText(value: unknown, max = MAX_LABEL): string {
  if (value === undefined || value === null) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (s.length <= max && !NEEDS_CLEANING.test(s)) return s; // the common case: nothing to do
  if (s.length > max * 4) s = s.slice(0, max * 4);
  s = s.replace(CONTROL_RE, '').replace(WS_RE, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// Inside one line that starts with our own text ("E-mail: …"), these are all the characters that can make
// Markdown structure: emphasis, code, links and images, HTML and entities, autolinks (":"), strikethrough,
// tables, theme icons ("$("), escapes. Multi-line text also escapes what is special at a line start.
const MD_INLINE_RE = /[\\`*_{}[\]()<>&~|:$]/g;
const MD_INLINE_TEST = /[\\`*_{}[\]()<>&~|:$]/;
const MD_LINE_START_RE = /^([#>+\-=!])/;
const MD_ORDERED_LIST_RE = /^(\d{1,9})([.)])/;
const MD_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
const escapeChar = (c: string): string => MD_ESCAPES[c] ?? `\\${c}`;

/**
 * Escapes text for a MarkdownString that is not trusted and does not support HTML: every Markdown and
 * HTML metacharacter is neutralised, so data can neither format, link (no `command:` links, no autolinks)
 * nor inject markup. Line breaks are kept as Markdown hard breaks when `multiline`.
 */
export function escapeMarkdown(value: unknown, max = 2000, multiline = false): string {
  if (value === undefined || value === null) return '';
  let s = typeof value === 'string' ? value : String(value);
  let cut = false;
  if (s.length > max) { s = s.slice(0, max); cut = true; }
  if (!multiline) {
    s = plainText(s, max);
    if (MD_INLINE_TEST.test(s)) s = s.replace(MD_INLINE_RE, escapeChar);
    return cut && !s.endsWith('…') ? `${s}…` : s;
  }
  s = s.replace(CONTROL_RE, '').replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ');
  s = s.replace(MD_INLINE_RE, escapeChar);
  s = s.split('\n').map((l) => l.trim().replace(MD_LINE_START_RE, '\\$1').replace(MD_ORDERED_LIST_RE, '$1\\$2')).join('  \n');
  return cut ? `${s}…` : s.trim();
}

// Made on first use: creating an Intl formatter costs ~10 ms of ICU start-up, which activation must not pay.
let numberFormat: Intl.NumberFormat | undefined;
export function formatCount(n: number): string {
  return (numberFormat ??= new Intl.NumberFormat('en-US')).format(n);
}

/**
 * Text for a notification (showInformationMessage / showErrorMessage), which renders `[label](target)` as a
 * clickable link: one clean line, with link syntax broken so data can never add a link or a command link.
 */
export function notificationText(value: unknown, max = 500): string {
  return plainText(value, max).replace(/\]\s*\(/g, '] (').replace(/\[/g, '[\u200b');
}

/** A string as a piece of a TreeItem id: URI-encoded (no "/" collisions), lone surrogates replaced. Never throws. */
export function idPart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, (c, i: number, str: string) => {
      const code = c.charCodeAt(0);
      const pairedHigh = code <= 0xdbff && /[\udc00-\udfff]/.test(str[i + 1] ?? '');
      const pairedLow = code >= 0xdc00 && /[\ud800-\udbff]/.test(str[i - 1] ?? '');
      return pairedHigh || pairedLow ? c : `%u${code.toString(16)}`;
    }));
  }
}

/** Text for a quick pick label, description or detail, which render `$(name)` as an icon: one clean line, data's icon syntax escaped. */
export function quickPickText(value: unknown, max = MAX_LABEL): string {
  return plainText(value, max).replace(/\$\(/g, '\\$(');
}
