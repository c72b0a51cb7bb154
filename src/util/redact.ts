// Redaction of credentials from any text that may leave the process (logs, error messages, webviews).
// Two layers: known secret values registered at run time, matched in every form a message can carry them in,
// and patterns for what looks like a credential wherever it appears (headers, key=value pairs, URLs with
// user:password, JWTs). Redact the WHOLE text before cutting it to a length: a credential cut in two is no
// longer recognised (src/text/truncate.ts never cuts inside the marker).
import { REDACTED } from '../text/truncate';

export { REDACTED };

const MIN_SECRET = 4;
/**
 * At most this many registered secrets are kept, the most recently registered (a connection's credentials are
 * registered again each time they are read): far more than a user's connections hold, and it bounds the work of
 * every redaction (a process that registers without end, like a long test run, drops the oldest).
 */
export const MAX_SECRETS = 256;

/** Insertion-ordered: the oldest first. */
const knownSecrets = new Set<string>();
/** The matcher of the registered secrets: undefined until needed, null when there are none. */
let compiled: Matcher | null | undefined;

/** Register a secret value so that it is masked wherever it later appears. Values under 4 chars are ignored. */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < MIN_SECRET) return;
  if (knownSecrets.has(value)) {
    // the newest again; the set (and so the matcher) does not change
    knownSecrets.delete(value);
    knownSecrets.add(value);
    return;
  }
  knownSecrets.add(value);
  if (knownSecrets.size > MAX_SECRETS) knownSecrets.delete(knownSecrets.values().next().value as string);
  compiled = undefined;
}

export function unregisterSecret(value: string | undefined): void {
  if (value && knownSecrets.delete(value)) compiled = undefined;
}

// ---- registered secrets, in every spelling ------------------------------------------------------------------
//
// Rather than list encoders (encodeURIComponent, PHP rawurlencode/urlencode, Python quote/quote_plus, .NET's JSON
// writer, …), each character of a secret is matched in every spelling a character can take in a message: itself;
// behind up to 7 backslashes (JSON, JS or shell escaping, up to three JSON levels: \" \\\" \/ \$); as percent-encoded
// UTF-8 bytes in any hex case, once or twice (%2A, %2a, %252A); as a JSON \uXXXX escape in any hex case (with the
// backslash escaped or percent-encoded too, as in a JSON body inside a query string); as an HTML character
// reference; a space also as "+". Every part is bounded (no unbounded repetition), so the scan stays linear in
// the text whatever it holds.

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Hex digits of `n` (upper case, at least `width`), each letter matching either case. */
const hexPattern = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0')
  .replace(/[A-F]/g, (d) => `[${d}${d.toLowerCase()}]`);

/** A backslash as itself or percent-encoded (once or twice). */
const BACKSLASH = '(?:\\\\|%(?:25)?5[Cc])';
/** A percent sign that may itself be percent-encoded (%25): text encoded twice. */
const PERCENT = '%(?:25)?';
const NAMED_ENTITY: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos', ' ': 'nbsp' };
const SHORT_ESCAPE: Record<string, string> = { '\n': 'n', '\r': 'r', '\t': 't', '\b': 'b', '\f': 'f' };

/** `\uXXXX` for one UTF-16 unit, the backslash escaped 0–3 times (1 to 8 backslashes, raw or percent-encoded). */
const unicodeEscape = (unit: number) => `${BACKSLASH}{1,8}[uU]${hexPattern(unit, 4)}`;

