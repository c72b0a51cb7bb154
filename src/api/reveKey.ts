// REVE Chat Authorization keys are JWTs: payload {"accountId":"…","sub":"authorization","exp":…,"iat":…},
// valid 30 days. We only read the claims (no signature check) to pre-fill the account and warn on expiry.

import { isObject, toId, toNumber } from './values';

export interface ReveKeyClaims {
  accountId?: string;
  /** Epoch ms (from `iat`). */
  issuedAt?: number;
  /** Epoch ms (from `exp`). */
  expiresAt?: number;
}

/** The claims of a REVE Chat key, or undefined when it is not a readable JWT. Never throws. */
export function decodeReveKey(key: string | undefined | null): ReveKeyClaims | undefined {
  if (typeof key !== 'string') return undefined;
  const parts = key.trim().replace(/^bearer\s+/i, '').split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_=-]+$/.test(parts[1])) return undefined;
  let payload: unknown;
  try {
    const b64 = parts[1].replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
    payload = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(payload)) return undefined;
  const seconds = (v: unknown) => {
    const n = toNumber(v);
    return n !== undefined && n > 0 ? Math.round(n * 1000) : undefined;
  };
  const claims: ReveKeyClaims = {
    accountId: toId(payload.accountId ?? payload.account_id),
    issuedAt: seconds(payload.iat),
    expiresAt: seconds(payload.exp),
  };
  return claims.accountId !== undefined || claims.issuedAt !== undefined || claims.expiresAt !== undefined ? claims : undefined;
}
