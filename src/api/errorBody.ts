// Reading the vendors' error bodies: every shape the three platforms (and proxies in front of them) send,
// reduced to a message fit for a user, the vendor's code and, where the body says so, a better kind.
//
//   REVE Chat   plain text under a JSON content type ("Bad credentials"), {"error":[{code,message}]},
//               invalid JSON ({ code: 403, message: "…" }), envelope {status:"error"|"failed", message}
//   Rocket.Chat {status:"error", message}, {success:false, error, errorType, details}
//   HelpCrunch  {"errors":[{code,message}, …]} (a generic "invalid_request" entry first, then the specific ones)
//   proxies     HTML pages

import { ApiError, kindForStatus, type ApiErrorKind } from './errors';
import { isObject, toText, type Json } from './values';
import { waitFromBody, waitFromText } from './waitHints';
import { stripEscapeSequences } from '../text/ansi';
import { plainMessage } from '../text/plain';
import { joinClauses, sentence } from '../text/sentences';

export const MAX_MESSAGE_LENGTH = 300;

export interface ErrorDetails {
  message?: string;
  code?: string;
  /** A kind the body itself implies (e.g. HelpCrunch `unauthorized` inside a 400, REVE envelope errors). */
  kind?: ApiErrorKind;
  /** A wait the body asks for (Rocket.Chat `details.timeToReset`, "wait N seconds"). */
  retryAfterMs?: number;
  /** The two-factor method the body's `details.method` names (Rocket.Chat: totp, email, password). */
  twoFactor?: string;
}

/**
 * One line of plain, showable text (src/text: no terminal escape sequences, controls, line breaks, direction
 * overrides), at most `max` characters, cut at a word where possible, never in half an emoji or a `[redacted]`.
 * Redact BEFORE clipping (a credential cut in two is no longer recognised): see errorForResponse.
 */
export function clip(text: string, max = MAX_MESSAGE_LENGTH): string {
  return plainMessage(stripEscapeSequences(text), max);
}

export function looksLikeHtml(text: string, contentType: string | null | undefined): boolean {
  if (contentType && /text\/html|application\/xhtml/i.test(contentType)) return true;
  return /^\s*(<!doctype\s+html|<html|<head|<body|<\?xml)/i.test(text) || /<\/?(html|body|title|center|h1)\b/i.test(text.slice(0, 2000));
}

const GENERIC_CODES = new Set(['invalid_request']);
/** Rocket.Chat's two-factor methods (`details.method` of its `totp-required` error). */
const TWO_FACTOR_METHODS = new Set(['totp', 'email', 'password']);

/**
 * Permission codes: Rocket.Chat's Meteor.Error codes of its permission checks (`error-not-allowed` "Not allowed",
 * `error-action-not-allowed`, `error-no-permission` "No permission", `not-authorized`, `error-not-authorized`,
 * `error-forbidden`; apps/meteor/server/methods and the apps' server folders), and the same words in other vendors' spellings.
 */
export const PERMISSION_CODE = /^(?:error[-_])?(?:[a-z]+[-_]){0,4}?(?:not[-_]allowed|no[-_]permissions?(?:[-_][a-z]+){0,5}|not[-_]authori[sz]ed|permission[-_]denied|access[-_]denied|forbidden|insufficient[-_]permissions?)$/;

/** Codes (HelpCrunch, Rocket.Chat errorType) that say what kind of failure it is whatever the status. */
function kindForCode(code: string | undefined): ApiErrorKind | undefined {
  if (!code) return undefined;
  const c = code.toLowerCase();
  if (c === 'unauthorized' || c === 'invalid_token' || c === 'error-invalid-token' || c === 'totp-required' || c === 'totp-invalid') return 'auth';
  if (c === 'too_many_requests' || c === 'error-too-many-requests') return 'rate-limited';
  if (c === 'forbidden' || c === 'error-unauthorized' || c === 'error-not-allowed' || c === 'access_denied' || PERMISSION_CODE.test(c)) return 'forbidden';
  if (c === 'not_found' || c.endsWith('_not_found') || c === 'error-not-found') return 'not-found';
  return undefined;
}

