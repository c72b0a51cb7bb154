// src/util/redact.ts: what the logger, error messages and panels pass every text through. Two layers:
// registered secret values (masked in every form they travel in), and patterns for what looks like a
// credential even when it was never registered (another tool's token in a pasted URL, a header dump).
// Every value below is a fresh canary that was never registered, unless a test registers it.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { clip, errorForResponse } from '../../../src/api/errorBody';
import { createClient } from '../../../src/api/index';
import { REDACTED } from '../../../src/text/truncate';
import { redact, registerSecret, unregisterSecret } from '../../../src/util/redact';

const canary = (tag = '') => `CANARY${tag}-${randomBytes(9).toString('base64url')}`;

function assertMasked(text: string, secret: string, where = text): void {
  const out = redact(text);
  assert.ok(!out.includes(secret), `not masked in ${JSON.stringify(where)}: ${JSON.stringify(out)}`);
  // nor any large piece of it (a value redacted only up to a space or quote leaks the rest)
  for (const part of secret.split(/[\s"'\\]+/).filter((p) => p.length >= 3)) {
    assert.ok(!out.includes(part), `part ${JSON.stringify(part)} left in ${JSON.stringify(out)}`);
  }
  assert.match(out, /\[redacted\]/, `no redaction marker in ${JSON.stringify(out)}`);
}

describe('hardening: redaction of credentials (patterns, never registered)', () => {
  describe('Authorization headers, every way they are written', () => {
    const key = canary('-key');
    const cases: [string, string][] = [
      ['raw header line (REVE Chat: key without Bearer)', `Authorization: ${key}`],
      ['Bearer (HelpCrunch)', `Authorization: Bearer ${key}`],
      ['lower case, no space', `authorization:Bearer ${key}`],
      ['Basic (REVE Chat legacy)', `Authorization: Basic ${Buffer.from(`john@example.com:${key}`).toString('base64')}`],
      ['Proxy-Authorization', `Proxy-Authorization: Bearer ${key}`],
      ['JSON of a headers object', JSON.stringify({ Accept: 'application/json', Authorization: `Bearer ${key}` })],
      ['JSON, lower-case key, spaced', `{ "authorization" : "${key}" }`],
      ['util.inspect of a headers object', `{ Accept: 'application/json', Authorization: 'Bearer ${key}' }`],
      ['fetch Headers entries', `[ [ 'authorization', 'Bearer ${key}' ] ]`],
      ['a "Bearer" value alone, as a server echoes it', `Invalid token Bearer ${key} for this workspace`],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        const secret = name.startsWith('Basic') ? text.split(' ').pop()! : key;
        assertMasked(text, secret, name);
      });
    }
  });

  describe('Rocket.Chat X-Auth-Token', () => {
    const token = canary('-rc');
    for (const [name, text] of [
      ['header line', `X-Auth-Token: ${token}`],
      ['JSON headers', JSON.stringify({ 'X-Auth-Token': token, 'X-User-Id': 'hw5DThnhQmxDWnavu' })],
      ['util.inspect headers', `{ 'X-Auth-Token': '${token}', 'X-User-Id': 'hw5DThnhQmxDWnavu' }`],
      ['query string', `/api/v1/me?authToken=${token}&userId=x`],
      ['form body', `user=x&x-auth-token=${token}`],
    ] as [string, string][]) {
      it(name, () => assertMasked(text, token, name));
    }
    it('keeps the user id (not a secret) so logs stay useful', () => {
      assert.match(redact(JSON.stringify({ 'X-Auth-Token': token, 'X-User-Id': 'hw5DThnhQmxDWnavu' })), /hw5DThnhQmxDWnavu/);
    });
  });

  describe('passwords and keys in URLs, query strings and JSON bodies', () => {
    const pw = canary('-pw');
    const key = canary('-k');
    const cases: [string, string, string][] = [
      ['user:password@ in an https URL', `GET https://john:${pw}@api.example.com/api/agents`, pw],
      ['user:password@ with an encoded e-mail as the user', `https://john%40example.com:${pw}@api.example.com/`, pw],
      ['user:password@ in a ws URL inside text', `connecting to wss://bot:${pw}@chat.example.com/websocket failed`, pw],
      ['api_key in a query string', `https://api.example.com/a?page=2&api_key=${key}&x=1`, key],
      ['apiKey in a query string', `/v1/agents?apiKey=${key}`, key],
      ['access_token in a query string', `/v1/agents?access_token=${key}`, key],
      ['token in a query string', `/v1/agents?offset=0&token=${key}`, key],
      ['password in a query string', `/login?user=a&password=${pw}`, pw],
      ['JSON password', JSON.stringify({ username: 'john@example.com', password: pw }), pw],
      ['JSON password with spaces and quotes in it', JSON.stringify({ password: `${pw} with "spaces" and more` }), `${pw} with "spaces" and more`],
      ['JSON apiKey', JSON.stringify({ apiKey: key }), key],
      ['JSON api_key, spaced', `{ "api_key" : "${key}" }`, key],
      ['JSON authToken', JSON.stringify({ authToken: key }), key],
      ['nested JSON credentials', JSON.stringify({ credentials: { apiKey: key, password: pw } }), key],
      ['util.inspect password with spaces', `{ password: '${pw} two words' }`, `${pw} two words`],
      ['key=value in a log line', `retrying with password=${pw} and apikey=${key}`, pw],
    ];
    for (const [name, text, secret] of cases) {
      it(name, () => assertMasked(text, secret, name));
    }
    it('nested JSON credentials: both values', () => {
      const out = redact(JSON.stringify({ credentials: { apiKey: key, password: pw } }));
      assert.ok(!out.includes(key) && !out.includes(pw), out);
    });
  });

  describe('JWTs (REVE Chat keys) anywhere', () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ accountId: '8683034', c: canary() })).toString('base64url')}.${randomBytes(24).toString('base64url')}`;
    for (const [name, text] of [
      ['in prose', `the key ${jwt} expired`],
      ['in JSON', JSON.stringify({ value: jwt })],
      ['in a URL', `https://x.example/?k=${jwt}`],
    ] as [string, string][]) {
      it(name, () => assertMasked(text, jwt, name));
    }
  });

  describe('error causes and stacks', () => {
    it('an error whose message, cause and stack carry credentials', () => {
      const key = canary('-cause');
      const pw = canary('-stackpw');
      const cause = new Error(`request to https://john:${pw}@api.example.com failed, Authorization: Bearer ${key}`);
      const e = new Error('listing failed', { cause });
      const text = `${e.stack}\ncause: ${String(cause.stack)}`;
      const out = redact(text);
      assert.ok(!out.includes(key), out);
      assert.ok(!out.includes(pw), out);
      assert.match(out, /listing failed/, 'the useful part of the message is kept');
      assert.match(out, /at /, 'the stack frames are kept');
    });
  });

  it('is idempotent: text redacted twice (client, then logger) reads the same as once', () => {
    const key = canary('-twice');
    for (const text of [
      `Authorization: Bearer ${key}`, `Authorization: ${key}`, `password=${key}&token=${key}`, JSON.stringify({ password: key, apiKey: key }),
      `https://bot:${key}@chat.example.com/`, `X-Auth-Token: ${key}`,
    ]) {
      const once = redact(text);
      assert.equal(redact(once), once);
      assert.ok(!/\[redacted\]\]|\s{2}\[redacted\]/.test(once), `doubled marker or spacing in ${JSON.stringify(once)}`);
    }
  });

  it('leaves ordinary text alone', () => {
    for (const text of [
      'Loaded 1,234 agents of connection c1 in 2.1 s.',
      'GET /api/agents/8683034?page_no=2 → 200 in 12 ms',
      'Agent "Ada Lovelace" <ada@example.com> (admin)',
      'The server rejected the credentials. (HTTP 401)',
      'The token expired; use "Update Credentials".',
    ]) {
      assert.equal(redact(text), text);
    }
  });
});