/** Every spelling of one character (a code point) of a secret. */
function characterPattern(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const alts: string[] = [];
  // itself or as percent-encoded UTF-8 bytes (any hex case, once or twice); ASCII punctuation also behind escaping
  // backslashes, raw or percent-encoded (\" \/ \' \$ %5C%22 …, up to three JSON levels)
  const itself = `(?:${escapeRe(ch)}|${[...Buffer.from(ch, 'utf8')].map((b) => `${PERCENT}${hexPattern(b, 2)}`).join('')})`;
  alts.push(cp < 0x80 && /[^A-Za-z0-9\s]/.test(ch) ? `${BACKSLASH}{0,7}${itself}` : itself);
  // JSON / JavaScript \u escapes (two for a character outside the BMP), and the short ones (\n, \t, …)
  alts.push(cp > 0xffff ? unicodeEscape(ch.charCodeAt(0)) + unicodeEscape(ch.charCodeAt(1)) : unicodeEscape(cp));
  if (SHORT_ESCAPE[ch]) alts.push(`${BACKSLASH}{1,8}${SHORT_ESCAPE[ch]}`);
  // HTML character references
  alts.push(`&#0{0,6}${cp};`, `&#[xX]0{0,6}${hexPattern(cp, 1)};`);
  if (NAMED_ENTITY[ch]) alts.push(`&${NAMED_ENTITY[ch]};`);
  // form encoding: a space as "+" (and "+" encoded once more)
  if (ch === ' ') alts.push('\\+', `${PERCENT}2[Bb]`);
  return `(?:${alts.join('|')})`;
}

/** A pattern for `secret` in any of the spellings above (a run of backslashes as one unit, to stay linear). */
function secretPattern(secret: string): string {
  let out = '';
  const chars = [...secret];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\\') {
      let n = 1;
      while (chars[i + n] === '\\') n++;
      // n backslashes: themselves, escaped up to three times (8n), or as \u005C
      out += `(?:${BACKSLASH}{${n},${8 * n}}|(?:${unicodeEscape(0x5c)}|&#0{0,6}92;|&#[xX]0{0,6}5[Cc];){${n}})`;
      i += n - 1;
    } else {
      out += characterPattern(chars[i]);
    }
  }
  return out;
}

/**
 * Every spelling of a character but the character itself holds one of these (characterPattern): a percent
 * escape, a backslash, an HTML character reference, or "+" for a space.
 */