/** The best kind a free-text message implies; used where the status says nothing (REVE's 200 envelopes). */
export function kindFromMessage(message: string | undefined, fallback: ApiErrorKind): ApiErrorKind {
  if (!message) return fallback;
  const m = message.toLowerCase();
  if (/too many requests|rate limit|slow down/.test(m)) return 'rate-limited';
  if (/credential|unauthori[sz]ed|unauthenticated|token|auth(orization)? key|api key|expired|log(ged)? in|login|authenticat/.test(m)) return 'auth';
  if (/permission|access is denied|access denied|not permitted|forbidden|not allowed|super admin/.test(m)) return 'forbidden';
  if (/not found|no record|does not exist|doesn't exist/.test(m)) return 'not-found';
  if (/invalid|bad request|required|must be|should be|page number/.test(m)) return 'bad-request';
  return fallback;
}

function entryOf(v: unknown): { code?: string; message?: string } | undefined {
  if (typeof v === 'string') return { message: toText(v) };
  if (!isObject(v)) return undefined;
  return { code: toText(v.code), message: toText(v.message) ?? toText(v.error) ?? toText(v.detail) };
}

/** HelpCrunch `errors[]`: the specific entries (not the generic "Invalid request"), most specific first. */
function fromErrorList(list: unknown[]): ErrorDetails | undefined {
  const entries = list.map(entryOf).filter((e): e is { code?: string; message?: string } => !!e && !!(e.message || e.code));
  if (entries.length === 0) return undefined;
  const specific = entries.filter((e) => !e.code || !GENERIC_CODES.has(e.code));
  const chosen = specific.length ? specific : entries;
  // An entry whose code names a kind (unauthorized, too_many_requests…) is the most telling.
  const telling = chosen.find((e) => kindForCode(e.code));
  const ordered = telling ? [telling, ...chosen.filter((e) => e !== telling)] : chosen;
  const first = ordered[0];
  let message = first.message ?? first.code;
  // Field-level validation entries ({"code":"customer","message":"This value should be …"}) name the field.
  const isField = (e: { code?: string }) => !!e.code && !kindForCode(e.code) && !/^[a-z]+(_[a-z]+)+$/.test(e.code) && /[.[\]]|^[a-z]+$/i.test(e.code);
  if (!telling && ordered.length > 1) {
    // one sentence of clauses: "customer: This value should be …; filter[0].field: This value should not be blank."
    message = sentence(joinClauses(ordered.map((e) => (isField(e) && e.message ? `${e.code}: ${e.message}` : e.message ?? e.code))));
  } else if (isField(first) && first.message) {
    message = `${first.code}: ${first.message}`;
  }
  const numeric = first.code !== undefined && /^\d{3}$/.test(first.code) ? Number(first.code) : NaN;
  const byNumber = numeric >= 400 && numeric < 600 ? kindForStatus(numeric) : undefined;
  return { message, code: first.code, kind: kindForCode(first.code) ?? byNumber };
}

/** Rocket.Chat puts the error type in brackets at the end: "… action [error-unauthorized]". */
function splitBracketCode(message: string): { message: string; code?: string } {
  const m = /^(.*\S)\s*\[([a-z0-9_-]+)\]\s*$/i.exec(message);
  return m ? { message: m[1], code: m[2] } : { message };
}

/** Details from a parsed JSON error body, whatever the vendor. */
export function detailsFromJson(body: unknown): ErrorDetails | undefined {
  if (typeof body === 'string') return toText(body) ? { message: toText(body) } : undefined;
  if (Array.isArray(body)) return fromErrorList(body);
  if (!isObject(body)) return undefined;
  const b = body as Json;
  let details: ErrorDetails | undefined;
  // HelpCrunch {"errors":[…]}; REVE {"error":[…]}
  const list = Array.isArray(b.errors) ? b.errors : Array.isArray(b.error) ? b.error : undefined;
  if (list) {
    details = fromErrorList(list);
  } else if (typeof b.error === 'string' || typeof b.message === 'string') {
    // Rocket.Chat {success:false, error, errorType}; {status:"error", message}; {code, message}
    const text = toText(b.error) ?? toText(b.message) ?? '';
    const split = splitBracketCode(text);
    const code = toText(b.errorType) ?? split.code ?? (typeof b.code === 'string' ? toText(b.code) : undefined);
    details = { message: split.message || undefined, code, kind: kindForCode(code) ?? kindForCode(split.message) };
    if (details.message === undefined && code) details.message = code;
  } else if (isObject(b.error)) {
    details = detailsFromJson(b.error);
  }
  if (!details) return undefined;
  // Whatever the shape: Rocket.Chat 429 details {timeToReset, seconds}, a retry_after field, or "You must wait
  // 10 seconds …" in the message or any entry of a list (see waitHints.ts).
  const wait = waitFromBody(b) ?? waitFromText(details.message) ?? firstDefined((list ?? []).slice(0, 20), (e) => waitFromText(entryOf(e)?.message));
  if (wait !== undefined) details.retryAfterMs = wait;
  // Rocket.Chat's two-factor demand: details {method, codeGenerated, availableMethods} (apps/meteor/app/2fa/server/code).
  const method = isObject(b.details) && typeof b.details.method === 'string' ? b.details.method.trim().toLowerCase() : undefined;
  if (method && TWO_FACTOR_METHODS.has(method)) {
    details.twoFactor = method;
    details.kind = 'auth';
  }
  if (!details.kind && typeof b.code === 'number' && b.code >= 400 && b.code < 600) details.kind = kindForStatus(b.code);
  return details;
}

function firstDefined<T, R>(items: readonly T[], f: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const r = f(item);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** `{ code: 403, message: "…" }` and other almost-JSON: pull the message out with a tolerant regex. */
function detailsFromAlmostJson(text: string): ErrorDetails | undefined {
  const msg = /["']?(?:message|error|error_description)["']?\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/i.exec(text);
  if (!msg) return undefined;
  const raw = (msg[1] ?? msg[2] ?? '').replace(/\\(["'\\/])/g, '$1').replace(/\\n/g, ' ');
  const code = /["']?code["']?\s*:\s*["']?([\w.-]+)/i.exec(text)?.[1];
  const numeric = code !== undefined ? Number(code) : NaN;
  return {
    message: toText(raw),
    code,
    kind: kindForCode(code) ?? (numeric >= 400 && numeric < 600 ? kindForStatus(numeric) : undefined),
  };
}

/**
 * What an error body says. `text` is the raw body; `contentType` the response's. Never returns HTML or a
 * long dump: HTML becomes a one-line note, other long text is dropped.
 */
export function readErrorBody(status: number, text: string, contentType: string | null | undefined): ErrorDetails {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  if (looksLikeHtml(trimmed, contentType)) {
    return { message: `The server returned an HTML error page (HTTP ${status}).` };
  }
  try {
    return detailsFromJson(JSON.parse(trimmed)) ?? {};
  } catch {
    // not JSON
  }
  const almost = detailsFromAlmostJson(trimmed);
  if (almost?.message) return almost;
  // Plain text ("Bad credentials", "Access is denied! …", "error-too-many-requests"): keep it if short and plain.
  if (trimmed.length <= MAX_MESSAGE_LENGTH && !/[<>{}]/.test(trimmed)) {
    const split = splitBracketCode(trimmed);
    const code = split.code ?? (/^[a-z]+([_-][a-z]+)+$/.test(trimmed) ? trimmed : undefined);
    return { message: split.message, code, kind: kindForCode(code), retryAfterMs: waitFromText(trimmed) };
  }
  return {};
}

const DEFAULT_MESSAGES: Record<ApiErrorKind, string> = {
  auth: 'The server rejected the credentials.',
  forbidden: 'These credentials are not allowed to do this.',
  'not-found': 'The server could not find it.',
  'bad-request': 'The server rejected the request.',
  'rate-limited': 'Too many requests; the server asked us to slow down.',
  server: 'The server had an internal error.',
  network: 'The server could not be reached.',
  timeout: 'The server did not answer in time.',
  malformed: 'The server sent a reply that could not be read.',
  cancelled: 'The request was cancelled.',
  unsupported: 'This platform does not support this.',
};

/** Whether `message` is one of Chatdesk's own stand-ins (defaultMessage, the HTML note), not the server's words. */
export function isStandInMessage(message: string): boolean {
  return message.startsWith('The server returned an HTML error page') || Object.values(DEFAULT_MESSAGES).some((m) => message.startsWith(m));
}

export function defaultMessage(kind: ApiErrorKind, status?: number): string {
  return status ? `${DEFAULT_MESSAGES[kind]} (HTTP ${status})` : DEFAULT_MESSAGES[kind];
}

/**
 * The kind for a failed HTTP response: the status decides, except where the body is more specific
 * (a 400 whose message says "not found", a 4xx that says unauthorized or too many requests).
 */
export function kindForResponse(status: number, details: ErrorDetails): ApiErrorKind {
  const byStatus = kindForStatus(status);
  if (status === 401 || status === 403 || status === 404 || status === 429 || status >= 500) return byStatus;
  if (details.kind) return details.kind;
  if (byStatus === 'bad-request' && details.message && /not found|no record/i.test(details.message)) return 'not-found';
  return byStatus;
}

/** Builds the ApiError for a failed response; the message is passed through `sanitise` (redaction), then clipped. */
export function errorForResponse(
  status: number,
  text: string,
  contentType: string | null | undefined,
  sanitise: (s: string) => string,
  retryAfterMs?: number,
): ApiError {
  const details = readErrorBody(status, text, contentType);
  const kind = kindForResponse(status, details);
  const message = clip(sanitise(details.message ?? defaultMessage(kind, status)));
  return new ApiError(kind, message, {
    status,
    code: details.code ? clip(sanitise(details.code), 100) : undefined,
    retryAfterMs: retryAfterMs ?? details.retryAfterMs,
    twoFactor: details.twoFactor,
  });
}
