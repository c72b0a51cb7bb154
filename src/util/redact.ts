// Redaction of credentials from any text that may leave the process (logs, error messages, webviews).
// Two layers: known secret values registered at run time (exact match), and patterns for what looks
// like a credential wherever it appears (headers, URLs with user:password, JWTs, key=value pairs).

const REDACTED = '[redacted]';
const knownSecrets = new Set<string>();

/** Register a secret value so that it is masked wherever it later appears. Values under 4 chars are ignored. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) knownSecrets.add(value);
}

export function unregisterSecret(value: string | undefined): void {
  if (value) knownSecrets.delete(value);
}

// Names under which credentials travel: headers, JSON/JS object keys, query parameters.
const KEY = '(?:proxy-authorization|authorization|x-auth-token|auth[_-]?token|api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|client[_-]?secret|token|password|passwd|secret)';
// A value: a quoted string (with escapes), or a bare word, optionally after an auth scheme.
const VALUE = `("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|(?:(?:basic|bearer|token)\\s+)?[^\\s"',;}&)\\][][^\\s"',;}&)\\]]*)`;
/** key: value, key=value, "key": "value", 'key': 'value' (JSON, util.inspect, headers, query strings). */
const KEY_VALUE = new RegExp(`((["']?)\\b${KEY}\\2\\s*[:=]\\s*)${VALUE}`, 'gi');
/** ['authorization', 'Bearer x'] (Headers entries, arrays of pairs): a quoted key, a comma, the value. */
const KEY_COMMA_VALUE = new RegExp(`((["'])${KEY}\\2\\s*,\\s*)${VALUE}`, 'gi');

function maskValue(_m: string, prefix: string, _q: string, value: string): string {
  const q = value[0];
  return q === '"' || q === "'" ? `${prefix}${q}${REDACTED}${q}` : `${prefix}${REDACTED}`;
}

const PATTERNS: [RegExp, string | ((...args: string[]) => string)][] = [
  [KEY_VALUE, maskValue as (...args: string[]) => string],
  [KEY_COMMA_VALUE, maskValue as (...args: string[]) => string],
  // A scheme and a token anywhere (a server echoing the header back in prose).
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, `$1 ${REDACTED}`],
  // user:password@ in URLs
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, `$1${REDACTED}@`],
  // JWTs (three base64url segments, the first starting with eyJ)
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, REDACTED],
];

/** Mask every registered secret (and anything matching a credential pattern) in `text`. */
export function redact(text: string, extraSecrets: readonly (string | undefined)[] = []): string {
  let out = text;
  const secrets = [...knownSecrets, ...extraSecrets.filter((s): s is string => !!s && s.length >= 4)]
    .sort((a, b) => b.length - a.length);
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join(REDACTED);
    // secrets also travel base64-encoded (HTTP Basic) and URI-encoded
    const b64 = Buffer.from(s, 'utf8').toString('base64');
    if (b64.length >= 8 && out.includes(b64)) out = out.split(b64).join(REDACTED);
    const enc = encodeURIComponent(s);
    if (enc !== s && out.includes(enc)) out = out.split(enc).join(REDACTED);
  }
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep as string);
  return out;
}
