// src/util/redact.ts against the KINDS an audit found open: a registered secret in any percent-, JSON- or
// HTML-escaped spelling (not only the encoders we use ourselves), passwords and keys under names and separators
// of other languages' logs (PHP print_r, Ruby/PHP hashes, YAML, env files, XML, header dumps), and short registered
// passwords inside base64 of `user:password` with a user name never seen.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { MAX_SECRETS, redact, registerSecret, unregisterSecret } from '../../../src/util/redact';

/** PHP rawurlencode, JavaScript's encodeURIComponent plus !'()* (RFC 3986 unreserved only). */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** PHP urlencode / Python quote_plus: RFC 3986, spaces as "+". */
const quotePlus = (s: string) => rfc3986(s).replace(/%20/g, '+');
/** Python urllib.parse.quote (safe="/"). */
const pyQuote = (s: string) => rfc3986(s).replace(/%2F/g, '/');
const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
const mixedHex = (s: string) => s.replace(/%([0-9A-F])([0-9A-F])/g, (_m, a: string, b: string) => `%${a.toLowerCase()}${b}`);
const jsonBody = (s: string) => JSON.stringify(s).slice(1, -1);
/** .NET / Python ensure_ascii: every non-ASCII UTF-16 unit as \uXXXX, upper- or lower-case hex. */
const asciiJson = (s: string, upper: boolean) => jsonBody(s).replace(/[\u0080-\uffff]/g, (c) => {
  const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
  return `\\u${upper ? hex.toUpperCase() : hex}`;
});
/** .NET's System.Text.Json default: also <, >, &, ', + as \u003C etc. */
const dotnetJson = (s: string) => asciiJson(s, true).replace(/[<>&'+]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
const htmlEntities = (s: string) => s.replace(/[&<>"'$()*!]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' } as Record<string, string>)[c] ?? `&#${c.charCodeAt(0)};`);
const htmlHexEntities = (s: string) => s.replace(/[^A-Za-z0-9]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`);

/** Pieces of `secret` (6 characters and more) found in `out`, in any spelling checked here. */
function leaks(out: string, secret: string): string[] {
  const spellings = [secret, encodeURIComponent(secret), rfc3986(secret)];
  const found: string[] = [];
  for (const s of spellings) for (let i = 0; i + 6 <= s.length; i++) if (out.includes(s.slice(i, i + 6))) found.push(s.slice(i, i + 6));
  return found;
}

describe('hardening: a registered secret in any percent-, JSON- or HTML-escaped spelling', () => {
  const secrets = [
    'Sup3r*Secret(1)!',
    `p@$$(w)rd.*+?!X Z~é${randomBytes(3).toString('hex')}`,
    `Ünï cødé/😀 ${randomBytes(3).toString('hex')}'"\\`,
    `tab\tnew\nline&amp;${randomBytes(3).toString('hex')}`,
  ];
  before(() => secrets.forEach(registerSecret));
  after(() => secrets.forEach(unregisterSecret));

  const forms: [string, (s: string) => string][] = [
    ['PHP rawurlencode (RFC 3986)', rfc3986],
    ['PHP urlencode / Python quote_plus (spaces as +)', quotePlus],
    ['Python quote (safe "/")', pyQuote],
    ['RFC 3986, lower-case hex', (s) => lowerHex(rfc3986(s))],
    ['RFC 3986, mixed-case hex', (s) => mixedHex(rfc3986(s))],
    ['every character percent-encoded', (s) => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')],
    ['percent-encoded twice (%25XX)', (s) => encodeURIComponent(rfc3986(s))],
    ['JSON \\u escapes, upper-case hex (.NET, Python ensure_ascii)', (s) => asciiJson(s, true)],
    ['JSON \\u escapes, lower-case hex', (s) => asciiJson(s, false)],
    ['System.Text.Json default (<>&\'+ as \\u)', dotnetJson],
    ['JSON with escaped slashes (PHP)', (s) => jsonBody(s).replace(/\//g, '\\/')],
    ['JSON-escaped three times', (s) => jsonBody(jsonBody(jsonBody(s)))],
    ['percent-encoded JSON (a JSON body in a query string)', (s) => encodeURIComponent(JSON.stringify({ e: s }))],
    ['form-encoded JSON', (s) => new URLSearchParams({ q: JSON.stringify({ e: s }) }).toString()],
    ['HTML entities (named and decimal)', htmlEntities],
    ['HTML hex entities', htmlHexEntities],
  ];
  for (const [name, form] of forms) {
    it(`${name}: masked, text around it kept`, () => {
      for (const secret of secrets) {
        const text = `before ${form(secret)} after`;
        const out = redact(text);
        assert.deepEqual(leaks(out, secret), [], `${JSON.stringify(text)} -> ${JSON.stringify(out)}`);
        assert.match(out, /^before .*\[redacted\].* after$/s, out);
      }
    });
  }

  it('the auditor\'s inputs', () => {
    for (const text of ['pass=Sup3r%2ASecret%281%29%21', 'pass=Sup3r%2aSecret%281%29%21', 'q=Sup3r%2ASecret%281%29!', '{"e":"Sup3r*Secret(1)\\u0021"}']) {
      assert.equal(redact(`x ${text} y`).includes('Secret'), false, text);
    }
  });

  it('stays idempotent and leaves text without the secret alone', () => {
    for (const secret of secrets) {
      const once = redact(`a ${quotePlus(secret)} b ${asciiJson(secret, true)} c`);
      assert.equal(redact(once), once);
    }
    for (const text of ['Sup3r%2ASecret', '%2A%28%29%21', 'p%40%24%24', 'hello+world', '\\u00E9 and &#36;']) assert.equal(redact(text), text);
  });

  it('no slow input: long runs of escapes, backslashes and percents stay linear', () => {
    const hostile = ['\\'.repeat(50_000), '%25'.repeat(20_000), '%2'.repeat(20_000), '\\u00'.repeat(20_000), 'Sup3r%2ASecret%281%29'.repeat(3000), '&#'.repeat(30_000), 'A'.repeat(60_000)];
    for (const text of hostile) {
      const t0 = process.hrtime.bigint();
      redact(text);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      // not a timing target (that is npm run bench): a catastrophic backtrack takes minutes, not a second
      assert.ok(ms < 3000, `${JSON.stringify(text.slice(0, 12))}… took ${ms.toFixed(0)} ms`);
    }
  });
});

describe('hardening: passwords and keys under any name and separator (never registered)', () => {
  const value = () => `Hx7${randomBytes(6).toString('hex')}`;
  const shapes: [string, (v: string) => string][] = [
    ['user_password= (a prefix with "_")', (v) => `user_password=${v}`],
    ['new_password= in a form body', (v) => `a=1&new_password=${v}&x=1`],
    ['db_password: (YAML)', (v) => `db_password: ${v}`],
    ['DB_PASSWORD= (env file)', (v) => `DB_PASSWORD=${v}`],
    ['X_API_KEY= (env file)', (v) => `X_API_KEY=${v}`],
    ['SMTP_PASS=', (v) => `SMTP_PASS=${v}`],
    ['passwordConfirmation (camelCase suffix)', (v) => JSON.stringify({ passwordConfirmation: v })],
    ['client_secret', (v) => `client_secret=${v}`],
    ['rc_token (a cookie)', (v) => `rc_token=${v}; rc_uid=abc`],
    ['apiKey inside a longer name', (v) => `helpcrunchApiKey: "${v}"`],
    ['PHP print_r', (v) => `Array\n(\n    [user] => bob\n    [password] => ${v}\n)`],
    ['PHP print_r, nested', (v) => `    [db_password] => ${v}\n`],
    ['PHP/Ruby hash, single quotes', (v) => `array('password' => '${v}')`],
    ['PHP/Ruby hash, double quotes, no spaces', (v) => `{"password"=>"${v}"}`],
    ['Ruby symbol hash', (v) => `{:password=>"${v}", :user=>"bob"}`],
    ['Ruby 1.9 hash', (v) => `{password: "${v}"}`],
    ['bare =>', (v) => `password => ${v}`],
    ['XML element', (v) => `<user><password>${v}</password></user>`],
    ['XML element with an attribute', (v) => `<Password type="text">${v}</Password>`],
    ['percent-encoded "="', (v) => `body=user%3Dbob%26password%3D${v}%26x%3D1`],
    ['percent-encoded JSON', (v) => encodeURIComponent(JSON.stringify({ password: v }))],
    ['prose "password is"', (v) => `the password is ${v}, please keep it`],
    ['Go http.Header dump', (v) => `map[Authorization:[Bearer ${v}] Accept:[application/json]]`],
    ['Authorization: Bearer', (v) => `Authorization: Bearer ${v}`],
    ['Authorization: Digest (several quoted parts)', (v) => `Authorization: Digest username="bob", response="${v}", nonce="x"`],
    ['Authorization with an unknown scheme', (v) => `authorization: Token token=${v}`],
    ['X-Auth-Token:', (v) => `X-Auth-Token: ${v}`],
    ['Cookie header with several cookies', (v) => `Cookie: rc_uid=abc; rc_token=${v}; theme=dark`],
    ['Set-Cookie', (v) => `Set-Cookie: PHPSESSID=${v}; path=/; HttpOnly`],
    ['sessionid query parameter', (v) => `/api?sessionid=${v}&x=1`],
    ['JSESSIONID in a URL path', (v) => `/app;jsessionid=${v}?x=1`],
  ];
  for (const [name, shape] of shapes) {
    it(`${name}: masked`, () => {
      const v = value();
      const text = shape(v);
      const out = redact(text);
      assert.ok(!out.includes(v.slice(0, 8)) && !out.includes(v.slice(-8)), `${JSON.stringify(text)} -> ${JSON.stringify(out)}`);
      assert.equal(redact(out), out, 'idempotent');
    });
  }

  describe('values with spaces and quotes are masked whole', () => {
    const v = 'pa ss "wo\'rd" x';
    const cases: [string, string][] = [
      ['JSON', JSON.stringify({ password: v, user: 'bob' })],
      ['JSON, spaced', `{ "password" : ${JSON.stringify(v)}, "user": "bob" }`],
      ['password="…"', `password="pa ss wo'rd x" user=bob`],
      ["password='…'", `password='pa ss "wo' user=bob`],
      ['PHP print_r runs to the end of the line', `[password] => pa ss wo rd x\n[user] => bob`],
      ['YAML at the start of a line runs to its end', `db:\n  password: pa ss wo rd x\n  user: bob`],
      ['env file at the start of a line', `DB_PASSWORD=pa ss wo rd x\nDB_USER=bob`],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        const out = redact(text);
        assert.ok(!/ss|wo|rd x/.test(out.replace(/pass(word)?|PASSWORD/gi, '')), `${JSON.stringify(text)} -> ${JSON.stringify(out)}`);
        assert.match(out, /bob|user/, `the rest is kept: ${out}`);
      });
    }
  });

  it('keeps what is not a secret', () => {
    for (const text of [
      'X-User-Id: hw5DThnhQmxDWnavu',
      '{"tokenType":"bearer","max_tokens":100,"token_count":3}',
      'bypass=1&compass=north&passenger=3',
      'author: Ada Lovelace',
      'The password is incorrect.',
      'The token is expired; use "Update Credentials".',
      'password_policy: strong',
      'Loaded 1,234 agents of connection c1 in 2.1 s.',
      'GET /api/agents/8683034?page_no=2 → 200 in 12 ms',
    ]) assert.equal(redact(text), text);
  });
});

describe('hardening: short registered passwords inside base64 (user:password with any user)', () => {
  const shorts = ['hunter2', 'abc1', 'p4ss!', 'Secr3t!!x', 'ünï7'];
  before(() => shorts.forEach(registerSecret));
  after(() => shorts.forEach(unregisterSecret));
  const users = ['', 'b', 'bo', 'bob', 'john@example.com', 'ünïcode-user'];
  const spell: [string, (b: Buffer) => string][] = [
    ['base64', (b) => b.toString('base64')],
    ['base64 without padding', (b) => b.toString('base64').replace(/=+$/, '')],
    ['base64url', (b) => b.toString('base64url')],
    ['base64, percent-encoded', (b) => encodeURIComponent(b.toString('base64'))],
    ['base64 in JSON with escaped slashes', (b) => b.toString('base64').replace(/\//g, '\\/')],
  ];
  for (const [name, enc] of spell) {
    it(`${name}: every user, every alignment`, () => {
      const bad: string[] = [];
      for (const pw of shorts) for (const user of users) {
        const token = enc(Buffer.from(user ? `${user}:${pw}` : pw));
        for (const text of [`Authorization: Basic ${token}`, `failed for ${token} here`, `{"auth":"${token}"}`, `x=${token}&y=1`]) {
          const out = redact(text);
          const decoded = out.split(/[^A-Za-z0-9+/=_-]+/).map((w) => Buffer.from(w, 'base64').toString('utf8')).join('|');
          if (out.includes(token) || decoded.includes(pw)) bad.push(`${user}:${pw} ${text} -> ${out}`);
        }
      }
      assert.deepEqual(bad.slice(0, 5), [], `${bad.length} leaks`);
    });
  }
  it('inside a longer base64 blob (a base64 JSON body)', () => {
    for (const pw of shorts) {
      const blob = Buffer.from(JSON.stringify({ user: 'x', password: pw, n: 12345 })).toString('base64');
      assert.ok(!redact(`body ${blob} end`).includes(blob.slice(-12)), pw);
    }
  });
  it('ordinary words and ids that merely decode are kept', () => {
    for (const text of ['Loaded agents of connection c1', 'agent hw5DThnhQmxDWnavu online', 'GET /api/v1/livechat/users/agent?count=100']) assert.equal(redact(text), text);
  });
});

describe('hardening: many registered secrets (a long session, many connections, a long test run)', () => {
  it('never fails, and masks the newest MAX_SECRETS in every spelling; a secret registered again stays', () => {
    const keep = `keep-${randomBytes(8).toString('hex')}`;
    registerSecret(keep);
    const many = Array.from({ length: MAX_SECRETS + 300 }, () => randomBytes(16).toString('hex'));
    const registered: string[] = [];
    try {
      for (const [i, s] of many.entries()) {
        registerSecret(s);
        registered.push(s);
        if (i % 50 === 0) registerSecret(keep); // in use: read again now and then
      }
      const newest = many[many.length - 1];
      for (const text of [`token ${newest} end`, `q=${encodeURIComponent(newest).replace(/a/g, '%61')}&x=1`, `"${keep}" &amp; more`]) {
        const out = redact(text);
        assert.ok(!out.includes(newest) && !out.includes(keep), out);
        assert.match(out, /\[redacted\]/, text);
      }
      assert.doesNotThrow(() => redact(`%${'x'.repeat(1000)}`));
    } finally {
      for (const s of [keep, ...registered]) unregisterSecret(s);
    }
  });
});
