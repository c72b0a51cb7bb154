// Parsing rendered panel HTML the way a browser would (parse5 implements the HTML spec's parser) and
// checking it for active content. Shared by the webview unit tests.
import type { DefaultTreeAdapterTypes as T } from 'parse5' with { 'resolution-mode': 'import' };
import type { PageContext } from '../../../../src/webviews/html/page';
import { contentSecurityPolicy } from '../../../../src/webviews/html/page';

export type Element = T.Element;
export type Document = T.Document;

type Parse5 = typeof import('parse5', { with: { 'resolution-mode': 'import' } });
let parser: Parse5 | undefined;

/** parse5 is an ES module; load it once (call from a mocha `before`). */
export async function loadParser(): Promise<void> {
  parser ??= await import('parse5');
}

export function parseHtml(html: string): Document {
  if (!parser) throw new Error('call loadParser() in a before() hook first');
  return parser.parse(html);
}

function isElement(node: T.Node): node is T.Element {
  return 'tagName' in node;
}

function childrenOf(node: T.Node): T.ChildNode[] {
  const children: T.ChildNode[] = 'childNodes' in node ? [...node.childNodes] : [];
  // <template> content is parsed into a separate fragment
  if (isElement(node) && node.tagName === 'template' && 'content' in node) children.push(...(node as T.Template).content.childNodes);
  return children;
}

/** Every element, depth first, including template contents and foreign (SVG/MathML) elements. */
export function elements(root: T.Node): T.Element[] {
  const out: T.Element[] = [];
  const stack: T.Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node)) out.push(node);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

export function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name && !a.prefix)?.value;
}

export function hasClass(el: T.Element, cls: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(cls);
}

export function byTag(root: T.Node, tag: string): T.Element[] {
  return elements(root).filter((e) => e.tagName === tag);
}

export function byClass(root: T.Node, cls: string): T.Element[] {
  return elements(root).filter((e) => hasClass(e, cls));
}

export function first(root: T.Node, predicate: (e: T.Element) => boolean): T.Element | undefined {
  return elements(root).find(predicate);
}

/** The text a user sees in the node (textContent), comments excluded. */
export function textOf(node: T.Node): string {
  const parts: string[] = [];
  const stack: T.Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') parts.push((n as T.TextNode).value);
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return parts.join('');
}

export function body(doc: Document): T.Element {
  const b = first(doc, (e) => e.tagName === 'body');
  if (!b) throw new Error('no <body>');
  return b;
}

/**
 * What the HTML parser does to text before anyone sees it: CR LF and lone CR become LF (input stream
 * preprocessing) and U+0000 in element text is dropped (a parse error, "ignore the token").
 */
export function asParsedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replaceAll('\u0000', '');
}

/** The element/attribute skeleton of a document: tag names and attribute names, no text or values. */
export function skeleton(doc: Document): string {
  return elements(doc).map((e) => `${e.namespaceURI === 'http://www.w3.org/1999/xhtml' ? '' : `${e.namespaceURI}:`}${e.tagName}[${e.attrs.map((a) => a.name).join(',')}]`).join(' ');
}

const URL_ATTRS = new Set([
  'href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'poster', 'background', 'codebase', 'cite', 'ping',
  'lowsrc', 'dynsrc', 'manifest', 'srcset', 'imagesrcset', 'longdesc', 'usemap', 'archive', 'classid', 'profile', 'xmlns',
]);
const FORBIDDEN_TAGS = new Set([
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'portal', 'style', 'svg', 'math',
  'animate', 'set', 'handler', 'foreignobject', 'noscript', 'template', 'audio', 'video', 'source', 'track', 'img',
  'image', 'input', 'textarea', 'select', 'marquee', 'bgsound', 'isindex', 'keygen', 'xmp', 'plaintext', 'listing',
  'noembed', 'noframes', 'dialog', 'slot', 'picture', 'a', 'area',
]);
const DANGEROUS_URL_RE = /^(?:javascript|data|vbscript|command|livescript|mocha|file|vscode):/;

/** A URL attribute's value as a browser would resolve its scheme: controls and whitespace removed, lower-cased. */
function schemeOf(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

/**
 * Every way the document could run or load something that is not ours. Returns a list of problems (empty
 * when the page is clean): scripts other than our one nonce'd script, event-handler attributes, dangerous
 * URLs, embedding/navigation elements, extra styles, links or metas.
 */
export function activeContentProblems(doc: Document, ctx: PageContext): string[] {
  const problems: string[] = [];
  const all = elements(doc);
  const scripts = all.filter((e) => e.tagName === 'script');
  if (scripts.length !== 1) problems.push(`expected exactly one <script>, found ${scripts.length}`);
  for (const s of scripts) {
    if (attr(s, 'nonce') !== ctx.nonce) problems.push(`<script> with nonce ${JSON.stringify(attr(s, 'nonce'))}`);
    if (attr(s, 'src') !== ctx.scriptUri) problems.push(`<script> with src ${JSON.stringify(attr(s, 'src'))}`);
    if (textOf(s) !== '') problems.push('<script> with an inline body');
    if (s.attrs.length !== 2) problems.push(`<script> with attributes ${s.attrs.map((a) => a.name).join(',')}`);
  }
  const links = all.filter((e) => e.tagName === 'link');
  const hrefs = links.map((l) => attr(l, 'href'));
  if (links.length !== ctx.styleUris.length || hrefs.some((h, i) => h !== ctx.styleUris[i])) problems.push(`unexpected <link>s: ${JSON.stringify(hrefs)}`);
  for (const l of links) if (attr(l, 'rel') !== 'stylesheet' || l.attrs.length !== 2) problems.push('a <link> that is not one of our stylesheets');
  const metas = all.filter((e) => e.tagName === 'meta');
  const csp = metas.filter((m) => (attr(m, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  if (csp.length !== 1 || attr(csp[0], 'content') !== contentSecurityPolicy(ctx)) problems.push('the CSP <meta> is missing, duplicated or changed');
  for (const m of metas) {
    const equiv = (attr(m, 'http-equiv') ?? '').toLowerCase();
    if (equiv && equiv !== 'content-security-policy') problems.push(`<meta http-equiv=${equiv}>`);
  }
  if (metas.length !== 3) problems.push(`expected 3 <meta>s (charset, CSP, viewport), found ${metas.length}`);
  for (const e of all) {
    if (FORBIDDEN_TAGS.has(e.tagName)) problems.push(`<${e.tagName}> element`);
    if (e.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`foreign element <${e.tagName}>`);
    for (const a of e.attrs) {
      const name = (a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler ${name} on <${e.tagName}>`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction' || name === 'autofocus' || name === 'contenteditable') problems.push(`${name} attribute on <${e.tagName}>`);
      if ((URL_ATTRS.has(a.name) || name.endsWith(':href')) && DANGEROUS_URL_RE.test(schemeOf(a.value))) problems.push(`${name}=${JSON.stringify(a.value.slice(0, 60))} on <${e.tagName}>`);
    }
  }
  const styles = all.filter((e) => e.tagName === 'style');
  if (styles.length) problems.push(`${styles.length} <style> element(s)`);
  return problems;
}
