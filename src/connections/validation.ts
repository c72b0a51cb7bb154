// Validation of everything the user types into the connection flow. Pure functions (no vscode):
// each returns the cleaned value or a message fit to show at the input.
import { PLATFORM_NAMES, type Platform } from '../api/model';
import { defaultBaseUrl } from '../api/baseUrl';
import { t } from '../util/l10n';
import { decodeJwtClaims, formatDate, looksLikeJwt, looksLikeReveKey } from './reveKey';

export const MAX_INPUT_LENGTH = 4096;

export interface Validated {
  /** The cleaned value to use (trimmed, quotes and a pasted "Bearer " removed). */
  value: string;
  /** Blocks going on. */
  error?: string;
  /** Shown, but does not block. */
  warning?: string;
}

const QUOTES: [string, string][] = [['"', '"'], ["'", "'"], ['`', '`'], ['\u201c', '\u201d'], ['\u2018', '\u2019'], ['<', '>']];

/** Trims whitespace (including non-breaking and zero-width) and surrounding quotes from a pasted value. */
export function cleanPaste(raw: string): string {
  const trim = (s: string) => s.replace(/^(?:\s|\u200b|\u200c|\u200d|\ufeff)+|(?:\s|\u200b|\u200c|\u200d|\ufeff)+$/g, '');
  let v = trim(raw);
  for (let i = 0; i < 2; i++) {
    const q = QUOTES.find(([a, b]) => v.length >= 2 && v.startsWith(a) && v.endsWith(b));
    if (!q) break;
    v = trim(v.slice(1, -1));
  }
  return v;
}

function tooLong(raw: string): string | undefined {
  return raw.length > MAX_INPUT_LENGTH
    ? t('That is {0} characters long, which is not a value for this field. Did you paste the wrong thing?', raw.length.toLocaleString('en-US'))
    : undefined;
}

function stripBearer(v: string): { value: string; stripped: boolean } {
  const m = /^bearer\s+/i.exec(v);
  return m ? { value: cleanPaste(v.slice(m[0].length)), stripped: true } : { value: v, stripped: false };
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return /^127(\.\d{1,3}){3}$/.test(h);
}

/** A platform base URL: http(s), https unless loopback, no credentials, no query or fragment. Returns it without a trailing slash. */
export function validateBaseUrl(raw: string): Validated {
  const long = tooLong(raw);
  if (long) return { value: '', error: long };
  let v = cleanPaste(raw);
  if (!v) return { value: v, error: t('Enter the server URL, e.g. https://chat.example.com') };
  if (/\s/.test(v)) return { value: v, error: t('A URL cannot contain spaces.') };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(v) && !/^[^:]+:\d/.test(v)) {
      return { value: v, error: t('Only http:// and https:// URLs are supported.') };
    }
    v = `https://${v}`;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { value: v, error: t('This is not a valid URL.') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { value: v, error: t('Only http:// and https:// URLs are supported.') };
  }
  if (url.username || url.password || /\/\/[^/]*@/.test(v)) {
    return { value: v, error: t('Do not put a user name or password in the URL; Chatdesk asks for credentials separately and keeps them in the secret store.') };
  }
  if (url.search || url.hash || v.includes('?') || v.includes('#')) {
    return { value: v, error: t('Enter the base URL only, without ?query or #fragment.') };
  }
  if (!url.hostname) return { value: v, error: t('This is not a valid URL.') };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { value: v, error: t('Use https:// — plain http:// would send your credentials unencrypted (allowed only for localhost).') };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { value: `${url.protocol}//${url.host}${path}` };
}

export function validateAccountId(raw: string): Validated {
  const long = tooLong(raw);
  if (long) return { value: '', error: long };
  const v = cleanPaste(raw);
  if (!v) return { value: v, error: t('Enter the account ID (a number, shown in REVE Chat under Settings).') };
  if (!/^\d{1,20}$/.test(v)) return { value: v, error: t('The account ID is a number, e.g. 8683034.') };
  return { value: v };
}

/** REVE Chat Authorization key: a JWT, sent without "Bearer"; rejected when expired. */
export function validateReveKey(raw: string, now: number = Date.now()): Validated {
  const long = tooLong(raw);
  if (long) return { value: '', error: long };
  const { value, stripped } = stripBearer(cleanPaste(raw));
  if (!value) return { value, error: t('Enter the Authorization key (REVE Chat: Settings → Security → Auth Key).') };
  if (/\s/.test(value)) return { value, error: t('The key cannot contain spaces or line breaks.') };
  if (!looksLikeJwt(value)) {
    return { value, error: t('This is not a REVE Chat Authorization key: those are JWTs (three parts separated by dots, starting with "eyJ").') };
  }
  const claims = decodeJwtClaims(value);
  if (!claims) return { value, error: t('This key cannot be read: it is not a valid JWT.') };
  if (claims.expiresAt !== undefined && claims.expiresAt <= now) {
    return { value, error: t('This key expired on {0}. Generate a new one in REVE Chat (Settings → Security → Auth Key).', formatDate(claims.expiresAt)) };
  }
  return stripped ? { value, warning: t('Removed the "Bearer " prefix: REVE Chat expects the key alone.') } : { value };
}

