// One error model for every platform. Messages are fit to show a user and never carry a secret.

export type ApiErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'cancelled'
  | 'unsupported';

export interface ApiErrorInit {
  status?: number;
  retryAfterMs?: number;
  /** The vendor's machine-readable code, where it gave one (e.g. `invalid_token`, `error-unauthorized`). */
  code?: string;
  /** The underlying failure (already stripped of anything secret). */
  cause?: unknown;
  /**
   * For `forbidden`: the platform permissions of which the user needs at least one (e.g. Rocket.Chat
   * `transfer-livechat-guest`, `edit-omnichannel-contact`), so that the user can ask an administrator for it.
   */
  permissions?: readonly string[];
  /**
   * For a two-factor demand (Rocket.Chat): the method the server asks for ('totp', 'email', 'password'), or 'unknown'
   * where its words say two-factor but not which. Set whether or not the server gave a code (see vendorCodes.ts).
   */
  twoFactor?: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly code?: string;
  readonly permissions?: readonly string[];
  readonly twoFactor?: string;

  constructor(kind: ApiErrorKind, message: string, init: ApiErrorInit = {}) {
    super(message, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.kind = kind;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.code = init.code;
    if (init.permissions?.length) this.permissions = [...init.permissions];
    if (init.twoFactor) this.twoFactor = init.twoFactor;
  }
}

/**
 * Whether `e` is an ApiError, also one made by another bundle's copy of this class (the lazily loaded bundles,
 * dist/connectionFlow.js, dist/tools.js, …, each have their own): by class, else by name and kind.
 */
export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
    || (e instanceof Error && e.name === 'ApiError' && typeof (e as { kind?: unknown }).kind === 'string');
}

/** The kind an HTTP status maps to when the body says nothing more specific. */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-request';
}

const TWO_FACTOR = /^(totp[-_]|error-2fa|2fa[-_]|two[-_]?factor)/i;

/**
 * Rocket.Chat's codes for a user whose token does not bypass two-factor authentication (`totp-required`,
 * `totp-invalid`, …; apps/meteor/app/2fa/server/code/index.ts). Here, beside the error model, so that code which
 * reads errors by shape (the language model tools) can tell them too; src/api/vendorCodes.ts re-exports it.
 */
export function isTwoFactorCode(code: string | undefined): boolean {
  return !!code && TWO_FACTOR.test(code.trim());
}