describe('hardening: redaction of registered secrets, in every form they travel in', () => {
  const secret = `${canary('-reg')}+/=&? x`;
  before(() => registerSecret(secret));
  after(() => unregisterSecret(secret));

  const forms: [string, (s: string) => string][] = [
    ['plain', (s) => s],
    ['base64 (HTTP Basic user:password)', (s) => Buffer.from(s).toString('base64')],
    ['URI-encoded (a query string)', (s) => encodeURIComponent(s)],
    ['inside JSON', (s) => JSON.stringify({ anything: s })],
    ['inside a URL path', (s) => `https://api.example.com/${encodeURIComponent(s)}/agents`],
    ['inside a stack', (s) => new Error(`boom ${s}`).stack ?? ''],
  ];
  for (const [name, form] of forms) {
    it(name, () => {
      const text = `before ${form(secret)} after`;
      const out = redact(text);
      assert.ok(!out.includes(secret), out);
      assert.ok(!out.includes(Buffer.from(secret).toString('base64')), out);
      assert.ok(!out.includes(encodeURIComponent(secret)), out);
      assert.match(out, /^before .*\[redacted\].* after$/s);
    });
  }

  it('the HTTP Basic pair (user:password) is masked when the client is created (src/api createClient)', () => {
    const pw = canary('-basic');
    const basic = Buffer.from(`boss@example.com:${pw}`).toString('base64');
    createClient({ id: 'b', label: 'b', platform: 'revechat', baseUrl: 'https://api.revechat.com', accountId: '1', username: 'boss@example.com' }, { password: pw });
    assert.ok(!redact(`sent ${basic} to the proxy`).includes(basic));
    assert.ok(!redact(`password was ${pw}`).includes(pw));
  });
});

