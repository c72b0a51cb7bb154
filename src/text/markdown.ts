// Untrusted text inside Markdown that VS Code renders: tree tooltips today, hovers next. Pure: no vscode, no node.
//
// The rule: every ASCII punctuation character of the data becomes a numeric character reference (`*` → `&#42;`).
// CommonMark (spec 0.31, "Entity and numeric character references") treats a reference as the literal character
// and never as Markdown syntax, so data can start no heading, list, quote, table, code, emphasis, link, image,
// HTML or autolink (`www.`, `http:`, `mailto:`, bare e-mail addresses all need a `.`, `:` or `@`). The references
// also hide data's `$(name)` from VS Code's theme-icon pass, which runs on the rendered HTML string
// (vs/base/browser/markdownRenderer.ts, renderLabelWithIcons) and would make `$(name)` an icon even after
// backslash escapes. The browser turns the references back into the characters, so the text reads as typed,
// backslashes included. Line breaks become Markdown hard breaks; leading spaces (indented code) are dropped.
import { BIDI, CONTROLS, INVISIBLE, LINE_BREAK, SPACES } from './characters';
import { plainText } from './plain';
import { bound, truncate } from './truncate';

/** Every ASCII punctuation character: ! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ ` { | } ~ */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const ASCII_PUNCTUATION_TEST = /[!-/:-@[-`{-~]/;

const TO_NOTHING = new RegExp(`[${CONTROLS.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000e-\\u001f')}${BIDI}${INVISIBLE}]`, 'g');
const SPACE_RUN = new RegExp(`[\\t${SPACES}]+`, 'g');

function references(s: string): string {
  return ASCII_PUNCTUATION_TEST.test(s) ? s.replace(ASCII_PUNCTUATION, (c) => `&#${c.charCodeAt(0)};`) : s;
}

export interface MarkdownTextOptions {
  /** Most UTF-16 code units of the data shown (an ellipsis when cut). Default 2000. */
  max?: number;
  /** Keep the data's line breaks (as Markdown hard breaks). Default false: one line. */
  multiline?: boolean;
}

/**
 * Untrusted text as Markdown source that renders as exactly that text, and nothing else, in a MarkdownString
 * (trusted or not, theme icons on or off, HTML on or off): no icon, link, autolink, heading, list, quote, table,
 * code, HTML, entity or emphasis from the data. Controls, direction overrides and invisible characters are
 * dropped; one line unless `multiline`. Cut to `max` before escaping, never in half an emoji or a `[redacted]`.
 * Use it for every piece of data in every tooltip and hover; add our own Markdown (bold, our icons) around it.
 */
export function escapeMarkdown(value: unknown, options: MarkdownTextOptions = {}): string {
  const max = options.max ?? 2000;
  if (value === undefined || value === null) return '';
  if (!options.multiline) return references(plainText(value, max));
  const source = bound(typeof value === 'string' ? value : String(value), max * 2 + 64);
  const lines = source.text.split(LINE_BREAK).map((l) => l.replace(TO_NOTHING, '').replace(SPACE_RUN, ' ').trim());
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  while (lines.length && !lines[0]) lines.shift();
  const text = truncate(lines.join('\n'), max, { alreadyCut: source.cut });
  // A hard break ("  \n") per line break; an empty line stays a paragraph break, nothing more.
  return text.split('\n').map(references).join('  \n');
}

/** Our own theme icons that tooltips may show: the tree's status icons. Never built from data. */
export type OwnIcon = 'warning' | 'error' | 'pass-filled' | 'clock' | 'circle-slash' | 'circle-outline' | 'person' | 'key' | 'watch';

/**
 * `$(id)` for one of our own icons, for a MarkdownString with `supportThemeIcons`. Only ids of the `OwnIcon` list
 * pass; anything else gives '' (so a mistake can never turn data into icon syntax).
 */
export function markdownIcon(id: OwnIcon): string {
  return /^[a-z][a-z0-9-]*$/.test(id) ? `$(${id})` : '';
}
