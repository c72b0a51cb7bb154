import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { ApiError } from '../../../src/api/errors';
import type { Connection, Credentials } from '../../../src/api/model';
import { explainVerifyFailure, runConnectionFlow } from '../../../src/connections/connectionFlow';
import { BACK, type InputStep, type PickStep, type Prompter } from '../../../src/connections/prompter';
import type { StoredConnection } from '../../../src/connections/types';
import { NOW, reveKey } from './jwt';

type Answer = string | typeof BACK | undefined;

/** Answers each field from a queue; records every step it was shown. */
class ScriptedPrompter implements Prompter {
  readonly shown: InputStep[] = [];
  readonly picks: PickStep<unknown>[] = [];
  constructor(private readonly platform: unknown, private readonly answers: Record<string, Answer[]>) {}
  async pick<T>(step: PickStep<T>): Promise<T | typeof BACK | undefined> {
    this.picks.push(step as PickStep<unknown>);
    return this.platform as T;
  }
  async input(step: InputStep): Promise<string | typeof BACK | undefined> {
    this.shown.push(step);
    const queue = this.answers[step.field];
    if (!queue || !queue.length) return step.value ?? ''; // press Enter on what is there
    const a = queue.shift();
    if (typeof a === 'string') {
      const m = step.validate?.(a);
      if (m?.severity === 'error') throw new Error(`scripted answer for ${step.field} rejected: ${m.message}`);
    }
    return a;
  }
  async confirm(): Promise<boolean> { return true; }
  async progress<T>(_title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return task(new AbortController().signal);
  }
}

