// Checks of text shown outside the panels, shared by the unit tests and the integration tests (bundled by
// esbuild.tests.js): Markdown tooltips rendered by a CommonMark + GFM-autolink parser, VS Code's notification
// link syntax, theme-icon syntax and control characters.
interface Token { type: string; content: string; children: Token[] | null; attrs: [string, string][] | null }
interface MarkdownRenderer { parse(src: string, env: object): Token[]; render(src: string): string; linkify: { add(schema: string, def: null): void } }
// markdown-it ships no types; it is in node_modules through @vscode/vsce.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => MarkdownRenderer;
/** As VS Code renders a MarkdownString with supportHtml false: no HTML; GFM autolinks on. */
const md = new MarkdownIt({ html: true, linkify: true });
// GFM autolinks (what VS Code's marked does): http(s)://, www. and e-mail addresses; not protocol-relative //host.
md.linkify.add('//', null);

/** A mailto: autolink of an e-mail address is the one link data may make (it opens the mail client). */
const harmlessLink = (href: string | undefined) => !!href && /^mailto:[^:/?#]+@[^:/?#]+$/i.test(href);

// C0/C1 controls (tab included: labels are one line), bidi embeddings/overrides/isolates, line separators.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flatten(t.children ?? [])]);
}

/** Problems of a tooltip's Markdown source: anything that renders as a link, image, HTML or a theme icon from data. */
export function markdownProblems(source: string, ownIcons: readonly string[] = []): string[] {
  const problems: string[] = [];
  const tokens = flatten(md.parse(source, {}));
  for (const t of tokens) {
    if (t.type === 'link_open' && !harmlessLink(t.attrs?.find((a) => a[0] === 'href')?.[1])) problems.push(`link to ${t.attrs?.find((a) => a[0] === 'href')?.[1]}`);
    if (t.type === 'image') problems.push('image');
    if (t.type === 'html_inline' || t.type === 'html_block') problems.push(`HTML ${JSON.stringify(t.content.slice(0, 40))}`);
  }
  // theme icons ($(name)) render in tooltips (supportThemeIcons): only our own may be unescaped
  let rest = source;
  for (const icon of ownIcons) rest = rest.split(icon).join('');
  if (/(^|[^\\])\$\(/.test(rest)) problems.push('unescaped $( from data');
  if (/command:/i.test(rest.replace(/command\\:/gi, ''))) problems.push('unescaped command:');
  if (CONTROLS.test(source.replace(/\n/g, ''))) problems.push('control or direction character');
  return problems;
}

/** The text a user reads in the rendered Markdown. */
export function renderedText(source: string): string {
  return md.render(source)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
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