/** HelpCrunch API key (sent as Bearer). */
export function validateHelpCrunchKey(raw: string): Validated {
  const long = tooLong(raw);
  if (long) return { value: '', error: long };
  const { value, stripped } = stripBearer(cleanPaste(raw));
  if (!value) return { value, error: t('Enter the API key (HelpCrunch: Settings → Developers → Public API).') };
  if (/\s/.test(value)) return { value, error: t('The key cannot contain spaces or line breaks.') };
  if (looksLikeReveKey(value)) return { value, error: t('This looks like a REVE Chat Authorization key, not a HelpCrunch API key.') };
  if (value.length < 8) return { value, error: t('This key is too short to be a HelpCrunch API key.') };
  return stripped ? { value, warning: t('Removed the "Bearer " prefix: Chatdesk adds it itself.') } : { value };
}

export function validateRocketUserId(raw: string): Validated {
  const long = tooLong(raw);
  if (long) return { value: '', error: long };
  const v = cleanPaste(raw);
  if (!v) return { value: v, error: t('Enter your user ID (Rocket.Chat: My Account → Personal Access Tokens shows it with the token).') };
  if (/\s/.test(v)) return { value: v, error: t('A user ID cannot contain spaces.') };
  if (looksLikeJwt(v)) return { value: v, error: t('This looks like a key, not a Rocket.Chat user ID.') };
  if (!/^[A-Za-z0-9_-]{3,64}$/.test(v)) return { value: v, error: t('A Rocket.Chat user ID has letters and digits only, e.g. hw5DThnhQmxDWnavu.') };
  return { value: v };
}

export function validateRocketToken(raw: string): Validated {
  const long = tooLong(raw);
  if (long) return { value: '', error: long };
  const { value } = stripBearer(cleanPaste(raw));
  if (!value) return { value, error: t('Enter the personal access token.') };
  if (/\s/.test(value)) return { value, error: t('The token cannot contain spaces or line breaks.') };
  if (looksLikeReveKey(value)) return { value, error: t('This looks like a REVE Chat Authorization key, not a Rocket.Chat token.') };
  if (value.length < 8) return { value, error: t('This token is too short to be a Rocket.Chat personal access token.') };
  return { value };
}

/** Optional REVE superadmin e-mail (empty = no offline messages). */
export function validateOptionalEmail(raw: string): Validated {
  const long = tooLong(raw);
  if (long) return { value: '', error: long };
  const v = cleanPaste(raw);
  if (!v) return { value: v };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return { value: v, error: t('This is not an e-mail address.') };
  return { value: v };
}

/** Password: not trimmed (spaces may be part of it) beyond a pasted line break; required when `required`. */
export function validatePassword(raw: string, required: boolean): Validated {
  const long = tooLong(raw);
  if (long) return { value: '', error: long };
  const v = raw.replace(/[\r\n]+$/, '');
  if (!v && required) return { value: v, error: t('Enter the password of that e-mail address (or go back and clear the e-mail).') };
  return { value: v };
}

export function validateLabel(raw: string): Validated {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const v = cleanPaste(raw).replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  if (!v) return { value: v, error: t('Enter a name for this connection.') };
  if (v.length > 100) return { value: v, error: t('Keep the name under 100 characters.') };
  return { value: v };
}


export const DEFAULT_BASE_URLS: Record<Platform, string> = {
  revechat: defaultBaseUrl('revechat') ?? '',
  rocketchat: defaultBaseUrl('rocketchat') ?? '',
  helpcrunch: defaultBaseUrl('helpcrunch') ?? '',
};

/** The default label for a new connection, e.g. "REVE Chat · 8683034" or "Rocket.Chat · chat.example.com". */
export function defaultLabel(platform: Platform, fields: { accountId?: string; baseUrl?: string }): string {
  const name = PLATFORM_NAMES[platform];
  if (platform === 'revechat' && fields.accountId) return `${name} · ${fields.accountId}`;
  if (fields.baseUrl) {
    try {
      const host = new URL(fields.baseUrl).host;
      if (platform !== 'helpcrunch' || host !== 'api.helpcrunch.com') return `${name} · ${host}`;
    } catch {
      // fall through
    }
  }
  return name;
}