describe('connection flow', () => {
  it('adds a REVE Chat connection: defaults filled, account ID offered from the key, verified before returning', async () => {
    const key = reveKey('8683034');
    const p = new ScriptedPrompter('revechat', { apiKey: [` Bearer ${key} `], username: ['admin@example.com'], password: ['s3cret pw'] });
    const verified: [Connection, Credentials][] = [];
    const r = await runConnectionFlow({ kind: 'add' }, { prompter: p, now: () => NOW, verify: async (c, cr) => { verified.push([c, cr]); } });
    assert.ok(r);
    assert.deepEqual(r.connection, {
      label: 'REVE Chat · 8683034', platform: 'revechat', baseUrl: 'https://api.revechat.com', accountId: '8683034', username: 'admin@example.com',
    });
    assert.deepEqual(r.credentials, { apiKey: key, password: 's3cret pw' });
    // the key alone first, then with the superadmin login
    assert.equal(verified.length, 2);
    assert.equal(verified[0][0].username, undefined);
    assert.deepEqual(verified[0][1], { apiKey: key });
    assert.deepEqual(verified[1][1], { apiKey: key, password: 's3cret pw' });
    const accountStep = p.shown.find((s) => s.field === 'accountId');
    assert.equal(accountStep?.value, '8683034');
    assert.deepEqual(p.shown.map((s) => `${s.step}/${s.totalSteps}`), ['2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
  });

  it('on a rejected key goes back to the key step with the reason, keeping every other value', async () => {
    const bad = 'wrong-key-1234567890';
    const good = 'right-key-1234567890';
    const p = new ScriptedPrompter('helpcrunch', { apiKey: [bad, good], label: ['My HC'] });
    let calls = 0;
    const r = await runConnectionFlow({ kind: 'add' }, {
      prompter: p, now: () => NOW,
      verify: async (_c, cr) => { calls += 1; if (cr.apiKey === bad) throw new ApiError('auth', 'Invalid token', { status: 401 }); },
    });
    assert.equal(calls, 2);
    assert.deepEqual(r?.credentials, { apiKey: good });
    assert.equal(r?.connection.label, 'My HC');
    const retry = p.shown.filter((s) => s.field === 'apiKey')[1];
    assert.match(retry.initialMessage?.message ?? '', /^HelpCrunch rejected this API key\. It said: "Invalid token"\./);
    // the label typed before the failure is offered again
    assert.equal(p.shown.filter((s) => s.field === 'label')[1].value, 'My HC');
  });

  it('a rejected superadmin password sends the user to the password step, not the key', async () => {
    const p = new ScriptedPrompter('revechat', { apiKey: [reveKey()], username: ['admin@example.com'], password: ['wrong-pw', 'right-pw'] });
    const r = await runConnectionFlow({ kind: 'add' }, {
      prompter: p, now: () => NOW,
      verify: async (_c, cr) => { if (cr.password === 'wrong-pw') throw new ApiError('auth', 'Bad credentials', { status: 401 }); },
    });
    assert.equal(r?.credentials.password, 'right-pw');
    assert.equal(p.shown.filter((s) => s.field === 'apiKey').length, 1);
    assert.match(p.shown.filter((s) => s.field === 'password')[1].initialMessage?.message ?? '', /e-mail or password was rejected: Bad credentials/);
  });

  it('on a network failure goes back to the URL step', async () => {
    const p = new ScriptedPrompter('rocketchat', {
      baseUrl: ['https://chat.example.com', 'https://chat2.example.com'], userId: ['hw5DThnhQmxDWnavu'], authToken: ['tok-1234567890'],
    });
    const r = await runConnectionFlow({ kind: 'add' }, {
      prompter: p, now: () => NOW,
      verify: async (c) => { if (c.baseUrl.includes('chat.example')) throw new ApiError('network', 'getaddrinfo ENOTFOUND'); },
    });
    assert.equal(r?.connection.baseUrl, 'https://chat2.example.com');
    assert.equal(r?.connection.userId, 'hw5DThnhQmxDWnavu');
    const second = p.shown.filter((s) => s.field === 'baseUrl')[1];
    assert.match(second.initialMessage?.message ?? '', /Could not reach chat\.example\.com/);
  });

  it('returns undefined (nothing to save) when the user cancels, and goes back with Back', async () => {
    const cancel = new ScriptedPrompter('helpcrunch', { apiKey: [undefined] });
    assert.equal(await runConnectionFlow({ kind: 'add' }, { prompter: cancel, verify: async () => {} }), undefined);
    const back = new ScriptedPrompter('helpcrunch', { apiKey: [BACK, 'key-1234567890'], baseUrl: ['https://api.helpcrunch.com', 'https://hc.example.com'] });
    const r = await runConnectionFlow({ kind: 'add' }, { prompter: back, verify: async () => {} });
    assert.equal(r?.connection.baseUrl, 'https://hc.example.com');
  });

  it('normalises a pasted API path off the base URL', async () => {
    const p = new ScriptedPrompter('rocketchat', { baseUrl: ['https://chat.example.com/api/v1/'], userId: ['abcdefghijk'], authToken: ['tok-1234567890'] });
    const r = await runConnectionFlow({ kind: 'add' }, { prompter: p, verify: async () => {} });
    assert.equal(r?.connection.baseUrl, 'https://chat.example.com');
  });

  it('edit keeps secrets left blank and verifies with the stored ones', async () => {
    const existing: StoredConnection = { id: 'c1', label: 'HC', platform: 'helpcrunch', baseUrl: 'https://api.helpcrunch.com' };
    const p = new ScriptedPrompter(undefined, { label: ['HC renamed'] });
    let used: Credentials | undefined;
    const r = await runConnectionFlow({ kind: 'edit', connection: existing }, {
      prompter: p, existingCredentials: { apiKey: 'stored-key-123456' }, verify: async (_c, cr) => { used = cr; },
    });
    assert.equal(p.picks.length, 0);
    assert.equal(p.shown.find((s) => s.field === 'apiKey')?.value, undefined);
    assert.match(p.shown.find((s) => s.field === 'apiKey')?.placeholder ?? '', /Unchanged/);
    assert.deepEqual(r?.credentials, { apiKey: undefined });
    assert.equal(used?.apiKey, 'stored-key-123456');
    assert.equal(r?.connection.label, 'HC renamed');
  });

  it('update credentials asks only for secrets', async () => {
    const existing: StoredConnection = { id: 'c2', label: 'RC', platform: 'rocketchat', baseUrl: 'https://chat.example.com', userId: 'abcdefghijk' };
    const p = new ScriptedPrompter(undefined, { authToken: ['new-token-1234567'] });
    const r = await runConnectionFlow({ kind: 'credentials', connection: existing }, { prompter: p, existingCredentials: { authToken: 'old' }, verify: async () => {} });
    assert.deepEqual(p.shown.map((s) => s.field), ['authToken']);
    assert.deepEqual(r?.credentials, { authToken: 'new-token-1234567' });
    assert.equal(r?.connection.userId, 'abcdefghijk');
  });
});

describe('what a verification failure points at', () => {
  const fields = ['baseUrl', 'apiKey', 'accountId', 'username', 'label'] as const;
  const cases: [string, ApiError, string, RegExp][] = [
    ['auth', new ApiError('auth', 'Bad credentials', { status: 401 }), 'apiKey', /^REVE Chat rejected this API key\. It said: "Bad credentials"\./],
    ['forbidden (REVE: the key works, not for this account)', new ApiError('forbidden', 'Access denied for account 1', { status: 403 }), 'accountId', /The key works, but REVE Chat refused this account/],
    ['not-found (REVE: the account)', new ApiError('not-found', 'Not Found', { status: 404 }), 'accountId', /Not found on api\.revechat\.com/],
    ['network', new ApiError('network', 'ECONNREFUSED'), 'baseUrl', /Could not reach api\.revechat\.com/],
    ['timeout', new ApiError('timeout', 'timed out after 15 s'), 'baseUrl', /Could not reach/],
    ['malformed', new ApiError('malformed', 'not JSON'), 'baseUrl', /did not answer like REVE Chat/],
    ['server', new ApiError('server', 'HTTP 503'), 'label', /try again/],
    // a proxy's HTML page: one sentence each, no "(… (HTTP 502).)." nesting, and what to check
    ['server (an HTML error page)', new ApiError('server', 'The server returned an HTML error page (HTTP 502).', { status: 502 }), 'label',
      /^api\.revechat\.com could not answer \(The server returned an HTML error page \(HTTP 502\)\)\. If this goes on, check the server address, or a proxy or firewall in between\. Press Enter to try again\.$/],
    ['auth with our own stand-in words', new ApiError('auth', 'The server did not accept the credentials (Unauthorized).', { status: 401 }), 'apiKey',
      /^REVE Chat rejected this API key\. Check that it is the whole key, for this account\.$/],
  ];
  for (const [name, err, field, re] of cases) {
    it(name, () => {
      const r = explainVerifyFailure('revechat', err, 'https://api.revechat.com', [...fields]);
      assert.equal(r.field, field);
      assert.match(r.message, re);
    });
  }
  it('Rocket.Chat auth failures point at the token; a field not asked falls back to the last step', () => {
    assert.equal(explainVerifyFailure('rocketchat', new ApiError('auth', 'x'), 'https://c.example.com', ['baseUrl', 'userId', 'authToken', 'label']).field, 'authToken');
    assert.equal(explainVerifyFailure('helpcrunch', new ApiError('auth', 'x'), 'https://h.example.com', ['label']).field, 'label');
  });

  describe('the step counter: one total per platform and path, known before the first step that shows it', () => {
    const totals = { revechat: 7, rocketchat: 5, helpcrunch: 4 } as const;
    const answersFor = {
      revechat: { apiKey: [reveKey('8683034')] },
      rocketchat: { baseUrl: ['https://chat.example.com'], userId: ['hw5DThnhQmxDWnavu'], authToken: ['tok-1234567890'] },
      helpcrunch: { apiKey: ['key-1234567890'] },
    } as const;

    for (const platform of ['revechat', 'rocketchat', 'helpcrunch'] as const) {
      it(`${platform}: the platform step shows no total; every later step shows ${totals[platform]}, numbered in order`, async () => {
        const p = new ScriptedPrompter(platform, Object.fromEntries(Object.entries(answersFor[platform]).map(([k, v]) => [k, [...v]])));
        const r = await runConnectionFlow({ kind: 'add' }, { prompter: p, now: () => NOW, verify: async () => {} });
        assert.ok(r);
        assert.deepEqual(p.picks.map((s) => [s.step, s.totalSteps]), [[1, undefined]], 'the platform step cannot know the total');
        assert.deepEqual([...new Set(p.shown.map((s) => s.totalSteps))], [totals[platform]], p.shown.map((s) => `${s.field} ${s.step}/${s.totalSteps}`).join(', '));
        const steps = p.shown.map((s) => s.step);
        assert.ok(steps.every((n, i) => i === 0 || n > steps[i - 1]), steps.join(', '));
        assert.equal(steps[steps.length - 1], totals[platform], 'the last step is n of n');
      });
    }

    it('REVE Chat without the superadmin e-mail: the password step is skipped, the total stays 7 (also going Back over it)', async () => {
      const p = new ScriptedPrompter('revechat', { apiKey: [reveKey('8683034')], label: [BACK, 'REVE main'], username: ['', ''] });
      const r = await runConnectionFlow({ kind: 'add' }, { prompter: p, now: () => NOW, verify: async () => {} });
      assert.equal(r?.connection.label, 'REVE main');
      assert.equal(r?.connection.username, undefined);
      assert.deepEqual(p.shown.map((s) => `${s.field} ${s.step}/${s.totalSteps}`),
        ['baseUrl 2/7', 'apiKey 3/7', 'accountId 4/7', 'username 5/7', 'label 7/7', 'username 5/7', 'label 7/7']);
    });

    it('Edit Connection and Update Credentials: one total for the whole flow, whatever is answered', async () => {
      const existing: StoredConnection = { id: 'r1', label: 'REVE', platform: 'revechat', baseUrl: 'https://api.revechat.com', accountId: '8683034', username: 'admin@example.com' };
      const edit = new ScriptedPrompter(undefined, { username: [''] });
      await runConnectionFlow({ kind: 'edit', connection: existing }, { prompter: edit, now: () => NOW, existingCredentials: { apiKey: reveKey('8683034'), password: 'pw-123456' }, verify: async () => {} });
      assert.deepEqual([...new Set(edit.shown.map((s) => s.totalSteps))], [6], edit.shown.map((s) => `${s.field} ${s.step}/${s.totalSteps}`).join(', '));
      const creds = new ScriptedPrompter(undefined, { apiKey: [reveKey('8683034')], password: ['new-pw-123'] });
      await runConnectionFlow({ kind: 'credentials', connection: existing }, { prompter: creds, now: () => NOW, existingCredentials: { apiKey: 'old', password: 'old' }, verify: async () => {} });
      assert.deepEqual(creds.shown.map((s) => `${s.field} ${s.step}/${s.totalSteps}`), ['apiKey 1/2', 'password 2/2']);
    });
  });
});
