// Telling a missing permission from a bad credential. A refusal (401, 403, or a body that says "unauthorized")
// that comes after the platform accepted the same credentials for the identity check is a missing permission
// (`forbidden`), whatever status carries it: Rocket.Chat answers a missing omnichannel permission with 403
// `unauthorized`, 403 `error-unauthorized`, and on some versions 401 `unauthorized` (API.v1.unauthorized() in
// apps/meteor/app/livechat/imports/server/rest/users.ts; RocketChat/Rocket.Chat#21279).
// Platforms whose listing endpoint is itself the identity check (REVE Chat's agent list with the key, its offline
// messages with the superadmin login, HelpCrunch's agent list with the key) need no second look: a 401 there is the
// credentials, a 403 a permission.

import { ApiError } from './errors';
import { isTwoFactorError } from './vendorCodes';

/** A refusal the server answered for these credentials (not a two-factor demand, not a credential we never sent). */
export function isRefusal(e: unknown): e is ApiError {
  return e instanceof ApiError && (e.kind === 'auth' || e.kind === 'forbidden') && e.status !== undefined && !isTwoFactorError(e);
}

/**
 * Asks the identity endpoint at most once (per instance) whether the credentials are good, to classify refusals of
 * other endpoints: resolves when they are, rejects with the identity endpoint's own error when they are not.
 */
export class IdentityCheck {
  private result: Promise<void> | undefined;

  constructor(private readonly check: () => Promise<void>) {}

  /** Marks the credentials as already accepted (the identity endpoint answered just now). */
  accepted(): void {
    this.result = Promise.resolve();
  }

  confirm(): Promise<void> {
    this.result ??= this.check();
    return this.result;
  }
}

/**
 * `e` as the caller should see it: a refusal after the identity was accepted becomes `forbidden` through `forbidden`;
 * a refusal while the identity is refused too becomes the identity endpoint's error (bad credentials).
 */
export async function classifyRefusal(e: unknown, identity: IdentityCheck, forbidden: (e: ApiError) => ApiError): Promise<unknown> {
  if (!isRefusal(e)) return e;
  if (e.kind === 'forbidden') return forbidden(e);
  try {
    await identity.confirm();
  } catch (identityError) {
    return identityError;
  }
  return forbidden(e);
}
