import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { decodeJwtClaims, expiryMessage, keyExpiryState, looksLikeReveKey } from '../../../src/connections/reveKey';
import { NOW, fakeJwt, reveKey } from './jwt';

const DAY = 86_400_000;

describe('REVE Chat key expiry', () => {
  it('reads the account ID and expiry from the key', () => {
    const c = decodeJwtClaims(reveKey('8683034', 20));
    assert.equal(c?.accountId, '8683034');
    assert.equal(c?.expiresAt, Math.floor(NOW / 1000) * 1000 + 20 * DAY);
    assert.ok(looksLikeReveKey(reveKey()));
    assert.ok(!looksLikeReveKey(fakeJwt({ sub: 'someone-else' })));
    assert.equal(decodeJwtClaims('not-a-jwt'), undefined);
    assert.equal(decodeJwtClaims('eyJ.!!!.x'), undefined);
  });

  it('is not flagged with more than 7 days left', () => {
    assert.deepEqual(keyExpiryState(NOW + 8 * DAY, NOW), { state: 'ok' });
    assert.equal(expiryMessage(keyExpiryState(NOW + 8 * DAY, NOW)), undefined);
  });

  it('is flagged as expiring within 7 days, with the days left', () => {
    const s = keyExpiryState(NOW + 7 * DAY, NOW);
    assert.equal(s.state, 'expiring');
    assert.equal(expiryMessage(s), 'key expires in 7 days');
    assert.equal(expiryMessage(keyExpiryState(NOW + 3 * 3_600_000, NOW)), 'key expires within a day');
  });

  it('is flagged as expired at and after its expiry, with the date', () => {
    assert.equal(keyExpiryState(NOW, NOW).state, 'expired');
    assert.equal(expiryMessage(keyExpiryState(Date.UTC(2026, 10, 1, 9, 30), NOW)), 'key expired 2026-11-01 09:30 UTC');
  });

  it('unknown when the key has no exp', () => {
    assert.deepEqual(keyExpiryState(undefined, NOW), { state: 'unknown' });
  });
});
