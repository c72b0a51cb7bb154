// Escaping for an AI model's context: the one function every value from outside goes through before a tool result
// is handed to the editor's agent (agent names, e-mails, departments, connection names, vendor errors, and above
// all what website visitors wrote). No vscode. A different target from Markdown or HTML: the danger is not markup
// but text that steers the model or forges the structure of the result around it.
import unhomoglyph from 'unhomoglyph';

/**
 * Characters escaped as `\uXXXX` besides what JSON itself escapes (`"`, `\` and U+0000–U+001F):
 * - `<` and `>`: the result's untrusted blocks are delimited by tags (untrustedBlock.ts); data never holds one;
 * - every default-ignorable code point (zero-width spaces and joiners, word joiner, soft hyphen, BOM, bidi controls,
 *   variation selectors, the tag characters of "ASCII smuggling", Hangul fillers): invisible text that a model reads
 *   but a person reviewing the result does not see;
 * - other controls, private-use, unassigned code points and lone surrogates, line and paragraph separators, and
 *   every space but U+0020 (so that a value is one visible line).
 */
const ESCAPED = /[<>\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

/** Any character outside printable ASCII, checked one by one for being a look-alike of `<` or `>`. */
const NON_ASCII = /[^\x20-\x7e]/gu;

/**
 * Bracket-shaped characters that Unicode's confusables list (below) does not map to `<` or `>` but that read as
 * the start or end of a tag: mathematical, CJK and ornamental angle brackets.
 */
const ANGLE_BRACKETS = new Set([...'\u2329\u232a\u27e8\u27e9\u27ea\u27eb\u3008\u3009\u300a\u300b\u276c\u276d\u2770\u2771\u29fc\u29fd\u2991\u2992\u2993\u2994\u29a0\u2aa6\u2aa7\u2aa8']);

const lookAlikes = new Map<string, boolean>();

/**
 * Whether `ch` looks like `<` or `>`: its compatibility form (NFKC: fullwidth and small forms) or its skeleton in
 * Unicode's confusables list (`unhomoglyph`, after https://www.unicode.org/Public/security/latest/confusables.txt:
 * ‹ › ❮ ❯ ˂ ˃ ᐸ ᐳ ≪ …) holds one, or it is one of ANGLE_BRACKETS.
 */
function looksLikeAngleBracket(ch: string): boolean {
  let known = lookAlikes.get(ch);
  if (known === undefined) {
    const nfkc = ch.normalize('NFKC');
    known = ANGLE_BRACKETS.has(ch) || /[<>]/.test(nfkc) || /[<>]/.test(unhomoglyph(ch)) || /[<>]/.test(unhomoglyph(nfkc));
    if (lookAlikes.size < 65_536) lookAlikes.set(ch, known);
  }
  return known;
}

function unicodeEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * `text` as one quoted JSON string literal that is safe in a model's context: one line, nothing invisible, no `<`,
 * `>` or look-alike of them, and no way to end the quotes early. Lossless: `JSON.parse(quoteForModel(s)) === s`
 * for every string, so the model (and a test) can still read exactly what the data said.
 * Cap the text first (`capText`): this function escapes all of it.
 */
export function quoteForModel(text: string): string {
  // JSON.stringify escapes ", \ and U+0000–U+001F, and writes lone surrogates as \udXXX (well-formed JSON.stringify).
  return JSON.stringify(text)
    .replace(ESCAPED, unicodeEscape)
    .replace(NON_ASCII, (ch) => (looksLikeAngleBracket(ch) ? unicodeEscape(ch) : ch));
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

/** `quoteForModel` of a capped value, followed by a note when it was cut: `"…" (cut at 1,000 of 12,345 characters)`. */
export function quoteCapped(value: string, max: number): string {
  const capped = capText(value, max);
  const quoted = quoteForModel(capped.text);
  return capped.cutFrom === undefined ? quoted : `${quoted} (cut at ${count(capped.text.length)} of ${count(capped.cutFrom)} characters)`;
}

/**
 * `quoteForModel` of a capped value whose cut is noted inside the quotes (`"…[cut at 200 of 5,000 characters]"`),
 * so that a JSON value stays JSON.
 */
export function quoteCappedJson(value: string, max: number): string {
  const capped = capText(value, max);
  return quoteForModel(capped.cutFrom === undefined ? capped.text : `${capped.text}…[cut at ${count(capped.text.length)} of ${count(capped.cutFrom)} characters]`);
}

/** A count with thousands separators, the same on every machine (the model reads it, not a person's locale). */
export function count(n: number): string {
  return Math.trunc(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
