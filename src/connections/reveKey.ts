// REVE Chat Authorization keys are JWTs ({"accountId","sub":"authorization","exp","iat"}), valid 30 days.
// Pure: decoding the payload (no signature check; we only read claims to help the user) and expiry state.
import { decodeReveKey, type ReveKeyClaims } from '../api/reveKey';
import { t } from '../util/l10n';

export type { ReveKeyClaims } from '../api/reveKey';

const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(value: string): boolean {
  return value.startsWith('eyJ') && JWT_RE.test(value);
}

/** The claims of a JWT-shaped key (the API layer's decodeReveKey), or undefined. Never throws. */
export function decodeJwtClaims(key: string): ReveKeyClaims | undefined {
  return looksLikeJwt(key) ? decodeReveKey(key) : undefined;
}

/** A JWT whose claims say it is a REVE Chat Authorization key. */
export function looksLikeReveKey(value: string): boolean {
  const c = decodeJwtClaims(value);
  return !!c && c.accountId !== undefined;
}

export const EXPIRY_WARNING_DAYS = 7;
const DAY = 86_400_000;

export type KeyExpiryState =
  | { state: 'ok' | 'unknown' }
  | { state: 'expiring'; expiresAt: number; daysLeft: number }
  | { state: 'expired'; expiresAt: number };

export function keyExpiryState(expiresAt: number | undefined, now: number = Date.now()): KeyExpiryState {
  if (expiresAt === undefined) return { state: 'unknown' };
  if (expiresAt <= now) return { state: 'expired', expiresAt };
  if (expiresAt - now <= EXPIRY_WARNING_DAYS * DAY) {
    return { state: 'expiring', expiresAt, daysLeft: Math.max(0, Math.ceil((expiresAt - now) / DAY)) };
  }
  return { state: 'ok' };
}

export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** One line for descriptions/tooltips, or undefined when there is nothing to flag. */
export function expiryMessage(s: KeyExpiryState): string | undefined {
  if (s.state === 'expired') return t('key expired {0}', formatDate(s.expiresAt));
  if (s.state === 'expiring') {
    return s.daysLeft <= 1 ? t('key expires within a day') : t('key expires in {0} days', s.daysLeft);
  }
  return undefined;
}

/**
 * When a connection's REVE Chat key expires (epoch ms), to store beside it: from the new key when one was entered,
 * else the expiry already stored (`previous`). Undefined for other platforms and for keys that are not JWTs.
 */
export function keyExpiresAt(platform: string, credentials: { apiKey?: string }, previous?: number): number | undefined {
  if (platform !== 'revechat') return undefined;
  if (credentials.apiKey) return decodeJwtClaims(credentials.apiKey)?.expiresAt;
  return previous;
}
