// HS256 JSON Web Tokens as REVE Chat's auth keys: header {"alg":"HS256"}, payload
// {"accountId","sub":"authorization","exp","iat"} (seconds), valid 30 days.

import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ReveKeyPayload {
  accountId: string;
  sub: string;
  exp: number;
  iat: number;
}

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

export function signHs256(payload: object, secret: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256' }));
  const body = b64url(JSON.stringify(payload));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** A REVE Chat auth key for `accountId`, issued at `iatSeconds`, valid for `validSeconds` (30 days). */
export function mintReveKey(accountId: string, secret: string, iatSeconds: number, validSeconds = 30 * 86_400): string {
  return signHs256({ accountId, sub: 'authorization', exp: iatSeconds + validSeconds, iat: iatSeconds }, secret);
}

export type KeyCheck =
  | { ok: true; payload: ReveKeyPayload }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

/** Verifies signature, algorithm, subject and expiry. */
export function verifyReveKey(token: string | undefined, secret: string, nowSeconds: number): KeyCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [head, body, sig] = parts;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let header: unknown;
  let payload: unknown;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!isObject(header) || header.alg !== 'HS256' || !isObject(payload)) return { ok: false, reason: 'invalid' };
  const { accountId, sub, exp, iat } = payload;
  if (typeof accountId !== 'string' || sub !== 'authorization' || typeof exp !== 'number' || typeof iat !== 'number') {
    return { ok: false, reason: 'invalid' };
  }
  if (exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, payload: { accountId, sub, exp, iat } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
