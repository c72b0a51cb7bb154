// The text that puts an agent's ID where the cursor is, quoted for the language and for the place: a bare number,
// a string literal where the code needs one, or the ID escaped for the string the cursor is already in (its quote,
// its prefix: Python f/r/b, C# $/@, shell $'…'). Pure.
//
// An ID is data from a platform and may hold anything. Each form below is what the language's own reader takes
// back as exactly the ID, with nothing run or expanded: shell words in single quotes (POSIX XCU 2.2.2: every
// character inside is literal; a `'` is written '\''), .env values so that dotenv, dotenv-expand, python-dotenv,
// Docker Compose and a shell that sources the file all read the same text (no `$` or backtick at all: python-dotenv
// expands `${…}` even inside single quotes, dotenv-expand expands `$NAME` and runs `$(…)` in any quotes), PHP and Ruby strings with `$` and `#`
// escaped (no interpolation), Python f-strings and C# interpolated strings with braces doubled, JavaScript template
// literals with `` ` ``, `\` and `$` escaped, YAML with no `{{`/`${{` (Ansible and GitHub Actions expand those
// inside any string), SQL with `''` and no backslash (MySQL reads `\'` as a quote). Where no form is safe (a
// character the place cannot hold, a language Chatdesk has no rules for, a comment), only a plain ID goes in and
// anything else is refused: the functions return undefined and the caller says so.
import { languageFamily, type LanguageFamily } from './stringSite';

/** Characters no language or shell gives a meaning inside a string or a word: letters, digits, `_ . @ + -`. */
const PLAIN_ID = /^[A-Za-z0-9_][A-Za-z0-9_.@+-]*$/;

/** An ID that goes in as it is anywhere: letters, digits and `_ . @ + -`, not starting with `-`, `.`, `@` or `+`. */
export function isPlainId(id: string): boolean {
  return PLAIN_ID.test(id);
}

/** A number that every language reads as the same integer: no sign, no leading zero, at most 2^53 − 1. */
export function isPlainNumber(id: string): boolean {
  return /^[1-9]\d{0,15}$/.test(id) && Number(id) <= Number.MAX_SAFE_INTEGER;
}

/** Where the ID goes: in code, in a comment, or inside a string literal. */
export interface InsertSite {
  /** The delimiter of the string the ID goes into (`"`, `'`, `` ` ``, `"""`, `'''`). */
  quote?: string;
  /** The string's prefix (`f`, `rb`, `$`, `@`, `e`…), lower case. */
  prefix?: string;
  /** The closing quote is already there (the insert does not close the string). */
  closed?: boolean;
  /** The ID goes into the middle of a longer string (`"…?agent_id=|&x=1"`): the string is never closed. */
  enclosing?: boolean;
  /** The ID goes into a comment. */
  comment?: boolean;
}

// eslint-disable-next-line no-control-regex -- the characters in question
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0');

/** `id` with each UTF-16 unit mapped by `f` (undefined: as is; null: the ID cannot go here). */
function mapUnits(id: string, f: (ch: string, code: number) => string | null | undefined): string | undefined {
  let out = '';
  for (let i = 0; i < id.length; i++) {
    const ch = id[i];
    const r = f(ch, id.charCodeAt(i));
    if (r === null) return undefined;
    out += r ?? ch;
  }
  return out;
}

const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/** JavaScript/JSON-style: `\` and the quote escaped, controls and lone surrogates as \uXXXX. */
function cLike(id: string, quote: string, extra: (ch: string) => string | null | undefined = () => undefined): string | undefined {
  const lone = LONE_SURROGATE.test(id);
  return mapUnits(id, (ch, code) => {
    if (ch === '\\') return '\\\\';
    if (quote.includes(ch)) return `\\${ch}`;
    const e = extra(ch);
    if (e !== undefined) return e;
    if (isControl(code) || (lone && isSurrogate(code))) return `\\u${hex(code, 4)}`;
    return undefined;
  });
}

