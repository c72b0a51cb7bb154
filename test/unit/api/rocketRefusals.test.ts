// Rocket.Chat refusals after the identity was accepted (issue 9 §1, §5): every form of a missing permission is
// `forbidden` with one clean sentence (never a sentence about rejected credentials inside it), and every form of a
// two-factor demand gets the two-factor advice, with or without a code.

import * as assert from 'node:assert/strict';
import { isTwoFactorError } from '../../../src/api/vendorCodes';
import { ROCKETCHAT_FORBIDDEN, ROCKETCHAT_TWO_FACTOR, type Sandbox, type SandboxOptions } from '../../../src/sandbox/types';
import { assertApiError, collect, FAST, rejection, rocket, sandbox } from './support';

async function withSandbox<T>(options: SandboxOptions, run: (sb: Sandbox) => Promise<T>): Promise<T> {
  const sb = await sandbox({ agents: 30, rateLimits: { rocketchatCallsPerRoute: 0 }, ...options });
  try {
    return await run(sb);
  } finally {
    await sb.stop();
  }
}

function restricted(sb: Sandbox) {
  return rocket(sb, FAST, { userId: sb.credentials.rocketchat.restrictedUserId }, { authToken: sb.credentials.rocketchat.restrictedAuthToken });
}

/** Our own generic sentences: none may appear inside the forbidden sentence. */
const CONTRADICTIONS = /did not accept the credentials|rejected the credentials|lack the permission for this|not allowed to do this\.|\(\s*\)/;

describe('Rocket.Chat refusals after /me accepted the credentials', function () {
  this.timeout(20_000);

  for (const form of ROCKETCHAT_FORBIDDEN) {
    it(`missing permission answered ${form}: forbidden, one clean sentence naming the permission, on verify, list and agent`, () =>
      withSandbox({ rocketchatForbidden: form }, async (sb) => {
        for (const [what, p] of [
          ['verify', restricted(sb).verify()],
          ['list', collect(restricted(sb).agents())],
          ['agent', restricted(sb).agent('XycfA5CetCPuEjqxw')],
        ] as const) {
          const e = assertApiError(await rejection(p), 'forbidden', /^Rocket\.Chat accepted the user ID and token, but this user may not /);
          assert.doesNotMatch(e.message, CONTRADICTIONS, `${what}: ${e.message}`);
          assert.match(e.message, /Ask a Rocket\.Chat administrator for the "/, what);
          assert.ok(e.permissions?.length, what);
          assert.equal(isTwoFactorError(e), false);
        }
      }));
  }

  for (const kind of ROCKETCHAT_TWO_FACTOR) {
    it(`two-factor demand answered ${kind}: auth with the two-factor advice, on verify and on the list`, () =>
      withSandbox({ rocketchatTwoFactor: kind }, async (sb) => {
        for (const p of [rocket(sb).verify(), collect(rocket(sb).agents())]) {
          const e = assertApiError(await rejection(p), 'auth', /two-factor code.*Ignore Two Factor Authentication.*Personal Access Tokens/);
          assert.ok(isTwoFactorError(e), e.message);
        }
      }));
  }

  it('a bad token is still a bad credential, not a two-factor demand or a missing permission', () =>
    withSandbox({}, async (sb) => {
      const e = assertApiError(await rejection(rocket(sb, FAST, {}, { authToken: 'wrong-token-wrong-token' }).verify()), 'auth');
      assert.equal(isTwoFactorError(e), false);
    }));
});
