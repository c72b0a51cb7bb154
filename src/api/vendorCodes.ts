// Vendor error codes that mean more than their HTTP status, and sentences for codes that would otherwise reach a
// user as a bare word ("unauthorized", "error-not-authorized", "too-many-requests"). The raw code stays in
// `ApiError.code`; the message becomes a sentence, so every place that shows the message shows the sentence.
// Sources: Rocket.Chat apps/meteor/app/api/server/api.ts (forbidden()/unauthorized() bodies `{error:'unauthorized'}`,
// `error-unauthorized`, `error-forbidden`, `error-too-many-requests`), apps/meteor/app/2fa/server/code/index.ts
// (`totp-required`, `totp-invalid`, `totp-user-not-found`), HelpCrunch's `errors[].code` (`unauthorized`,
// `too_many_requests`, `invalid_token`).

import { isStandInMessage, PERMISSION_CODE } from './errorBody';
import { ApiError, isApiError, isTwoFactorCode, type ApiErrorKind } from './errors';

export { isTwoFactorCode };

/**
 * A two-factor demand in words, where the server sent no code: "TOTP Required", "Two-factor authentication required",
 * "E-mail code required", "enter the code sent to your e-mail" (a proxy, or a server whose error kept only the reason).
 */
const TWO_FACTOR_TEXT = /\b(?:totp|2fa|mfa|two[- ]?factor|second[- ]factor|one[- ]time\s{1,3}(?:code|password)|authenticator\s{1,3}code|e-?mail(?:ed)?\s{1,3}(?:verification\s{1,3})?code|code\s{1,3}(?:we\s{1,3})?sent\s{1,3}to\s{1,3}your\s{1,3}e-?mail)\b/i;
const EMAIL_TEXT = /\be-?mail/i;

/** The two-factor method words ask for ('email' or 'totp'), or undefined when they are not a two-factor demand. */
export function twoFactorFromText(text: string | undefined): string | undefined {
  const t = text?.slice(0, 500);
  if (!t || !TWO_FACTOR_TEXT.test(t)) return undefined;
  return EMAIL_TEXT.test(t) ? 'email' : 'totp';
}

/**
 * Whether `e` is a two-factor refusal: Rocket.Chat's code (`totp-required`, `totp-invalid`, …), the body's
 * `details.method`, or words that ask for a two-factor code (ApiError.twoFactor).
 */
export function isTwoFactorError(e: unknown): boolean {
  return isApiError(e) && (!!e.twoFactor || isTwoFactorCode(e.code));
}

/** What fixes a two-factor refusal: Chatdesk cannot send a code, the token must bypass two-factor. */
export const TWO_FACTOR_ADVICE =
  'Create a personal access token with "Ignore Two Factor Authentication" ticked (Rocket.Chat: avatar → My Account → Personal Access Tokens → Add) and use it here.';

const FORBIDDEN_CODES = new Set([
  'forbidden', 'error-forbidden', 'error-unauthorized', 'error-not-authorized', 'not-authorized', 'not_authorized',
  'error-not-allowed', 'not-allowed', 'access_denied', 'access-denied', 'permission_denied', 'permission-denied',
]);
const AUTH_CODES = new Set(['invalid_token', 'invalid-token', 'error-invalid-token', 'unauthenticated', 'invalid_api_key']);
const RATE_CODES = new Set(['too_many_requests', 'too-many-requests', 'error-too-many-requests', 'rate_limited', 'rate-limited', 'rate_limit_exceeded']);

/**
 * The kind a vendor code implies whatever the status carried it (a Rocket.Chat rate limit came as a 400 before the
 * server answered 429; permission errors come as 400 `error-not-authorized` from Meteor methods). `unauthorized` is
 * ambiguous (HelpCrunch: bad key; Rocket.Chat: missing permission) and left to the status.
 */
export function kindForVendorCode(code: string | undefined): ApiErrorKind | undefined {
  if (!code) return undefined;
  const c = code.trim().toLowerCase();
  if (isTwoFactorCode(c)) return 'auth';
  if (RATE_CODES.has(c)) return 'rate-limited';
  if (FORBIDDEN_CODES.has(c) || PERMISSION_CODE.test(c)) return 'forbidden';
  if (AUTH_CODES.has(c)) return 'auth';
  return undefined;
}

