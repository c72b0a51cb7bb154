// A fresh CSP nonce per render: 32 characters from 24 random bytes (base64url).
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
  return randomBytes(24).toString('base64url');
}
