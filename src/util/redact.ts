// Redaction of credentials from any text that may leave the process (logs, error messages, webviews).
// Two layers: known secret values registered at run time, matched in every form a message can carry them in,
// and patterns for what looks like a credential wherever it appears (headers, key=value pairs, URLs with
// user:password, JWTs). Redact the WHOLE text before cutting it to a length: a credential cut in two is no
// longer recognised (src/text/truncate.ts never cuts inside the marker).
import { REDACTED } from '../text/truncate';

export { REDACTED };

const MIN_SECRET = 4;
/** Shortest base64 piece of a secret matched inside a longer base64 text (shorter ones match too much). */
const MIN_BASE64_CORE = 8;

const knownSecrets = new Set<string>();
let compiled: Matcher | undefined;

/** Register a secret value so that it is masked wherever it later appears. Values under 4 chars are ignored. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET && !knownSecrets.has(value)) {
    knownSecrets.add(value);
    compiled = undefined;
  }
}

export function unregisterSecret(value: string | undefined): void {
  if (value && knownSecrets.delete(value)) compiled = undefined;
}

// ---- registered secrets, in every form -----------------------------------------------------------------------

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for percent-encoded text that also matches lower-case hex digits (%2f as well as %2F). */
const percentPattern = (s: string) => escapeRe(s).replace(/%([0-9A-F])([0-9A-F])/g, (_m, a: string, b: string) =>
  `%[${a}${a.toLowerCase()}][${b}${b.toLowerCase()}]`);

const jsonBody = (s: string) => JSON.stringify(s).slice(1, -1);
/** As PHP's json_encode writes it by default: "/" as "\/", every non-ASCII character as \uXXXX. */
const phpJsonBody = (s: string) => jsonBody(s).replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The forms a secret takes in a message: raw; URL-encoded (encodeURIComponent, encodeURI, form encoding with
 * "+" for spaces); JSON-escaped (JavaScript's and PHP's way) once and twice (a JSON body inside a JSON string).
 */
function textForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const json = [jsonBody(secret), phpJsonBody(secret)];
  for (const j of json) {
    forms.add(j);
    forms.add(jsonBody(j));
  }
  return [...forms].filter((f) => f.length >= MIN_SECRET);
}