const ENCODING_SIGN = /[%\\+]|&(?:#|[A-Za-z]+;)/;

interface Matcher {
  /** The secrets as they are, longest first: all a text without an ENCODING_SIGN can hold. */
  raw: string[];
  /** Each secret in every spelling (global), longest first: one pattern each, so that none grows too large. */
  forms: RegExp[];
  /** The same, for one test of a decoded text. */
  tests: RegExp[];
  /** The UTF-8 length of the shortest secret: shorter decoded text cannot hold one. */
  shortestBytes: number;
  /** Pieces that base64 or hex of a secret (raw or JSON-escaped) holds whatever comes before it: runs without one are not decoded. */
  encodedPieces: RegExp;
}

/**
 * The parts of base64(prefix + value) that do not depend on the prefix, for the three alignments, in the standard
 * and URL-safe alphabets, and the value in hex: a cheap test of which runs are worth decoding.
 */
function encodedPieces(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const out = [bytes.toString('hex'), bytes.toString('hex').toUpperCase()];
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const core = b64.slice(Math.ceil((shift * 4) / 3), Math.floor((shift + bytes.length) / 3) * 4);
    if (core.length >= 2) out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

function compile(secrets: Iterable<string>): Matcher | undefined {
  const list = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  if (!list.length) return undefined;
  const sources = list.map(secretPattern);
  return {
    raw: list,
    forms: sources.map((s) => new RegExp(s, 'g')),
    tests: sources.map((s) => new RegExp(s)),
    shortestBytes: Math.min(...list.map((s) => Buffer.byteLength(s, 'utf8'))),
    encodedPieces: new RegExp([...new Set(list.flatMap((s) => [...encodedPieces(s), ...encodedPieces(JSON.stringify(s).slice(1, -1))]))]
      .sort((a, b) => b.length - a.length).map(escapeRe).join('|')),
  };
}

let extraCache: { key: string; matcher: Matcher | undefined } | undefined;
function matchersFor(extra: readonly string[]): Matcher[] {
  if (compiled === undefined) compiled = compile(knownSecrets) ?? null;
  const out: Matcher[] = compiled ? [compiled] : [];
  const unknown = extra.filter((s) => !knownSecrets.has(s));
  if (!unknown.length) return out;
  const key = unknown.join('\u0000');
  if (extraCache?.key !== key) extraCache = { key, matcher: compile(unknown) };
  if (extraCache.matcher) out.push(extraCache.matcher);
  return out;
}

// ---- registered secrets inside base64 or hex ------------------------------------------------------------------
//
// A base64 (or hex) run that holds a piece of a secret's encoding is decoded, and the decoded text searched for the
// secrets in every spelling above: this
// finds a secret of any length after any prefix (HTTP Basic's `user:password` with a user never seen, a base64
// JSON body), where matching pieces of the encoded secret needs long secrets. Decoding at the four character
// offsets covers a run that starts before the encoded data. The whole run is masked (a partial group next to the
// secret would leak a byte). "+", "/" and "=" may be percent-encoded, "/" JSON-escaped.

const ENCODED_RUN = /(?<!%[0-9A-Fa-f]?)(?:[A-Za-z0-9+/_-]|%2[BbFf]|\\\/)+(?:=|%3[Dd])*/g;
const HEX_RUN = /^(?:[0-9a-fA-F]{2})+$/;

function decodedHolds(run: string, m: Matcher): boolean {
  const plain = /[%\\=]/.test(run) ? run.replace(/%2[Bb]/g, '+').replace(/%2[Ff]|\\\//g, '/').replace(/(?:=|%3[Dd])+$/, '') : run;
  if (Math.floor((plain.length * 3) / 4) < m.shortestBytes || !m.encodedPieces.test(plain)) return false;
  const holds = (decoded: string) => m.tests.some((re) => re.test(decoded));
  for (let offset = 0; offset < 4 && plain.length - offset >= 2; offset++) {
    if (holds(Buffer.from(plain.slice(offset), 'base64').toString('utf8'))) return true;
  }
  return HEX_RUN.test(plain) && holds(Buffer.from(plain, 'hex').toString('utf8'));
}

function maskEncodedRuns(text: string, m: Matcher): string {
  return text.replace(ENCODED_RUN, (run) => (decodedHolds(run, m) ? REDACTED : run));
}

// ---- credentials by their look ---------------------------------------------------------------------------------
//
// A value is masked when the NAME it stands under says it is a credential, whatever the name's prefix or
// spelling (password, user_password, DB_PASSWORD, passwordConfirmation, X_API_KEY, x-api-key, helpcrunchApiKey,
// rc_token, PHPSESSID, Set-Cookie…) and whatever separates it from the value in the logs of any language:
// `k: v`, `k=v`, `"k": "v"`, `'k' => 'v'` (PHP, Ruby), `[k] => v` (print_r), `:k => v`, `k := v`,
// `%22k%22%3A%22v%22` and `k%3Dv` (percent-encoded), `<k>v</k>` (XML), `['k', 'v']` (Headers entries) and
// "the password is v". The names follow what secret scanners and log scrubbers treat as secret (Yelp's
// detect-secrets keyword list, Sentry's default scrubbed fields, watson/is-secret): see `isSecretName`.

/** Words of a key name: split at separators, camelCase and digits; lower case. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** The last word (or last two words joined) of a name that carries a credential. */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'passwort', 'passphrase', 'passcode', 'pwd', 'pass', 'secret', 'token', 'credential', 'credentials',
  'authorization', 'auth', 'cookie', 'apikey', 'accesskey', 'secretkey', 'privatekey', 'clientkey', 'signingkey',
  'encryptionkey', 'masterkey', 'licensekey', 'appkey', 'authkey', 'sessionkey', 'subscriptionkey', 'consumerkey',
  'accountkey', 'functionskey', 'webhookkey', 'sessid', 'sessionid', 'phpsessid', 'jsessionid', 'aspsessionid', 'otp', 'totp',
]);
/** Names that start like a credential but name something about it (password_policy, secretName, tokenType…). */
const ABOUT_WORDS = new Set([
  'policy', 'policies', 'length', 'len', 'min', 'max', 'strength', 'hint', 'type', 'types', 'expires', 'expiry', 'expired',
  'expiration', 'at', 'date', 'time', 'changed', 'updated', 'created', 'required', 'rules', 'rule', 'name', 'names',
  'id', 'ids', 'url', 'uri', 'path', 'file', 'count', 'enabled', 'label', 'field', 'prompt', 'help', 'placeholder',
  'manager', 'mode', 'version', 'format', 'status', 'source', 'kind', 'limit', 'ttl', 'age', 'set', 'store', 'storage',
]);
const SECRET_FIRST = new Set(['password', 'passwd', 'passwort', 'passphrase', 'pwd', 'secret', 'credentials']);

/**
 * Whether a key name says its value is a credential. The user id (`X-User-Id`, `userId`) is not: it names the
 * account, as agents and logs show it, and is useless without the token.
 */
export function isSecretName(name: string): boolean {
  const w = nameWords(name);
  if (!w.length) return false;
  const last = w[w.length - 1];
  if (SECRET_WORDS.has(last)) return true;
  if (w.length >= 2 && SECRET_WORDS.has(w[w.length - 2] + last) && !ABOUT_WORDS.has(last)) return true;
  return SECRET_FIRST.has(w[0]) && !ABOUT_WORDS.has(last);
}

/** Names whose value is a whole header line: cookies (`a=1; b=2`) and Authorization with any scheme's parameters. */
const isLineValued = (name: string) => { const w = nameWords(name); return w.includes('cookie') || w[w.length - 1] === 'authorization'; };

// A name, quoted or bracketed as logs write keys (`"k"`, `'k'`, `\"k\"`, `[k]`, `:k`, `%22k%22`), then a separator.
// The name starts where no name character precedes it (or right after a %XX escape); it is bounded in length.
const KEY_SEPARATOR = /(?:(?<![A-Za-z0-9_.-])|(?<=%[0-9A-Fa-f]{2}))(\\{0,7}["']|\[|:|%22)?([A-Za-z][A-Za-z0-9_.-]{0,80})(\\{0,7}["']|\]|%22)?(?:[ \t]*(=>)\s*|[ \t]*(:=|[:=]|%3[Dd]|%3[Aa])[ \t]*|[ \t]*(,)[ \t]*(?=\\*["']))/g;
const SCHEME = /^(?:basic|bearer|token|digest|negotiate|ntlm)\s+/i;
const PHP_VAR_DUMP = /^string\(\d+\)\s*/;
const LINE_START = /(?:^|[\n\r])(?:[ \t]*(?:[-*>#]+[ \t]+)?(?:export[ \t]+)?)$/;

/** Backslashes right before index `i`. */
function backslashesBefore(text: string, i: number): number {
  let n = 0;
  while (i - 1 - n >= 0 && text.charCodeAt(i - 1 - n) === 0x5c) n++;
  return n;
}

/** The end of the line `from` is in; remembered, so that many values on one long line cost one scan. */
let lastLine = { text: '', from: 0, end: 0 };
function lineEnd(text: string, from: number): number {
  if (lastLine.text === text && from >= lastLine.from && from <= lastLine.end) return lastLine.end;
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  lastLine = { text, from, end };
  return end;
}

/** A quoted value at `start` (`"x"`, `\"x\"` at any JSON level, `'x'`): where it ends and its mask. */
function maskQuoted(text: string, start: number): { end: number; mask: string } | undefined {
  const open = /^(\\*)(["'])/.exec(text.slice(start, start + 16));
  if (!open) return undefined;
  const level = open[1].length;
  const q = open[2];
  const modulus = 2 * (level + 1);
  for (let i = start + open[0].length; i < text.length; i++) {
    if (text[i] === '\n') break;
    if (text[i] !== q) continue;
    const b = backslashesBefore(text, i);
    if (b >= level && (b - level) % modulus === 0) return { end: i + 1, mask: `${open[0]}${REDACTED}${open[1]}${q}` };
  }
  // never closed: mask to the end of the line
  return { end: lineEnd(text, start), mask: `${open[0]}${REDACTED}` };
}

/**
 * Where the value starting at `start` ends, and how to mask it. Quoted values end at their closing quote of the
 * same escaping level, percent-quoted ones (`%22…%22`) at the next `%22`; a bracketed one (`[Bearer x]`) at its
 * bracket; a bare value at whitespace, at `&` (and `%26`) after `=`, or at an unescaped quote, so that passwords
 * full of regex and URL metacharacters (`p@$$(w)rd.*+?`) are masked whole. A bare value of a name that starts a
 * line (YAML, env files, print_r, header dumps) and of Cookie/Authorization runs to the end of the line.
 * Nested objects are left to their own keys.
 */
function maskValue(text: string, start: number, name: string, separator: string, atLineStart: boolean): { end: number; mask: string } | undefined {
  if (text.startsWith(REDACTED, start)) return undefined;
  const c = text[start];
  if (c === undefined || c === '{' || c === '\n' || c === '\r') return undefined;
  const quoted = maskQuoted(text, start);
  if (quoted) return quoted;
  if (/^%22/i.test(text.slice(start, start + 3))) {
    const close = text.slice(start + 3).search(/%22/i);
    const end = close < 0 ? lineEnd(text, start) : start + 3 + close;
    return { end, mask: `${text.slice(start, start + 3)}${REDACTED}` };
  }
  if (c === '[') {
    if (text.startsWith(REDACTED, start + 1)) return undefined;
    const close = text.indexOf(']', start);
    const nl = lineEnd(text, start);
    if (close > start && close < nl && !text.slice(start, close).includes('{')) {
      const inner = text.slice(start + 1, close).trim();
      if (!inner || inner === 'redacted' || /^\\*["']/.test(inner)) return inner && inner !== 'redacted' ? maskQuoted(text, text.indexOf(inner, start)) : undefined;
      return { end: close, mask: `[${REDACTED}` };
    }
    return undefined;
  }
  let i = start;
  const varDump = PHP_VAR_DUMP.exec(text.slice(start, start + 24));
  if (varDump) {
    const inner = maskQuoted(text, start + varDump[0].length);
    return inner && { end: inner.end, mask: `${varDump[0]}${inner.mask}` };
  }
  const scheme = SCHEME.exec(text.slice(start, start + 16));
  if (scheme) i += scheme[0].length;
  if (text.startsWith(REDACTED, i)) return undefined;
  const form = separator === '=' || /^%3d$/i.test(separator);
  const toLineEnd = isLineValued(name) || atLineStart;
  const from = i;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') break;
    if (form && (ch === '&' || (ch === '%' && /^%26/i.test(text.slice(i, i + 3))))) break;
    if (toLineEnd) continue;
    if (/\s/.test(ch)) break;
    if ((ch === '"' || ch === "'") && backslashesBefore(text, i) % 2 === 0) break;
  }
  if (toLineEnd) while (i > from && /\s/.test(text[i - 1])) i--;
  if (i === from) return undefined;
  return { end: i, mask: `${text.slice(start, from)}${REDACTED}` };
}

function maskKeyValues(text: string): string {
  let out = '';
  let last = 0;
  KEY_SEPARATOR.lastIndex = 0;
  for (let m = KEY_SEPARATOR.exec(text); m; m = KEY_SEPARATOR.exec(text)) {
    const name = m[2];
    if (!isSecretName(name)) {
      // go on after the name only: the value may hold the next key (`a: password=x`)
      KEY_SEPARATOR.lastIndex = m.index + (m[1]?.length ?? 0) + name.length;
      continue;
    }
    const valueStart = m.index + m[0].length;
    if (valueStart < last) continue;
    const separator = m[4] ?? m[5] ?? m[6];
    const atLineStart = LINE_START.test(text.slice(Math.max(0, m.index - 40), m.index)) || m.index === 0;
    const masked = maskValue(text, valueStart, name, separator, atLineStart);
    if (!masked) continue;
    out += text.slice(last, valueStart) + masked.mask;
    last = masked.end;
    KEY_SEPARATOR.lastIndex = Math.max(KEY_SEPARATOR.lastIndex, masked.end);
  }
  return last === 0 ? text : out + text.slice(last);
}

/** An XML start tag: `<password>`, `<ns:Password type="x">`. Its element's text is masked when the name says secret. */
const XML_START = /<((?:[A-Za-z_][\w.-]{0,40}:)?([A-Za-z_][\w.-]{0,80}))(?:\s[^<>\n]{0,400})?>/g;

/** `<password>v</password>`: the text up to the element's end tag on the same line (a raw "<" in it included). */
function maskXml(text: string): string {
  let out = '';
  let last = 0;
  XML_START.lastIndex = 0;
  for (let m = XML_START.exec(text); m; m = XML_START.exec(text)) {
    if (!isSecretName(m[2])) continue;
    const start = m.index + m[0].length;
    // values are short: look for the end tag within 1,000 characters of the same line
    const found = text.slice(start, Math.min(lineEnd(text, start), start + 1000)).indexOf(`</${m[1]}>`);
    const close = start + found;
    if (found <= 0 || text.slice(start, close) === REDACTED) continue;
    out += text.slice(last, start) + REDACTED;
    last = close;
    XML_START.lastIndex = close;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** "the password is v": the value unless it is a plain word ("the password is incorrect"). */
const PROSE = /\b(password|passwd|passphrase|pwd|pin|secret|token|api[ _-]?key)([ \t]+(?:is|was)[ \t]+)(\\*["']?)(\S+)/gi;

const PATTERNS: [RegExp, string][] = [
  // A scheme and a token anywhere (a server echoing the header back in prose).
  [/\b(Bearer|Basic)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{6,}/gi, `$1 ${REDACTED}`],
  // user:password@ in URLs (the password up to the last "@" before the path: it may contain "@" itself)
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/]+@/gi, `$1${REDACTED}@`],
  // JWTs (three base64url segments, the first starting with eyJ)
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, REDACTED],
];

function maskProse(text: string): string {
  let out = '';
  let last = 0;
  PROSE.lastIndex = 0;
  for (let m = PROSE.exec(text); m; m = PROSE.exec(text)) {
    const valueStart = m.index + m[1].length + m[2].length;
    if (valueStart < last) continue;
    const quoted = m[3] ? maskQuoted(text, valueStart) : undefined;
    const masked = quoted ?? (m[4] === REDACTED || /^[A-Za-z]+[.,;:!?)]*$/.test(m[4]) ? undefined : { end: valueStart + m[4].length, mask: REDACTED });
    if (!masked) continue;
    out += text.slice(last, valueStart) + masked.mask;
    last = masked.end;
    PROSE.lastIndex = Math.max(PROSE.lastIndex, masked.end);
  }
  return last === 0 ? text : out + text.slice(last);
}

function maskByLook(text: string): string {
  let out = maskKeyValues(text);
  out = maskXml(out);
  out = maskProse(out);
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}

/**
 * `text` with every registered secret (raw, URL-encoded, form-encoded, base64 alone or inside `user:password`,
 * JSON-escaped once or twice) and everything that looks like a credential replaced by `[redacted]`. Pass the
 * whole text: redact first, then cut (src/text/truncate.ts). Idempotent.
 */
export function redact(text: string, extraSecrets: readonly (string | undefined)[] = []): string {
  let out = text;
  const extra = extraSecrets.filter((s): s is string => !!s && s.length >= MIN_SECRET);
  for (const m of matchersFor(extra)) {
    if (ENCODING_SIGN.test(out)) {
      for (const re of m.forms) out = out.replace(re, REDACTED);
    } else {
      // no spelling but the raw one is possible: plain substring search, cheap whatever the number of secrets
      for (const s of m.raw) if (out.includes(s)) out = out.split(s).join(REDACTED);
    }
    out = maskEncodedRuns(out, m);
  }
  return maskByLook(out);
}
