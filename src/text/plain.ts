// One line of plain text from untrusted data, for every place VS Code shows text as it is: tree labels and
// descriptions, quick picks, notifications, status bar, error messages. Pure: no vscode, no node.
import { BIDI, CONTROLS, INVISIBLE, LINE_BREAKS, SPACES } from './characters';
import { bound, truncate } from './truncate';

export const MAX_LABEL = 200;

// line breaks and tabs separate words: a space; every other control, direction or invisible character: nothing
const TO_SPACE = new RegExp(`[\\t${LINE_BREAKS}]+`, 'g');
const TO_NOTHING = new RegExp(`[${CONTROLS}${BIDI}${INVISIBLE}]`, 'g');
const RUNS_OF_SPACE = new RegExp(`[${SPACES}]{2,}|[${SPACES.slice(1)}]`, 'g');
/** Anything plainText must change: controls, line breaks, direction and invisible characters, odd or doubled spaces. */
const NEEDS_CLEANING = new RegExp(`[${CONTROLS}${LINE_BREAKS}${BIDI}${INVISIBLE}${SPACES.slice(1)}]| {2}|^ | $`);

/** Work bound: a label is never built from more than this many code units of its source, whatever `max` is. */
const SOURCE_FACTOR = 8;

/**
 * One line of plain text, at most `max` UTF-16 code units (an ellipsis when cut, never half an emoji or half a
 * `[redacted]`): no controls, line breaks, direction overrides or invisible characters; whitespace collapsed.
 * `undefined` and `null` give ''.
 */
export function plainText(value: unknown, max = MAX_LABEL): string {
  if (value === undefined || value === null) return '';
  const s = typeof value === 'string' ? value : String(value);
  if (s.length <= max && !NEEDS_CLEANING.test(s)) return s; // the common case: nothing to do
  const source = bound(s, max * SOURCE_FACTOR + 64);
  const clean = source.text.replace(TO_SPACE, ' ').replace(TO_NOTHING, '').replace(RUNS_OF_SPACE, ' ').trim();
  return truncate(clean, max, { alreadyCut: source.cut });
}

/** `plainText`, cut at a word where one is near the end (messages rather than names). */
export function plainMessage(value: unknown, max: number): string {
  const one = plainText(value, Number.MAX_SAFE_INTEGER);
  return truncate(one, max, { atWord: true });
}

/**
 * Text for a notification (showInformationMessage / showErrorMessage), which renders `[label](target)` as a
 * clickable link (vs/base/common/linkedText.ts): one clean line, with link syntax broken (a zero-width space after
 * every `[`, a space between `]` and `(`), so data can never add a link or a command link.
 */
export function notificationText(value: unknown, max = 500): string {
  return plainText(value, max).replace(/\]\s*\(/g, '] (').replace(/\[/g, '[\u200b');
}

/**
 * Text for a quick pick label, description or detail, and for the status bar, which render `$(name)` as an icon:
 * one clean line, the icon syntax of data escaped the way those widgets read it (`\$(name)` shows as `$(name)`).
 */
export function quickPickText(value: unknown, max = MAX_LABEL): string {
  return plainText(value, max).replace(/\$\(/g, '\\$(');
}