/** POSIX shell single quotes: everything literal; a `'` closes, is escaped, and reopens. No NUL (no shell keeps one). */
function shellSingle(id: string): string | undefined {
  return id.includes('\0') ? undefined : id.replace(/'/g, "'\\''");
}

/** `id` inside a string of `family` delimited by `quote` with `prefix`; undefined when no form is safe. */
function inString(id: string, family: LanguageFamily, quote: string, prefix: string): string | undefined {
  const plain = isPlainId(id);
  switch (family) {
    case 'shell':
      if (quote === "'" && prefix !== '$') return shellSingle(id);
      // "…": close it, put the ID in single quotes, reopen: nothing inside '…' expands ($, `, \, !)
      if (quote === '"') return plain ? id : ((s) => (s === undefined ? undefined : `"'${s}'"`))(shellSingle(id));
      return plain ? id : undefined; // `…` is a command; $'…' has escapes of its own
    case 'dotenv':
      // read by dotenv, dotenv-expand (expands $ in "…" and bare values), python-dotenv (\\ and \' in '…'), and by
      // a shell that sources the file: only what means nothing to any of them. python-dotenv expands ${…} even
      // inside single quotes, and has no escape for it; dotenv-expand (v12 on) runs $(…) as a command and expands
      // $NAME in any quotes (it sees the value after dotenv took the quotes off): no `$` or backtick at all.
      if (/[$`]/.test(id)) return undefined;
      if (quote === "'") return /['\\]/.test(id) || CONTROL.test(id) ? undefined : id;
      if (quote === '"') return /["\\$`!]/.test(id) || CONTROL.test(id) ? undefined : id;
      return plain ? id : undefined;
    case 'json':
      return cLike(id, quote);
    case 'js':
      if (quote === '`') return cLike(id, '`', (ch) => (ch === '$' ? '\\$' : undefined));
      return cLike(id, quote);
    case 'python': {
      if (prefix.includes('b') && /[^\x20-\x7e]/.test(id)) return plain ? id : undefined; // bytes: ASCII only
      const f = prefix.includes('f') ? (ch: string) => (ch === '{' ? '{{' : ch === '}' ? '}}' : undefined) : () => undefined;
      if (prefix.includes('r')) {
        // raw: no escape works; a backslash, the quote or a control character cannot be written
        if (id.includes('\\') || id.includes(quote[0]) || CONTROL.test(id) || LONE_SURROGATE.test(id)) return plain ? id : undefined;
        return mapUnits(id, f);
      }
      const lone = LONE_SURROGATE.test(id);
      return mapUnits(id, (ch, code) => {
        if (ch === '\\') return '\\\\';
        if (ch === '"' || ch === "'") return `\\${ch}`;
        const e = f(ch);
        if (e !== undefined) return e;
        if (code < 0x100 && isControl(code)) return `\\x${hex(code, 2)}`;
        if (isControl(code) || (lone && isSurrogate(code))) return `\\u${hex(code, 4)}`;
        return undefined;
      });
    }
    case 'php':
    case 'ruby':
      if (quote === "'") return id.replace(/[\\']/g, (c) => `\\${c}`);
      // "…": the interpolation sign (PHP `$`, Ruby `#`) escaped with the quote and the backslash
      if (quote === '"') return interpolatedDoubleQuoted(id, family === 'php' ? '$' : '#');
      return plain ? id : undefined; // `…` runs a shell command
    case 'go':
      if (quote === '"') {
        if (LONE_SURROGATE.test(id)) return undefined; // Go rejects surrogate escapes
        return mapUnits(id, (ch, code) => {
          if (ch === '\\' || ch === '"') return `\\${ch}`;
          if (isControl(code)) return code < 0x80 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
          return undefined;
        });
      }
      if (quote === '`') return id.includes('`') || CONTROL.test(id) ? (plain ? id : undefined) : id;
      return plain ? id : undefined; // a rune holds one character
    case 'java':
      if (quote === "'") return plain ? id : undefined; // a char holds one character
      // \uXXXX is translated before Java lexes the file: controls go in as octal escapes instead
      return mapUnits(id, (ch, code) => {
        if (ch === '\\' || ch === '"') return `\\${ch}`;
        if (code < 0x100 && isControl(code)) return `\\${code.toString(8).padStart(3, '0')}`;
        if (isControl(code) || isSurrogate(code)) return `\\u${hex(code, 4)}`;
        return undefined;
      });
    case 'csharp': {
      if (quote !== '"') return plain ? id : undefined;
      const braces = prefix.includes('$') ? (ch: string) => (ch === '{' ? '{{' : ch === '}' ? '}}' : undefined) : () => undefined;
      if (prefix.includes('@')) {
        if (CONTROL.test(id) || LONE_SURROGATE.test(id)) return plain ? id : undefined;
        return mapUnits(id, (ch) => (ch === '"' ? '""' : braces(ch)));
      }
      return cLike(id, '"', braces);
    }
    case 'yaml':
      if (/\{\{|\{%|\$\{\{/.test(id)) return undefined; // Ansible and GitHub Actions expand these inside any string
      if (quote === "'") {
        // single quotes hold printable text only; a `'` is doubled
        if (CONTROL.test(id.replace(/\t/g, '')) || LONE_SURROGATE.test(id) || /[\ufeff\ufffe\uffff]/.test(id)) return undefined;
        return id.replace(/'/g, "''");
      }
      if (LONE_SURROGATE.test(id)) return undefined;
      // YAML allows only printable characters raw: the BOM and U+FFFE/U+FFFF are escaped too
      return cLike(id, '"', (ch) => (/[\ufeff\ufffe\uffff]/.test(ch) ? `\\u${hex(ch.charCodeAt(0), 4)}` : undefined));
    case 'toml':
      if (LONE_SURROGATE.test(id)) return undefined;
      if (quote.startsWith("'")) return id.includes("'") || CONTROL.test(id.replace(/\t/g, '')) ? undefined : id;
      return cLike(id, '"');
    case 'sql':
      // '…' with '' for a quote; a backslash is an escape in MySQL's default mode, so it cannot go in safely
      if (quote === "'" && prefix !== 'e') return /[\\\0]/.test(id) ? undefined : id.replace(/'/g, "''");
      return plain ? id : undefined; // "…" and `…` are identifiers; E'…' has escapes of its own
    case 'xml':
      if (CONTROL.test(id.replace(/[\t\n\r]/g, '')) || LONE_SURROGATE.test(id)) return undefined;
      return xmlEscape(id);
    default:
      return plain ? id : undefined;
  }
}

function xmlEscape(id: string): string {
  return id.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `id` inside a PHP or Ruby "…" string: `\\`, `"` and the interpolation sign escaped, controls as `\\u{…}`. */
function interpolatedDoubleQuoted(id: string, sign: '$' | '#'): string | undefined {
  if (LONE_SURROGATE.test(id)) return undefined;
  return mapUnits(id, (ch, code) => {
    if (ch === '\\' || ch === '"' || ch === sign) return `\\${ch}`;
    if (isControl(code)) return `\\u{${hex(code, 4)}}`;
    return undefined;
  });
}

/** `id` as a value in code of `family` (no string around the cursor); undefined when no form is safe. */
function asValue(id: string, family: LanguageFamily): string | undefined {
  const plain = isPlainId(id);
  const number = isPlainNumber(id);
  const quoted = (q: string) => { const s = inString(id, family, q, ''); return s === undefined ? undefined : `${q}${s}${q}`; };
  switch (family) {
    case 'shell':
      if (plain && !id.startsWith('-')) return id;
      return ((s) => (s === undefined ? undefined : `'${s}'`))(shellSingle(id));
    case 'dotenv':
      return plain ? id : quoted("'") ?? quoted('"');
    case 'yaml':
      if (number) return id;
      if (plain && /[A-Za-z]/.test(id) && !yamlTyped(id)) return id;
      return quoted('"');
    case 'php': case 'ruby': case 'sql':
      return number ? id : quoted("'");
    case 'json': case 'js': case 'python': case 'go': case 'java': case 'csharp': case 'toml':
      return number ? id : quoted('"');
    case 'xml':
      return inString(id, 'xml', '"', '');
    case 'plaintext':
      return CONTROL.test(id) ? undefined : id;
    default:
      return number ? id : plain ? `"${id}"` : undefined;
  }
}

/** A plain YAML scalar that a YAML 1.1 or 1.2 reader turns into something other than a string. */
function yamlTyped(id: string): boolean {
  return /^(?:y|n|yes|no|on|off|true|false|null)$/i.test(id) || /^[-+]?(?:\.?\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.inf|\.nan|0x[\da-f_]+|0o?[0-7_]+|0b[01_]+)$/i.test(id);
}

/**
 * What to insert for `id` at `site` in a document of `languageId`, or undefined when the ID cannot go there safely
 * (see the file comment). In a string: the ID escaped for it, followed by the closing quote when the ID is the
 * whole value and the string is not closed yet. In code: a plain number bare, anything else as the language's
 * string literal (bare in shell, .env and YAML when nothing in it means anything there).
 */
export function idInsertText(id: string, site: InsertSite, languageId: string): string | undefined {
  const text = insertText(id, site, languageFamily(languageId));
  // a lone surrogate left raw cannot be saved (UTF-8): the file would hold another ID
  return text === undefined || LONE_SURROGATE.test(text) ? undefined : text;
}

function insertText(id: string, site: InsertSite, family: LanguageFamily): string | undefined {
  if (site.comment) return isPlainId(id) ? id : undefined; // a line break in an ID would end the comment
  if (site.quote) {
    const inner = inString(id, family, site.quote, site.prefix ?? '');
    if (inner === undefined) return undefined;
    return site.closed || site.enclosing ? inner : inner + site.quote;
  }
  return asValue(id, family);
}