describe('hardening: passwords with characters that end a pattern early (never registered)', () => {
  const pw = 'p@$$(w)rd.*+?';
  const cases: [string, string][] = [
    ['password: in prose', `login failed for password: ${pw} (user bob)`],
    ['passwd= in a log line', `retrying with passwd=${pw} now`],
    ['a form body', `user=bob&password=${pw}&remember=1`],
    ['a query string', `GET /login?user=bob&passwd=${pw}#top`],
    ['followed by closing brackets', `{ password=${pw})]} }`],
    ['JSON', JSON.stringify({ user: 'bob', password: pw })],
    ['JSON inside a JSON string', JSON.stringify({ error: JSON.stringify({ password: pw }) })],
    ['JSON inside a JSON string inside a JSON string', JSON.stringify({ error: JSON.stringify({ detail: JSON.stringify({ password: pw }) }) })],
    ['a quoted value with escaped quotes', JSON.stringify({ password: `${pw}"and \\ more` })],
    ['user:password@ with "@" in the password', `https://bob:${pw}@example.invalid/x`],
  ];
  for (const [name, text] of cases) {
    it(`${name}: masked whole`, () => {
      const out = redact(text);
      assert.ok(!out.includes('(w)rd') && !out.includes('p@$$') && !out.includes('rd.*+?'), `${name}: ${JSON.stringify(out)}`);
      assert.match(out, /\[redacted\]/);
      assert.equal(redact(out), out, 'idempotent');
    });
  }
  it('keeps the text around the value', () => {
    assert.equal(redact(`user=bob&password=${pw}&remember=1`), 'user=bob&password=[redacted]&remember=1');
    assert.equal(redact(JSON.stringify({ password: pw, n: 1 })), '{"password":"[redacted]","n":1}');
    assert.equal(redact(JSON.stringify({ e: JSON.stringify({ password: pw, n: 1 }) })), JSON.stringify({ e: '{"password":"[redacted]","n":1}'}));
  });
});

describe('hardening: a registered secret in every form a message can carry it', () => {
  const secret = `${canary('-form')}+/=&? x"\\é`;
  before(() => registerSecret(secret));
  after(() => unregisterSecret(secret));

  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const forms: [string, string][] = [
    ['raw', secret],
    ['encodeURIComponent', encodeURIComponent(secret)],
    ['encodeURIComponent, lower-case hex', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['encodeURI', encodeURI(secret)],
    ['form encoding (spaces as +)', new URLSearchParams({ p: secret }).toString().slice(2)],
    ['base64 alone', b64(secret)],
    ['base64 url-safe', Buffer.from(secret).toString('base64url')],
    ['base64 of user:password (a user it never saw)', b64(`someone.else@example.invalid:${secret}`)],
    ['base64 of u:password (every alignment)', b64(`u:${secret}`)],
    ['base64 of uu:password', b64(`uu:${secret}`)],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['JSON-escaped twice (a JSON body inside a JSON string)', JSON.stringify(JSON.stringify(secret)).slice(1, -1)],
    ['JSON-escaped as PHP writes it (\\/ and \\u00e9)', JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/').replace('é', '\\u00e9')],
  ];
  for (const [name, form] of forms) {
    it(name, () => {
      const out = redact(`before ${form} after`);
      assert.ok(!out.includes(form), `${name}: ${out}`);
      assert.ok(!out.includes(secret.slice(0, 12)), `${name}: ${out}`);
      assert.match(out, /^before .*\[redacted\].* after$/s, out);
    });
  }
});

describe('hardening: redact first, then clip (a credential straddling every clipping length)', () => {
  // Upper-case hex: no four characters of it can occur in the text around it (lower-case letters, "[redacted]"),
  // where a piece such as "aaaa" or "edac" of a lower-case secret was counted as a leak now and then.
  const secret = `ZQ${randomBytes(18).toString('hex').toUpperCase()}`;
  before(() => registerSecret(secret));
  after(() => unregisterSecret(secret));
  const lengths = [40, 60, 80, 100, 120, 160, 200, 300, 500, 1000, 1500, 2000];
  const pieces = (s: string) => Array.from({ length: s.length - 3 }, (_v, i) => s.slice(i, i + 4));

  it('no piece of a registered secret, an Authorization header or a token survives any clip', () => {
    const leaks: string[] = [];
    for (const max of lengths) {
      for (let before = max - 30; before <= max + 2; before++) {
        for (const [kind, payload] of [['registered', secret], ['registered, in a path', `/api/agents/${secret}`], ['bearer', `Bearer ${secret.replace('ZQ', 'ZQb')}`], ['token=', `token=${secret}`]]) {
          const text = `${'a'.repeat(Math.max(0, before))} ${payload} end`;
          for (const out of [clip(redact(text), max), errorForResponse(401, JSON.stringify({ message: text }), 'application/json', (s) => redact(s)).message]) {
            if (pieces(secret).some((p) => out.includes(p)) || /\[r?e?d?a?c?t?e?d?…/.test(out.replace(REDACTED, ''))) leaks.push(`${kind} at ${before}, max ${max}: …${out.slice(-30)}`);
          }
        }
      }
    }
    assert.deepEqual(leaks.slice(0, 10), [], `${leaks.length} leaks`);
  });
});
