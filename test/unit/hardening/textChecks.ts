// Checks of text shown outside the panels, shared by the unit tests and the integration tests (bundled by
// esbuild.tests.js): Markdown tooltips rendered by a CommonMark + GFM-autolink parser, VS Code's notification
// link syntax, theme-icon syntax and control characters.
import { Marked, type Token, type Tokens } from 'marked';

// VS Code 1.100 renders a MarkdownString with marked (GFM on: autolinks for www., http(s):// and e-mail
// addresses), then, when theme icons are supported, scans the RENDERED HTML string for $(name)
// (vs/base/browser/markdownRenderer.ts, renderLabelWithIcons in vs/base/browser/ui/iconLabel/iconLabels.ts); an
// escaped \$(name) then shows as "$(name)", its backslash lost. These checks do the same with the same library.
const marked = new Marked();

// C0/C1 controls (tab included: labels are one line), bidi embeddings/overrides/isolates, line separators.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Our own theme icons (src/text/markdown.ts OwnIcon): the only `$(name)` a tooltip may render. */
export const OWN_MARKDOWN_ICONS = ['warning', 'error', 'pass-filled', 'clock', 'circle-slash', 'circle-outline', 'person', 'key'];

/** Tokens that only carry text or line breaks: anything else is structure. */
const TEXT_TOKENS = new Set(['paragraph', 'text', 'escape', 'br', 'space']);
/** Structure a tooltip builder adds itself around data (bold titles, the rule above a message). */
const OWN_STRUCTURE = new Set(['strong', 'hr']);

const ICON_IN_HTML = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;
const ICON_IN_SOURCE = /(?<!\\)\$\(([a-z][a-z0-9-]*)\)/g;

function tokensOf(source: string): Token[] {
  const out: Token[] = [];
  void marked.walkTokens(marked.lexer(source), (t) => { out.push(t); });
  return out;
}

/** The HTML string VS Code scans for theme icons (its html renderer drops raw HTML when supportHtml is off). */
export function renderedHtml(source: string): string {
  // VS Code's preprocessing with theme icons on (markdownEscapeEscapedIcons): \$(x) stays an escaped icon
  const value = source.replace(/\\\$\(/g, '\\\\$(');
  return marked.parse(value, { async: false, renderer: Object.assign(new marked.Renderer(), { html: () => '' }) }) as string;
}

/**
 * The structure of a tooltip as VS Code's renderer sees it: every token that is not text, and the icons it would
 * draw. Two tooltips built from different data must have the same structure.
 */
export function markdownStructure(source: string): string[] {
  const tokens = tokensOf(source).filter((t) => !TEXT_TOKENS.has(t.type)).map((t) => t.type);
  const icons = [...renderedHtml(source).matchAll(ICON_IN_HTML)].map((m) => `icon ${m[1] ? '(escaped) ' : ''}${m[2]}`);
  return [...tokens, ...icons];
}

/**
 * Problems of a tooltip's Markdown source: anything from data that renders as a link (autolinks, mailto: and
 * www. included), image, HTML, heading, list, quote, table, code, emphasis or a theme icon, and controls.
 */
export function markdownProblems(source: string): string[] {
  const problems: string[] = [];
  for (const t of tokensOf(source)) {
    if (TEXT_TOKENS.has(t.type) || OWN_STRUCTURE.has(t.type)) continue;
    const href = (t as Tokens.Link).href;
    problems.push(href ? `${t.type} to ${href}` : t.type === 'html' ? `HTML ${JSON.stringify(t.raw.slice(0, 40))}` : t.type);
  }
  const own = [...source.matchAll(ICON_IN_SOURCE)].filter((m) => OWN_MARKDOWN_ICONS.includes(m[1])).length;
  const drawn = [...renderedHtml(source).matchAll(ICON_IN_HTML)];
  if (drawn.length !== own) problems.push(`${drawn.length - own} theme icon syntax from data: ${drawn.map((m) => m[0]).join(' ')}`);
  if (CONTROLS.test(source.replace(/\n/g, ''))) problems.push('control or direction character');
  return [...new Set(problems)];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** The text a user reads in the rendered Markdown (tags dropped, references decoded, whitespace collapsed). */
export function renderedText(source: string): string {
  return renderedHtml(source)
    .replace(ICON_IN_HTML, (_m, escaped: string | undefined, name: string) => (escaped ? `$(${name})` : ' '))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
      if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#') && ref !== '#39') return String.fromCodePoint(Number(ref.slice(1)));
      return NAMED[ref] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * VS Code renders `[label](target)` in notification messages as a link (vs/base/common/linkedText.ts):
 * http(s), command: and file: targets.
 */
export const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

/** Quick pick labels, descriptions and details render `$(name)` as an icon unless escaped as `\$(name)`. */
export function unescapedIcons(text: string, ownIcons: readonly string[] = []): boolean {
  let rest = text;
  for (const icon of ownIcons) rest = rest.split(icon).join('');
  return /(^|[^\\])\$\([a-z0-9-~]+\)/i.test(rest);
}
