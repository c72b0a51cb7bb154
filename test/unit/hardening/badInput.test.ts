// Bad input at every field the user types into: the values people actually get wrong, beyond the cases in
// test/unit/connections/validation.test.ts. Each wrong value gets a clear message at the input (a short
// sentence that names the problem, never echoing a secret or a huge paste back), and each value that is
// merely pasted untidily is cleaned instead of rejected. Also the filter and Find Agent search text.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Agent, Connection, Credentials } from '../../../src/api/model';
import {
  validateAccountId, validateBaseUrl, validateHelpCrunchKey, validateLabel, validateOptionalEmail, validatePassword,
  validateReveKey, validateRocketToken, validateRocketUserId, type Validated,
} from '../../../src/connections/validation';
import { AgentSearchIndex } from '../../../src/search/agentSearch';
import { agentMatches, normaliseFilterText } from '../../../src/views/presentation/filter';
import { runConnectionFlow } from '../../../src/connections/connectionFlow';
import { BACK, type InputStep, type PickStep, type Prompter } from '../../../src/connections/prompter';
import type { StoredConnection } from '../../../src/connections/types';
import { ApiError } from '../../../src/api/errors';
import { NOW, fakeJwt, reveKey } from '../connections/jwt';

const TEN_KB = `${'A'.repeat(5 * 1024)}${'z9'.repeat(2.5 * 1024)}`;
const canary = () => `CANARY${randomBytes(12).toString('hex')}`;

interface Case {
  field: string;
  validate(raw: string): Validated;
  /** Secret fields: the message must never repeat what was typed. */
  secret?: boolean;
  wrong: [value: string, message: RegExp][];
  cleaned?: [value: string, expected: string][];
}

const hcKey = canary();
const rcToken = canary();
const expiredReve = reveKey('8683034', -1);

