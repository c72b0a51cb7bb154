// Add Connection against the sandbox through the real client (issue 9, items 1, 5 and 10): what the flow says, and
// at which field, when the credentials work but the user may not list agents, when the token does not bypass
// two-factor authentication, and when the Rocket.Chat user ID may be the wrong one.
import assert from 'node:assert/strict';
import { createClient } from '../../../src/api';
import { runConnectionFlow } from '../../../src/connections/connectionFlow';
import { BACK, type InputStep, type PickStep, type Prompter } from '../../../src/connections/prompter';
import { connectionVerifier } from '../../../src/connections/verification';
import { startSandbox } from '../../../src/sandbox';
import type { Sandbox, SandboxOptions } from '../../../src/sandbox/types';
import { CapturingLogger } from '../api/support';

type Answer = string | typeof BACK | undefined;

class ScriptedPrompter implements Prompter {
  readonly shown: InputStep[] = [];
  constructor(private readonly answers: Record<string, Answer[]>) {}
  async pick<T>(_step: PickStep<T>): Promise<T | typeof BACK | undefined> { return 'rocketchat' as T; }
  async input(step: InputStep): Promise<string | typeof BACK | undefined> {
    this.shown.push(step);
    const queue = this.answers[step.field];
    if (!queue || !queue.length) return undefined; // cancel once the script is done
    return queue.shift();
  }
  async confirm(): Promise<boolean> { return true; }
  async progress<T>(_title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> { return task(new AbortController().signal); }
  messages(field: string): string[] {
    return this.shown.filter((s) => s.field === field && s.initialMessage).map((s) => s.initialMessage!.message);
  }
}

async function addRocket(sb: Sandbox, answers: Record<string, Answer[]>, log = new CapturingLogger()): Promise<{ p: ScriptedPrompter; result: unknown; log: CapturingLogger }> {
  const p = new ScriptedPrompter({ baseUrl: [sb.baseUrls.rocketchat], label: ['Support desk'], ...answers });
  const verify = connectionVerifier((c, cr) => createClient(c, cr, { timeoutMs: 5_000, rateLimit: { perWindow: 1000, windowMs: 60_000 } }), log);
  const result = await runConnectionFlow({ kind: 'add' }, { prompter: p, verify });
  return { p, result, log };
}

async function withSandbox(options: SandboxOptions, run: (sb: Sandbox) => Promise<void>): Promise<void> {
  const sb = await startSandbox({ seed: 3, agents: 30, rateLimits: { rocketchatCallsPerRoute: 0 }, ...options });
  try { await run(sb); } finally { await sb.stop(); }
}

describe('Add Connection: verification failures of real servers', function () {
  this.timeout(20_000);

  it('credentials that work for a user without the permission: says so at the token, naming the permission', () =>
    withSandbox({ rocketchatForbidden: 'unauthorized' }, async (sb) => {
      const { p, result, log } = await addRocket(sb, {
        userId: [sb.credentials.rocketchat.restrictedUserId], authToken: [sb.credentials.rocketchat.restrictedAuthToken],
      });
      assert.equal(result, undefined, 'not saved');
      const [message] = p.messages('authToken');
      assert.match(message, /These credentials work, but this Rocket.Chat user may not list agents/);
      assert.match(message, /"edit-omnichannel-contact" or "transfer-livechat-guest"/);
      assert.ok(log.lines.some((l) => l.includes('"Support desk"')), 'log lines name the connection');
    }));

  it('a token without the two-factor bypass: says how to create one, at the token field', () =>
    withSandbox({ rocketchatTwoFactor: 'totp-required' }, async (sb) => {
      const { p } = await addRocket(sb, { userId: [sb.credentials.rocketchat.userId], authToken: [sb.credentials.rocketchat.authToken] });
      assert.match(p.messages('authToken')[0], /two-factor code.*"Ignore Two Factor Authentication".*Personal Access Tokens/);
    }));

  it('a wrong user ID: the token step says the user ID may be wrong, and Back leads to it with a word about it', () =>
    withSandbox({}, async (sb) => {
      const { p, result } = await addRocket(sb, {
        userId: ['WrongUserId12345', sb.credentials.rocketchat.userId],
        authToken: [sb.credentials.rocketchat.authToken, BACK, sb.credentials.rocketchat.authToken],
        label: ['Support desk', 'Support desk'],
      });
      assert.match(p.messages('authToken')[0], /user ID and token together.*press Back to check the user ID/);
      assert.match(p.messages('userId')[0], /check that this is the user ID shown with your personal access token/);
      assert.ok(result, 'saved once the user ID was corrected');
    }));

  // REVE Chat: the key verifies, but the superadmin login given is an agent's. The legacy offline-messages API answers
  // 403 "Access is denied! Only user with Super Admin role can access the REST API" (the sandbox's agent@example.com).
  // Retyping the password cannot fix that: the flow goes to the e-mail step and says what to do there.
  it('REVE Chat: a login that works but is not a superadmin leads to the e-mail step, and an empty e-mail saves without offline messages', () =>
    withSandbox({}, async (sb) => {
      const cr = sb.credentials.revechat;
      const shown: InputStep[] = [];
      const answers: Record<string, string[]> = {
        baseUrl: [sb.baseUrls.revechat], apiKey: [cr.apiKey!], accountId: [cr.accountId!],
        username: [cr.agentUsername!, ''], password: [cr.agentPassword!], label: ['REVE desk'],
      };
      const p: Prompter = {
        async pick<T>() { return 'revechat' as T; },
        async input(step) {
          shown.push(step);
          const queue = answers[step.field];
          return queue?.length ? queue.shift() : step.value ?? '';
        },
        async confirm() { return true; },
        async progress(_title, task) { return task(new AbortController().signal); },
      };
      const verify = connectionVerifier((c, creds) => createClient(c, creds, { timeoutMs: 5_000 }), new CapturingLogger());
      const result = await runConnectionFlow({ kind: 'add' }, { prompter: p, verify });
      const fields = shown.map((s) => s.field);
      assert.deepEqual(fields, ['baseUrl', 'apiKey', 'accountId', 'username', 'password', 'label', 'username', 'label'], fields.join(', '));
      const again = shown[6];
      assert.match(again.initialMessage?.message ?? '', /is not a superadmin, and only a superadmin may read offline messages/);
      assert.match(again.initialMessage?.message ?? '', /Enter the e-mail of a superadmin of this account, or leave this empty to save the connection without offline messages/);
      assert.equal(shown.filter((s) => s.field === 'password').length, 1, 'sent back to retype a password that works');
      assert.ok(result, 'the flow dead-ended');
      assert.equal(result.connection.username, undefined);
      assert.equal(result.connection.accountId, cr.accountId);
    }));
});
