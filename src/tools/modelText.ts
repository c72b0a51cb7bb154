// Escaping for an AI model's context: the one function every value from outside goes through before a tool result
// is handed to the editor's agent (agent names, e-mails, departments, connection names, vendor errors, and above
// all what website visitors wrote). No vscode. A different target from Markdown or HTML: the danger is not markup
// but text that steers the model or forges the structure of the result around it.
import unhomoglyph from 'unhomoglyph';
import { redact } from '../util/redact';

/**
 * Characters escaped as `\uXXXX` besides what JSON itself escapes (`"`, `\` and U+0000–U+001F), by class rather
 * than by list:
 * - `<` and `>`: the result's untrusted blocks are delimited by tags (untrustedBlock.ts); data never holds one;
 * - every character outside the classes of ordinary text: letters, marks, numbers, connector, dash and other
 *   punctuation, currency, and symbols other than the arrow, shape and technical blocks (so all non-ASCII math
 *   operators such as ⪡ ⩹ ≺ ⧀, brackets such as ⦕ ⟪ outside the CJK and fullwidth blocks, quotation marks other
 *   than the single curly ones, « », modifier symbols such as ˱, arrows and triangles such as ◁ ▷ ➤ are escaped);
 * - everything invisible or blank: default-ignorable code points (zero-width characters, bidi controls, variation
 *   selectors, the tag characters of "ASCII smuggling", Hangul fillers), format and other controls, private-use,
 *   unassigned and lone surrogates, every separator and every space but U+0020, and the blank-looking letters and
 *   symbols (BRAILLE PATTERN BLANK, MUSICAL SYMBOL NULL NOTEHEAD, OBJECT REPLACEMENT CHARACTER);
 * - of what is left, every character whose compatibility form or confusable skeleton holds `<`, `>` or `"`.
 * Kept readable: names and text in any script (CJK with its 「」【】 brackets, Arabic, Hebrew, Devanagari …),
 * emoji with their skin tones (a zero-width joiner inside an emoji sequence is escaped like any other), and ’.
 */
const ALWAYS = /[<>\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Zs}\u2800\u{1d159}\ufffc]/u;

/** Characters of ordinary text (see above); the rest of the non-ASCII range is escaped. */
const ORDINARY = /^(?:[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Po}\p{Sc}\p{So}\u2018-\u201b]|\p{Emoji_Modifier})$/u;
/** Brackets kept: those of the CJK punctuation, fullwidth and vertical-form blocks (「」【】（）), checked below. */
const CJK_BRACKET = /^[\p{Ps}\p{Pe}]$/u;
const CJK_BLOCKS = /^[\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]$/u;
/** Symbols of the arrow, mathematical, technical, geometric-shape, dingbat-arrow, editorial-punctuation and SignWriting blocks: escaped. */
const SHAPE_BLOCKS = /^[\u2190-\u23ff\u25a0-\u25ff\u2794-\u27bf\u27c0-\u2bff\u2e00-\u2e7f\u{1d800}-\u{1daaf}\u{1f780}-\u{1f8ff}\u{1fb00}-\u{1fbff}]$/u;

/** Any character outside printable ASCII, checked one by one. */
const NON_ASCII = /[^\x20-\x7e]/gu;

const verdicts = new Map<string, boolean>();

/** Whether the non-ASCII character `ch` (one code point) is escaped: the rule above, cached per character. */
function mustEscape(ch: string): boolean {
  let known = verdicts.get(ch);
  if (known === undefined) {
    known = ALWAYS.test(ch)
      || !(ORDINARY.test(ch) || (CJK_BRACKET.test(ch) && CJK_BLOCKS.test(ch)))
      || SHAPE_BLOCKS.test(ch)
      || looksLikeDelimiter(ch);
    if (verdicts.size < 65_536) verdicts.set(ch, known);
  }
  return known;
}

