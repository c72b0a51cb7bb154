#!/usr/bin/env node
// Builds the README that goes into chatdesk.vsix: the extension's details page in VS Code.
//
//   node scripts/package-readme.mjs [SOURCE] [OUT]    (default docs/marketplace/README.md -> dist/README.md)
//
// VS Code renders an installed extension's README in a webview whose content security policy allows images only
// from `https:` and `data:`, sets no base URL, and opens only http(s)/mailto links (VS Code 1.100,
// extensionEditor.ts renderBody / openMarkdown). A relative image path therefore never loads, and a relative link
// goes nowhere; an https image needs the network. So that every picture shows offline, each image is embedded as
// a data: URI from the file it names, and the source may link only to its own headings (#anchor) or to https pages.
// vsce then packages the result with --readme-path dist/README.md --no-rewrite-relative-links (vsce would
// otherwise rewrite relative paths to a repository URL and reject data: images).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCE = path.join(ROOT, 'docs', 'marketplace', 'README.md');
export const DEFAULT_OUT = path.join(ROOT, 'dist', 'README.md');

const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

/** The anchor GitHub and VS Code give a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(text) {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-');
}

function walk(tokens, fn) {
  for (const t of tokens) {
    fn(t);
    if (t.children) walk(t.children, fn);
  }
}

/**
 * @param {string} source  Markdown text
 * @param {string} baseDir the folder relative image paths are resolved from
 * @returns {{ text: string, images: { src: string, file: string, bytes: number }[], links: string[], problems: string[] }}
 */
export function buildPackageReadme(source, baseDir) {
  const md = new MarkdownIt({ html: true });
  const tokens = md.parse(source, {});
  const problems = [];
  const anchors = new Set();
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') anchors.add(headingSlug(tokens[i + 1].content));
  });
  const images = [];
  const links = [];
  walk(tokens, (t) => {
    if (t.type === 'image') {
      const src = t.attrGet('src') ?? '';
      if (/^https?:|^data:/i.test(src)) problems.push(`image ${src.slice(0, 80)}: use a file in the repository, it is embedded (https images need the network)`);
      else images.push({ src, alt: t.content });
    } else if (t.type === 'link_open') {
      links.push(t.attrGet('href') ?? '');
    } else if ((t.type === 'html_inline' || t.type === 'html_block') && /<(img|a)\b/i.test(t.content)) {
      problems.push(`raw HTML ${t.content.trim().slice(0, 60)}: use Markdown images and links, which this script checks`);
    }
  });
  for (const href of links) {
    if (href.startsWith('#')) {
      if (!anchors.has(decodeURIComponent(href.slice(1)))) problems.push(`link ${href}: no heading with that anchor`);
    } else if (!/^(https:|mailto:)/i.test(href)) {
      problems.push(`link ${href}: VS Code opens only https and mailto links from a details page (a relative link goes nowhere)`);
    }
  }
  let text = source;
  const embedded = [];
  for (const img of images) {
    const file = path.resolve(baseDir, decodeURI(img.src));
    const mime = MIME[path.extname(file).toLowerCase()];
    if (!mime) { problems.push(`image ${img.src}: not PNG, JPEG, GIF or WebP (VS Code and the Marketplace refuse SVG)`); continue; }
    if (!fs.existsSync(file)) { problems.push(`image ${img.src}: ${path.relative(ROOT, file)} does not exist`); continue; }
    if (!img.alt.trim()) problems.push(`image ${img.src}: no alt text`);
    const data = fs.readFileSync(file);
    const target = `](${img.src})`;
    if (!text.includes(target)) { problems.push(`image ${img.src}: write it as ![alt](path) on one line`); continue; }
    text = text.split(target).join(`](data:${mime};base64,${data.toString('base64')})`);
    embedded.push({ src: img.src, file, bytes: data.length });
  }
  return { text, images: embedded, links, problems };
}

function main() {
  const [source = DEFAULT_SOURCE, out = DEFAULT_OUT] = process.argv.slice(2);
  const r = buildPackageReadme(fs.readFileSync(source, 'utf8'), path.dirname(source));
  if (r.problems.length > 0) {
    console.error(`${path.relative(ROOT, source)}: cannot build the details page:\n${r.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, r.text);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`${path.relative(ROOT, out)}: ${r.images.length} images embedded (${kb(r.images.reduce((a, i) => a + i.bytes, 0))}), ${r.links.length} links checked, ${kb(Buffer.byteLength(r.text))}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