function percentForms(secret: string): string[] {
  const forms = new Set<string>([encodeURIComponent(secret), encodeURI(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
  forms.delete(secret);
  return [...forms];
}

/**
 * The parts of base64(prefix + secret) that do not depend on the prefix, for the three alignments: found inside
 * any base64 text that carries the secret (alone, as HTTP Basic's `user:password`, inside a bigger blob), in
 * standard and URL-safe alphabets.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores = new Set<string>();
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64').replace(/=+$/, '');
    // characters touched by the prefix: the first ceil(shift * 4 / 3); by the end: the last partial group
    const start = Math.ceil((shift * 4) / 3);
    const total = shift + bytes.length;
    const end = Math.floor(total / 3) * 4;
    const core = b64.slice(start, end);
    if (core.length >= MIN_BASE64_CORE) {
      cores.add(core);
      cores.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...cores];
}

interface Matcher {
  forms: RegExp | undefined;
  base64: RegExp | undefined;
}

function compile(secrets: Iterable<string>): Matcher {
  const text: string[] = [];
  const percent: string[] = [];
  const cores: string[] = [];
  for (const s of secrets) {
    text.push(...textForms(s));
    percent.push(...percentForms(s));
    cores.push(...base64Cores(s));
  }
  const alternatives = [
    ...[...new Set(text)].map((f) => ({ len: f.length, re: escapeRe(f) })),
    ...[...new Set(percent)].map((f) => ({ len: f.length, re: percentPattern(f) })),
  ].sort((a, b) => b.len - a.len).map((a) => a.re);
  const uniqueCores = [...new Set(cores)].sort((a, b) => b.length - a.length).map(escapeRe);
  return {
    forms: alternatives.length ? new RegExp(alternatives.join('|'), 'g') : undefined,
    base64: uniqueCores.length ? new RegExp(uniqueCores.join('|'), 'g') : undefined,
  };
}

let extraCache: { key: string; matcher: Matcher } | undefined;
function matcherFor(extra: readonly string[]): Matcher[] {
  compiled ??= compile(knownSecrets);
  const unknown = extra.filter((s) => !knownSecrets.has(s));
  if (!unknown.length) return [compiled];
  const key = unknown.join('\u0000');
  if (extraCache?.key !== key) extraCache = { key, matcher: compile(unknown) };
  return [compiled, extraCache.matcher];
}

const BASE64_CHAR = /[A-Za-z0-9+/_-]/;

/** Replaces the whole base64 run around each core found (a partial group beside the secret would leak a byte). */
function maskBase64Runs(text: string, cores: RegExp): string {
  let out = '';
  let last = 0;
  cores.lastIndex = 0;
  for (let m = cores.exec(text); m; m = cores.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start > last && BASE64_CHAR.test(text[start - 1])) start--;
    while (end < text.length && BASE64_CHAR.test(text[end])) end++;
    while (end < text.length && text[end] === '=') end++;
    out += text.slice(last, start) + REDACTED;
    last = end;
    cores.lastIndex = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

// ---- credentials by their look ---------------------------------------------------------------------------------

// Names under which credentials travel: headers, JSON/JS object keys, query parameters, form fields.
const KEY = '(?:proxy-authorization|authorization|x-auth-token|auth[_-]?token|api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|client[_-]?secret|token|password|passwd|pwd|secret)';
/**
 * key: value, key=value, "key": "value", 'key': 'value', \"key\":\"value\" (JSON inside JSON), and the pair form
 * ['key', 'value'] (Headers entries). The value itself is read by `valueEnd`, not by the pattern.
 */
const KEY_SEPARATOR = new RegExp(`(\\\\*["']?)\\b${KEY}(\\\\*["']?)(\\s*[:=]\\s*|\\s*,\\s*(?=\\\\*["']))`, 'gi');
const SCHEME = /^(?:basic|bearer|token)\s+/i;

/** Backslashes right before index `i`. */
function backslashesBefore(text: string, i: number): number {
  let n = 0;
  while (i - 1 - n >= 0 && text.charCodeAt(i - 1 - n) === 0x5c) n++;
  return n;
}

/**
 * Where the value starting at `start` ends, and how to mask it. Quoted values (at any JSON escaping level: `"x"`,
 * `\"x\"`, `\\\"x\\\"`) end at their closing quote of the same level; bare values end at whitespace, at `&` after
 * `=` (query strings, form bodies), or at an unescaped quote, so that passwords full of regex and URL
 * metacharacters (`p@$$(w)rd.*+?`) are masked whole.
 */
function maskValue(text: string, start: number, separator: string): { end: number; mask: string } | undefined {
  const open = /^(\\*)(["'])/.exec(text.slice(start, start + 16));
  if (open) {
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
    const nl = text.indexOf('\n', start);
    return { end: nl < 0 ? text.length : nl, mask: `${open[0]}${REDACTED}` };
  }
  let i = start;
  const scheme = SCHEME.exec(text.slice(start, start + 16));
  if (scheme) i += scheme[0].length;
  const form = separator.includes('=');
  const from = i;
  for (; i < text.length; i++) {
    const c = text[i];
    if (/\s/.test(c) || (form && c === '&')) break;
    if ((c === '"' || c === "'") && backslashesBefore(text, i) % 2 === 0) break;
  }
  if (i === from) return undefined;
  return { end: i, mask: REDACTED };
}

function maskKeyValues(text: string): string {
  let out = '';
  let last = 0;
  KEY_SEPARATOR.lastIndex = 0;
  for (let m = KEY_SEPARATOR.exec(text); m; m = KEY_SEPARATOR.exec(text)) {
    const valueStart = m.index + m[0].length;
    if (valueStart < last) continue;
    const masked = maskValue(text, valueStart, m[3]);
    if (!masked) continue;
    out += text.slice(last, valueStart) + masked.mask;
    last = masked.end;
    KEY_SEPARATOR.lastIndex = Math.max(KEY_SEPARATOR.lastIndex, masked.end);
  }
  return last === 0 ? text : out + text.slice(last);
}

const PATTERNS: [RegExp, string][] = [
  // A scheme and a token anywhere (a server echoing the header back in prose).
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, `$1 ${REDACTED}`],
  // user:password@ in URLs (the password up to the last "@" before the path: it may contain "@" itself)
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/]+@/gi, `$1${REDACTED}@`],
  // JWTs (three base64url segments, the first starting with eyJ)
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, REDACTED],
];

/**
 * `text` with every registered secret (raw, URL-encoded, form-encoded, base64 alone or inside `user:password`,
 * JSON-escaped once or twice) and everything that looks like a credential replaced by `[redacted]`. Pass the
 * whole text: redact first, then cut (src/text/truncate.ts). Idempotent.
 */
export function redact(text: string, extraSecrets: readonly (string | undefined)[] = []): string {
  let out = text;
  const extra = extraSecrets.filter((s): s is string => !!s && s.length >= MIN_SECRET);
  for (const m of matcherFor(extra)) {
    if (m.forms) out = out.replace(m.forms, REDACTED);
    if (m.base64) out = maskBase64Runs(out, m.base64);
  }
  out = maskKeyValues(out);
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}
