// Unsigned test JWTs shaped like REVE Chat keys (the claims are all Chatdesk reads).
export function fakeJwt(payload: object): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(payload)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}

export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

export function reveKey(accountId = '8683034', expiresInDays = 20): string {
  const exp = Math.floor(NOW / 1000) + expiresInDays * 86_400;
  return fakeJwt({ accountId, sub: 'authorization', exp, iat: exp - 30 * 86_400 });
}