/** `<`, `>`, `"`, and the angle brackets (CJK 〈 〉 《 》, technical 〈 〉) that the confusables list leaves as they are. */
const DELIMITER_LIKE = /[<>"\u2329\u232a\u3008-\u300b]/;

/**
 * Whether `ch` reads as `<`, `>` or `"`: its compatibility form (NFKC: fullwidth and small forms) or its skeleton in
 * Unicode's confusables list (`unhomoglyph`, after https://www.unicode.org/Public/security/latest/confusables.txt:
 * ‹ › ❮ ❯ ˂ ˃ ᐸ ᐳ ≪ ＂ …) holds one.
 */
function looksLikeDelimiter(ch: string): boolean {
  const nfkc = ch.normalize('NFKC');
  return DELIMITER_LIKE.test(nfkc) || DELIMITER_LIKE.test(unhomoglyph(ch)) || DELIMITER_LIKE.test(unhomoglyph(nfkc));
}

function unicodeEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** Masks credentials in a value before it is quoted; see setValueRedactor. */
type Redactor = (text: string) => string;
let valueRedactor: Redactor = redact;

/**
 * The redaction every value gets before it is quoted (so that a mask lands inside the JSON string, never across its
 * quotes). The tools bundle has its own copy of src/util/redact.ts, which knows no registered credential: the
 * extension passes its own `redact` (ToolRunnerDeps.redact). `undefined` goes back to the bundle's copy.
 */
export function setValueRedactor(fn: Redactor | undefined): void {
  valueRedactor = fn ?? redact;
}

/** The body of `quoteForModel(text)` (no redaction, no quotes): JSON escapes plus the rule above. */
function escapeBody(text: string): string {
  // JSON.stringify escapes ", \ and U+0000–U+001F, and writes lone surrogates as \udXXX (well-formed JSON.stringify).
  return JSON.stringify(text).slice(1, -1)
    .replace(/[<>]/g, unicodeEscape)
    .replace(NON_ASCII, (ch) => (mustEscape(ch) ? unicodeEscape(ch) : ch));
}


/**
 * `text` as one quoted JSON string literal that is safe in a model's context: one line, nothing invisible, no `<`,
 * `>` or look-alike of them or of `"`, and no way to end the quotes early. Credentials are masked first (the value
 * redactor); otherwise lossless: `JSON.parse(quoteForModel(s)) === s`, so the model (and a test) reads exactly what
 * the data said. For a value of unknown size use quoteCapped / quoteCappedJson, whose caps hold after escaping.
 */
export function quoteForModel(text: string): string {
  return `"${escapeBody(valueRedactor(text))}"`;
}

/** A text cut to at most `max` UTF-16 units (never inside a surrogate pair), and how long it was. */
export interface CappedText {
  text: string;
  /** The length of the original text (UTF-16 units), when it was cut. */
  cutFrom?: number;
}

/** Cuts `text` to at most `max` UTF-16 code units without splitting a surrogate pair. O(max), not O(text). */
export function capText(text: string, max: number): CappedText {
  if (text.length <= max) return { text };
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose pair is past the cut
  return { text: text.slice(0, end), cutFrom: text.length };
}

/** Characters past a cut that are redacted with the kept part (longer than any credential Chatdesk masks). */
const REDACTION_WINDOW = 1_024;

/** One escaped unit of a body: an escape sequence (a `\\u` pair of surrogates together), a raw pair, or one character. */
const UNIT = /\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\[^u]|[\ud800-\udbff][\udc00-\udfff]|[^]/g;

/** The source length (UTF-16 units) of one escaped unit. */
function sourceLength(unit: string): number {
  if (unit.startsWith('\\u')) return unit.length / 6;
  return unit.startsWith('\\') ? 1 : unit.length;
}

/**
 * The escaped body of `text` cut to at most `max` characters AFTER escaping, only between escaped units (never in
 * `\\u003c`, a `\\"` or a surrogate pair), and how many UTF-16 units of the (redacted) source it holds.
 * Work proportional to `max`, not to the text: only the first `max` source units can fit.
 */
function escapedPrefix(text: string, max: number): { body: string; kept: number; total: number } {
  // redact a window past the cut, so that a credential across the cut is still recognised whole
  const raw = capText(text, Math.max(0, max) + 1 + REDACTION_WINDOW);
  const source = valueRedactor(raw.text);
  const total = raw.cutFrom === undefined ? source.length : raw.cutFrom - raw.text.length + source.length;
  const head = capText(source, Math.max(0, max) + 1).text;
  const body = escapeBody(head);
  if (head.length === total && body.length <= max) return { body, kept: total, total };
  let end = 0;
  let kept = 0;
  UNIT.lastIndex = 0;
  for (let m = UNIT.exec(body); m; m = UNIT.exec(body)) {
    if (end + m[0].length > max) break;
    end += m[0].length;
    kept += sourceLength(m[0]);
  }
  return { body: body.slice(0, end), kept, total };
}

/** The cut note's longest form for a text of `total` units (the kept count is at most as long). */
function noteRoom(note: (kept: string, total: string) => string, total: number): number {
  return note(count(total), count(total)).length;
}

const outsideNote = (kept: string, total: string) => ` (cut at ${kept} of ${total} characters)`;
const insideNote = (kept: string, total: string) => `…[cut at ${kept} of ${total} characters]`;

/**
 * `quoteForModel` of a value, cut so that the whole output (quotes and note included) is at most `max` characters
 * after escaping, followed by a note when it was cut: `"…" (cut at 1,000 of 12,345 characters)`. The counts are of
 * the value's characters (UTF-16 units). A `max` below the note's length gives the note and empty quotes.
 */
export function quoteCapped(value: string, max: number): string {
  const whole = escapedPrefix(value, max - 2);
  if (whole.kept === whole.total) return `"${whole.body}"`;
  const cut = escapedPrefix(value, max - 2 - noteRoom(outsideNote, whole.total));
  return `"${cut.body}"${outsideNote(count(cut.kept), count(cut.total))}`;
}

/**
 * `quoteForModel` of a value whose cut is noted inside the quotes (`"…[cut at 200 of 5,000 characters]"`), so that a
 * JSON value stays JSON; the whole output is at most `max` characters after escaping.
 */
export function quoteCappedJson(value: string, max: number): string {
  const whole = escapedPrefix(value, max - 2);
  if (whole.kept === whole.total) return `"${whole.body}"`;
  const cut = escapedPrefix(value, max - 2 - noteRoom(insideNote, whole.total));
  return `"${cut.body}${insideNote(count(cut.kept), count(cut.total))}"`;
}

/** A count with thousands separators, the same on every machine (the model reads it, not a person's locale). */
export function count(n: number): string {
  return Math.trunc(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
