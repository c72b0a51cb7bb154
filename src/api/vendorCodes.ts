// Vendor error codes that mean more than their HTTP status, and sentences for codes that would otherwise reach a
// user as a bare word ("unauthorized", "error-not-authorized", "too-many-requests"). The raw code stays in
// `ApiError.code`; the message becomes a sentence, so every place that shows the message shows the sentence.
// Sources: Rocket.Chat apps/meteor/app/api/server/api.ts (forbidden()/unauthorized() bodies `{error:'unauthorized'}`,
// `error-unauthorized`, `error-forbidden`, `error-too-many-requests`), apps/meteor/app/2fa/server/code/index.ts
// (`totp-required`, `totp-invalid`, `totp-user-not-found`), HelpCrunch's `errors[].code` (`unauthorized`,
// `too_many_requests`, `invalid_token`).

import { ApiError, isTwoFactorCode, type ApiErrorKind } from './errors';

export { isTwoFactorCode };

/** Whether `e` is a two-factor refusal (Rocket.Chat `totp-required`, `totp-invalid`, …). */
export function isTwoFactorError(e: unknown): boolean {
  return e instanceof ApiError && isTwoFactorCode(e.code);
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
  if (FORBIDDEN_CODES.has(c)) return 'forbidden';
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
export function twoFactorMessage(vendorMessage: string | undefined): string {
  const said = vendorMessage && !isTwoFactorCode(vendorMessage) ? vendorMessage.replace(/[.\s]+$/, '') : 'two-factor code required';
  return `Rocket.Chat asks this user for a two-factor code, which Chatdesk cannot send (${said}). ${TWO_FACTOR_ADVICE}`;
}

/**
 * `e` with the kind its vendor code implies and a sentence instead of a bare word. Statuses that already say what
 * happened (401, 403, 404, 429, 5xx) keep their kind, except that a two-factor code is always `auth` and a rate-limit
 * code always `rate-limited`.
 */
export function refineVendorError(e: ApiError): ApiError {
  const byCode = kindForVendorCode(e.code) ?? (isBareWord(e.message) ? kindForVendorCode(e.message) : undefined);
  const statusDecides = e.status !== undefined && (e.status === 401 || e.status === 403 || e.status === 404 || e.status === 429 || e.status >= 500);
  let kind = e.kind;
  if (byCode && (!statusDecides || byCode === 'rate-limited' || isTwoFactorCode(e.code))) kind = byCode;
  let message = e.message;
  if (isTwoFactorCode(e.code) || (isBareWord(message) && isTwoFactorCode(message))) message = twoFactorMessage(message);
  else if (isBareWord(message)) message = sentenceForWord(kind, message);
  if (kind === e.kind && message === e.message) return e;
  return new ApiError(kind, message, { status: e.status, code: e.code ?? (isBareWord(e.message) ? e.message.trim() : undefined), retryAfterMs: e.retryAfterMs, cause: e.cause, permissions: e.permissions });
}