const SENTENCES: Record<ApiErrorKind, string> = {
  auth: 'The server did not accept the credentials',
  forbidden: 'The server refused: these credentials lack the permission for this',
  'rate-limited': 'The server is limiting how often Chatdesk may ask; it asked to slow down',
  'not-found': 'The server could not find it',
  'bad-request': 'The server rejected the request',
  server: 'The server had an internal error',
  network: 'The server could not be reached',
  timeout: 'The server did not answer in time',
  malformed: 'The server sent a reply that could not be read',
  cancelled: 'The request was cancelled',
  unsupported: 'The server does not support this',
};

/** A message that is one word (a code such as "unauthorized" or "error-not-authorized"), not a sentence. */
export function isBareWord(message: string): boolean {
  const m = message.trim();
  return m !== '' && !/\s/.test(m) && m.length <= 80;
}

/** A sentence for a bare vendor word, naming the word: `The server did not accept the credentials (unauthorized).` */
export function sentenceForWord(kind: ApiErrorKind, word: string): string {
  return `${SENTENCES[kind]} (${word.trim()}).`;
}

/** The two-factor sentence, keeping the vendor's own words. */
export function twoFactorMessage(vendorMessage: string | undefined, method?: string): string {
  const said = vendorMessage && !(isBareWord(vendorMessage) && isTwoFactorCode(vendorMessage)) && !isStandInMessage(vendorMessage) ? vendorMessage.replace(/[.\s]+$/, '') : 'two-factor code required';
  const how = method === 'email' ? ' (sent by e-mail)' : '';
  return `Rocket.Chat asks this user for a two-factor code${how}, which Chatdesk cannot send (${said}). ${TWO_FACTOR_ADVICE}`;
}

/**
 * The server's own words in `e.message`, or undefined where the message is one of Chatdesk's stand-ins (a sentence
 * for a bare code, a default message for a status, the HTML note). For sentences that wrap a refusal.
 */
export function vendorWords(e: ApiError): string | undefined {
  const m = e.message.trim();
  if (!m || isStandInMessage(m) || Object.values(SENTENCES).some((s) => m.startsWith(s))) return undefined;
  return m;
}

/**
 * `e` with the kind its vendor code implies and a sentence instead of a bare word. Statuses that already say what
 * happened (401, 403, 404, 429, 5xx) keep their kind, except that a two-factor code is always `auth` and a rate-limit
 * code always `rate-limited`.
 */
export function refineVendorError(e: ApiError): ApiError {
  // A two-factor demand: by code, by the body's details.method (e.twoFactor), or in words where the server sent neither.
  const wordsAskTwoFactor = e.kind === 'auth' || e.kind === 'bad-request' || e.kind === 'forbidden' ? twoFactorFromText(e.message) : undefined;
  const twoFactor = e.twoFactor ?? (isTwoFactorCode(e.code) || (isBareWord(e.message) && isTwoFactorCode(e.message))
    ? twoFactorFromText(e.message) ?? 'totp' : wordsAskTwoFactor);
  if (twoFactor) {
    const message = e.message.startsWith('Rocket.Chat asks this user') ? e.message : twoFactorMessage(e.message, twoFactor);
    if (e.kind === 'auth' && e.twoFactor === twoFactor && message === e.message) return e;
    return new ApiError('auth', message, {
      status: e.status, code: e.code ?? (isBareWord(e.message) ? e.message.trim() : undefined), retryAfterMs: e.retryAfterMs, cause: e.cause, twoFactor,
    });
  }
  const byCode = kindForVendorCode(e.code) ?? (isBareWord(e.message) ? kindForVendorCode(e.message) : undefined);
  const statusDecides = e.status !== undefined && (e.status === 401 || e.status === 403 || e.status === 404 || e.status === 429 || e.status >= 500);
  let kind = e.kind;
  if (byCode && (!statusDecides || byCode === 'rate-limited')) kind = byCode;
  let message = e.message;
  if (isBareWord(message)) message = sentenceForWord(kind, message);
  if (kind === e.kind && message === e.message) return e;
  return new ApiError(kind, message, { status: e.status, code: e.code ?? (isBareWord(e.message) ? e.message.trim() : undefined), retryAfterMs: e.retryAfterMs, cause: e.cause, permissions: e.permissions });
}