const CASES: Case[] = [
  {
    field: 'base URL',
    validate: validateBaseUrl,
    wrong: [
      ['http://chat.example.com/', /https/],
      ['http://0.0.0.0:3000', /https/],
      ['http://127.0.0.1.nip.io', /https/],
      ['http://localhost.evil.example:3000', /https/],
      ['https://john:hunter2@chat.example.com', /user name or password/],
      ['https://:hunter2@chat.example.com', /user name or password/],
      ['https://token@chat.example.com', /user name or password/],
      ['https://chat.example.com/?rc_token=abc', /query/],
      ['https://chat.example.com#', /fragment/],
      ['https://chat.example.com:99999', /not a valid URL/],
      ['https://chat.example.com https://other.example.com', /spaces/],
      ['https://chat.example.com\thttps://other.example.com', /spaces/],
      ['file:///etc/passwd', /http:\/\/ and https:\/\//],
      ['data:text/html,<script>alert(1)</script>', /http:\/\/ and https:\/\//],
      ['javascript:alert(document.cookie)', /http:\/\/ and https:\/\//],
      ['mailto:admin@example.com', /http:\/\/ and https:\/\//],
      ['""', /Enter the server URL/],
      ['\u200b', /Enter the server URL/],
      [TEN_KB, /10,240 characters/],
    ],
    cleaned: [
      ['https://chat.example.com\n', 'https://chat.example.com'],
      ['  <https://chat.example.com/>  ', 'https://chat.example.com'],
      ['\u201chttps://chat.example.com\u201d', 'https://chat.example.com'],
      ["'https://chat.example.com/rc/'", 'https://chat.example.com/rc'],
      ['HTTPS://CHAT.EXAMPLE.COM/', 'https://chat.example.com'],
      ['chat.example.com:3000', 'https://chat.example.com:3000'],
      ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000'],
    ],
  },
  {
    field: 'REVE Chat account ID',
    validate: validateAccountId,
    wrong: [
      ['868 3034', /number/], ['8683034.0', /number/], ['+8683034', /number/], ['1e6', /number/], ['0x10', /number/],
      ['\u0668\u0666\u0668\u0663\u0660\u0663\u0664', /number/], ['12345678901234567890123', /number/], ['account 8683034', /number/],
      ['', /Enter the account ID/], [TEN_KB, /10,240 characters/],
    ],
    cleaned: [['8683034\n', '8683034'], ["'8683034'", '8683034']],
  },
  {
    field: 'REVE Chat Authorization key',
    validate: (raw) => validateReveKey(raw, NOW),
    secret: true,
    wrong: [
      [expiredReve, /expired on/],
      [`Bearer ${expiredReve}`, /expired on/],
      [`Authorization: ${reveKey()}`, /spaces/],
      [reveKey().split('.').slice(0, 2).join('.'), /JWT/],
      [hcKey, /not a REVE Chat Authorization key/],
      [rcToken, /not a REVE Chat Authorization key/],
      [`${reveKey().slice(0, 40)}\n${reveKey().slice(40)}`, /spaces or line breaks/],
      ['eyJ.eyJ.x', /not a valid JWT/],
      ['', /Enter the Authorization key/],
      [TEN_KB, /10,240 characters/],
    ],
    cleaned: [[`"${reveKey()}"`, reveKey()], [`  ${reveKey()}\r\n`, reveKey()]],
  },
  {
    field: 'HelpCrunch API key',
    validate: validateHelpCrunchKey,
    secret: true,
    wrong: [
      [reveKey(), /REVE Chat/],
      [`Authorization: Bearer ${hcKey}`, /spaces/],
      [`${hcKey.slice(0, 10)} ${hcKey.slice(10)}`, /spaces/],
      ['Bearer', /too short/],
      ['bearer  ', /too short/],
      ['abc', /too short/],
      ['', /Enter the API key/],
      [TEN_KB, /10,240 characters/],
    ],
    cleaned: [[`Bearer ${hcKey}`, hcKey], [`'${hcKey}'\n`, hcKey]],
  },
  {
    field: 'Rocket.Chat user ID',
    validate: validateRocketUserId,
    wrong: [
      ['john@example.com', /letters and digits/],
      ['https://chat.example.com', /letters and digits/],
      ['hw5D Thnh', /spaces/],
      [reveKey(), /key/],
      ['ab', /letters and digits/],
      ['', /Enter your user ID/],
      [TEN_KB, /10,240 characters/],
    ],
    cleaned: [['hw5DThnhQmxDWnavu\n', 'hw5DThnhQmxDWnavu'], ["'hw5DThnhQmxDWnavu'", 'hw5DThnhQmxDWnavu']],
  },
  {
    field: 'Rocket.Chat personal access token',
    validate: validateRocketToken,
    secret: true,
    wrong: [
      [reveKey(), /REVE Chat/],
      [`${rcToken.slice(0, 8)}\n${rcToken.slice(8)}`, /spaces or line breaks/],
      ['short', /too short/],
      ['', /Enter the personal access token/],
      [TEN_KB, /10,240 characters/],
    ],
    cleaned: [[`"${rcToken}"`, rcToken], [`Bearer ${rcToken}`, rcToken]],
  },
  {
    field: 'REVE Chat superadmin e-mail',
    validate: validateOptionalEmail,
    wrong: [
      ['admin@example', /not an e-mail/], ['admin@@example.com', /not an e-mail/], ['Admin <admin@example.com>', /not an e-mail/],
      ['admin example.com', /not an e-mail/], [TEN_KB, /10,240 characters/],
    ],
    cleaned: [['"admin@example.com"', 'admin@example.com'], ['admin@example.com\n', 'admin@example.com'], ['', '']],
  },
  {
    field: 'password',
    validate: (raw) => validatePassword(raw, true),
    secret: true,
    wrong: [['', /Enter the password/], [TEN_KB, /10,240 characters/], ['\n', /Enter the password/]],
    cleaned: [['pa ss word \n', 'pa ss word '], ['"quoted" stays', '"quoted" stays']],
  },
  {
    field: 'connection name',
    validate: validateLabel,
    wrong: [['', /Enter a name/], ['   ', /Enter a name/], ['\u202e\u202e', /Enter a name/], [TEN_KB, /under 100 characters/]],
    cleaned: [['  Support  ', 'Support'], ['Sup\u0000port\u202e team', 'Support team']],
  },
];

/** The number of wrong values tested, for the report. */
const BAD_INPUTS = CASES.reduce((n, c) => n + c.wrong.length, 0);

describe('hardening: bad input at every field of the connection flow', () => {
  for (const c of CASES) {
    describe(c.field, () => {
      for (const [value, message] of c.wrong) {
        const shown = JSON.stringify(value.length > 50 ? `${value.slice(0, 50)}…(${value.length})` : value);
        it(`rejects ${shown} with a clear message`, () => {
          const r = c.validate(value);
          assert.ok(r.error, `accepted: ${JSON.stringify(r)}`);
          assert.match(r.error, message);
          assert.ok(r.error.length <= 200, `a ${r.error.length}-character message`);
          assert.match(r.error, /^[A-Z]/, 'the message is a sentence');
          assert.ok(!(value.length > 100 && r.error.includes(value.slice(0, 100))), 'the message repeats the paste');
          if (c.secret && value.trim().length >= 8) {
            for (const part of value.split(/[\s"']+/).filter((p) => p.length >= 8)) {
              assert.ok(!r.error.includes(part), `the message repeats the secret: ${r.error}`);
            }
          }
        });
      }
      for (const [value, expected] of c.cleaned ?? []) {
        it(`cleans ${JSON.stringify(value.slice(0, 50))} instead of rejecting it`, () => {
          const r = c.validate(value);
          assert.equal(r.error, undefined, r.error);
          assert.equal(r.value, expected);
        });
      }
    });
  }

  it(`${BAD_INPUTS} wrong values, every one rejected (a summary)`, () => {
    assert.ok(BAD_INPUTS >= 60);
  });
});

describe('hardening: filter and Find Agent search text', () => {
  const agents: Agent[] = Array.from({ length: 500 }, (_, i) => ({
    platform: 'helpcrunch', connectionId: 'c1', id: String(1000 + i), name: `Agent ${i} (team.*)`, email: `a${i}@example.com`,
    role: 'agent', status: i % 2 ? 'online' : 'offline', departments: [{ id: 'd', name: 'Sales [EU]' }], raw: {},
  }));
  const index = new AgentSearchIndex(agents);
  const queries = [
    '.*', '(', ')', '[', '\\', '$(zap)', '^', 'a|b', '?', '+', '{1,}', '%', '%s', '${x}', '\u0000', '\u001b[31m', '\u202e',
    '"Agent 1"', "'Agent 1'", '  Agent   1  ', 'AGENT 1', '\u200bAgent', TEN_KB, ' '.repeat(10_000), '\n\n', '🙂', '\ud800',
  ];

  it('no search text throws, hangs or returns more than the cap; literal characters match literally', () => {
    for (const q of queries) {
      const started = Date.now();
      const results = index.search(q);
      // a hang check, not a speed target (that is Find Agent… in npm run bench)
      assert.ok(Date.now() - started < 5_000, `${JSON.stringify(q.slice(0, 20))} took ${Date.now() - started} ms`);
      assert.ok(results.length <= 200);
    }
    assert.equal(index.search('.*').length, 200, '".*" is text in the names, not a pattern'); // every name has "(team.*)"
    assert.equal(index.search('a|b').length, 0, '"a|b" is not a regular expression');
    assert.equal(index.search(TEN_KB).length, 0);
    assert.equal(index.search('1499')[0]?.agent.id, '1499');
  });

  it('pasted quotes and surrounding spaces still find the agent', () => {
    assert.ok(index.search('  Agent 1  ').length > 0);
    assert.ok(index.search('AGENT 1').length > 0);
  });

  it('the filter text is normalised (controls gone, lower case, capped) and never a pattern', () => {
    for (const q of queries) {
      const text = normaliseFilterText(q);
      assert.ok(text.length <= 200);
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      assert.ok(!/[\u0000-\u001f\u007f\u202a-\u202e]/.test(text), JSON.stringify(text));
      for (const a of agents.slice(0, 5)) agentMatches(a, { text, onlineOnly: false });
    }
    assert.equal(agents.filter((a) => agentMatches(a, { text: normaliseFilterText('(TEAM.*)'), onlineOnly: false })).length, 500);
    assert.equal(agents.filter((a) => agentMatches(a, { text: normaliseFilterText('[eu]'), onlineOnly: false })).length, 500);
    assert.equal(agents.filter((a) => agentMatches(a, { text: normaliseFilterText('a|b'), onlineOnly: false })).length, 0);
  });
});

describe('hardening: an expired or not-yet-valid REVE Chat key is caught at the input', () => {
  it('expired a second ago, and a key with no exp at all', () => {
    const justExpired = fakeJwt({ accountId: '1', exp: Math.floor(NOW / 1000) - 1 });
    assert.match(validateReveKey(justExpired, NOW).error ?? '', /expired/);
    // a key without exp cannot be judged: accepted, verification decides
    assert.equal(validateReveKey(fakeJwt({ accountId: '1' }), NOW).error, undefined);
  });
});

describe('hardening: a failed verification sends the user to the field that was wrong', () => {
  /** Answers every step with its pre-filled value or the scripted one; records where a message was shown. */
  class Recorder implements Prompter {
    readonly shownAt: { field: string; message: string }[] = [];
    private readonly asked = new Map<string, number>();
    constructor(private readonly answers: Record<string, string[]>) {}
    async pick<T>(step: PickStep<T>): Promise<T | typeof BACK | undefined> { return step.items[0].value; }
    private steps = 0;
    async input(step: InputStep): Promise<string | typeof BACK | undefined> {
      if (++this.steps > 30) return undefined; // never loop (a flow that asks again and again is a failure below)
      if (step.initialMessage) this.shownAt.push({ field: step.field, message: step.initialMessage.message });
      if (this.shownAt.length > 1) return undefined; // seen where the first failure sent us: give up
      const n = this.asked.get(step.field) ?? 0;
      this.asked.set(step.field, n + 1);
      const list = this.answers[step.field];
      return list ? list[Math.min(n, list.length - 1)] : step.value ?? '';
    }
    async confirm(): Promise<boolean> { return true; }
    async progress<T>(_t: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> { return task(new AbortController().signal); }
  }

  const BAD_KEY = fakeJwt({ accountId: '8683034', exp: Math.floor(NOW / 1000) + 86_400, bad: true });
  const reve: StoredConnection = {
    id: 'c1', label: 'REVE', platform: 'revechat', baseUrl: 'https://api.revechat.com', accountId: '8683034', username: 'boss@example.com',
  };
  const cases: [string, (c: Connection, cr: Credentials) => void, string, RegExp][] = [
    ['a rejected Authorization key', (_c, cr) => { if (cr.apiKey === BAD_KEY) throw new ApiError('auth', 'Invalid authorization key', { status: 401 }); }, 'apiKey', /rejected/],
    ['the superadmin password rejected (the key was fine)', (c, cr) => {
      if (c.username && cr.password === 'wrong password') throw new ApiError('auth', 'Bad credentials', { status: 401 });
    }, 'password', /password/],
    ['an e-mail that is not the superadmin (the key was fine)', (c, cr) => {
      if (c.username && cr.password === 'wrong password') throw new ApiError('forbidden', 'Access is denied', { status: 403 });
    }, 'password|username', /e-mail/],
    ['a redirect to another host', () => {
      throw new ApiError('network', 'The server redirected to https://other.example; Chatdesk sends credentials only to the server you entered. Check the server URL.', { status: 302, code: 'redirect' });
    }, 'baseUrl', /redirected/],
    ['an unreachable server', () => { throw new ApiError('network', 'Could not reach the server (ECONNREFUSED).'); }, 'baseUrl', /Could not reach/],
  ];
  for (const [name, fail, field, message] of cases) {
    it(`${name}: the message is shown at the ${field} step`, async () => {
      const key = reveKey('8683034');
      const prompter = new Recorder({ apiKey: [''], password: ['wrong password'] });
      const existingCredentials = { apiKey: name.startsWith('a rejected') ? BAD_KEY : key, password: 'right' };
      const deps = { prompter, now: () => NOW, existingCredentials, verify: async (c: Connection, cr: Credentials) => fail(c, cr) };
      await runConnectionFlow({ kind: 'edit', connection: reve }, deps);
      assert.ok(prompter.shownAt.length > 0, 'no message was shown');
      assert.match(prompter.shownAt[0].field, new RegExp(`^(${field})$`), `shown at ${prompter.shownAt[0].field}: ${prompter.shownAt[0].message}`);
      assert.match(prompter.shownAt[0].message, message);
    });
  }
});
